"""Class 21: the engine's own options. A pull request may change mkdocs.yml outside the
plugin's options: a Markdown extension that reads files, a script from another server, an
analytics provider, an address the theme prints into an attribute or a script. Each is
refused at its line by ``storyhub check`` and by every build, before anything is built;
what the theme prints as it is and is only words is escaped.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Hub, story_text
from test_hostile import active_markup

FILES = ("reads the files a text names", "is loaded from another server")


def lines_of(hub: Hub) -> list[str]:
    return (hub.root / "mkdocs.yml").read_text(encoding="utf-8").splitlines()


def line_of(hub: Hub, needle: str) -> int:
    return next(n for n, line in enumerate(lines_of(hub), 1) if needle in line)


def test_a_story_cannot_include_a_file_of_the_machine(hub: Hub) -> None:
    """``pymdownx.snippets`` with ``base_path: /`` published /etc/passwd in a story's page and
    the search index (tried by hand): refused, in every form it can be listed."""
    hub.set(markdown_extensions=["attr_list", {"pymdownx.snippets": {"base_path": ["/"]}},
                                 "pymdownx.b64"])
    hub.write("stories/a.md", story_text("A", body='--8<-- "/etc/passwd"\n'))
    expected = {
        line_of(hub, "pymdownx.snippets"): "the Markdown extension 'pymdownx.snippets' reads "
        "the files a text names (--8<-- \"file\"): a story could publish any file of the "
        "machine that builds the site, its secrets included, or a hidden person's profile; "
        "remove it",
        line_of(hub, "pymdownx.b64"): "the Markdown extension 'pymdownx.b64' reads the files "
        "a text names (an image's path)",
    }

    def said(stderr: str) -> bool:
        return all(any(text.startswith(f"mkdocs.yml:{line}:") and message in text
                       for text in stderr.splitlines()) for line, message in expected.items())

    for command in ("check", "build"):
        result = hub.storyhub(command)
        assert result.returncode == 2, result
        assert "2 problem(s) in the configuration; nothing was done" in result.stderr
        assert said(result.stderr), result.stderr
    result = hub.mkdocs("build")
    assert result.returncode == 1 and said(result.stderr), result.stderr
    assert not (hub.root / "site").exists()


@pytest.mark.parametrize("settings, where, message", [
    ({"extra_javascript": ["js/own.js", "https://cdn.example.net/x.js"]}, "cdn.example.net",
     "'https://cdn.example.net/x.js' is loaded from another server by every page"),
    ({"extra_css": [{"path": "//fonts.example.net/x.css"}]}, "fonts.example.net",
     "'//fonts.example.net/x.css' is loaded from another server by every page"),
    ({"theme": {"name": "material", "font": False,
                "favicon": "https://cdn.example.net/favicon.png"}}, "favicon",
     "theme.favicon 'https://cdn.example.net/favicon.png' is loaded from another server by "
     "every page"),
    ({"extra": {"analytics": {"provider": "google", "property": "G-XXXX"}}}, "provider",
     "extra.analytics sends every reader's visit to 'google'"),
    ({"repo_url": 'https://github.com/acme/stories" onmouseover="alert(1)'}, "repo_url",
     "repo_url 'https://github.com/acme/stories\" onmouseover=\"alert(1)' cannot be "
     "published: it holds '\"'"),
    ({"site_url": 'https://stories.example/"><script>alert(1)</script>'}, "site_url",
     "site_url 'https://stories.example/\"><script>alert(1)</script>' cannot be published: "
     "it holds '\"'"),
    ({"extra": {"alternate": [{"name": "English", "link": "javascript:alert(8)",
                               "lang": "en"}]}}, "javascript:",
     "extra.alternate.0.link 'javascript:alert(8)' cannot be published: 'javascript:' "
     "addresses are not allowed"),
    ({"extra": {"alternate": [{"name": "English", "link": "/en/",
                               "lang": 'en" rel="stylesheet'}]}}, "stylesheet",
     "extra.alternate.0.lang 'en\" rel=\"stylesheet' is not a language code"),
    ({"nav": ["index.md", {"Jobs <img src=x onerror=alert(12)>": "https://jobs.example/"}]},
     "onerror", "the navigation title 'Jobs <img src=x onerror=alert(12)>' holds '<'"),
    ({"nav": ["index.md", {"More": ["about.md", {"Shop": "javascript:alert(13)"}]}]},
     "javascript:", "the navigation link 'javascript:alert(13)' cannot be published: "
     "'javascript:' addresses are not allowed"),
    ({"theme": {"name": "material", "font": False, "palette": [
        {"scheme": "default", "primary": 'x"onload="alert(15)'}]}}, "onload",
     "theme.palette primary 'x\"onload=\"alert(15)' is not a colour or scheme name"),
    ({"theme": {"name": "material", "font": False, "palette": {
        "media": '(prefers-color-scheme: light)" onfocus="alert(16)'}}}, "onfocus",
     "theme.palette media '(prefers-color-scheme: light)\" onfocus=\"alert(16)' holds '\"'"),
    ({"theme": {"name": "material", "font": False, "palette": [{"toggle": {
        "icon": "material/weather-night", "name": 'Dark" onmouseover="alert(17)'}}]}},
     "onmouseover", "theme.palette toggle.name 'Dark\" onmouseover=\"alert(17)' holds '\"'"),
    ({"theme": {"name": "material", "font": False, "direction": 'ltr"onload="alert(18)'}},
     "direction", "theme.direction 'ltr\"onload=\"alert(18)' must be ltr or rtl"),
    ({"theme": {"name": "material", "font": False, "logo": 'x.png" onerror="alert(20)'}},
     "onerror", "theme.logo 'x.png\" onerror=\"alert(20)' cannot be published: it holds "
     "'\"'"),
    ({"extra": {"polyfills": ["js/own.js", "https://cdn.example.net/p.js"]}}, "p.js",
     "extra.polyfills 'https://cdn.example.net/p.js' is loaded from another server by every "
     "page"),
    ({"extra": {"tags": {"Craft": 'craft" onmouseover="alert(19)'}}}, "onmouseover",
     "extra.tags 'Craft': 'craft\" onmouseover=\"alert(19)' is not an identifier"),
    ({"extra": {"social": [{"icon": "fontawesome/brands/github",
                            "link": "javascript:alert(1)"}]}}, "javascript:",
     "extra.social.0.link 'javascript:alert(1)' cannot be published: 'javascript:' "
     "addresses are not allowed"),
    ({"extra_css": ['css/own".css']}, "own", "extra_css 'css/own\".css' cannot be published: "
     "it holds '\"'"),
    ({"extra": {"homepage": "https://acme.example/<x>"}}, "homepage",
     "extra.homepage 'https://acme.example/<x>' cannot be published: it holds '<'"),
    ({"extra": {"scope": '/");alert(1);("'}}, "scope", "extra.scope '/\");alert(1);(\"' "
     "cannot be published: it holds '\"'"),
])
def test_engine_options_that_would_reach_readers_are_refused_at_their_line(
    hub: Hub, settings: dict[str, object], where: str, message: str
) -> None:
    hub.set(**settings)
    line = line_of(hub, where)
    result = hub.storyhub("check")
    assert result.returncode == 2, result
    found = [text for text in result.stderr.splitlines() if message in text]
    assert len(found) == 1 and found[0].startswith(f"mkdocs.yml:{line}:"), result.stderr
    built = hub.mkdocs("build")
    assert built.returncode == 1 and message in built.stderr


def test_words_the_theme_prints_as_they_are_are_escaped(hub: Hub) -> None:
    """The author, the repository's name, the consent banner and the navigation's status
    names are words (the banner's description HTML): shown as written, never markup."""
    hub.set(site_author='Ann"><script>alert(1)</script>',
            repo_url="https://github.com/acme/stories", repo_name="<b onclick=alert(2)>repo</b>",
            extra={"consent": {"title": "<img src=x onerror=alert(3)>",
                               "description": 'We ask <a href="https://acme.example/p">first'
                                              '</a><script>alert(4)</script>'},
                   "status": {"new": "<script>alert(5)</script>"}})
    site = hub.build(strict=False)
    assert active_markup(site) == []
    from bs4 import BeautifulSoup

    page = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    author = page.find("meta", attrs={"name": "author"})
    assert author is not None and author["content"] == 'Ann"><script>alert(1)</script>'
    source = page.select_one(".md-source__repository")
    assert source is not None and "<b onclick=alert(2)>repo</b>" in source.get_text()
    consent = page.select_one(".md-consent")  # Material writes the banner, hidden
    assert consent is not None
    assert "<img src=x onerror=alert(3)>" in consent.get_text()
    link = consent.find("a")
    assert link is not None and link["href"] == "https://acme.example/p"


@pytest.mark.parametrize("tag", [
    '!!python/object/apply:os.system ["touch {marker}"]',
    '!!python/object/new:subprocess.Popen [["touch", "{marker}"]]',
    "!!python/name:os.system",
    "!!python/module:os",
])
def test_a_python_tag_that_would_run_code_is_refused_before_mkdocs_reads_it(
    hub: Hub, tmp_path: Path, tag: str
) -> None:
    """MkDocs reads mkdocs.yml with PyYAML's full loader: ``!!python/object/apply`` ran a
    command as it read the file, before any plugin (tried: the marker file was written by
    ``mkdocs build``). storyhub reads it first, safely, and refuses the tag at its line:
    ``storyhub check`` and ``storyhub build`` (CI's steps) and ``storyhub editor serve`` (which
    ran it too, through MkDocs' serve) stop before MkDocs reads it.
    Material's and PyMdown's own functions stay accepted."""
    marker = tmp_path / "ran"
    config = hub.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "extra:\n  x: "
                      + tag.format(marker=marker) + "\n", encoding="utf-8")
    line = len(config.read_text(encoding="utf-8").splitlines())
    for command in (("check",), ("build",), ("editor", "serve")):
        result = hub.storyhub(*command)
        assert result.returncode == 2, result
        assert f"mkdocs.yml:{line}:6: '!!python/" in result.stderr
        assert "makes MkDocs run Python code as it reads this file" in result.stderr
    assert not marker.exists() and not (hub.root / "site").exists()
    config.write_text(config.read_text(encoding="utf-8").replace(
        tag.format(marker=marker), "!!python/name:material.extensions.emoji.twemoji"),
        encoding="utf-8")
    assert hub.storyhub("check").returncode == 0


