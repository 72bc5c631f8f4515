# Convenience targets; ./dev does the work so that a machine without make can use it too.
.PHONY: run test bench forms resources bundle
run:
	./dev run
test:
	./dev test
bench:
	./dev bench
forms:
	./dev forms
resources:
	./dev resources
bundle:
	./dev bundle
