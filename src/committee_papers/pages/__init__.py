"""The website's pages, as data and HTML fragments. Never imports MkDocs, never writes files."""
