#!/usr/bin/env bash
# bench.sh: what one null hypercall costs on each way into hv (`make bench`).
#
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
# Prints a Markdown table and writes it to $BENCH_TABLE. docs/performance.md
# explains the columns. The Makefile passes the variables below; the defaults
# match mk/qemu.mk for running it by hand after `make`.
set -euo pipefail
cd "$(dirname "$0")/.."

QEMU=${QEMU:-qemu-system-i386}
QEMU_MACHINE=${QEMU_MACHINE:--cpu max -nodefaults -m 64 -display none -no-reboot -device isa-debug-exit,iobase=0xf4,iosize=0x04}
HV_ELF=${HV_ELF:-build/hv/hv.elf}
BENCH_ELF=${BENCH_ELF:-build/tests/bench/hypercall-cost.elf}
BENCH_TABLE=${BENCH_TABLE:-build/bench/hypercall.md}

# Counts are exact, so few iterations do; wall-clock ratios want more, and the
# guest keeps the fastest of several rounds.
ICOUNT_ARGS="iters=10000 rounds=3"
WALL_ARGS="iters=100000 rounds=5"
TIMEOUT=30

OUT=$(dirname "$BENCH_TABLE")
mkdir -p "$OUT"
read -ra machine <<<"$QEMU_MACHINE"

die() {
	echo "bench: $*" >&2
	exit 1
}

for f in "$HV_ELF" "$BENCH_ELF"; do
	[ -f "$f" ] || die "no $f: build it first (make bench does)"
done

# run_guest LOG TRANSPORT MODE [QEMU ARGS...]: one boot; the serial console goes to LOG.
# Every domain must finish cleanly (QEMU status 1), or the numbers are void.
run_guest() {
	local log=$1 transport=$2 mode=$3 status=0 args
	shift 3
	if [ "$mode" = icount ]; then args=$ICOUNT_ARGS; else args=$WALL_ARGS; fi
	timeout "$TIMEOUT" "$QEMU" "${machine[@]}" "$@" -serial "file:$log" -kernel "$HV_ELF" \
		-initrd "$BENCH_ELF hypercall=$transport mode=$mode $args" \
		</dev/null >"$log.qemu" 2>&1 || status=$?
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

# Exact counts, each configuration twice.
for transport in int vmcall; do
	for n in 1 2; do
		run_guest "$OUT/icount-$transport-$n.log" "$transport" icount -icount shift=0,sleep=off
	done
	if ! diff <(numbers "$OUT/icount-$transport-1.log") \
		<(numbers "$OUT/icount-$transport-2.log") >/dev/null; then
		echo "bench: WARNING: two -icount runs with hypercall=$transport disagree; the counts are not deterministic:" >&2
		diff <(numbers "$OUT/icount-$transport-1.log") \
			<(numbers "$OUT/icount-$transport-2.log") >&2 || true
	fi
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
	run_guest "$OUT/wall-$transport.log" "$transport" wall
done

# ratio LOG PATH: PATH's ticks per call over the function call's, in that run.
ratio() {
	local t c
	t=$(value "$1" "$2" ticks_per_call)
	c=$(value "$1" call ticks_per_call)
	awk -v t="$t" -v c="$c" 'BEGIN { if (c > 0) printf "%.0f", t / c; else printf "n/a" }'
}

insns() { value "$OUT/icount-$1-1.log" "$2" insns_per_call; }

if commit=$(git rev-parse --short HEAD 2>/dev/null); then
	[ -z "$(git status --porcelain 2>/dev/null)" ] || commit="$commit plus uncommitted changes"
else
	commit="an uncommitted tree"
fi

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
echo "bench: table written to $BENCH_TABLE (logs in $OUT)"
