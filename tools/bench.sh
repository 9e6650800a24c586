#!/usr/bin/env bash
# bench.sh: what hypercalls, page-table updates, page faults, system calls,
# events, domain switches and the virtual IF cost (`make bench`).
#
# Part 1, the null hypercall on each way into hv:
# Boots the hypercall-cost guest (tests/bench/hypercall-cost) four times under
# QEMU -icount shift=0,sleep=off, where a TSC difference is an exact count of
# retired instructions: twice with hypercall=int and twice with hypercall=vmcall
# (the transport behind the hypercall page). The second run of each pair must
# print the same numbers as the first, or the counts are not to be trusted and a
# warning says so. Then it boots the guest once per transport under plain TCG,
# where the TSC follows the host clock, and turns those ticks into ratios against
# the function call timed in the same run: absolute times are host noise, ratios
# within one run are not.
#
# Part 2, memory and system calls: boots the mm-cost guest (tests/bench/mm-cost)
# the same way, twice under -icount and once under plain TCG for each of
# fasttrap=on (INT 0x80 enters the guest kernel directly) and fasttrap=off (it is
# bounced through hv). Everything but the system call must cost the same in both
# configurations.
#
# Part 3, events, domain switches and the virtual IF: boots the event-cost guest
# (tests/bench/event-cost) twice under -icount in each of two configurations:
# with a partner domain (an event-channel round trip, sched_op YIELD alone and
# between two domains) and alone with emulate=1 (a real CLI/STI pair, trapped and
# emulated by hv). Both configurations time the virtual CLI/STI pair, and must
# agree on it. No TCG run: these are instruction counts only.
#
# Prints three Markdown tables and writes them to $BENCH_TABLE, $MM_BENCH_TABLE
# and $EVENT_BENCH_TABLE.
# docs/performance.md explains the columns. The Makefile passes the variables
# below; the defaults match mk/qemu.mk for running it by hand after `make`.
set -euo pipefail
cd "$(dirname "$0")/.."

QEMU=${QEMU:-qemu-system-i386}
QEMU_MACHINE=${QEMU_MACHINE:--cpu max -nodefaults -m 64 -display none -no-reboot -device isa-debug-exit,iobase=0xf4,iosize=0x04}
HV_ELF=${HV_ELF:-build/hv/hv.elf}
BENCH_ELF=${BENCH_ELF:-build/tests/bench/hypercall-cost.elf}
BENCH_TABLE=${BENCH_TABLE:-build/bench/hypercall.md}
MM_BENCH_ELF=${MM_BENCH_ELF:-build/tests/bench/mm-cost.elf}
MM_BENCH_TABLE=${MM_BENCH_TABLE:-build/bench/mm.md}
EVENT_BENCH_ELF=${EVENT_BENCH_ELF:-build/tests/bench/event-cost.elf}
EVENT_BENCH_TABLE=${EVENT_BENCH_TABLE:-build/bench/event.md}

# Counts are exact, so few iterations do; wall-clock ratios want more, and the
# guest keeps the fastest of several rounds.
ICOUNT_ARGS="iters=1000 rounds=6" # a round stays well under the 1 ms tick (1M insns)
WALL_ARGS="iters=100000 rounds=5"
MM_ICOUNT_ARGS="iters=200 rounds=6"
MM_WALL_ARGS="iters=20000 rounds=5"
# Short rounds, many of them: hv's 1 kHz tick (one every 10^6 instructions under
# -icount) lands in a few, and the guest keeps the smallest.
EVENT_ICOUNT_ARGS="iters=20 rounds=15"
TIMEOUT=30

OUT=$(dirname "$BENCH_TABLE")
mkdir -p "$OUT"
read -ra machine <<<"$QEMU_MACHINE"

die() {
	echo "bench: $*" >&2
	exit 1
}

for f in "$HV_ELF" "$BENCH_ELF" "$MM_BENCH_ELF" "$EVENT_BENCH_ELF"; do
	[ -f "$f" ] || die "no $f: build it first (make bench does)"
done

