# bench.mk: (placeholder)
