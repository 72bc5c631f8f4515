# Convenience targets; ./dev does the work so that a machine without make can use it too.
.PHONY: run test bench forms bundle
run:
	./dev run
test:
	./dev test
bench:
	./dev bench
forms:
	./dev forms
bundle:
	./dev bundle
