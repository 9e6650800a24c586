# abi.mk: the guest side of the ABI: libhypercall.a, crt0.o, the newlib glue.
#
# libhypercall.a is freestanding (no C library needed): a toy OS links it with
# crt0.o and guest.ld. libpvnewlib.a adds the system calls newlib wants.
GUEST_LIBDIR := $(BUILD)/lib
LIBHYPERCALL := $(GUEST_LIBDIR)/libhypercall.a
LIBPVNEWLIB := $(GUEST_LIBDIR)/libpvnewlib.a
GUEST_CRT0 := $(GUEST_LIBDIR)/crt0.o
GUEST_LDS := hypercall-abi/lib/guest.ld

LIBHC_SRCS := $(sort $(wildcard hypercall-abi/lib/*.c) $(filter-out %/crt0.S,$(wildcard hypercall-abi/lib/*.S)))
LIBHC_OBJS := $(patsubst %,$(BUILD)/%.o,$(LIBHC_SRCS))
LIBPVNEWLIB_OBJS := $(patsubst %,$(BUILD)/%.o,$(wildcard hypercall-abi/lib/newlib/*.c))

# Freestanding guest code (libhypercall) and guest code on newlib.
GUEST_FREESTANDING_CFLAGS = $(CROSS_CFLAGS) -nostdinc -isystem $(GCC_INCLUDE) \
	-Ihypercall-abi/include -MMD -MP
GUEST_CFLAGS = $(CROSS_CFLAGS) -nostdinc -isystem $(NEWLIB_INC) -isystem $(GCC_INCLUDE) \
	-Ihypercall-abi/include -MMD -MP
GUEST_ASFLAGS = $(CROSS_ASFLAGS) -nostdinc -Ihypercall-abi/include -MMD -MP
# Link a newlib guest: crt0 first, then objects, then libraries in dependency order.
GUEST_LINK_LIBS = --start-group $(LIBPVNEWLIB) $(NEWLIB_LIBDIR)/libc.a $(LIBHYPERCALL) $(LIBGCC32) --end-group
GUEST_LINK_DEPS = $(GUEST_CRT0) $(LIBHYPERCALL) $(LIBPVNEWLIB) $(GUEST_LDS)

ALL_TARGETS += $(LIBHYPERCALL) $(LIBPVNEWLIB) $(GUEST_CRT0)

$(BUILD)/hypercall-abi/lib/newlib/%.c.o: hypercall-abi/lib/newlib/%.c | $(NEWLIB_STAMP)
	@mkdir -p $(dir $@)
	$(call msg,CC,$@)
	$(Q)$(CC) $(GUEST_CFLAGS) -c $< -o $@

$(BUILD)/hypercall-abi/lib/%.c.o: hypercall-abi/lib/%.c
	@mkdir -p $(dir $@)
	$(call msg,CC,$@)
	$(Q)$(CC) $(GUEST_FREESTANDING_CFLAGS) -c $< -o $@

$(BUILD)/hypercall-abi/lib/%.S.o: hypercall-abi/lib/%.S
	@mkdir -p $(dir $@)
	$(call msg,AS,$@)
	$(Q)$(CC) $(GUEST_ASFLAGS) -c $< -o $@

$(GUEST_CRT0): $(BUILD)/hypercall-abi/lib/crt0.S.o
	@mkdir -p $(dir $@)
	$(Q)cp $< $@

$(LIBHYPERCALL): $(LIBHC_OBJS)
	@mkdir -p $(dir $@)
	$(call msg,AR,$@)
	$(Q)rm -f $@ && $(AR) rcs $@ $^

$(LIBPVNEWLIB): $(LIBPVNEWLIB_OBJS)
	@mkdir -p $(dir $@)
	$(call msg,AR,$@)
	$(Q)rm -f $@ && $(AR) rcs $@ $^

-include $(LIBHC_OBJS:.o=.d) $(LIBPVNEWLIB_OBJS:.o=.d)
