#!/usr/bin/env bash
# deps.sh: install the Debian packages pv32 needs, and only the missing ones.
#
# `make deps` runs this, and so do `make run` and `make test`, so it must be quick
# when there is nothing to do: one dpkg-query call, no apt, no network.

set -euo pipefail

# What each package is for:
#   qemu-system-x86   qemu-system-i386, which runs hv and every guest
#   gcc-multilib      gcc -m32 and the 32-bit libgcc (64-bit division helpers)
#   binutils, make    as, ld, objcopy, objdump (pvscan reads its output), make
#   newlib-source     the newlib 3.3.0 tarball that becomes the guests' C library
#   xz-utils          to unpack that tarball
#   libcriterion-dev  the host unit-test framework, found through pkg-config
#   pkg-config        see above
#   clang-format      `make check-format` / `make format`
#   gdb               `make debug`
packages=(
	qemu-system-x86
	gcc-multilib
	binutils
	make
	newlib-source
	xz-utils
	libcriterion-dev
	pkg-config
	clang-format
	gdb
)

die() {
	echo "deps: $*" >&2
	exit 1
}

command -v dpkg-query >/dev/null 2>&1 ||
	die "this needs a Debian-like system (dpkg, apt-get); install by hand: ${packages[*]}"

# dpkg-query prints nothing for packages it has never heard of and exits 1, so
# read its answers and treat every package without an "ii" line as missing.
declare -A installed=()
while read -r name status; do
	[ "$status" = ii ] && installed[$name]=1
done < <(dpkg-query -W -f='${Package} ${db:Status-Abbrev}\n' "${packages[@]}" 2>/dev/null || true)

missing=()
for p in "${packages[@]}"; do
	[ -n "${installed[$p]:-}" ] || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
	echo "deps: all ${#packages[@]} packages present"
	exit 0
fi

echo "deps: installing ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
	sudo=()
elif command -v sudo >/dev/null 2>&1; then
	sudo=(sudo)
else
	die "not root and no sudo; as root run: apt-get install ${missing[*]}"
fi

export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q ||
	die "apt-get update failed; fix the apt sources or network, then rerun 'make deps'"
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
	apt-get install -y -q --no-install-recommends "${missing[@]}" ||
	die "could not install: ${missing[*]}"
echo "deps: done"