# run_guest LOG MODULE [QEMU ARGS...]: one boot of hv with MODULE (the guest ELF
# and its command line); the serial console goes to LOG. Every domain must finish
# cleanly (QEMU status 1), or the numbers are void.
run_guest() {
	local log=$1 module=$2 status=0
	shift 2
	timeout "$TIMEOUT" "$QEMU" "${machine[@]}" "$@" -serial "file:$log" -kernel "$HV_ELF" \
		-initrd "$module" </dev/null >"$log.qemu" 2>&1 || status=$?
	if [ "$status" != 1 ]; then
		cat "$log" "$log.qemu" >&2
		die "$log: $(tools/qemu-status "$status")"
	fi
	grep '^bench: warning' "$log" >&2 || true
}

# value LOG PATH KEY: the number the guest printed as "bench: PATH KEY=NUMBER".
value() {
	local v
	v=$(sed -n "s/^bench: $2 $3=\([0-9.]*\)\$/\1/p" "$1")
	[ -n "$v" ] || die "$1: no 'bench: $2 $3=' line"
	printf '%s' "$v"
}

# The bench lines of a log, for comparing two runs.
numbers() { grep '^bench: ' "$1"; }

# same_numbers NAME LOG1 LOG2: warn unless two -icount runs printed the same.
same_numbers() {
	if ! diff <(numbers "$2") <(numbers "$3") >/dev/null; then
		echo "bench: WARNING: two -icount runs with $1 disagree; the counts are not deterministic:" >&2
		diff <(numbers "$2") <(numbers "$3") >&2 || true
	fi
}

if commit=$(git rev-parse --short HEAD 2>/dev/null); then
	[ -z "$(git status --porcelain 2>/dev/null)" ] || commit="$commit plus uncommitted changes"
else
	commit="an uncommitted tree"
fi

# ---- Part 1: the null hypercall ----

# Exact counts, each configuration twice.
for transport in int vmcall; do
	for n in 1 2; do
		run_guest "$OUT/icount-$transport-$n.log" \
			"$BENCH_ELF hypercall=$transport mode=icount $ICOUNT_ARGS" -icount shift=0,sleep=off
	done
	same_numbers "hypercall=$transport" "$OUT/icount-$transport-1.log" "$OUT/icount-$transport-2.log"
done
# The direct paths do not depend on the page's transport, so both configurations
# must agree on them too.
for path in int82 vmcall call; do
	a=$(value "$OUT/icount-int-1.log" "$path" insns_per_call)
	b=$(value "$OUT/icount-vmcall-1.log" "$path" insns_per_call)
	[ "$a" = "$b" ] ||
		echo "bench: WARNING: $path costs $a instructions with hypercall=int but $b with hypercall=vmcall" >&2
done

# Wall-clock ticks under plain TCG, one run per configuration.
for transport in int vmcall; do
	run_guest "$OUT/wall-$transport.log" "$BENCH_ELF hypercall=$transport mode=wall $WALL_ARGS"
done

# ratio LOG PATH [KEY]: PATH's ticks per call (or per KEY) over the function
# call's, in that run.
ratio() {
	local t c
	t=$(value "$1" "$2" "ticks_per_${3:-call}")
	c=$(value "$1" call ticks_per_call)
	awk -v t="$t" -v c="$c" 'BEGIN { if (c > 0) printf "%.0f", t / c; else printf "n/a" }'
}

insns() { value "$OUT/icount-$1-1.log" "$2" insns_per_call; }

table=$(
	echo "| path | instructions per round trip | TCG time ratio vs function call |"
	echo "|---|---:|---:|"
	echo "| int 0x82 | $(insns int int82) | $(ratio "$OUT/wall-int.log" int82) |"
	echo "| VMCALL (#UD, decoded by hv) | $(insns int vmcall) | $(ratio "$OUT/wall-int.log" vmcall) |"
	echo "| hypercall page, hypercall=int | $(insns int page) | $(ratio "$OUT/wall-int.log" page) |"
	echo "| hypercall page, hypercall=vmcall | $(insns vmcall page) | $(ratio "$OUT/wall-vmcall.log" page) |"
	echo "| function call (noinline) | $(insns int call) | 1 |"
	echo
	echo "Null hypercall version(PV_VERSION_ABI), guest and hv instructions together" \
		"(QEMU -icount shift=0,sleep=off; $ICOUNT_ARGS; empty loop subtracted)." \
		"Ratios: TSC ticks per call under plain TCG over the function call's in the same run" \
		"($WALL_ARGS, fastest round). $(date -u '+%Y-%m-%d %H:%M UTC'), $commit."
)
printf '%s\n' "$table" >"$BENCH_TABLE"
printf '%s\n' "$table"

