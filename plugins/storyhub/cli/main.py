"""The ``storyhub`` command line: checks and tools that need no site build.

Exit codes: 0 success, 1 content problems found, 2 wrong usage or configuration.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from storyhub.cli.args import add_config_file
from storyhub.diagnostics.formats import FORMATS
from storyhub.options.read import ConfigError, parse_as_of
from storyhub.pipeline import ContentErrors, Pipeline, UnsafeOutput
from storyhub.social import NO_SITE_URL


def load(args: argparse.Namespace) -> Pipeline:
    """The hub's pipeline, checked: options first (exit 2), then the content."""
    as_of = getattr(args, "as_of", None)
    pipeline = Pipeline.from_config_file(
        args.config_file, as_of=parse_as_of(as_of) if as_of else None)
    # what the engine's build refuses before it reads anything, said here first (exit 2)
    assert pipeline.docs_dir is not None  # (set by from_config_file)
    pipeline.refuse_site_links(pipeline.docs_dir, pipeline.settings.overrides)
    pipeline.check()
    return pipeline


def cmd_check(args: argparse.Namespace) -> int:
    from storyhub.diagnostics.formats import CheckCounts, render
    from storyhub.hub.advice import advise

    try:
        pipeline = load(args)
    except ConfigError as exc:
        if args.format == "text" or not exc.diagnostics:
            raise  # (said on stderr, as every command says it)
        # annotations on mkdocs.yml's lines, or JSON, like the content's problems
        print(render(exc.diagnostics, CheckCounts(0, 0, 0, errors=len(exc.diagnostics),
                                                   warnings=0, advice=0),
                     args.format, root=Path(args.config_file).resolve().parent))
        print(f"storyhub: {str(exc).splitlines()[0].rstrip(':')}", file=sys.stderr)
        return 2
    hub = pipeline.hub
    pipeline.audit_markup()  # what a strict build would stop on, said here first
    if not args.no_advice:
        advise(hub)
    diagnostics = pipeline.diagnostics
    errors, warnings = diagnostics.errors, diagnostics.warnings
    advice = sum(1 for d in warnings if d.code == "advice")
    counts = CheckCounts(
        stories=len(hub.content.stories), people=len(hub.content.people), values=len(hub.values),
        errors=len(errors), warnings=len(warnings) - advice, advice=advice,
    )
    notes = pipeline.notes(departures=True)
    previous = _previous_calendar(args, hub.settings.snippets.folder)
    if previous is not None:
        notes += _cancel_notes(previous, pipeline)
    output = render([*errors, *warnings], counts, args.format, root=hub.settings.root,
                    notes=notes)
    if output:
        print(output)
    print(counts.sentence(), file=sys.stderr)
    if errors or (args.strict and warnings):
        return 1
    return 0


def _previous_calendar(args: argparse.Namespace, folder: str) -> dict[str, object] | None:
    """The ``calendar.json`` of the last export handed to schedulers: ``--calendar`` (a file
    or an https:// address), else the one in the last built site, if any."""
    from storyhub.social.previous import load_previous, site_calendar

    source = getattr(args, "calendar", None)
    if source is None:
        candidate = site_calendar(args.config_file, folder)
        if not candidate.is_file():
            return None
        source = str(candidate)
    if source.startswith("http://"):
        raise ConfigError(f"--calendar {source}: use an https:// address")
    # given on the command line by the person running it: any file they can read
    return load_previous(source, root=Path.cwd(), label="--calendar", inside=False)


def _cancel_notes(previous: dict[str, object], pipeline: Pipeline) -> list[str]:
    from storyhub.social.calendar import posts_to_cancel

    cancel = posts_to_cancel(previous, pipeline.hub)
    if not cancel:
        return []
    return [f"{len(cancel)} planned post(s) must not go out any more; cancel them in "
            "your scheduler:", *(f"  {item.format()}" for item in cancel)]


