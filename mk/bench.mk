# bench.mk: `make bench`, what hypercalls, page-table updates, page faults,
# system calls, events, domain switches and the virtual IF cost.
#
# Three benchmark guests time their paths with the TSC:
#  - tests/bench/hypercall-cost: int 0x82, VMCALL, the hypercall page and a plain
#    function call (table in $(BENCH_TABLE));
#  - tests/bench/mm-cost: remapping 512 pages by one mmu_update batch, by single
#    requests and by update_va_mapping, a bounced #PF, and INT 0x80 from ring 3
#    with and without the fast trap (table in $(MM_BENCH_TABLE));
#  - tests/bench/event-cost: an event-channel round trip between two domains, a
#    domain switch (two domains yielding to each other), and a CLI/STI pair done
#    virtually (two stores) against one trapped and emulated by hv (emulate=1)
#    (table in $(EVENT_BENCH_TABLE)).
# tools/bench.sh boots them under QEMU -icount (exact instruction counts, run
# twice to prove they repeat) and under plain TCG (time ratios) and prints the
# Markdown tables. docs/performance.md explains how to read them.
#
# The guests are built by `make` too, so a change that breaks them fails the
# build, but they are not tests: they run only here. They execute RDTSC, so they
# are not in PVSCAN_CLEAN_ELFS; event-cost also executes CLI and STI, on purpose:
# it measures what trapping them costs.
# Shared by all three: command-line options, failure, minimum-of-rounds bookkeeping.
BENCH_COMMON_OBJS := $(patsubst %,$(BUILD)/%.o,$(wildcard tests/bench/common/*.c))

BENCH_ELF := $(BUILD)/tests/bench/hypercall-cost.elf
BENCH_TABLE := $(BUILD)/bench/hypercall.md
BENCH_SRCS := $(sort $(wildcard tests/bench/hypercall-cost/*.c tests/bench/hypercall-cost/*.S))
BENCH_OBJS := $(patsubst %,$(BUILD)/%.o,$(BENCH_SRCS))

MM_BENCH_ELF := $(BUILD)/tests/bench/mm-cost.elf
MM_BENCH_TABLE := $(BUILD)/bench/mm.md
MM_BENCH_SRCS := $(sort $(wildcard tests/bench/mm-cost/*.c tests/bench/mm-cost/*.S))
MM_BENCH_OBJS := $(patsubst %,$(BUILD)/%.o,$(MM_BENCH_SRCS))

EVENT_BENCH_ELF := $(BUILD)/tests/bench/event-cost.elf
EVENT_BENCH_TABLE := $(BUILD)/bench/event.md
EVENT_BENCH_SRCS := $(sort $(wildcard tests/bench/event-cost/*.c tests/bench/event-cost/*.S))
EVENT_BENCH_OBJS := $(patsubst %,$(BUILD)/%.o,$(EVENT_BENCH_SRCS))

ALL_TARGETS += $(BENCH_ELF) $(MM_BENCH_ELF) $(EVENT_BENCH_ELF)

$(BUILD)/tests/bench/%.c.o: tests/bench/%.c | $(NEWLIB_STAMP)
	@mkdir -p $(dir $@)
	$(call msg,CC,$@)
	$(Q)$(CC) $(GUEST_CFLAGS) -c $< -o $@

$(BUILD)/tests/bench/%.S.o: tests/bench/%.S
	@mkdir -p $(dir $@)
	$(call msg,AS,$@)
	$(Q)$(CC) $(GUEST_ASFLAGS) -c $< -o $@

$(BENCH_ELF): $(BENCH_OBJS) $(BENCH_COMMON_OBJS) $(GUEST_LINK_DEPS)
	$(call msg,LD,$@)
	$(Q)$(LD) -T $(GUEST_LDS) -o $@ $(GUEST_CRT0) $(BENCH_OBJS) $(BENCH_COMMON_OBJS) $(GUEST_LINK_LIBS)

$(MM_BENCH_ELF): $(MM_BENCH_OBJS) $(BENCH_COMMON_OBJS) $(GUEST_LINK_DEPS)
	$(call msg,LD,$@)
	$(Q)$(LD) -T $(GUEST_LDS) -o $@ $(GUEST_CRT0) $(MM_BENCH_OBJS) $(BENCH_COMMON_OBJS) $(GUEST_LINK_LIBS)

$(EVENT_BENCH_ELF): $(EVENT_BENCH_OBJS) $(BENCH_COMMON_OBJS) $(GUEST_LINK_DEPS)
	$(call msg,LD,$@)
	$(Q)$(LD) -T $(GUEST_LDS) -o $@ $(GUEST_CRT0) $(EVENT_BENCH_OBJS) $(BENCH_COMMON_OBJS) $(GUEST_LINK_LIBS)

# Like `run` and `test`: install what is missing, then re-enter make.
.PHONY: bench-run
bench: deps
	@$(MAKE) --no-print-directory bench-run

bench-run: $(HV_ELF) $(BENCH_ELF) $(MM_BENCH_ELF) $(EVENT_BENCH_ELF)
	@QEMU="$(QEMU)" QEMU_MACHINE="$(QEMU_MACHINE)" HV_ELF="$(HV_ELF)" \
		BENCH_ELF="$(BENCH_ELF)" BENCH_TABLE="$(BENCH_TABLE)" \
		MM_BENCH_ELF="$(MM_BENCH_ELF)" MM_BENCH_TABLE="$(MM_BENCH_TABLE)" \
		EVENT_BENCH_ELF="$(EVENT_BENCH_ELF)" EVENT_BENCH_TABLE="$(EVENT_BENCH_TABLE)" tools/bench.sh

-include $(BENCH_OBJS:.o=.d) $(MM_BENCH_OBJS:.o=.d) $(EVENT_BENCH_OBJS:.o=.d)