# ---- Part 2: page-table updates, a page fault, a system call ----

# INT 0x80 enters the guest directly with fasttrap=on (hv's default) and through
# hv with fasttrap=off.
for trap in on off; do
	for n in 1 2; do
		run_guest "$OUT/mm-icount-fasttrap-$trap-$n.log" \
			"$MM_BENCH_ELF fasttrap=$trap mode=icount $MM_ICOUNT_ARGS" -icount shift=0,sleep=off
	done
	same_numbers "mm-cost fasttrap=$trap" "$OUT/mm-icount-fasttrap-$trap-1.log" \
		"$OUT/mm-icount-fasttrap-$trap-2.log"
	run_guest "$OUT/mm-wall-fasttrap-$trap.log" "$MM_BENCH_ELF fasttrap=$trap mode=wall $MM_WALL_ARGS"
done

# mm TRAP PATH KEY: PATH's instructions per KEY (pte or call), from the first
# -icount run with fasttrap=TRAP. mm_ratio TRAP PATH [KEY]: its TCG ratio.
mm() { value "$OUT/mm-icount-fasttrap-$1-1.log" "$2" "insns_per_$3"; }
mm_ratio() { ratio "$OUT/mm-wall-fasttrap-$1.log" "$2" "${3:-call}"; }
# quotient A B: A / B to two decimals.
quotient() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "n/a" }'; }

# Only the system call may depend on the fast trap.
for path in pte_batch/pte pte_single/pte pte_update_va/pte page_fault/call call/call; do
	a=$(mm on "${path%/*}" "${path#*/}")
	b=$(mm off "${path%/*}" "${path#*/}")
	[ "$a" = "$b" ] ||
		echo "bench: WARNING: ${path%/*} costs $a instructions with fasttrap=on but $b with fasttrap=off" >&2
done
direct=$(mm on syscall call)
bounced=$(mm off syscall call)
awk -v d="$direct" -v b="$bounced" 'BEGIN { exit !(d < b) }' ||
	echo "bench: WARNING: the direct system call ($direct) is not cheaper than the bounced one ($bounced)" >&2

batch=$(mm on pte_batch pte)
single=$(mm on pte_single pte)
update_va=$(mm on pte_update_va pte)
mm_table=$(
	echo "| operation | instructions | TCG time ratio vs function call |"
	echo "|---|---:|---:|"
	echo "| PTE update: one mmu_update batch of 512, per PTE | $batch | $(mm_ratio on pte_batch pte) |"
	echo "| PTE update: 512 single-request mmu_update calls, per PTE | $single | $(mm_ratio on pte_single pte) |"
	echo "| PTE update: 512 update_va_mapping calls, per PTE | $update_va | $(mm_ratio on pte_update_va pte) |"
	echo "| page fault: #PF bounced to the guest, iret back | $(mm on page_fault call) | $(mm_ratio on page_fault) |"
	echo "| system call: INT 0x80 from ring 3, direct gate (fast trap) | $direct | $(mm_ratio on syscall) |"
	echo "| system call: INT 0x80 from ring 3, fasttrap=off (through hv) | $bounced | $(mm_ratio off syscall) |"
	echo "| function call (noinline) | $(mm on call call) | 1 |"
	echo
	wall_on=$OUT/mm-wall-fasttrap-on.log
	echo "- Batching: per PTE, 512 single requests cost $(quotient "$single" "$batch") times as many" \
		"instructions as the batch, and update_va_mapping $(quotient "$update_va" "$batch") times as many" \
		"(under TCG single requests take $(quotient "$(value "$wall_on" pte_single ticks_per_pte)" \
			"$(value "$wall_on" pte_batch ticks_per_pte)") times as long)."
	echo "- Fast trap: the direct gate saves $(awk -v d="$direct" -v b="$bounced" 'BEGIN { print b - d }')" \
		"of the $bounced instructions of a bounced system call, which costs $(quotient "$bounced" "$direct")" \
		"times as many as a direct one (under TCG it takes" \
		"$(quotient "$(mm_ratio off syscall)" "$(mm_ratio on syscall)") times as long, each" \
		"measured in function calls of its own run)."
	echo
	echo "Guest and hv instructions together (QEMU -icount shift=0,sleep=off; $MM_ICOUNT_ARGS;" \
		"empty loop subtracted). Each method remaps the same 512 pages read-only and back read-write;" \
		"the count is the average of the two. Ratios: TSC ticks under plain TCG over the function" \
		"call's in the same run ($MM_WALL_ARGS, fastest round). $(date -u '+%Y-%m-%d %H:%M UTC'), $commit."
)
printf '%s\n' "$mm_table" >"$MM_BENCH_TABLE"
echo
printf '%s\n' "$mm_table"