def cmd_new(args: argparse.Namespace) -> int:
    from storyhub.cli import scaffold

    as_of_moment = parse_as_of(args.as_of) if getattr(args, "as_of", None) else None
    settings = Pipeline.from_config_file(args.config_file, as_of=as_of_moment).settings
    root = settings.root
    lang = scaffold.language_of(args.lang, settings.language)
    as_of = as_of_moment.date() if as_of_moment else None
    content = None
    for flag, known in (("list_people", scaffold.known_people),
                        ("list_values", lambda c: scaffold.known_values(c, lang)),
                        ("list_teams", scaffold.known_teams)):
        if getattr(args, flag, False):
            if content is None:
                from storyhub.content.load import load_content

                content = load_content(root)
            print("\n".join(f"{k}\t{v}" for k, v in known(content).items()))
            return 0
    asker = scaffold.Asker(lang)
    try:
        if args.kind == "story":
            scaffold.new_story(root, scaffold.StoryAnswers(
                title=args.title, people=args.person or (), values=args.value or (),
                summary=args.summary, date=args.date, slug=args.slug, author=args.author,
                campaign=args.campaign,
            ), asker, as_of, base_language=settings.language)
        else:
            scaffold.new_person(root, scaffold.PersonAnswers(
                name=args.name, id=args.id, role=args.role, team=args.team,
                consent=args.consent, consent_date=args.consent_date,
            ), asker, as_of)
    except scaffold.ScaffoldError as exc:
        print(f"storyhub new: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("\nstoryhub new: stopped, nothing was written", file=sys.stderr)
        return 1
    return 0


def cmd_init(args: argparse.Namespace) -> int:
    from datetime import date

    from storyhub.cli import new_hub, scaffold

    asker = scaffold.Asker(new_hub.default_language(args.lang))
    answers = new_hub.HubAnswers(
        company=args.company, site_url=args.site_url, languages=args.languages or (),
        values=args.values or (), your_name=args.your_name, your_role=args.your_role,
        repo=args.repo, host=args.host, requirement=args.storyhub, timezone=args.timezone,
    )
    today = date.fromisoformat(args.date) if args.date else None
    try:
        new_hub.init_hub(args.folder, answers, asker, force=args.force, today=today)
    except scaffold.ScaffoldError as exc:
        print(f"storyhub init: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("\nstoryhub init: stopped", file=sys.stderr)
        return 1
    return 0


def add_init_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of ``storyhub init`` and ``storyhub new hub``."""
    parser.add_argument("folder", type=Path, metavar="DIR",
                        help="the new hub's folder (created; must be empty unless --force)")
    parser.add_argument("--company", help="the company's name")
    parser.add_argument("--site-url", help="the hub's web address, e.g. https://stories.example.com/")
    parser.add_argument("--languages", action="append", metavar="CODES",
                        help="the site's languages, the default first (e.g. it,en)")
    parser.add_argument("--values", action="append", metavar="NAMES",
                        help="the first values' names, comma-separated (e.g. 'Craft, Care')")
    parser.add_argument("--your-name", help="the hub's first person: you")
    parser.add_argument("--your-role", help="your role")
    parser.add_argument("--repo", metavar="OWNER/NAME",
                        help="the hub's repository, where the web editor commits")
    parser.add_argument("--host", choices=("github", "gitlab"), default="github",
                        help="where the repository lives (the web editor's backend)")
    parser.add_argument("--timezone", metavar="ZONE",
                        help="the posting calendar's time zone, an IANA name such as "
                             "Europe/Rome (default: this computer's, unless UTC)")
    parser.add_argument("--storyhub", metavar="REQUIREMENT",
                        help="the pinned storyhub line of requirements.txt (default: where "
                        "this storyhub was installed from, e.g. "
                        "'storyhub @ git+https://github.com/ORG/storyhub@v0.2.0')")
    parser.add_argument("--lang", choices=("en", "it"),
                        help="language of the first questions (later ones: the hub's)")
    parser.add_argument("--force", action="store_true",
                        help="write into a folder that is not empty (same names replaced)")
    parser.add_argument("--date", help=argparse.SUPPRESS)
    parser.set_defaults(func=cmd_init)


def _add_init(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    init = commands.add_parser(
        "init", help="start a new hub repository of its own (also: storyhub new hub DIR)",
        description="Write a new hub: mkdocs.yml, values.yml, one person, a welcome story, "
        "docs/, CI for GitHub Pages and GitLab Pages, the web editor's configuration, "
        ".gitignore, a pre-commit hook and requirements.txt pinning storyhub. Missing "
        "answers are asked on the terminal. Exit codes: 0 written, 1 the folder is not "
        "empty, 2 wrong usage or answer.",
    )
    add_init_arguments(init)


def _add_new(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    new = commands.add_parser(
        "new", help="start a new story or profile (asks what it needs, or takes flags)",
        description="Write a new story or person file with valid front matter. "
        "Missing answers are asked on the terminal; existing files are never overwritten. "
        "Exit codes: 0 written, 1 nothing written (file exists, slug taken), 2 wrong usage.",
    )
    kinds = new.add_subparsers(dest="kind", required=True, metavar="KIND")
    story = kinds.add_parser("story", help="stories/<date>-<slug>/index.md")
    person = kinds.add_parser("person", help="people/<id>.md, with the consent block")
    add_init_arguments(kinds.add_parser("hub", help="a new hub repository (as storyhub init)"))
    for sub in (story, person):
        add_config_file(sub)
        sub.add_argument("--lang", choices=("en", "it"),
                         help="language of questions and guidance (default: the hub's)")
        sub.add_argument("--as-of", help=argparse.SUPPRESS)
        sub.set_defaults(func=cmd_new)
    story.add_argument("--title", help="the story's title")
    story.add_argument("--person", action="append", metavar="ID",
                       help="a person the story is about (repeatable, or comma-separated)")
    story.add_argument("--value", action="append", metavar="ID",
                       help="a value the story shows (repeatable, or comma-separated)")
    story.add_argument("--summary", help="one or two sentences: the hook")
    story.add_argument("--date", help="YYYY-MM-DD (default: today)")
    story.add_argument("--slug", help="the web address part (default: from the title)")
    story.add_argument("--author", metavar="ID", help="who writes it, if not the person")
    story.add_argument("--campaign", metavar="ID",
                       help="the campaign it answers (campaigns.yml; default: the open ones "
                       "are offered; '' for none)")
    story.add_argument("--list-people", action="store_true",
                       help="print person ids and names, one per line, and stop")
    story.add_argument("--list-values", action="store_true",
                       help="print value ids and names, one per line, and stop")
    person.add_argument("--name", help="full name")
    person.add_argument("--id", help="file name and id (default: from the name)")
    person.add_argument("--role", help="job title")
    person.add_argument("--team", help="team name (an existing one, or a new team)")
    person.add_argument(
        "--consent", action="append", metavar="USES",
        help="what they agreed to: name, photo, quotes, social, all or none "
        "(repeatable or comma-separated; asked when missing)",
    )
    person.add_argument("--consent-date", help="when they agreed, YYYY-MM-DD (default: today)")
    person.add_argument("--list-teams", action="store_true",
                        help="print team names, one per line, and stop")


def cmd_schema(args: argparse.Namespace) -> int:
    from storyhub.content.schema import all_schemas, render, write_schemas

    out: Path = args.out
    if args.check:
        stale = [name for name, schema in all_schemas().items()
                 if not (out / name).is_file()
                 or (out / name).read_text(encoding="utf-8") != render(schema)]
        for name in stale:
            print(f"{out / name}: out of date — run storyhub schema --out {out}")
        return 1 if stale else 0
    for path in write_schemas(out):
        print(f"Wrote {path}")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from storyhub.adapters.sitebuild import build_site

    return build_site(args.config_file, site_dir=args.site_dir, strict=args.strict,
                      engine=args.engine)


def cmd_report(args: argparse.Namespace) -> int:
    from storyhub.hub.report import hub_report, render_json, render_markdown, render_text

    pipeline = load(args)
    errors = pipeline.diagnostics.errors
    if errors:
        print(f"storyhub report: {len(errors)} content error(s) — the report counts only the "
              "valid files; run storyhub check for the list", file=sys.stderr)
    renderer = {"text": render_text, "markdown": render_markdown, "json": render_json}
    report = hub_report(pipeline.hub)
    if not errors:
        report.plan = _plan_figures(pipeline)
    print(renderer[args.format](report, pipeline.hub.translator))
    return 0


def _plan_figures(pipeline: Pipeline) -> dict[str, object] | None:
    """The posting plan's figures for the report (composed and planned, nothing drawn or
    written), or None when snippets or the calendar are off."""
    settings = pipeline.settings
    if not (settings.snippets.enabled and settings.options.calendar.enabled):
        return None
    from storyhub.social.calendar import plan_figures

    calendar = pipeline.prepare_outputs().calendar
    pipeline.cancel()
    return plan_figures(calendar) if calendar is not None else None


def cmd_snippets(args: argparse.Namespace) -> int:
    """Write the snippets page, snippets.json, snippets.csv and the share images."""
    pipeline = load(args)
    errors = pipeline.diagnostics.errors
    if errors:
        for item in errors:
            print(item.format(), file=sys.stderr)
        print(f"storyhub: {len(errors)} problem(s) in the content; no snippets written",
              file=sys.stderr)
        return 1
    social = pipeline.prepare_outputs(out_dir=args.out.resolve())
    if social.snippets is None:
        print("storyhub: snippets are switched off (snippets: {enabled: false})",
              file=sys.stderr)
        return 2
    if not pipeline.settings.site_url:
        print(f"warning: {NO_SITE_URL}", file=sys.stderr)
    out = args.out.resolve()
    pipeline.start_drawing()
    try:
        written = pipeline.write_snippets(out)
    except UnsafeOutput as exc:
        print(f"{exc}\nstoryhub snippets: nothing was written to {out}", file=sys.stderr)
        return 3
    snippet_count = sum(len(s.snippets) for s in social.snippets.stories)
    images = social.cards.stats if social.cards is not None else None
    drawn = f", {images.drawn} image(s) drawn, {images.cached} from cache" if images else ""
    planned = (f", {len(social.calendar.posts)} post(s) planned"
               if social.calendar is not None else "")
    print(f"{len(social.snippets.stories)} stories, {snippet_count} snippets{planned}, "
          f"{len(written)} files written to {out}{drawn}", file=sys.stderr)
    from storyhub.social.calendar import plan_notes

    t = pipeline.hub.translator.scope("snippets")
    for line in plan_notes(social.calendar, t) + social.warning_lines(t):
        print(line, file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="storyhub",
        description="Tools for a storyhub repository of people, values and stories.",
    )
    from storyhub import __version__

    parser.add_argument("--version", action="version", version=f"storyhub {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_init(commands)

    check = commands.add_parser(
        "check", help="validate every story, profile and values.yml without building",
        description="Validate the whole hub and list every problem as path:line:col: message.",
    )
    add_config_file(check)
    check.add_argument(
        "--strict", action="store_true", help="fail on warnings and storytelling advice too"
    )
    check.add_argument(
        "--format", choices=FORMATS, default="text",
        help="text (path:line:col: message), github (GitHub Actions annotations) or json",
    )
    check.add_argument(
        "--no-advice", action="store_true", help="report problems only, no storytelling advice"
    )
    check.add_argument(
        "--as-of", help="the moment to check embargoes and withdrawals against (ISO date-time)"
    )
    check.add_argument(
        "--calendar", metavar="FILE_OR_URL",
        help="calendar.json of the posts already handed to schedulers (default: "
        "site/snippets/calendar.json if present): list those to cancel",
    )
    check.set_defaults(func=cmd_check)
    _add_new(commands)

    schema = commands.add_parser(
        "schema", help="write JSON Schemas of stories, people and values.yml for editors",
        description="Write story.schema.json, person.schema.json and values.schema.json, "
        "generated from the same models storyhub check uses.",
    )
    schema.add_argument("--out", type=Path, default=Path("schemas"),
                        help="folder to write into (default: schemas)")
    schema.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if the files in --out are out of date")
    schema.set_defaults(func=cmd_schema)

    build = commands.add_parser(
        "build", help="check, build into a temporary folder, then replace the site atomically",
        description="Build the site for CI: check the content, build with MkDocs into a "
        "temporary folder, and replace the output folder only if everything passed. "
        "Exit codes: 0 built, 1 content errors, 2 wrong usage or configuration, "
        "3 build failed (or warnings with --strict, or storyhub did not run inside the "
        "engine), 4 output folder could not be replaced. "
        "On any failure the previous output is left untouched.",
    )
    add_config_file(build)
    build.add_argument("-d", "--site-dir", type=Path,
                       help="output folder (default: site_dir of mkdocs.yml)")
    build.add_argument("--strict", action="store_true",
                       help="fail on any MkDocs warning (broken links, missing files)")
    build.add_argument("--engine", choices=("auto", "mkdocs", "properdocs"), default="auto",
                       help="auto (default): ProperDocs with properdocs.yml when both are "
                       "there, else MkDocs with mkdocs.yml")
    build.set_defaults(func=cmd_build)

    report = commands.add_parser(
        "report", help="the hub's health: stories per value and month, gaps, drafts",
        description="Print the hub's health: stories per value and per month, values with no "
        "story in the last 90 days, people with no story yet, share of stories by team, "
        "stories waiting. Markdown suits a CI job summary.",
    )
    add_config_file(report)
    report.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    report.add_argument("--as-of", help="the moment to report at (ISO date-time with zone)")
    report.set_defaults(func=cmd_report)

    snippets = commands.add_parser(
        "snippets", help="write social post text, share images and exports without a build",
        description="Write the snippets page (index.html), snippets.json, snippets.csv and "
        "the share images (assets/cards/) into a folder, without building the site. They "
        "are made aside and scanned for traces of unpublished content first, as a site "
        "build is. Exit codes: 0 written, 1 content errors, 2 wrong usage or snippets off, "
        "3 nothing written: traces of unpublished content found, or the system refused a "
        "write (disk full, read-only, permissions).",
    )
    add_config_file(snippets)
    snippets.add_argument("--out", type=Path, required=True, help="folder to write into")
    snippets.add_argument(
        "--as-of", help="the moment to check embargoes and withdrawals against (ISO date-time)"
    )
    snippets.set_defaults(func=cmd_snippets)

    from storyhub.cli.coaching import add_coaching
    from storyhub.cli.editor import add_editor

    add_editor(commands)
    add_coaching(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except ConfigError as exc:
        print(f"storyhub: {exc}", file=sys.stderr)
        return 2
    except ContentErrors as exc:
        for item in exc.errors:
            print(item.format(), file=sys.stderr)
        print(f"storyhub: {len(exc.errors)} problem(s) in the content; stopped",
              file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"storyhub: {system_refused(exc)}", file=sys.stderr)
        return SYSTEM_REFUSED


def run() -> None:
    """The ``storyhub`` console script: :func:`main` in a process of its own.

    What is imported by now lives until the process ends (modules, classes, the models'
    validators: about 100,000 objects); ``gc.freeze`` takes it out of the collector's
    generations, which each full collection otherwise walks again while the content is read
    (about 5 % of a `storyhub check` of 1,000 stories). Not in :func:`main`, which tests
    and other programs call in their own process."""
    import gc

    gc.freeze()
    sys.exit(main())


#: Exit status when the operating system refused (disk full, read-only, no permission):
#: 1 is for problems in the content, 2 for the configuration and the command line.
SYSTEM_REFUSED = 3


def system_refused(exc: OSError) -> str:
    """One line for a failed read or write: which file, and what the system said."""
    import errno

    where = f"{exc.filename}: " if exc.filename else ""
    hints = {errno.ENOSPC: "the disk is full: free some space (or write elsewhere) and run "
                           "the command again; files written before it may be incomplete",
             errno.EROFS: "the file system is read-only: write elsewhere",
             errno.EACCES: "permission denied: write elsewhere or change the permissions",
             errno.ENAMETOOLONG: "the name is too long for the file system: shorten it"}
    what = exc.strerror or str(exc)
    hint = hints.get(exc.errno or 0, "")
    return f"{where}{what}" + (f" — {hint}" if hint else "")


if __name__ == "__main__":  # pragma: no cover
    run()
