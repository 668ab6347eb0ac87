"""PDF agenda packs and report PDFs: composed as HTML by the core, laid out by a PDF engine."""
