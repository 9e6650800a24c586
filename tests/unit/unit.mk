# unit.mk: the Criterion unit tests, run on the host by `make check-unit`.
#
# One binary, $(BUILD)/tests/unit/unit-tests, holds every test: the test files
# tests/unit/test_*.c, plus the pure C sources they exercise. Fragments that own
# such code (hv validation, the ABI generator, the scanner) append the sources to
# UNIT_PURE_SRCS; they must be included before this file (the top Makefile does
# so). Pure sources must not define main(): Criterion supplies it.

UNIT_DIR := $(BUILD)/tests/unit
UNIT_BIN := $(UNIT_DIR)/unit-tests
UNIT_TEST_SRCS += $(wildcard tests/unit/test_*.c)
UNIT_SRCS = $(sort $(UNIT_TEST_SRCS) $(UNIT_PURE_SRCS))
UNIT_OBJS = $(patsubst %.c,$(UNIT_DIR)/obj/%.o,$(UNIT_SRCS))

# Recursive (=) on purpose: `make deps` may install Criterion in this very run.
CRITERION_CFLAGS = $(shell pkg-config --cflags criterion)
CRITERION_LIBS = $(shell pkg-config --libs criterion)
UNIT_CFLAGS = $(HOST_CFLAGS) -Ihv -Ihypercall-abi/include -Itools $(CRITERION_CFLAGS)

# Each test runs in its own process; --timeout stops a hung one from hanging CI.
UNIT_RUN_FLAGS := --jobs 2 --timeout 60

$(UNIT_DIR)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(call msg,HOSTCC,$@)
	$(Q)$(HOSTCC) $(UNIT_CFLAGS) -MMD -MP -c $< -o $@

# A pure source with its own main() would silently replace Criterion's and run
# no test at all, so refuse to link one.
$(UNIT_BIN): $(UNIT_OBJS)
	@for o in $(patsubst %.c,$(UNIT_DIR)/obj/%.o,$(UNIT_PURE_SRCS)); do \
		if nm "$$o" | grep -qE ' T main$$'; then \
			echo "unit: $$o defines main(); keep it out of UNIT_PURE_SRCS" >&2; exit 1; \
		fi; \
	done
	$(call msg,HOSTLD,$@)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) $(CRITERION_CFLAGS) $^ -o $@ $(CRITERION_LIBS)

.PHONY: check-unit
ifeq ($(strip $(UNIT_TEST_SRCS)),)
check-unit:
	@echo "check-unit: no unit tests"
else
check-unit: $(UNIT_BIN)
	$(UNIT_BIN) $(UNIT_RUN_FLAGS)
endif

CHECKS += check-unit

-include $(UNIT_OBJS:.o=.d)
