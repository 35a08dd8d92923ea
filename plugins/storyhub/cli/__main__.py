"""`python -m storyhub.cli`: the storyhub command."""

from storyhub.cli.main import run

run()
