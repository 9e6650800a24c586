# hv.mk: the hypervisor, build/hv/hv.elf.
HV_ELF := $(BUILD)/hv/hv.elf
HV_SRCS := $(sort $(wildcard hv/*/*.c) $(wildcard hv/*/*.S))
HV_OBJS := $(patsubst %,$(BUILD)/%.o,$(HV_SRCS))
HV_CFLAGS = $(CROSS_CFLAGS) -mgeneral-regs-only -nostdinc -isystem $(GCC_INCLUDE) \
	-Ihv -Ihypercall-abi/include -MMD -MP
HV_ASFLAGS = $(CROSS_ASFLAGS) -nostdinc -Ihv -Ihypercall-abi/include -MMD -MP

# The validation code hv shares with the host unit tests.
UNIT_PURE_SRCS += hv/dom/elf_check.c hv/dom/domain_config.c hv/dom/boot_layout.c \
	hv/hc/trap_table_check.c hv/hc/iret_check.c hv/hc/hypercall_page.c \
	hv/arch/bounce_plan.c hv/hc/dispatch.c hv/hc/hc_table.c hv/mm/guest_walk.c \
	hv/arch/soft_int.c hv/mm/frame_table.c hv/mm/pt_update.c hv/arch/fast_trap_rule.c hv/dev/rtc_date.c hv/mm/desc_check.c hv/ev/evtchn_port.c \
	hv/arch/emulate_cli.c
ALL_TARGETS += $(HV_ELF)

$(BUILD)/hv/%.c.o: hv/%.c | deps-ok
	@mkdir -p $(dir $@)
	$(call msg,CC,$@)
	$(Q)$(CC) $(HV_CFLAGS) -c $< -o $@

$(BUILD)/hv/%.S.o: hv/%.S | deps-ok
	@mkdir -p $(dir $@)
	$(call msg,AS,$@)
	$(Q)$(CC) $(HV_ASFLAGS) -c $< -o $@

$(HV_ELF): $(HV_OBJS) hv/boot/hv.ld
	$(call msg,LD,$@)
	$(Q)$(LD) -T hv/boot/hv.ld -o $@ $(HV_OBJS) $(LIBGCC32)

-include $(HV_OBJS:.o=.d)
