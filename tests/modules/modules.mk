# modules.mk: malformed multiboot modules, made from the witness guest with sh and
# binutils, for the hostile-bad-modules and hostile-no-domain tests.
#
# Each file is one thing wrong with a module; hv must reject it with a one-line
# reason and still boot the modules after it:
#   notelf.bin        a text file                     not an ELF file (bad magic)
#   elf64.elf         objcopy -O elf64-x86-64         not a 32-bit ELF file
#   wrong-machine.elf e_machine patched to x86-64     ELF machine is not i386
#   relocatable.o     the witness's object file       ELF file is not an executable
#   truncated.elf     the first 100 bytes             program header table outside
#   nonotes.elf       .note.pv32 removed              missing PV32 note: ABI version
#   abi-major.elf     note's ABI major patched        guest ABI major version differs
#   highbase.elf      linked one page below hv        segment 0 reaches PV_HV_START
# (A file shorter than an ELF header gets "file too small" instead of bad magic.)
# guests.mk includes this file before its own rules and builds TEST_MODULES.
MODULES_DIR := $(BUILD)/tests/modules
MODULES_WITNESS := $(BUILD)/tests/guests/witness.elf
MODULES_MK := tests/modules/modules.mk
MODULES_WITNESS_OBJS = $(patsubst %,$(BUILD)/%.o,$(wildcard tests/guests/witness/*.c)) $(TEST_COMMON_OBJS)

TEST_MODULES += $(addprefix $(MODULES_DIR)/,notelf.bin elf64.elf wrong-machine.elf \
	relocatable.o truncated.elf nonotes.elf abi-major.elf highbase.elf)

$(MODULES_DIR)/notelf.bin: $(MODULES_MK)
	@mkdir -p $(@D)
	$(call msg,GEN,$@)
	$(Q)printf '%s\n' 'This is a text file, not a guest kernel.' \
		'It is longer than an ELF header, so only the magic can reject it.' >$@

$(MODULES_DIR)/elf64.elf: $(MODULES_WITNESS) $(MODULES_MK)
	@mkdir -p $(@D)
	$(call msg,GEN,$@)
	$(Q)$(OBJCOPY) -O elf64-x86-64 $< $@

# e_machine is the 16-bit field at offset 18; 62 (octal 076) is EM_X86_64.
$(MODULES_DIR)/wrong-machine.elf: $(MODULES_WITNESS) $(MODULES_MK)
	@mkdir -p $(@D)
	$(call msg,GEN,$@)
	$(Q)cp $< $@.tmp && printf '\076\000' | dd of=$@.tmp bs=1 seek=18 conv=notrunc status=none
	$(Q)mv $@.tmp $@

$(MODULES_DIR)/relocatable.o: $(firstword $(MODULES_WITNESS_OBJS)) $(MODULES_MK)
	@mkdir -p $(@D)
	$(call msg,GEN,$@)
	$(Q)cp $< $@

$(MODULES_DIR)/truncated.elf: $(MODULES_WITNESS) $(MODULES_MK)
	@mkdir -p $(@D)
	$(call msg,GEN,$@)
	$(Q)head -c 100 $< >$@

# The PT_NOTE stays, but empty.
$(MODULES_DIR)/nonotes.elf: $(MODULES_WITNESS) $(MODULES_MK)
	@mkdir -p $(@D)
	$(call msg,GEN,$@)
	$(Q)$(OBJCOPY) --remove-section .note.pv32 $< $@

# The ABI note comes first in .note.pv32: a 12-byte header and "PV32\0" padded to
# 8, then the version word (major << 16 | minor). Its major half becomes 0xFFFF.
$(MODULES_DIR)/abi-major.elf: $(MODULES_WITNESS) $(MODULES_MK)
	@mkdir -p $(@D)
	$(call msg,GEN,$@)
	$(Q)off=$$(objdump -h $< | awk '$$2 == ".note.pv32" { print $$6 }') && \
		[ -n "$$off" ] && cp $< $@.tmp && \
		printf '\377\377' | dd of=$@.tmp bs=1 seek=$$((0x$$off + 22)) conv=notrunc status=none
	$(Q)mv $@.tmp $@

# The witness linked at PV_HV_START - 4096, so its text runs into hv's area.
# --defsym must come before -T: guest.ld tests DEFINED(pv_guest_base) as it reads.
$(MODULES_DIR)/highbase.elf: $(MODULES_WITNESS_OBJS) $(GUEST_LINK_DEPS) $(MODULES_MK)
	@mkdir -p $(@D)
	$(call msg,LD,$@)
	$(Q)$(LD) --defsym pv_guest_base=0xFBFFF000 -T $(GUEST_LDS) -o $@ $(GUEST_CRT0) \
		$(MODULES_WITNESS_OBJS) $(GUEST_LINK_LIBS)
