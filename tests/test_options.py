"""Every bad option value, in mkdocs.yml, on the command line or in the environment, is
reported like a content error: `path:line:col: message` with what to write instead; exit 2
from the command line, a clean error from MkDocs, never a traceback."""

from __future__ import annotations

import filecmp
import json
from pathlib import Path

import pytest
from conftest import EXAMPLE_EPOCH, Hub
from storyhub.diagnostics import Diagnostics
from storyhub.options.model import CardOptions, SnippetOptions, StoryhubOptions
from storyhub.options.read import ConfigError, parse_as_of, parse_options, source_date_epoch

MKDOCS_YML = """\
site_name: Test hub
site_url: https://stories.example.com/
theme:
  name: material
  font: false
plugins:
  - search
  - storyhub:
{options}
"""


def write_options(hub: Hub, options: str) -> None:
    indented = "\n".join("      " + line for line in options.strip("\n").splitlines())
    hub.write("mkdocs.yml", MKDOCS_YML.format(options=indented))


# Each case: the lines under `- storyhub:` (starting on line 9, column 7), and the exact
# message storyhub check prints.
CASES = [
    ("as_of: 2026-03-01",
     "mkdocs.yml:9:14: storyhub option 'as_of' must be a date-time with a time zone, not the "
     "date 2026-03-01 — write it as as_of: '2026-03-01T00:00:00+01:00'"),
    ("as_of: yesterday",
     "mkdocs.yml:9:14: storyhub option 'as_of': 'yesterday' is not a date-time: write it as "
     "2026-03-01T09:00:00+01:00"),
    ("as_of: '2026-03-01T09:00:00'",
     "mkdocs.yml:9:14: storyhub option 'as_of': '2026-03-01T09:00:00' has no time zone, so it "
     "is ambiguous: add one, e.g. 2026-03-01T09:00:00+01:00 (Italy in winter) or "
     "2026-03-01T09:00:00Z (UTC)"),
    ('page_size: "24"',
     "mkdocs.yml:9:18: storyhub option 'page_size' must be a whole number without quotes "
     "(found the text \"24\") — write it as page_size: 24"),
    ("page_size: 0",
     "mkdocs.yml:9:18: storyhub option 'page_size' must be a whole number from 1 to 10000, "
     "not 0"),
    ("page_sise: 12",
     "mkdocs.yml:9:7: unknown storyhub option 'page_sise' — did you mean 'page_size'?"),
    ('drafts: "true"',
     "mkdocs.yml:9:15: storyhub option 'drafts' must be true or false without quotes (found "
     "the text \"true\") — write it as drafts: true"),
    ("unconsented: anonymus",
     "mkdocs.yml:9:20: storyhub option 'unconsented' cannot be 'anonymus': use 'skip' or "
     "'anonymous' — did you mean 'anonymous'?"),
    ("company_name: 1990",
     "mkdocs.yml:9:21: storyhub option 'company_name' must be text (found 1990): put it in "
     "quotes"),
    ("snippets:\n  netwroks: [x]",
     "mkdocs.yml:10:9: unknown storyhub option 'snippets.netwroks' — did you mean "
     "'networks'?"),
    ("snippets:\n  networks: [linkedin, twitter]",
     "mkdocs.yml:10:30: unknown network 'twitter' in 'snippets.networks' (networks: bluesky, "
     "facebook, instagram, linkedin, mastodon, threads, x)"),
    ("snippets:\n  networks: []",
     "mkdocs.yml:10:19: storyhub option 'snippets.networks' must be a list of networks, e.g. "
     "[linkedin, x]; known: linkedin, x, instagram, facebook, threads, bluesky, mastodon"),
    ("snippets:\n  mastodon_limit: 20",
     "mkdocs.yml:10:25: storyhub option 'snippets.mastodon_limit' must be a whole number from "
     "50 to 100000, not 20"),
    ("snippets:\n  folder: ../outside",
     "mkdocs.yml:10:17: storyhub option 'snippets.folder' must be a folder name such as "
     "'snippets' (lower-case letters, digits, - and _, parts separated by /), not "
     "'../outside'"),
    ("snippets:\n  utm: {campaign: '{title}'}",
     "mkdocs.yml:10:14: storyhub option 'snippets.utm': 'campaign': unknown placeholder "
     "{title} (use {network}, {slug}, {variant})"),
    ("snippets: often",
     "mkdocs.yml:9:17: storyhub option 'snippets' must be a mapping (one 'option: value' per "
     "line) or true/false, not the text \"often\""),
    ("cards:\n  background: red",
     "mkdocs.yml:10:21: storyhub option 'cards.background' must be a colour \"#rrggbb\" (in "
     "quotes, or YAML reads # as a comment), not 'red'"),
    ("cards:\n  jpeg_quality: 100",
     "mkdocs.yml:10:23: storyhub option 'cards.jpeg_quality' must be a whole number from 40 "
     "to 95, not 100"),
    ("cards:\n  font: fonts/missing.ttf",
     "mkdocs.yml:10:15: storyhub option 'cards.font': {root}/fonts/missing.ttf does not "
     "exist"),
    ("home:\n  cta_label: Work with us\n  cta_url: 'javascript:alert(1)'",
     "mkdocs.yml:11:18: storyhub option 'home.cta_url': must be an https:// address, a "
     "mailto: link or a path of the site: 'javascript:' addresses are not allowed (use http, "
     "https, mailto)"),
    ("home:\n  cta_label: Work with us",
     "mkdocs.yml:10:9: storyhub option 'home': cta_label and cta_url go together: set both "
     "or neither"),
    ("home: false",
     "mkdocs.yml:9:13: storyhub option 'home': the home page cannot be switched off: remove "
     "'home: false', or set tagline, cta_label and cta_url under it"),
    ("cards:\n  logo: ../../etc/hostname",
     "mkdocs.yml:10:15: storyhub option 'cards.logo': ../../etc/hostname is outside the hub; "
     "put the file inside the hub's folder"),
    ("calendar:\n  previous: http://stories.example.com/snippets/calendar.json",
     "mkdocs.yml:10:19: storyhub option 'calendar.previous': "
     "'http://stories.example.com/snippets/calendar.json' is neither an https:// address nor "
     "a file of the hub (a path relative to it, e.g. site/snippets/calendar.json)"),
    ("calendar:\n  previous: ../other/calendar.json",
     "mkdocs.yml:10:19: storyhub option 'calendar.previous': '../other/calendar.json' is "
     "outside the hub: give a path relative to it, e.g. site/snippets/calendar.json, or an "
     "https:// address"),
    ("editor:\n  backend: {name: guthub, repo: acme/stories}",
     "mkdocs.yml:10:18: storyhub option 'editor.backend': 'name': 'guthub' is not one of the "
     "editor's backends — did you mean 'github'?"),
    ("editor:\n  backend: {name: github, repo: acme}",
     "mkdocs.yml:10:18: storyhub option 'editor.backend': 'repo': 'acme' is not a "
     "repository's path: write it as owner/name (GitLab: group/subgroup/name), e.g. "
     "company/stories"),
    ("editor:\n  backend: {repo: acme/stories, branch: 'main local'}",
     "mkdocs.yml:10:18: storyhub option 'editor.backend': 'branch': 'main local' is not a "
     "branch name git accepts (no spaces, line breaks, '..', '~', '^', ':', '?', '*', '[' "
     "or '\\'), e.g. main"),
]


