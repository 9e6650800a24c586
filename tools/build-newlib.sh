#!/usr/bin/env bash
# build-newlib.sh: build newlib once as a freestanding i686-elf C library for guests.
#
#   tools/build-newlib.sh TARBALL OUTDIR
#
# Guests (pvguest, a ported toy OS) get printf, snprintf, malloc and friends from
# newlib. There is no i686-elf cross compiler on a stock Debian machine, so we make
# one out of the host's own tools: tiny wrapper scripts in OUTDIR/bin that call
# `gcc -m32`, `as --32` and `ld -m elf_i386` with every Linux assumption stripped.
# newlib's configure only ever compiles with them, never links, so that is enough.
#
# Layout under OUTDIR:
#   src/        the extracted newlib source
#   obj/        the build tree
#   install/    the result: i686-elf/include (headers) and i686-elf/lib (libc.a, libm.a)
#   bin/        the wrapper cross tools
#   build.log   everything configure and make said
#
# The guest supplies the system calls newlib needs (_write, _sbrk, ...), see
# hypercall-abi/lib. The caller (mk/newlib.mk) writes the stamp file on success.

set -euo pipefail

if [ $# -ne 2 ]; then
	echo "usage: $0 TARBALL OUTDIR" >&2
	exit 2
fi
tarball=$1
mkdir -p "$2"
out=$(cd "$2" && pwd)
log=$out/build.log
shown_log=$2/build.log # the same file, as the caller spelled it

if [ ! -f "$tarball" ]; then
	echo "newlib: $tarball not found; run 'make deps' (it installs newlib-source)" >&2
	exit 1
fi

# Start from scratch: a half-finished earlier attempt must not leak into this one.
rm -rf "${out:?}/src" "${out:?}/obj" "${out:?}/install" "${out:?}/bin"
mkdir -p "$out/src" "$out/obj" "$out/install" "$out/bin"
: >"$log"

# Run a step with its output going to the log; on failure show the log's tail.
step() {
	if ! "$@" >>"$log" 2>&1; then
		echo "newlib: FAILED; last lines of $shown_log:" >&2
		tail -n 30 "$log" >&2
		exit 1
	fi
}

echo "newlib: extracting $(basename "$tarball")"
# The Debian tarball's top folder is 'newlib-salsa', not 'newlib-3.3.0'.
step tar -xJf "$tarball" -C "$out/src" --strip-components=1

# The wrapper cross tools. The compiler keeps gcc's freestanding headers (stddef.h,
# stdarg.h, ...) but after newlib's own, and forgets that the host is Linux.
gcc_include=$(gcc -print-file-name=include)
cat >"$out/bin/i686-elf-gcc" <<EOF
#!/bin/sh
exec gcc -m32 -march=i686 -nostdinc -idirafter $gcc_include \\
	-U__linux__ -U__linux -Ulinux -U__gnu_linux__ -U__unix__ -U__unix -Uunix "\$@"
EOF
cat >"$out/bin/i686-elf-as" <<'EOF'
#!/bin/sh
exec as --32 "$@"
EOF
cat >"$out/bin/i686-elf-ld" <<'EOF'
#!/bin/sh
exec ld -m elf_i386 "$@"
EOF
for tool in ar ranlib nm objcopy objdump strip readelf; do
	ln -s "$(command -v $tool)" "$out/bin/i686-elf-$tool"
done
chmod +x "$out/bin/i686-elf-gcc" "$out/bin/i686-elf-as" "$out/bin/i686-elf-ld"
export PATH="$out/bin:$PATH"

# Keep the caller's make and compiler settings out of newlib's build: `make CC=clang`
# at the top level would otherwise reach newlib's own makefiles through MAKEFLAGS.
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES CC CFLAGS CPPFLAGS LDFLAGS

# -UMISSING_SYSCALL_NAMES: call _write/_sbrk, not write/sbrk, so the guest's glue is
# the only provider. The io options make %lld and %zu work (without them varargs go
# out of step). Freestanding, non-PIC, no stack protector: the guest has no runtime.
# --noexecstack marks newlib's own .S files (memcpy, setjmp, ...) so that ld 2.40
# does not warn about an executable stack in every guest that links them.
# No unwind tables either: nothing in a guest unwinds, and they would put an
# allocated .eh_frame into every guest image (the project's own code drops them too).
target_cflags="-O2 -g -ffreestanding -fno-pie -fno-pic -fno-stack-protector"
target_cflags="$target_cflags -fno-asynchronous-unwind-tables -Wa,--noexecstack"
target_cflags="$target_cflags -UMISSING_SYSCALL_NAMES"

echo "newlib: configuring for i686-elf"
cd "$out/obj"
step "$out/src/configure" \
	--target=i686-elf \
	--prefix="$out/install" \
	--disable-newlib-supplied-syscalls \
	--disable-multilib \
	--disable-libgloss \
	--enable-newlib-io-long-long \
	--enable-newlib-io-c99-formats \
	CC_FOR_TARGET=i686-elf-gcc \
	AS_FOR_TARGET=i686-elf-as \
	LD_FOR_TARGET=i686-elf-ld \
	AR_FOR_TARGET=i686-elf-ar \
	RANLIB_FOR_TARGET=i686-elf-ranlib \
	NM_FOR_TARGET=i686-elf-nm \
	OBJCOPY_FOR_TARGET=i686-elf-objcopy \
	OBJDUMP_FOR_TARGET=i686-elf-objdump \
	STRIP_FOR_TARGET=i686-elf-strip \
	READELF_FOR_TARGET=i686-elf-readelf \
	CFLAGS_FOR_TARGET="$target_cflags"

echo "newlib: building (about a minute; log in $shown_log)"
step make -j"$(nproc)" all-target-newlib
step make install-target-newlib

for f in include/stdio.h lib/libc.a lib/libm.a; do
	if [ ! -f "$out/install/i686-elf/$f" ]; then
		echo "newlib: FAILED: $out/install/i686-elf/$f was not installed" >&2
		exit 1
	fi
done
echo "newlib: installed into $2/install/i686-elf"
