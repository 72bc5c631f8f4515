"""After the meeting: drafts to the justerare, justering, rättelse, anslag, the web version."""