@pytest.mark.parametrize(("options", "message"), CASES, ids=[c[0] for c in CASES])
def test_option_errors_from_the_command_line(hub: Hub, options: str, message: str) -> None:
    write_options(hub, options)
    result = hub.storyhub("check")
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert message.replace("{root}", str(hub.root.resolve())) in result.stderr.splitlines()
    assert result.stdout == ""


@pytest.mark.parametrize(("options", "message"), CASES[:4] + CASES[9:11],
                         ids=[c[0] for c in CASES[:4] + CASES[9:11]])
def test_option_errors_from_mkdocs(hub: Hub, options: str, message: str) -> None:
    write_options(hub, options)
    result = hub.mkdocs("build")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "problem(s) in the configuration; nothing was done" in result.stderr
    assert message in result.stderr.splitlines()
    assert not (hub.root / "site" / "index.html").exists()


def test_every_problem_at_once(hub: Hub) -> None:
    write_options(hub, "as_of: 2026-03-01\npage_size: '24'\npage_sise: 3\n"
                       "cards:\n  jpeg_quality: 100")
    result = hub.storyhub("check")
    lines = [line for line in result.stderr.splitlines() if line.startswith("mkdocs.yml:")]
    assert [line.split(": ")[0] for line in lines] == [
        "mkdocs.yml:9:14", "mkdocs.yml:10:18", "mkdocs.yml:11:7", "mkdocs.yml:13:23"]
    assert "4 problem(s) in the configuration" in result.stderr


def test_plugin_listed_twice(hub: Hub) -> None:
    hub.write("mkdocs.yml", MKDOCS_YML.format(options="      page_size: 10")
              + "  - storyhub\n")
    result = hub.storyhub("check")
    assert result.returncode == 2
    assert ("mkdocs.yml:10:5: the storyhub plugin is listed twice under 'plugins:'; keep one "
            "entry (with all its options)") in result.stderr


