# bench.mk: `make bench`, what a null hypercall costs on each way into hv.
#
# The benchmark guest (tests/bench/hypercall-cost) times int 0x82, VMCALL, the
# hypercall page and a plain function call with the TSC. tools/bench.sh boots it
# under QEMU -icount (exact instruction counts, run twice to prove they repeat)
# and under plain TCG (time ratios), prints a Markdown table and keeps it in
# $(BENCH_TABLE). docs/performance.md explains how to read it.
#
# The guest is built by `make` too, so a change that breaks it fails the build,
# but it is not a test: it runs only here. It executes RDTSC, so it is not in
# PVSCAN_CLEAN_ELFS.
BENCH_ELF := $(BUILD)/tests/bench/hypercall-cost.elf
BENCH_TABLE := $(BUILD)/bench/hypercall.md
BENCH_SRCS := $(sort $(wildcard tests/bench/hypercall-cost/*.c tests/bench/hypercall-cost/*.S))
BENCH_OBJS := $(patsubst %,$(BUILD)/%.o,$(BENCH_SRCS))

ALL_TARGETS += $(BENCH_ELF)

$(BUILD)/tests/bench/%.c.o: tests/bench/%.c | $(NEWLIB_STAMP)
	@mkdir -p $(dir $@)
	$(call msg,CC,$@)
	$(Q)$(CC) $(GUEST_CFLAGS) -c $< -o $@

$(BUILD)/tests/bench/%.S.o: tests/bench/%.S
	@mkdir -p $(dir $@)
	$(call msg,AS,$@)
	$(Q)$(CC) $(GUEST_ASFLAGS) -c $< -o $@

$(BENCH_ELF): $(BENCH_OBJS) $(GUEST_LINK_DEPS)
	$(call msg,LD,$@)
	$(Q)$(LD) -T $(GUEST_LDS) -o $@ $(GUEST_CRT0) $(BENCH_OBJS) $(GUEST_LINK_LIBS)

# Like `run` and `test`: install what is missing, then re-enter make.
.PHONY: bench-run
bench: deps
	@$(MAKE) --no-print-directory bench-run

bench-run: $(HV_ELF) $(BENCH_ELF)
	@QEMU="$(QEMU)" QEMU_MACHINE="$(QEMU_MACHINE)" HV_ELF="$(HV_ELF)" \
		BENCH_ELF="$(BENCH_ELF)" BENCH_TABLE="$(BENCH_TABLE)" tools/bench.sh

-include $(BENCH_OBJS:.o=.d)
