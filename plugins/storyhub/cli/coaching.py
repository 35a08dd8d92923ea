"""The coaching loop's commands: ``storyhub codeowners``, ``storyhub digest`` and
``storyhub campaigns``.

* ``codeowners [--check] [--forge github|gitlab] [--file PATH]``: the people each story
  features or quotes become its reviewers (:mod:`storyhub.hub.codeowners`).
* ``digest --month YYYY-MM [--lang it] [--out DIR]``: the month's stories as an email
  (:mod:`storyhub.outputs.digest`).
* ``campaigns [--format text|markdown]``: the open campaigns and their questions, for a
  reminder (the CI workflow's scheduled job posts it).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from storyhub.cli.args import add_config_file
from storyhub.options.read import ConfigError, parse_as_of, repository_root
from storyhub.pipeline import Pipeline


def _load(args: argparse.Namespace) -> Pipeline:
    as_of = getattr(args, "as_of", None)
    pipeline = Pipeline.from_config_file(args.config_file,
                                         as_of=parse_as_of(as_of) if as_of else None)
    pipeline.check()
    return pipeline


def _errors(pipeline: Pipeline, what: str) -> bool:
    errors = pipeline.diagnostics.errors
    for item in errors:
        print(item.format(), file=sys.stderr)
    if errors:
        print(f"storyhub: {len(errors)} problem(s) in the content; {what}", file=sys.stderr)
    return bool(errors)


def cmd_codeowners(args: argparse.Namespace) -> int:
    from storyhub.hub import codeowners

    pipeline = _load(args)
    hub = pipeline.hub
    config_dir = args.config_file.resolve().parent
    repo_root = repository_root(config_dir)
    forge = args.forge or codeowners.forge_of(hub.settings.options.editor.backend)
    target: Path = args.file or codeowners.default_location(repo_root, forge)
    if not target.is_absolute():
        target = Path.cwd() / target
    root = hub.settings.root.resolve()
    prefix = root.relative_to(repo_root).as_posix() + "/" if root != repo_root else ""
    rules = codeowners.rules(hub.content.stories, hub.all_people, forge, hub.now.date(),
                             prefix)
    if target.exists() and not target.is_file():
        raise ConfigError(f"--file {_shown(target)}: not a file (give the CODEOWNERS file's "
                          "path, e.g. .github/CODEOWNERS)")
    try:
        existing = target.read_text(encoding="utf-8") if target.is_file() else ""
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{_shown(target)}: cannot read it ({exc})") from None
    wanted = codeowners.merged(existing, codeowners.block(rules))
    shown = _shown(target)
    if args.check:
        if existing != wanted:
            print(f"{shown}: out of date — the people of the stories changed; run storyhub "
                  f"codeowners{' --forge ' + forge if args.forge else ''} and commit it",
                  file=sys.stderr)
            return 1
        print(f"{shown}: up to date ({len(rules)} stories with reviewers)", file=sys.stderr)
        return 0
    target.parent.mkdir(parents=True, exist_ok=True)
    if existing != wanted:
        target.write_text(wanted, encoding="utf-8", newline="\n")
    print(f"Wrote {shown}: {len(rules)} stories with reviewers on {forge}", file=sys.stderr)
    return 0


def _shown(path: Path) -> str:
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


def cmd_digest(args: argparse.Namespace) -> int:
    from storyhub.outputs.digest import make_digest
    from storyhub.pipeline import UnsafeOutput
    from storyhub.site.digest import DigestError

    pipeline = _load(args)
    if _errors(pipeline, "no digest written"):
        return 1
    try:
        rendered = make_digest(pipeline, args.month, args.lang)
        written = pipeline.write_command(args.out.resolve(), "digest",
                                         {"rendered": rendered})
    except DigestError as exc:
        print(f"storyhub digest: {exc}", file=sys.stderr)
        return 2
    except UnsafeOutput as exc:
        print(str(exc), file=sys.stderr)
        return 1
    digest = rendered.digest
    size = len(rendered.html.encode("utf-8"))
    left = f", {digest.more} left out to stay under the size limit" if digest.more else ""
    count = len(digest.stories)
    print(f"{count} stor{'y' if count == 1 else 'ies'}{left}, {len(digest.campaigns)} open "
          "campaign(s); "
          f"HTML {size / 1024:.1f} KB; wrote " + ", ".join(_shown(p) for p in written),
          file=sys.stderr)
    return 0


def cmd_campaigns(args: argparse.Namespace) -> int:
    from storyhub.hub.campaigns import open_campaigns
    from storyhub.text.urls import absolute

    pipeline = _load(args)
    hub = pipeline.hub
    language = args.lang or hub.content_language
    t = hub.translator.in_language(language).scope("scaffold")
    found = open_campaigns(hub.content.campaigns, hub.now.date())
    if not found:
        return 0
    markdown = args.format == "markdown"
    lines = [("## " if markdown else "") + t("campaigns_open"), ""]
    for campaign in found:
        line = t("campaign_line", id=campaign.id, title=campaign.title_in(language),
                 closes=t.date(campaign.closes))
        lines.append(f"- {line}" if markdown else line)
        lines.append(("  " if markdown else "    ") + campaign.prompt_in(language))
    tell = hub.settings.options.digest.tell_url or (
        absolute(hub.settings.site_url, "admin/") if hub.settings.site_url
        and hub.settings.options.editor.enabled else "")
    if tell:
        lines += ["", t.in_language(language).scope("digest")("tell_yours") + ": " + tell]
    print("\n".join(lines))
    return 0


def add_coaching(commands: Any) -> None:
    owners = commands.add_parser(
        "codeowners", help="make the people in each story its reviewers (CODEOWNERS)",
        description="Write the storyhub block of the repository's CODEOWNERS file: each "
        "story's featured and quoted people with a github:/gitlab: handle become the "
        "reviewers of its files. Lines outside the block are kept. Exit codes: 0 written "
        "or up to date, 1 out of date (--check) or content errors, 2 wrong usage.")
    add_config_file(owners)
    owners.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if the file is not what the stories say")
    owners.add_argument("--forge", choices=("github", "gitlab"),
                        help="whose handles to use (default: editor.backend's, else github)")
    owners.add_argument("--file", type=Path, help="the CODEOWNERS file (default: the one the "
                        "forge reads: .github/CODEOWNERS, CODEOWNERS, docs/ or .gitlab/)")
    owners.add_argument("--as-of", help=argparse.SUPPRESS)
    owners.set_defaults(func=cmd_codeowners)

    digest = commands.add_parser(
        "digest", help="the month's stories as an email (HTML, plain text, .eml)",
        description="Write digest-<month>-<lang>.html, .txt and .eml: the stories published "
        "in the month with their people and values, the open campaigns and a 'tell yours' "
        "link, for the company's mail tool. Never a draft, embargoed or withdrawn story: the "
        "leak scan runs before anything is written. Exit codes: 0 written, 1 content errors "
        "or a leak, 2 wrong usage (a wrong month, no site_url).")
    add_config_file(digest)
    digest.add_argument("--month", required=True, help="the month, YYYY-MM")
    digest.add_argument("--lang", choices=("en", "it"),
                        help="the digest's language (default: the site's)")
    digest.add_argument("--out", type=Path, default=Path("digest"),
                        help="folder to write into (default: digest)")
    digest.add_argument("--as-of", help="the moment embargoes are decided against")
    digest.set_defaults(func=cmd_digest)

    campaigns = commands.add_parser(
        "campaigns", help="print the open campaigns and their questions (a reminder)",
        description="Print the campaigns open today with their questions; nothing when none "
        "is open. Markdown suits an issue or a chat message (the CI workflow's reminder).")
    add_config_file(campaigns)
    campaigns.add_argument("--format", choices=("text", "markdown"), default="text")
    campaigns.add_argument("--lang", choices=("en", "it"),
                           help="language of the words (default: the site's)")
    campaigns.add_argument("--as-of", help=argparse.SUPPRESS)
    campaigns.set_defaults(func=cmd_campaigns)
