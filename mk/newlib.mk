# newlib.mk: newlib, the C library for guests, built once into $(BUILD)/newlib.
#
# tools/build-newlib.sh does the work (about a minute); the stamp file marks a
# finished install, so later builds reuse it until `make clean` or until the
# build script changes. Guest fragments depend on $(NEWLIB_STAMP) and compile
# with -nostdinc -isystem $(NEWLIB_INC), then link $(NEWLIB_LIBDIR)/libc.a.

NEWLIB_TARBALL := /usr/src/newlib/newlib-3.3.0.tar.xz
NEWLIB_DIR := $(BUILD)/newlib
NEWLIB_PREFIX := $(NEWLIB_DIR)/install
NEWLIB_INC := $(NEWLIB_PREFIX)/i686-elf/include
NEWLIB_LIBDIR := $(NEWLIB_PREFIX)/i686-elf/lib
NEWLIB_STAMP := $(NEWLIB_DIR)/.installed

# The tarball is not a prerequisite: when it is missing the script says to run
# `make deps`, which is clearer than "No rule to make target".
$(NEWLIB_STAMP): tools/build-newlib.sh
	@tools/build-newlib.sh $(NEWLIB_TARBALL) $(NEWLIB_DIR)
	@touch $@

.PHONY: newlib
newlib: $(NEWLIB_STAMP)
