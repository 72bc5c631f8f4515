"""Documents from the main window: preview, save and print the protokoll, utdrag and the
anslagsbevis. The PDFs come from secretary.reports as bytes; this package only shows them."""
