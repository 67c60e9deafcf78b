# Convenience targets; scripts/install.sh does the work (and needs only bash and Swift).
PREFIX ?= /usr/local

.PHONY: install uninstall test

install:
	scripts/install.sh --prefix "$(PREFIX)"

uninstall:
	scripts/install.sh --prefix "$(PREFIX)" --uninstall

test:
	swift test