@pytest.mark.parametrize(("tail", "message"), [
    ("theme:\n\tname: material\n", "mkdocs.yml:{next}:1: YAML syntax error: found character "
     "'\\t' that cannot start any token (hint: use spaces, not tabs, and quote text starting "
     "with @ or `)"),
    ('copyright: "Forno Rossi\n', "mkdocs.yml:{line}:12: YAML syntax error: this quote is never "
     "closed (hint: end the text with the same quote mark, or remove it)"),
])
def test_a_broken_mkdocs_yml_is_shown_where_it_breaks(hub: Hub, tail: str, message: str) -> None:
    """A syntax error in mkdocs.yml is told as one in a story's front matter: line, column,
    what is wrong and a hint; never a traceback."""
    text = (hub.root / "mkdocs.yml").read_text(encoding="utf-8")
    hub.write("mkdocs.yml", text + tail)
    result = hub.storyhub("check")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    line = text.count("\n") + 1
    assert f"storyhub: {message.format(line=line, next=line + 1)}" in result.stderr, \
        result.stderr


@pytest.mark.parametrize(("value", "message"), [
    ("1764547200000", "storyhub: SOURCE_DATE_EPOCH '1764547200000' is too large for seconds "
                      "since 1970 — it looks like milliseconds: use 1764547200"),
    ("2025-12-01", "storyhub: SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 UTC, "
                   "e.g. 1764547200 (`date +%s`), not '2025-12-01'"),
    ("-5", "storyhub: SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 UTC, "
           "e.g. 1764547200 (`date +%s`), not '-5'"),
])
def test_malformed_source_date_epoch(hub: Hub, value: str, message: str) -> None:
    result = hub.storyhub("check", env={"SOURCE_DATE_EPOCH": value})
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert message in result.stderr.splitlines()
    built = hub.mkdocs("build", env={"SOURCE_DATE_EPOCH": value})
    assert built.returncode == 1 and "Traceback" not in built.stderr
    assert message.removeprefix("storyhub: ") in built.stderr


@pytest.mark.parametrize(("command", "flag_value", "message"), [
    ("check", "yesterday", "storyhub: --as-of 'yesterday' is not a date-time: write it as "
                           "2026-03-01T09:00:00+01:00"),
    ("report", "2026-03-01", "storyhub: --as-of '2026-03-01' has no time zone, so it is "
                             "ambiguous: add one, e.g. 2026-03-01+01:00 (Italy in winter) or "
                             "2026-03-01Z (UTC)"),
    ("snippets", "soon", "storyhub: --as-of 'soon' is not a date-time: write it as "
                         "2026-03-01T09:00:00+01:00"),
])
def test_bad_as_of_flag(hub: Hub, command: str, flag_value: str, message: str) -> None:
    extra = ["--out", "out"] if command == "snippets" else []
    result = hub.storyhub(command, "--as-of", flag_value, *extra)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert message in result.stderr.splitlines()


def test_defaults_exist_once() -> None:
    options = StoryhubOptions()
    assert options.snippets == SnippetOptions() and options.cards == CardOptions()
    assert options.snippets.mastodon_limit == 500
    assert "mastodon_limit" not in StoryhubOptions.model_fields
    diagnostics = Diagnostics()
    parsed = parse_options({"snippets": False, "cards": True}, diagnostics=diagnostics)
    assert parsed is not None and not diagnostics
    assert parsed.snippets.enabled is False and parsed.cards.enabled is True


def test_environment_and_flag_parsers() -> None:
    assert source_date_epoch({}) is None
    assert source_date_epoch({"SOURCE_DATE_EPOCH": " 1764547200 "}).isoformat() == (  # type: ignore[union-attr]
        "2025-12-01T00:00:00+00:00")
    with pytest.raises(ConfigError, match="milliseconds"):
        source_date_epoch({"SOURCE_DATE_EPOCH": "1764547200123"})
    assert parse_as_of("2026-03-01T09:00:00+01:00").utcoffset().total_seconds() == 3600  # type: ignore[union-attr]


def test_cli_and_mkdocs_write_the_same_exports(example_site: Path, tmp_path: Path) -> None:
    """`storyhub snippets --out` and `mkdocs build` run one pipeline: the same hub gives
    byte-identical snippets.json and snippets.csv (the example, built once per test run)."""
    hub = Hub(example_site.parent)
    out = tmp_path / "exports"
    result = hub.storyhub("snippets", "--out", str(out),
                          env={"SOURCE_DATE_EPOCH": EXAMPLE_EPOCH})
    assert result.returncode == 0, result.stderr
    for name in ("snippets.json", "snippets.csv"):
        assert filecmp.cmp(example_site / "snippets" / name, out / name, shallow=False), name
    data = json.loads((out / "snippets.json").read_text(encoding="utf-8"))
    assert len(data["stories"]) > 20


def test_options_reference_is_current() -> None:
    """guide/options.md is written from the model: regenerate it after changing an option
    (python -m storyhub.options.docs > guide/options.md)."""
    from storyhub.options.docs import markdown

    reference = Path(__file__).resolve().parents[1] / "guide" / "options.md"
    assert reference.read_text(encoding="utf-8") == markdown()
