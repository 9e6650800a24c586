# pvguest.mk: the PV guest kernel, build/pvguest/pvguest.elf.
PVGUEST_ELF := $(BUILD)/pvguest/pvguest.elf
PVGUEST_SRCS := $(sort $(wildcard pvguest/*.c))
PVGUEST_OBJS := $(patsubst %,$(BUILD)/%.o,$(PVGUEST_SRCS))

ALL_TARGETS += $(PVGUEST_ELF)
PVSCAN_CLEAN_ELFS += $(PVGUEST_ELF)

$(BUILD)/pvguest/%.c.o: pvguest/%.c | $(NEWLIB_STAMP)
	@mkdir -p $(dir $@)
	$(call msg,CC,$@)
	$(Q)$(CC) $(GUEST_CFLAGS) -c $< -o $@

$(PVGUEST_ELF): $(PVGUEST_OBJS) $(GUEST_LINK_DEPS)
	$(call msg,LD,$@)
	$(Q)$(LD) -T $(GUEST_LDS) -o $@ $(GUEST_CRT0) $(PVGUEST_OBJS) $(GUEST_LINK_LIBS)

-include $(PVGUEST_OBJS:.o=.d)
