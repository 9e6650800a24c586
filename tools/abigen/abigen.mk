# abigen.mk: build the ABI generator and keep the files it generates in step with the def.
#
#   make abi         regenerate the six committed files from hypercall-abi/hypercalls.def
#   check-abi        (part of make test) fail when a committed file differs from what
#                    abigen writes now
#
# The generated files are committed so that a reader sees them, and so that building hv or
# a guest never needs abigen; check-abi is what keeps them honest.

ABIGEN := $(BUILD)/host/abigen
ABI_DEF := hypercall-abi/hypercalls.def

# Everything but abigen_main.c is pure and also links into the unit tests.
ABIGEN_LIB_SRCS := $(filter-out tools/abigen/abigen_main.c,$(wildcard tools/abigen/*.c))
ABIGEN_HDRS := $(wildcard tools/abigen/*.h)

# KIND=FILE for each generated file; abi-md also reads its file as the TEMPLATE.
ABI_GENERATED := \
	numbers=hypercall-abi/include/pv/abi_gen.h \
	wrappers-h=hypercall-abi/include/pv/hypercalls.h \
	wrappers-c=hypercall-abi/lib/hypercalls.c \
	hv-handlers-h=hv/hc/hc_handlers.h \
	hv-table=hv/hc/hc_table.c \
	abi-md=docs/abi.md

ALL_TARGETS += $(ABIGEN)
UNIT_PURE_SRCS += $(ABIGEN_LIB_SRCS)
GENERATED_FILES += $(foreach pair,$(ABI_GENERATED),$(lastword $(subst =, ,$(pair))))
CHECKS += check-abi

$(ABIGEN): $(ABIGEN_LIB_SRCS) tools/abigen/abigen_main.c $(ABIGEN_HDRS)
	@mkdir -p $(dir $@)
	$(call msg,HOSTCC,$@)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -o $@ $(ABIGEN_LIB_SRCS) tools/abigen/abigen_main.c

# abigen_each(OUT-DIR-PREFIX): run abigen for every KIND=FILE pair, writing FILE under the
# prefix ("" writes in place). Shell variables: $$kind, $$file, $$out.
define abigen_each
for pair in $(ABI_GENERATED); do \
	kind=$${pair%%=*}; file=$${pair#*=}; out=$(1)$$file; \
	template=; if [ $$kind = abi-md ]; then template=$$file; fi; \
	mkdir -p $$(dirname $$out); \
	$(ABIGEN) $(ABI_DEF) $$kind $$out $$template || exit 1;
endef

.PHONY: abi check-abi
abi: $(ABIGEN)
	@$(call abigen_each,) \
		echo "  ABIGEN  $$file"; \
	done

check-abi: $(ABIGEN)
	@status=0; \
	$(call abigen_each,$(BUILD)/gen/) \
		if ! diff -u $$file $$out; then \
			echo "generated file $$file drifted from $(ABI_DEF): run make abi"; \
			status=1; \
		fi; \
	done; \
	exit $$status
