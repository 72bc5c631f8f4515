"""secretary: protokollföring för kommunala organ."""

__version__ = "0.1.0"
