#!/bin/bash
# run-guests.sh: boot every in-guest test under QEMU and judge it.
#
# usage: tests/run-guests.sh [--show] [NAME...]
#        (default: every tests/guests/*/ but common; --show prints each console)
#
# A test is a directory tests/guests/NAME/. Its sources build
# build/tests/guests/NAME.elf (tests/guests/guests.mk). An optional test.conf, read
# as shell, describes the run:
#   MODULES        one module per line: "PATH args..."; @X means
#                  build/tests/guests/X.elf. Default: "@NAME name=NAME".
#   EXPECT_STATUS  QEMU's exit status (default 1: every domain finished cleanly;
#                  3: a domain failed; 7: no domain could be built).
#   EXPECT_RESULT  SUCCESS (default): exactly one "Test result:" line and it says
#                  SUCCESS. none: there must be no such line.
#   EXPECT_LINES   lines that must appear verbatim, one per line (hv's reports).
#   TIMEOUT        seconds before the run counts as hung (default 20).
# Verdicts: a timeout, QEMU status 0 (a triple fault), another status, a missing or
# extra result line, or a missing expected line is a failure.
set -u
cd "$(dirname "$0")/.."

BUILD=${BUILD:-build}
HV_ELF=$BUILD/hv/hv.elf
LOGDIR=$BUILD/tests/logs
mkdir -p "$LOGDIR"

QEMU_MACHINE=(-cpu max -nodefaults -m 64 -display none -no-reboot
	-device isa-debug-exit,iobase=0xf4,iosize=0x04)

# Turn test.conf's MODULES into QEMU's -initrd list (comma-separated; a comma
# inside a module's command line is doubled).
initrd_list() {
	local list="" line path rest
	while IFS= read -r line; do
		[ -n "${line// /}" ] || continue
		path=${line%% *}
		rest=""
		[ "$path" != "$line" ] && rest=" ${line#* }"
		case "$path" in @*) path="$BUILD/tests/guests/${path#@}.elf" ;; esac
		line="$path$rest"
		list+="${list:+,}${line//,/,,}"
	done <<<"$1"
	printf '%s' "$list"
}

# Run one test; print PASS/FAIL; return 0 on pass.
run_one() {
	local name=$1 dir=tests/guests/$1 log=$LOGDIR/$1.log
	local MODULES="@$name name=$name" EXPECT_STATUS=1 EXPECT_RESULT=SUCCESS EXPECT_LINES="" TIMEOUT=20
	# shellcheck disable=SC1091
	[ -f "$dir/test.conf" ] && . "$dir/test.conf"

	local initrd status
	initrd=$(initrd_list "$MODULES")
	timeout "$TIMEOUT" qemu-system-i386 "${QEMU_MACHINE[@]}" -serial "file:$log" \
		-kernel "$HV_ELF" -initrd "$initrd" </dev/null >"$log.qemu" 2>&1
	status=$?

	local why=""
	if [ "$status" = 124 ]; then
		why="timed out after ${TIMEOUT}s"
	elif [ "$status" = 0 ]; then
		why="QEMU status 0: triple fault"
	elif [ "$status" != "$EXPECT_STATUS" ]; then
		why="QEMU status $status, expected $EXPECT_STATUS ($(tools/qemu-status "$status"))"
	fi
	if [ -z "$why" ]; then
		local results
		results=$(grep -cE '^Test result: (SUCCESS|FAILURE|ERROR|SKIP)$' "$log")
		if [ "$EXPECT_RESULT" = none ]; then
			[ "$results" = 0 ] || why="unexpected Test result line"
		elif [ "$results" != 1 ]; then
			why="$results Test result lines, expected exactly one"
		elif ! grep -qx "Test result: $EXPECT_RESULT" "$log"; then
			why="$(grep -m1 '^Test result:' "$log")"
		fi
	fi
	if [ -z "$why" ]; then
		local line
		while IFS= read -r line; do
			[ -n "$line" ] || continue
			grep -qxF -- "$line" "$log" || { why="missing line: $line"; break; }
		done <<<"$EXPECT_LINES"
	fi

	if [ -z "$why" ]; then
		echo "PASS $name"
		return 0
	fi
	echo "FAIL $name: $why (log: $log)"
	return 1
}

show=0
if [ "${1:-}" = --show ]; then
	show=1
	shift
fi
if [ $# -gt 0 ]; then
	names=("$@")
else
	names=()
	for d in tests/guests/*/; do
		d=${d%/}
		[ "${d##*/}" = common ] || names+=("${d##*/}")
	done
fi

passed=0
failed=0
for name in "${names[@]}"; do
	if run_one "$name"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
	fi
	[ "$show" = 0 ] || cat "$LOGDIR/$name.log"
done
echo "guests: $passed passed, $failed failed"
[ "$failed" = 0 ]