@pytest.mark.parametrize("settings, key, message", [
    ({"hooks": ["hook.py"]}, "hooks", "'hooks' makes MkDocs run the Python files it names at "
     "every build"),
    ({"INHERIT": "base.yml"}, "INHERIT", "'INHERIT' makes MkDocs read its settings from "
     "another file, which storyhub does not check"),
])
def test_hooks_and_inherited_settings_are_refused_before_mkdocs_reads_them(
    hub: Hub, tmp_path: Path, settings: dict[str, object], key: str, message: str
) -> None:
    """A hook is Python MkDocs imports as it reads the configuration (tried: ``mkdocs build``
    ran it); inherited settings escape every check of this file (``base.yml`` could name
    the hook). ``storyhub check`` and ``storyhub build`` refuse both at their line, before
    MkDocs reads anything."""
    marker = tmp_path / "ran"
    hub.write("hook.py", f"open({str(marker)!r}, 'w').write('ran')\n")
    hub.write("base.yml", "hooks: [hook.py]\n")
    hub.set(**settings)
    lines = (hub.root / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.startswith(f"{key}:"))
    line += line < len(lines) and lines[line].startswith("- ")  # a list: its first item
    for command in ("check", "build"):
        result = hub.storyhub(command)
        assert result.returncode == 2, result
        assert f"mkdocs.yml:{line}:" in result.stderr and message in result.stderr
    assert not marker.exists() and not (hub.root / "site").exists()


