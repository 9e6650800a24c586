# docs.mk: `make docs`, the documents generated from the code.
#
#   make docs    regenerate the reference table in docs/abi.md (the abi target in
#                tools/abigen/abigen.mk) and extract the numbered TOUR comments of
#                hv/ and hypercall-abi/ into build/docs/tour.md (tools/tour.sh)
#
# The hand-written documents (docs/architecture.md, docs/porting.md and the prose
# of docs/abi.md) need no build step.
TOUR_MD := $(BUILD)/docs/tour.md

.PHONY: docs tour
docs:
	@$(MAKE) --no-print-directory abi
	@tools/tour.sh $(TOUR_MD)

tour:
	@tools/tour.sh $(TOUR_MD)

# The tour's stops must stay numbered 1..N without gaps or repeats.
CHECKS += check-tour
.PHONY: check-tour
check-tour:
	@tools/tour.sh --check $(BUILD)/docs/tour-check.md >/dev/null
