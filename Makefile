# pv32: a para-virtualizing microhypervisor for 32-bit x86.
#
#   make            build hv, the guest library, pvguest and the test guests
#   make run        boot hv with pvguest in QEMU (serial console on this terminal)
#   make run-multi  boot seven domains: three workers and four attackers
#   make debug      the same, stopped at the first instruction, with gdb attached
#   make test       unit tests, generated-file drift, format, pvscan, in-guest tests
#   make bench      instruction counts: hypercalls, PTE updates, faults, syscalls
#   make docs       regenerate docs/abi.md's table and the guided tour
#   make deps       install the Debian packages this needs (run and test do it too)
#   make clean      remove build/
#
# Every generated artefact lives under build/. Each directory contributes a
# fragment (*.mk) that appends to the lists below; this file only wires them up.

BUILD := build
CC := gcc
HOSTCC := gcc
LD := ld -m elf_i386
AR := ar
OBJCOPY := objcopy
QEMU := qemu-system-i386

# Late-bound: gcc-multilib may only be installed by `make deps` in this very run.
GCC_INCLUDE = $(shell $(CC) -print-file-name=include)
LIBGCC32 = $(shell $(CC) -m32 -print-libgcc-file-name)

WARN := -Wall -Wextra -Werror -Wno-unused-parameter
HOST_CFLAGS := -std=gnu11 -O1 -g $(WARN)
CROSS_CFLAGS = -std=gnu11 -m32 -march=i686 -ffreestanding -fno-pie -fno-pic \
	-fno-stack-protector -fno-asynchronous-unwind-tables -fno-omit-frame-pointer \
	-O2 -g $(WARN)
CROSS_ASFLAGS = -m32 -fno-pie -fno-pic -g

# Quiet by default: one line per step. `make V=1` shows every command.
ifeq ($(V),1)
Q :=
msg = @true
else
Q := @
msg = @printf '  %-7s %s\n' '$(1)' '$(2)'
endif

# Fragments append to these.
ALL_TARGETS :=
UNIT_TEST_SRCS :=
UNIT_PURE_SRCS :=
GENERATED_FILES :=
CHECKS :=
PVSCAN_CLEAN_ELFS :=

.PHONY: all run debug test check bench docs deps clean
all: build-all

include mk/deps.mk
include mk/newlib.mk
include tools/abigen/abigen.mk
include tools/scanner/scanner.mk
include hv/hv.mk
include hypercall-abi/abi.mk
include pvguest/pvguest.mk
include tests/guests/guests.mk
include tests/unit/unit.mk
include mk/format.mk
include mk/qemu.mk
include mk/bench.mk
include mk/docs.mk

.PHONY: build-all
build-all: $(ALL_TARGETS)

# `test` and `run` install what is missing first, then re-enter make so that every
# late-bound variable sees the installed toolchain.
test: deps
	@$(MAKE) --no-print-directory check

check: build-all $(CHECKS)
	@echo "make test: all checks passed"

clean:
	rm -rf $(BUILD)
