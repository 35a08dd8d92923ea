"""Adapters to site engines: the only code that imports MkDocs."""
