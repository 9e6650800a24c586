# scanner.mk: pvscan, the sensitive-instruction scanner, and `make check-pvscan`.
#
# The binary is $(BUILD)/host/pvscan; people run it through tools/pvscan. The
# pure sources (no I/O, no main) also go into the unit-test binary.
#
# check-pvscan reads two lists that fragments included after this one fill in:
#   PVSCAN_CLEAN_ELFS  ELFs that must scan clean: pvguest and the test guests;
#   PVSCAN_EXPECT      ELF:name,name items: a deliberately sensitive guest must be
#                      reported with exactly these summary names (e.g. sidt,sgdt).
# It also scans $(BUILD)/hv/hv.elf, which must be reported with its privileged
# instructions, to prove the scanner is not blind. The prerequisites are written
# with $$ (secondary expansion) so that they see the lists once all are read.

PVSCAN := $(BUILD)/host/pvscan
PVSCAN_OBJ_DIR := $(BUILD)/host/scanner
PVSCAN_PURE_SRCS := tools/scanner/insn_classify.c tools/scanner/objdump_line.c \
	tools/scanner/sanctioned.c tools/scanner/scan_tally.c
PVSCAN_SRCS := $(PVSCAN_PURE_SRCS) tools/scanner/run_tool.c tools/scanner/pvscan_main.c
PVSCAN_OBJS := $(patsubst tools/scanner/%.c,$(PVSCAN_OBJ_DIR)/%.o,$(PVSCAN_SRCS))
PVSCAN_HV_ELF := $(BUILD)/hv/hv.elf
PVSCAN_EXPECT ?=
# A malformed item (no ':') gives no prerequisite; check_pvscan.sh then names it.
PVSCAN_EXPECT_ELFS = $(foreach e,$(PVSCAN_EXPECT),$(if $(findstring :,$(e)),$(firstword $(subst :, ,$(e)))))

$(PVSCAN_OBJ_DIR)/%.o: tools/scanner/%.c
	@mkdir -p $(@D)
	$(call msg,HOSTCC,$@)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -MMD -MP -c $< -o $@

$(PVSCAN): $(PVSCAN_OBJS)
	$(call msg,HOSTLD,$@)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) $^ -o $@

ALL_TARGETS += $(PVSCAN)
UNIT_PURE_SRCS += $(PVSCAN_PURE_SRCS)

.SECONDEXPANSION:
.PHONY: check-pvscan
check-pvscan: $(PVSCAN) $$(PVSCAN_CLEAN_ELFS) $(PVSCAN_HV_ELF) $$(PVSCAN_EXPECT_ELFS)
	@sh tools/scanner/check_pvscan.sh clean $(PVSCAN) $(PVSCAN_CLEAN_ELFS)
	@sh tools/scanner/check_pvscan.sh privileged $(PVSCAN) $(PVSCAN_HV_ELF)
	@sh tools/scanner/check_pvscan.sh expect $(PVSCAN) $(PVSCAN_EXPECT)

CHECKS += check-pvscan

-include $(PVSCAN_OBJS:.o=.d)
