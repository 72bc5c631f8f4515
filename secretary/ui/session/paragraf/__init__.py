"""The § panel of the session window: yrkanden, propositionsordning, votering, beslut."""
