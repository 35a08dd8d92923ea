"""The `storyhub` command line."""
