"""Documents to download: editable Word files (.docx) generated from the templates in `knowledge/templates/`."""
