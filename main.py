"""Start secretary: the thin entry point; everything happens in secretary.app."""

from secretary.app import main

if __name__ == "__main__":
    raise SystemExit(main())
