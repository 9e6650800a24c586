# docs.mk: (placeholder)
