"""The console's pages, one module per screen; each exports PAGES."""