def test_another_engines_file_may_inherit_mkdocs_yml_which_is_checked_too(hub: Hub) -> None:
    """properdocs.yml's ``INHERIT: mkdocs.yml`` (what ``storyhub init`` writes) is accepted,
    and mkdocs.yml's settings are checked where they are written; any other file is not
    inherited. A ``!!python/name:`` that names a function MkDocs would call is refused by
    ``mkdocs build`` as well (its plugin reads the file safely again)."""
    (hub.root / "properdocs.yml").write_text("INHERIT: mkdocs.yml\n", encoding="utf-8")
    assert hub.storyhub("check", "-f", "properdocs.yml").returncode == 0
    hub.set(hooks=["hook.py"])
    result = hub.storyhub("check", "-f", "properdocs.yml")
    assert result.returncode == 2 and "mkdocs.yml:" in result.stderr
    assert "'hooks' makes MkDocs run the Python files" in result.stderr, result.stderr
    (hub.root / "properdocs.yml").write_text("INHERIT: base.yml\n", encoding="utf-8")
    (hub.root / "base.yml").write_text("site_name: x\n", encoding="utf-8")
    result = hub.storyhub("check", "-f", "properdocs.yml")
    assert "properdocs.yml:1:10: 'INHERIT' makes MkDocs read its settings" in result.stderr
    hub.set(hooks=None)
    config = hub.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("hooks: null\n", "")
                      + "markdown_extensions:\n- pymdownx.superfences:\n    custom_fences:\n"
                      "    - name: x\n      class: x\n      format: !!python/name:os.system\n",
                      encoding="utf-8")
    built = hub.mkdocs("build")
    assert built.returncode == 1 and "'!!python/name:os.system' makes MkDocs run" in built.stderr



@pytest.mark.parametrize("site_dir", ["/tmp/elsewhere", "../elsewhere", "site/../../x",
                                      "~/www", "C:/www"])
def test_a_site_dir_outside_the_hub_is_refused(hub: Hub, tmp_path: Path, site_dir: str
                                               ) -> None:
    """``site_dir: /some/folder`` in a pull request: ``storyhub build`` emptied that folder
    (tried: a file there was gone) and wrote the site in it. Refused at its line; the
    command line's ``--site-dir`` (given by whoever runs it) and ``mkdocs build -d`` stay
    free."""
    hub.set(site_dir=site_dir)
    result = hub.storyhub("check")
    assert result.returncode == 2, result
    assert f"site_dir '{site_dir}' is outside the hub" in result.stderr
    hub.set(site_dir="public")
    assert hub.storyhub("check").returncode == 0
    elsewhere = tmp_path / "elsewhere"
    built = hub.storyhub("build", "--site-dir", str(elsewhere))
    assert built.returncode == 0, built
    assert (elsewhere / "index.html").is_file()
