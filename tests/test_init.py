"""``storyhub init``: a new hub repository of its own, right away checked clean and built
strictly; its GitHub workflow passes actionlint, its GitLab CI has the jobs it promises;
a folder that is not empty is refused; ``storyhub build`` stops when the engine ran
without storyhub."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO, run_cli
from test_ci import actionlint

FLAGS = ["--company", "Forno Rossi", "--site-url", "https://storie.fornorossi.it",
         "--languages", "it,en", "--values", "Pane buono, Cura, Onestà",
         "--your-name", "Giulia Rossi", "--your-role", "Panettiera",
         "--repo", "fornorossi/storie", "--date", "2025-11-30",
         "--storyhub", "storyhub @ git+https://github.com/acme/storyhub@v0.1.0"]
#: a folder and the command that made it
Made = tuple[Path, subprocess.CompletedProcess[str]]
ENV = {**os.environ, "PYTHONPATH": str(REPO / "plugins"), "NO_MKDOCS_2_WARNING": "1",
       "SOURCE_DATE_EPOCH": "1764547200"}


def storyhub(*args: str, cwd: Path, stdin: str = "", process: bool = False
             ) -> subprocess.CompletedProcess[str]:
    """The command line, in this process (as ``Hub.storyhub``) or with ``process`` in a new
    one started as ``python -m storyhub.cli``."""
    if not process:
        return run_cli(list(args), cwd=cwd, input=stdin,
                       env={"SOURCE_DATE_EPOCH": ENV["SOURCE_DATE_EPOCH"]})
    return subprocess.run([sys.executable, "-m", "storyhub.cli", *args], cwd=cwd, env=ENV,
                          input=stdin, capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def new_hub(tmp_path_factory: pytest.TempPathFactory) -> Made:
    base = tmp_path_factory.mktemp("init")
    result = storyhub("init", "forno", *FLAGS, cwd=base)
    return base / "forno", result


@pytest.fixture(scope="module")
def built(new_hub: Made) -> Made:
    hub, _ = new_hub
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=hub,
                            env=ENV, capture_output=True, text=True, check=False)
    return hub / "site", result


def test_init_writes_a_hub_of_its_own(new_hub: Made) -> None:
    hub, result = new_hub
    assert result.returncode == 0, result.stderr
    made_later = ("site/", "guarded-site/", "without-storyhub.yml", ".cache/")  # other tests
    files = sorted(name for name in (p.relative_to(hub).as_posix() for p in hub.rglob("*")
                                     if p.is_file()) if not name.startswith(made_later))
    assert files == [
        ".github/workflows/stories.yml", ".gitignore", ".gitlab-ci.yml",
        ".pre-commit-config.yaml", "docs/about.md", "docs/index.md", "mkdocs.yml",
        "people/giulia-rossi.md", "properdocs.yml", "requirements.txt",
        "schemas/editor-config.yml",
        "stories/2025-11-30-perche-raccontiamo-le-nostre-storie/index.md", "values.yml",
    ]
    assert not [f for f in files if f.endswith(".py")]  # no copy of storyhub's code
    # the questions' language and the files' are the hub's first language
    assert "Creato mkdocs.yml" in result.stdout and "Il tuo hub è pronto" in result.stdout
    config = yaml.safe_load((hub / "mkdocs.yml").read_text(encoding="utf-8").replace("\\", "/"))
    assert config["site_url"] == "https://storie.fornorossi.it/"
    assert config["theme"]["language"] == "it"
    storyhub_options = config["plugins"][1]["storyhub"]
    assert storyhub_options["languages"] == ["it", "en"]
    assert storyhub_options["editor"]["backend"]["repo"] == "fornorossi/storie"
    assert config["plugins"][0]["search"]["lang"] == ["it", "en"]
    values = yaml.safe_load((hub / "values.yml").read_text(encoding="utf-8"))["values"]
    assert [v["id"] for v in values] == ["pane-buono", "cura", "onesta"]
    assert values[2]["name"] == "Onestà" and len(values[0]["prompts"]) == 3
    requirements = (hub / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert requirements[-1] == "storyhub @ git+https://github.com/acme/storyhub@v0.1.0"
    story = (hub / "stories/2025-11-30-perche-raccontiamo-le-nostre-storie/index.md").read_text()
    assert "— Giulia Rossi" in story and "people: [giulia-rossi]" in story
    hook = yaml.safe_load((hub / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert hook["repos"][0]["hooks"][0]["entry"] == "storyhub check"
    properdocs = yaml.safe_load((hub / "properdocs.yml").read_text(encoding="utf-8"))
    assert properdocs["INHERIT"] == "mkdocs.yml" and properdocs["theme"]["name"] == "materialx"
    assert properdocs["plugins"][1] == config["plugins"][1]  # the same storyhub options
    editor = (hub / "schemas/editor-config.yml").read_text(encoding="utf-8")
    check_editor = storyhub("editor", "config", "--check", cwd=hub)
    assert check_editor.returncode == 0, check_editor.stdout
    assert "repo: fornorossi/storie" in editor


def test_check_is_clean_right_after_init(new_hub: Made) -> None:
    hub, _ = new_hub
    result = storyhub("check", "--format", "json", cwd=hub)
    assert result.returncode == 0, result.stdout + result.stderr
    summary = json.loads(result.stdout)["summary"]
    assert summary["errors"] == 0 and summary["warnings"] == 0
    assert (summary["stories"], summary["people"], summary["values"]) == (1, 1, 3)
    # what is left is advice only: the welcome story has no photo
    assert summary["advice"] <= 1


def test_mkdocs_build_strict_passes_right_after_init(built: Made) -> None:
    site, result = built
    assert result.returncode == 0, result.stderr
    for page in ("index.html", "en/index.html", "about/index.html",
                 "people/giulia-rossi/index.html", "values/onesta/index.html",
                 "stories/perche-raccontiamo-le-nostre-storie/index.html",
                 "admin/index.html", "admin/config.yml", "feed.xml"):
        assert (site / page).is_file(), page
    story = (site / "stories/perche-raccontiamo-le-nostre-storie/index.html").read_text()
    assert "Perché raccontiamo le nostre storie" in story and 'lang="it"' in story
    # the English home is English in its frame too: the site's name in its title and header
    # and its description (init writes them per language; both were the Italian ones)
    english = (site / "en/index.html").read_text(encoding="utf-8")
    assert "<title>Home - Forno Rossi — Stories</title>" in english
    # (the links to the site's own feed keep its title, "… — Storie (Atom feed)")
    assert re.search(r"— Storie(?!s| \()", english) is None
    assert '<meta name="description" content="Forno Rossi, told by its people.">' in english


def test_names_with_markup_characters_read_as_typed(tmp_path: Path) -> None:
    """The answers are words, not markup: a company named with '&', '<…>', '*', '[…]' and
    '_' (and a person with '*') gives a hub whose check is clean and whose strict build
    passes, every page showing the names as typed (escaped for Markdown in the pages'
    bodies, for HTML in mkdocs.yml's copyright, quoted in YAML)."""
    company, person = "Forno & Figli <s.r.l.> *Caffè* [1]_x_", "Giulia *Neri*"
    flags = list(FLAGS)
    flags[flags.index("--company") + 1] = company
    flags[flags.index("--your-name") + 1] = person
    made = storyhub("init", "forno", *flags, cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    hub = tmp_path / "forno"
    checked = storyhub("check", "--strict", "--no-advice", cwd=hub)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=hub,
                            env=ENV, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    from bs4 import BeautifulSoup

    site = hub / "site"
    for page, names in {"index.html": (company, person), "about/index.html": (company,),
                        "stories/perche-raccontiamo-le-nostre-storie/index.html":
                            (company, person),
                        "people/giulia-neri/index.html": (person,)}.items():
        soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
        content = soup.select_one("main")
        assert content is not None
        text = content.get_text(" ")
        for name in names:
            assert name in text, (page, name)
        footer = soup.select_one(".md-copyright__highlight")
        assert footer is not None and footer.get_text(strip=True) == company


def test_the_github_workflow_passes_actionlint(new_hub: Made) -> None:
    hub, _ = new_hub
    workflow = hub / ".github/workflows/stories.yml"
    result = actionlint(workflow)
    assert result.returncode == 0, result.stdout + result.stderr
    jobs = yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"]
    runs = [s.get("run", "") for s in jobs["check"]["steps"]]
    assert "python -m pip install -r requirements.txt" in runs
    assert "storyhub check --format github" in runs and "storyhub build --strict" in runs
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_the_gitlab_ci_checks_merge_requests_and_publishes_the_default_branch(
        new_hub: Made) -> None:
    hub, _ = new_hub
    ci = yaml.safe_load((hub / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert {"check", "pages"} <= set(ci)
    check, pages = ci["check"], ci["pages"]
    assert check["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    assert "storyhub check" in check["script"] and "storyhub build --strict" in check["script"]
    # the default branch, pushed or run by a daily schedule (embargoes): build and publish
    rule = pages["rules"][0]["if"]
    assert "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH" in rule
    assert "storyhub build --strict --site-dir public" in pages["script"]
    assert pages["artifacts"]["paths"] == ["public"]
    assert ["python -m pip install -r requirements.txt"] in check["script"]


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "hub").mkdir()
    (tmp_path / "hub" / "notes.txt").write_text("mine", encoding="utf-8")
    result = storyhub("init", "hub", *FLAGS, cwd=tmp_path)
    assert result.returncode == 1
    assert "hub is not empty" in result.stderr and "--force" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in (tmp_path / "hub").iterdir()) == ["notes.txt"]
    forced = storyhub("new", "hub", "hub", *FLAGS, "--force", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert (tmp_path / "hub" / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (tmp_path / "hub" / "mkdocs.yml").is_file()


def test_init_asks_what_it_is_not_told(tmp_path: Path) -> None:
    answers = "\n".join(["Acme Tiles", "https://stories.acme.example", "", "Craft, Care",
                         "Sam Green", "", ""]) + "\n"
    result = storyhub("init", "acme", cwd=tmp_path, stdin=answers)
    assert result.returncode == 0, result.stderr
    assert "Company name: " in result.stdout and "Your first values" in result.stdout
    config = (tmp_path / "acme/mkdocs.yml").read_text(encoding="utf-8")
    assert "language: en" in config and 'company_name: "Acme Tiles"' in config
    assert "repo: acme-tiles/stories" in config
    assert (tmp_path / "acme/people/sam-green.md").is_file()


def test_a_wrong_answer_at_the_prompt_is_asked_again(tmp_path: Path) -> None:
    """Typed at the prompt, a wrong address, language, value list or repository is said
    and asked again, the answers before it kept (a flag's stops: see below); the end of
    the input after a wrong answer names the flag."""
    answers = "\n".join([
        "Acme Tiles", "stories.acme.example", "https://stories.acme.example",
        "en, de", "en, it", "Craft, craft", "Craft, Care", "Sam Green", "",
        "not a repo", "acme/hub"]) + "\n"
    result = storyhub("init", "acme", "--lang", "en", cwd=tmp_path, stdin=answers)
    assert result.returncode == 0, result.stderr
    said = result.stdout
    assert "'stories.acme.example' is not a web address" in said
    assert "unknown language 'de'" in said and "'craft' is named twice" in said
    assert "'not a repo'" in said
    assert said.count("Company name: ") == 1 and said.count("Your first values") == 2
    config = (tmp_path / "acme/mkdocs.yml").read_text(encoding="utf-8")
    assert 'site_url: "https://stories.acme.example/"' in config
    assert "languages: [en, it]" in config and "repo: acme/hub" in config
    assert 'name: "Care"' in (tmp_path / "acme/values.yml").read_text(encoding="utf-8")
    cut = storyhub("init", "other", "--lang", "en", cwd=tmp_path,
                   stdin="Acme\nstories.acme.example\n")
    assert cut.returncode == 2 and "pass --site-url" in cut.stderr
    assert "Traceback" not in cut.stderr and not (tmp_path / "other").exists()


@pytest.mark.parametrize(("flags", "message"), [
    (["--site-url", "stories.example.com"], "'stories.example.com' is not a web address"),
    (["--languages", "itt"], "unknown language 'itt' — did you mean 'it'?"),
    (["--values", "Craft, craft", "--languages", "en"], "'craft' is named twice"),
    (["--site-url", 'https://stories.example.com/"><script>'], "is not a web address"),
    (["--site-url", "https://stories.example.com:99999/"], "is not a web address"),
    (["--site-url", "https://stories.example.com/?lang=it"], "cannot hold '?' or '#'"),
    (["--company", "Forno\nRossi"], "Company name: write it on one line"),
    (["--company", "Forno\x1bRossi"], "Company name: write it on one line"),
    (["--company", "F" * 201], "Company name: 201 characters; at most 200"),
    (["--your-name", "G" * 121, "--languages", "en"], "121 characters; at most 120"),
    (["--values", "Craft, " + "C" * 121, "--languages", "en"], "121 characters; at most 120"),
])
def test_init_says_what_is_wrong_with_an_answer(tmp_path: Path, flags: list[str],
                                                message: str) -> None:
    given = dict(zip(FLAGS[::2], FLAGS[1::2], strict=True))
    given.update(dict(zip(flags[::2], flags[1::2], strict=True)))
    args = [item for pair in given.items() for item in pair]
    result = storyhub("init", "hub", *args, "--lang", "en", cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "hub" / "mkdocs.yml").exists()


def test_an_answer_missing_without_a_terminal_names_its_flag(tmp_path: Path) -> None:
    result = storyhub("init", "hub", "--company", "Acme", cwd=tmp_path)
    assert result.returncode == 2
    assert "pass --site-url" in result.stderr


def test_version() -> None:
    from storyhub import __version__

    result = storyhub("--version", cwd=REPO, process=True)
    assert result.stdout.strip() == f"storyhub {__version__}"


def test_storyhub_build_stops_when_the_engine_ran_without_storyhub(
        new_hub: Made) -> None:
    """As under an engine that ignores plugins it does not know: a site of bare pages,
    without storyhub's pages and without the leak scan, is never put in place."""
    hub, _ = new_hub
    config = (hub / "mkdocs.yml").read_text(encoding="utf-8")
    start = config.index("  - storyhub:")
    end = config.index("\nmarkdown_extensions:")
    (hub / "without-storyhub.yml").write_text(config[:start] + config[end:], encoding="utf-8")
    site = hub / "guarded-site"
    site.mkdir()
    (site / "old.html").write_text("the previous site", encoding="utf-8")
    result = storyhub("build", "--strict", "-f", "without-storyhub.yml", "-d", str(site), cwd=hub)
    assert result.returncode == 3
    assert "the engine ran without storyhub" in result.stderr
    assert "leak scan did not run" in result.stderr
    assert [p.name for p in site.iterdir()] == ["old.html"]  # left as it was


def test_the_guard_names_what_is_missing(tmp_path: Path) -> None:
    from storyhub.adapters.sitebuild import engine_guard
    from storyhub.pipeline import Pipeline

    class Plugin:
        def __init__(self, pipeline: object) -> None:
            self.pipeline = pipeline

    pipeline = Pipeline.__new__(Pipeline)
    pipeline.scanned = []
    site = tmp_path / "site"
    (site / "stories").mkdir(parents=True)
    assert "without storyhub" in str(engine_guard(None, pipeline, site))
    assert "no storyhub pages" in str(engine_guard(Plugin(pipeline), pipeline, site))
    (site / "stories/index.html").write_text("x", encoding="utf-8")
    (site / "assets/storyhub").mkdir(parents=True)
    (site / "assets/storyhub/storyhub.css").write_text("x", encoding="utf-8")
    assert "leak scan did not run" in str(engine_guard(Plugin(pipeline), pipeline, site))
    pipeline.scanned.append(site.resolve())
    assert engine_guard(Plugin(pipeline), pipeline, site) is None


@pytest.mark.parametrize(("direct", "line"), [
    ({"url": "https://github.com/acme/storyhub", "vcs_info": {
        "vcs": "git", "requested_revision": "v0.2.0", "commit_id": "abc"}},
     "storyhub @ git+https://github.com/acme/storyhub@v0.2.0"),
    ({"url": "https://github.com/acme/storyhub", "subdirectory": "engines/materialx",
      "vcs_info": {"vcs": "git", "commit_id": "abc123"}},
     "storyhub @ git+https://github.com/acme/storyhub@abc123#subdirectory=engines/materialx"),
    ({"url": "file:///w/storyhub-0.2.0-py3-none-any.whl", "archive_info": {}},
     "storyhub @ file:///w/storyhub-0.2.0-py3-none-any.whl"),
    ({"url": "file:///home/me/storyhub", "dir_info": {"editable": True}}, None),
])
def test_the_pin_says_where_storyhub_came_from(direct: dict[str, object],
                                               line: str | None) -> None:
    from storyhub.cli.new_hub import _direct_line

    assert _direct_line("storyhub", direct) == line


@pytest.mark.parametrize(("line", "direct", "stays"), [
    ("storyhub==0.1.0", {"url": "file:///home/me/storyhub", "dir_info": {"editable": True}},
     True),
    ("storyhub==0.1.0", None, False),  # from a package index: CI installs it the same way
    ("storyhub @ file:///w/storyhub-0.2.0-py3-none-any.whl", None, True),
    ("storyhub @ git+https://github.com/acme/storyhub@v0.2.0", None, False),
    ("storyhub @ file:wheels/storyhub-0.2.0-py3-none-any.whl", None, False),  # the hub's
])
def test_a_pin_ci_cannot_install_is_told(monkeypatch: pytest.MonkeyPatch, line: str,
                                         direct: dict[str, object] | None,
                                         stays: bool) -> None:
    """storyhub installed from a folder (an editable checkout) or a file: the guessed line
    of requirements.txt would fail in the hub's CI, so init says so and how to write it."""
    import json
    from importlib import metadata

    from storyhub.cli.new_hub import pin_stays_here

    class Installed:
        def read_text(self, name: str) -> str | None:
            return json.dumps(direct) if direct is not None else None

    monkeypatch.setattr(metadata, "distribution", lambda name: Installed())
    assert pin_stays_here(line) is stays


def test_init_says_when_the_guessed_pin_stays_on_this_machine(tmp_path: Path) -> None:
    """The suite runs on an editable install (scripts/test.sh): without --storyhub, the
    pin is the version, and init tells what to write instead; given, it says nothing."""
    flags = FLAGS[:-2]
    assert FLAGS[-2] == "--storyhub"
    result = storyhub("init", "hub", *flags, "--lang", "en", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Prima di pubblicare: requirements.txt dice storyhub==" in result.stdout
    assert "storyhub @ git+https://github.com/ORG/storyhub@v" in result.stdout
    told = storyhub("init", "hub2", *FLAGS, cwd=tmp_path)
    assert told.returncode == 0 and "Prima di pubblicare" not in told.stdout


def test_the_calendar_plans_posts_in_the_companys_time_zone(tmp_path: Path) -> None:
    """Posts were planned at UTC's hours (09:30 UTC is 10:30 in Faenza): ``--timezone``, else
    this computer's zone (``TZ`` here), goes into mkdocs.yml, and init says which; a wrong
    name is refused with the nearest one; UTC writes nothing (the default)."""
    made = storyhub("init", "a", *FLAGS, "--timezone", "Europe/Rome", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    config = (tmp_path / "a/mkdocs.yml").read_text(encoding="utf-8")
    assert "      calendar:\n        timezone: Europe/Rome\n" in config
    assert "all'ora di Europe/Rome" in made.stdout
    env = {**ENV, "TZ": "America/New_York"}
    guessed = subprocess.run([sys.executable, "-m", "storyhub.cli", "init", "b", *FLAGS],
                             cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    assert guessed.returncode == 0, guessed.stderr
    assert "timezone: America/New_York" in (tmp_path / "b/mkdocs.yml").read_text("utf-8")
    wrong = storyhub("init", "c", *FLAGS, "--timezone", "Europe/Rom", cwd=tmp_path)
    assert wrong.returncode == 2 and "(Europe/Rome?)" in wrong.stderr
    assert not (tmp_path / "c").exists()
    utc = subprocess.run([sys.executable, "-m", "storyhub.cli", "init", "d", *FLAGS,
                          "--timezone", "UTC"], cwd=tmp_path, env=env, capture_output=True,
                         text=True, check=False)
    assert "timezone:" not in (tmp_path / "d/mkdocs.yml").read_text("utf-8")
    assert "all'ora di UTC" in utc.stdout
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=tmp_path / "a",
                           env=ENV, capture_output=True, text=True, check=False)
    assert built.returncode == 0, built.stderr
    calendar = (tmp_path / "a/site/snippets/calendar.json").read_text(encoding="utf-8")
    assert '"timezone": "Europe/Rome"' in calendar
