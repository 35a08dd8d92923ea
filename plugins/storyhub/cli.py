"""The ``storyhub`` command line: checks and tools that need no site build.

Exit codes: 0 success, 1 content problems found, 2 wrong usage or configuration.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .build import BuildResult, run_core
from .config import HubConfigError, read_hub_config
from .privacy import departure_report, hidden_story_notes


def _add_config(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-f", "--config-file", default="mkdocs.yml", type=Path,
        help="the hub's mkdocs.yml (default: ./mkdocs.yml)",
    )


def load(config_file: Path, **overrides: object) -> BuildResult:
    config = read_hub_config(config_file)
    options = {**config.options, **{k: v for k, v in overrides.items() if v is not None}}
    return run_core(
        config.root,
        site_name=config.site_name,
        site_url=config.site_url,
        language=config.language,
        options=options,
    )


def cmd_check(args: argparse.Namespace) -> int:
    from .advice import advise
    from .diagformat import CheckCounts, render

    result = load(args.config_file, as_of=args.as_of)
    hub = result.hub
    if not args.no_advice:
        advise(hub)
    diagnostics = result.diagnostics
    errors, warnings = diagnostics.errors, diagnostics.warnings
    advice = sum(1 for d in warnings if d.code == "advice")
    counts = CheckCounts(
        stories=len(hub.content.stories), people=len(hub.content.people), values=len(hub.values),
        errors=len(errors), warnings=len(warnings) - advice, advice=advice,
    )
    notes = [*hidden_story_notes(hub), *departure_report(hub)]
    output = render([*errors, *warnings], counts, args.format, root=hub.settings.root,
                    notes=notes)
    if output:
        print(output)
    print(counts.sentence(), file=sys.stderr)
    if errors or (args.strict and warnings):
        return 1
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="storyhub",
        description="Tools for a storyhub repository of people, values and stories.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser(
        "check", help="validate every story, profile and values.yml without building",
        description="Validate the whole hub and list every problem as path:line:col: message.",
    )
    _add_config(check)
    check.add_argument(
        "--strict", action="store_true", help="fail on warnings and storytelling advice too"
    )
    check.add_argument(
        "--format", choices=("text", "github", "json"), default="text",
        help="text (path:line:col: message), github (GitHub Actions annotations) or json",
    )
    check.add_argument(
        "--no-advice", action="store_true", help="report problems only, no storytelling advice"
    )
    check.add_argument(
        "--as-of", help="the moment to check embargoes and withdrawals against (ISO date-time)"
    )
    check.set_defaults(func=cmd_check)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except HubConfigError as exc:
        print(f"storyhub: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
