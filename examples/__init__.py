"""The example hub's generated material (not part of storyhub)."""
