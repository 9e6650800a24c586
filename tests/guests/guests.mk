# guests.mk: the in-guest tests, one tiny guest per property.
#
# tests/guests/NAME/*.c (and *.S) build build/tests/guests/NAME.elf, linked with
# the framework in tests/guests/common. A directory with only a test.conf reuses
# another test's guest with a different command line. Every test guest must be
# free of sensitive instructions (pvscan), except the few that are about them
# (the Popek-Goldberg gap, privileged instructions being reflected), which must
# show exactly the instructions they are about.
# Hand-made modules (malformed ELF files and the like) come from tests/modules.
TEST_MODULES :=
-include tests/modules/modules.mk

TEST_GUEST_DIRS := $(filter-out common,$(notdir $(patsubst %/,%,$(wildcard tests/guests/*/))))
TEST_GUEST_NAMES := $(sort $(foreach d,$(TEST_GUEST_DIRS),$(if $(wildcard tests/guests/$(d)/*.c tests/guests/$(d)/*.S),$(d))))
TEST_GUEST_ELFS := $(patsubst %,$(BUILD)/tests/guests/%.elf,$(TEST_GUEST_NAMES))
TEST_COMMON_OBJS := $(patsubst %,$(BUILD)/%.o,$(wildcard tests/guests/common/*.c tests/guests/common/*.S))

# The deliberately sensitive guests, each with the mnemonics pvscan must find in it
# (NAME:mnemonic,... ; pvscan's names). Every other test guest must scan clean.
PVSCAN_SENSITIVE_GUESTS := popek-gap:sgdt,sidt \
	hostile-privileged:cli,clts,hlt,in,invlpg,lgdt,lidt,mov-cr,out,rdmsr,sti,wbinvd,wrmsr \
	soft-int:int fast-trap:int emulate-cli:cli,pushf,sti
PVSCAN_SENSITIVE_NAMES := $(foreach g,$(PVSCAN_SENSITIVE_GUESTS),$(firstword $(subst :, ,$(g))))
PVSCAN_EXPECT += $(foreach g,$(PVSCAN_SENSITIVE_GUESTS),$(if $(filter $(firstword $(subst :, ,$(g))),$(TEST_GUEST_NAMES)),$(BUILD)/tests/guests/$(subst :,.elf:,$(g))))
PVSCAN_CLEAN_ELFS += $(filter-out $(patsubst %,$(BUILD)/tests/guests/%.elf,$(PVSCAN_SENSITIVE_NAMES)),$(TEST_GUEST_ELFS))

# The porting guide's example, built by its own Makefile as a porter would.
PORTING_HELLO_ELF := $(BUILD)/examples/hello/hello.elf
PVSCAN_CLEAN_ELFS += $(PORTING_HELLO_ELF)

ALL_TARGETS += $(TEST_GUEST_ELFS) $(TEST_MODULES) $(PORTING_HELLO_ELF)
CHECKS += check-guests

$(BUILD)/tests/guests/%.c.o: tests/guests/%.c | $(NEWLIB_STAMP)
	@mkdir -p $(dir $@)
	$(call msg,CC,$@)
	$(Q)$(CC) $(GUEST_CFLAGS) -Itests/guests/common -c $< -o $@

$(BUILD)/tests/guests/%.S.o: tests/guests/%.S
	@mkdir -p $(dir $@)
	$(call msg,AS,$@)
	$(Q)$(CC) $(GUEST_ASFLAGS) -c $< -o $@

# One link rule per test guest: its own objects plus the framework.
define TEST_GUEST_RULE
$(BUILD)/tests/guests/$(1).elf: $(patsubst %,$(BUILD)/%.o,$(wildcard tests/guests/$(1)/*.c tests/guests/$(1)/*.S)) $(TEST_COMMON_OBJS) $(GUEST_LINK_DEPS)
	$$(call msg,LD,$$@)
	$$(Q)$$(LD) -T $(GUEST_LDS) -o $$@ $(GUEST_CRT0) $$(filter %.o,$$(filter-out $(GUEST_CRT0),$$^)) $$(GUEST_LINK_LIBS)
endef
$(foreach g,$(TEST_GUEST_NAMES),$(eval $(call TEST_GUEST_RULE,$(g))))

.PHONY: $(PORTING_HELLO_ELF)
$(PORTING_HELLO_ELF): $(GUEST_CRT0) $(LIBHYPERCALL)
	$(call msg,MAKE,docs/examples/hello)
	$(Q)$(MAKE) -s --no-print-directory -C docs/examples/hello PV32=$(CURDIR) OUT=$(abspath $(dir $@))

.PHONY: check-guests
check-guests: $(HV_ELF) $(PVGUEST_ELF) $(TEST_GUEST_ELFS) $(TEST_MODULES) $(PORTING_HELLO_ELF)
	@tests/run-guests.sh

-include $(wildcard $(BUILD)/tests/guests/*/*.d $(BUILD)/tests/guests/common/*.d)
