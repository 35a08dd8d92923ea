"""Arguments several commands share."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_config_file(parser: argparse.ArgumentParser) -> None:
    """``-f/--config-file``: which hub (its mkdocs.yml) a command works on."""
    parser.add_argument(
        "-f", "--config-file", default="mkdocs.yml", type=Path,
        help="the hub's mkdocs.yml (default: ./mkdocs.yml)",
    )
