#!/bin/sh
# check_pvscan.sh: the three checks behind `make check-pvscan` (tools/scanner/scanner.mk).
#
#   check_pvscan.sh clean PVSCAN ELF...        each ELF scans clean (exit 0)
#   check_pvscan.sh privileged PVSCAN HV_ELF   hv is reported (exit 1) with at least lgdt,
#                                              lidt, ltr, out, iret and a mov to %cr3
#   check_pvscan.sh expect PVSCAN ELF:a,b...   each ELF is reported (exit 1) with exactly
#                                              the names a, b, ... in its summary
#
# The first proves the guests are para-virtualized; the other two prove the
# scanner can see: a scanner that found nothing in hv would pass every guest.

mode=$1
pvscan=$2
shift 2 || exit 2

fail() {
	echo "check-pvscan: $*" >&2
	exit 1
}

# The names in a summary: its indented "  name: count" lines, sorted.
summary_names() {
	sed -n 's/^  \([^ :]*\): [0-9][0-9]*$/\1/p' | sort -u
}

# Run pvscan with the given arguments; leave its output in $out and status in $rc.
scan() {
	out=$("$pvscan" "$@" 2>&1)
	rc=$?
}

case $mode in
clean)
	for elf in "$@"; do
		scan "$elf"
		if [ "$rc" -ne 0 ]; then
			printf '%s\n' "$out" >&2
			fail "$elf must have no sensitive instruction (pvscan exit $rc)"
		fi
	done
	echo "check-pvscan: $# guest(s) clean"
	;;
privileged)
	elf=$1
	scan "$elf"
	[ "$rc" -eq 1 ] || { printf '%s\n' "$out" >&2; fail "$elf: expected pvscan exit 1, got $rc"; }
	names=$(printf '%s\n' "$out" | summary_names)
	for want in lgdt lidt ltr out iret; do
		printf '%s\n' "$names" | grep -qx "$want" || fail "$elf: no $want reported; pvscan is blind"
	done
	printf '%s\n' "$out" | grep -q ': mov [^ ]*,%cr3$' ||
		fail "$elf: no mov to %cr3 reported; pvscan is blind"
	echo "check-pvscan: $elf reported with its privileged instructions"
	;;
expect)
	for item in "$@"; do
		case $item in
		?*:?*) ;;
		*) fail "malformed PVSCAN_EXPECT item '$item' (want ELF:name,name; a comma inside \$(if) splits it)" ;;
		esac
		elf=${item%%:*}
		want=$(printf '%s\n' "${item#*:}" | tr ',' '\n' | sed '/^$/d' | sort -u)
		scan --quiet "$elf"
		[ "$rc" -eq 1 ] || { printf '%s\n' "$out" >&2; fail "$elf: expected pvscan exit 1, got $rc"; }
		got=$(printf '%s\n' "$out" | summary_names)
		if [ "$got" != "$want" ]; then
			printf '%s\n' "$out" >&2
			fail "$elf: expected exactly {$(echo $want)}, got {$(echo $got)}"
		fi
	done
	echo "check-pvscan: $# deliberately sensitive guest(s) reported as expected"
	;;
*)
	echo "usage: check_pvscan.sh clean|privileged|expect PVSCAN ARGS..." >&2
	exit 2
	;;
esac
