# pvguest.mk: the PV guest kernel, build/pvguest/pvguest.elf, and its user programs.
#
# The kernel is pvguest/kernel/*.c and *.S, linked like any pv32 guest (crt0,
# guest.ld, newlib, libhypercall). Each user program is pvguest/user/NAME/*.c,
# linked with the user library (pvguest/user/lib: its own crt0, the system-call
# stub, newlib's glue) and newlib at 0x08048000 by pvguest/user/user.ld into
# build/pvguest/user/NAME.elf. A copy without symbols, NAME.img, is embedded in
# the kernel by kernel/programs.S, which lists PVGUEST_PROGRAMS.
PVGUEST_ELF := $(BUILD)/pvguest/pvguest.elf
PVGUEST_USER_DIR := $(BUILD)/pvguest/user

# The user programs, each pvguest/user/NAME/. cli executes CLI on purpose (the
# kernel must kill it), so pvscan must report exactly that in it; the others and
# the kernel must scan clean.
PVGUEST_PROGRAMS := init hello sieve spin peek cli
PVGUEST_SENSITIVE_PROGRAMS := cli:cli

PVGUEST_CFLAGS = $(GUEST_CFLAGS) -Ipvguest
PVGUEST_ASFLAGS = $(GUEST_ASFLAGS) -Ipvguest
# User programs include "pvsys.h" from their library.
$(BUILD)/pvguest/user/%.o: PVGUEST_CFLAGS += -Ipvguest/user/lib

PVGUEST_KERNEL_SRCS := $(sort $(wildcard pvguest/kernel/*.c pvguest/kernel/*.S))
PVGUEST_KERNEL_OBJS := $(patsubst %,$(BUILD)/%.o,$(PVGUEST_KERNEL_SRCS))
PVGUEST_PROGRAMS_OBJ := $(BUILD)/pvguest/kernel/programs.S.o

PVGUEST_USER_CRT0 := $(BUILD)/pvguest/user/lib/crt0.S.o
PVGUEST_USER_LIB_SRCS := $(sort $(filter-out %/crt0.S,$(wildcard pvguest/user/lib/*.c pvguest/user/lib/*.S)))
PVGUEST_USER_LIB_OBJS := $(patsubst %,$(BUILD)/%.o,$(PVGUEST_USER_LIB_SRCS))
PVGUEST_USER_LDS := pvguest/user/user.ld
PVGUEST_USER_ELFS := $(patsubst %,$(PVGUEST_USER_DIR)/%.elf,$(PVGUEST_PROGRAMS))
PVGUEST_USER_IMGS := $(PVGUEST_USER_ELFS:.elf=.img)
PVGUEST_SENSITIVE_NAMES := $(foreach p,$(PVGUEST_SENSITIVE_PROGRAMS),$(firstword $(subst :, ,$(p))))
# User programs link newlib and libgcc only: no libhypercall, which is ring 1's.
PVGUEST_USER_LIBS = --start-group $(NEWLIB_LIBDIR)/libc.a $(LIBGCC32) --end-group

ALL_TARGETS += $(PVGUEST_ELF) $(PVGUEST_USER_ELFS)
PVSCAN_CLEAN_ELFS += $(PVGUEST_ELF) \
	$(filter-out $(patsubst %,$(PVGUEST_USER_DIR)/%.elf,$(PVGUEST_SENSITIVE_NAMES)),$(PVGUEST_USER_ELFS))
PVSCAN_EXPECT += $(foreach p,$(PVGUEST_SENSITIVE_PROGRAMS),$(PVGUEST_USER_DIR)/$(subst :,.elf:,$(p)))

$(BUILD)/pvguest/%.c.o: pvguest/%.c | $(NEWLIB_STAMP)
	@mkdir -p $(dir $@)
	$(call msg,CC,$@)
	$(Q)$(CC) $(PVGUEST_CFLAGS) -c $< -o $@

$(BUILD)/pvguest/%.S.o: pvguest/%.S
	@mkdir -p $(dir $@)
	$(call msg,AS,$@)
	$(Q)$(CC) $(PVGUEST_ASFLAGS) -c $< -o $@

# programs.S includes the user images: it names them (a comma-separated list for
# .irp), the assembler finds them.
pvguest_empty :=
pvguest_list = $(subst $(pvguest_empty) $(pvguest_empty),$(pvguest_comma),$(strip $(1)))
pvguest_comma := ,
$(PVGUEST_PROGRAMS_OBJ): PVGUEST_ASFLAGS += -DPVGUEST_PROGRAMS=$(call pvguest_list,$(PVGUEST_PROGRAMS)) \
	-Wa,-I$(PVGUEST_USER_DIR)
$(PVGUEST_PROGRAMS_OBJ): $(PVGUEST_USER_IMGS)

# One link rule per user program: its own objects, the user library, newlib.
define PVGUEST_USER_RULE
$(PVGUEST_USER_DIR)/$(1).elf: $(patsubst %,$(BUILD)/%.o,$(sort $(wildcard pvguest/user/$(1)/*.c pvguest/user/$(1)/*.S))) \
		$(PVGUEST_USER_CRT0) $(PVGUEST_USER_LIB_OBJS) $(PVGUEST_USER_LDS)
	$$(call msg,LD,$$@)
	$$(Q)$$(LD) -T $(PVGUEST_USER_LDS) -o $$@ $(PVGUEST_USER_CRT0) \
		$$(filter-out $(PVGUEST_USER_CRT0),$$(filter %.o,$$^)) $$(PVGUEST_USER_LIBS)
endef
$(foreach p,$(PVGUEST_PROGRAMS),$(eval $(call PVGUEST_USER_RULE,$(p))))

$(PVGUEST_USER_DIR)/%.img: $(PVGUEST_USER_DIR)/%.elf
	$(call msg,OBJCOPY,$@)
	$(Q)$(OBJCOPY) --strip-all $< $@

$(PVGUEST_ELF): $(PVGUEST_KERNEL_OBJS) $(GUEST_LINK_DEPS)
	$(call msg,LD,$@)
	$(Q)$(LD) -T $(GUEST_LDS) -o $@ $(GUEST_CRT0) $(PVGUEST_KERNEL_OBJS) $(GUEST_LINK_LIBS)

-include $(wildcard $(BUILD)/pvguest/*/*.d $(BUILD)/pvguest/*/*/*.d)
