"""Documents: protokoll, utdrag and anslagsbevis as PDF bytes (reportlab; no Qt)."""
