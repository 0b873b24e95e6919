"""Layer 0, the foundation: errors and findings, German message texts, Berlin dates,
safe file I/O and text splitting. Imports nothing else of teilhabe."""