# ---- Part 3: events, domain switches, the virtual IF ----

# peer: domain 1 measures, domain 2 echoes pings and later yields back; hv
# destroys domain 2 once domain 1 (expect=finish) is done. emulate: domain 1
# alone, with hv emulating its CLI and STI.
for n in 1 2; do
	run_guest "$OUT/event-icount-peer-$n.log" \
		"$EVENT_BENCH_ELF name=main expect=finish peer=1 $EVENT_ICOUNT_ARGS,$EVENT_BENCH_ELF name=echo role=echo" \
		-icount shift=0,sleep=off
	run_guest "$OUT/event-icount-emulate-$n.log" \
		"$EVENT_BENCH_ELF name=main emulate=1 $EVENT_ICOUNT_ARGS" -icount shift=0,sleep=off
done
same_numbers "event-cost peer=1" "$OUT/event-icount-peer-1.log" "$OUT/event-icount-peer-2.log"
same_numbers "event-cost emulate=1" "$OUT/event-icount-emulate-1.log" "$OUT/event-icount-emulate-2.log"

ev() { value "$OUT/event-icount-$1-1.log" "$2" insns_per_op; }
virtual=$(ev peer virtual_pair)
[ "$virtual" = "$(ev emulate virtual_pair)" ] ||
	echo "bench: WARNING: the virtual CLI/STI pair costs $virtual instructions in one boot but" \
		"$(ev emulate virtual_pair) in the other" >&2
emulated=$(ev emulate emulated_pair)
alone=$(ev peer yield_alone)
pair=$(ev peer yield_pair)
switch=$(awk -v p="$pair" 'BEGIN { printf "%g", p / 2 }')
event_table=$(
	echo "| operation | instructions |"
	echo "|---|---:|"
	echo "| event-channel round trip: send, BLOCK until the other domain's upcall has sent back | $(ev peer round_trip) |"
	echo "| domain switch: two domains yielding to each other, per switch | $switch |"
	echo "| sched_op YIELD with no other domain runnable (no switch) | $alone |"
	echo "| virtual CLI/STI pair: pv_events_mask(); pv_events_unmask(), nothing pending | $virtual |"
	echo "| emulated CLI/STI pair: cli; sti, each a #GP emulated by hv (emulate=1) | $emulated |"
	echo
	echo "- The emulated pair costs $(awk -v e="$emulated" -v v="$virtual" 'BEGIN { printf "%.0f", e / v }')" \
		"times as many instructions as the virtual one."
	echo "- A yield that switches costs $(awk -v s="$switch" -v a="$alone" 'BEGIN { printf "%g", s - a }')" \
		"more than one that finds nobody else to run (each switch includes the other domain's" \
		"loop around its own yield)."
	echo
	echo "Guest and hv instructions together, both domains' included, counted in domain 1" \
		"(QEMU -icount shift=0,sleep=off; $EVENT_ICOUNT_ARGS; smallest round, an empty function" \
		"call subtracted). $(date -u '+%Y-%m-%d %H:%M UTC'), $commit."
)
printf '%s\n' "$event_table" >"$EVENT_BENCH_TABLE"
echo
printf '%s\n' "$event_table"
echo "bench: tables written to $BENCH_TABLE, $MM_BENCH_TABLE and $EVENT_BENCH_TABLE (logs in $OUT)"
