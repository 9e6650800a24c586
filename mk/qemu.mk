# qemu.mk: booting hv and its guests in QEMU (`make run`, `make debug`).
#
# QEMU loads build/hv/hv.elf as a multiboot kernel; each -initrd module is one
# domain, and the text after a module's path is its command line.
QEMU_MACHINE := -cpu max -nodefaults -m 64 -display none -no-reboot \
	-device isa-debug-exit,iobase=0xf4,iosize=0x04
RUN_MODULES = $(PVGUEST_ELF) name=pvguest

.PHONY: run-qemu debug-qemu run-multi run-multi-qemu
run: deps
	@$(MAKE) --no-print-directory run-qemu

run-qemu: build-all
	@echo "Booting hv with pvguest (QEMU exits when the last domain is gone)"
	@$(QEMU) $(QEMU_MACHINE) -serial stdio -kernel $(HV_ELF) -initrd "$(RUN_MODULES)"; \
		tools/qemu-status $$?

debug: deps
	@$(MAKE) --no-print-directory debug-qemu

# QEMU waits for gdb at the first instruction; gdb gets hv's and pvguest's symbols.
debug-qemu: build-all
	@echo "QEMU is waiting for gdb on :1234; the guest console is in $(BUILD)/debug-serial.log"
	@$(QEMU) $(QEMU_MACHINE) -serial file:$(BUILD)/debug-serial.log -s -S \
		-kernel $(HV_ELF) -initrd "$(RUN_MODULES)" & \
	gdb -q -iex "set confirm off" -ex "target remote :1234" -ex "symbol-file $(HV_ELF)" \
		-ex "add-symbol-file $(PVGUEST_ELF)" -ex "break hv_main"; \
	kill %1 2>/dev/null || true

# Seven domains at once (tests/guests/run-multi): three workers that must finish
# with the right answers, next to four attackers. The console is printed after
# the run, and the command succeeds only if the run was judged clean.
run-multi: deps
	@$(MAKE) --no-print-directory run-multi-qemu

run-multi-qemu: build-all
	@tests/run-guests.sh --show run-multi
