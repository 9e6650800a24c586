# deps.mk: install the Debian packages the build needs (`make deps`).
.PHONY: deps
deps:
	@tools/deps.sh

# Order-only prerequisite for compiling: nothing, but a single place to hang a
# toolchain sanity check on if one is ever needed.
.PHONY: deps-ok
deps-ok:
