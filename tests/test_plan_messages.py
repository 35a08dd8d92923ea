"""Messages from issue 22, asserted to the letter: an impossible day/month date suggests
no impossible date, a list of wrong items is not "a list (found a list)", a mistyped
person id gets a did-you-mean, and the Italian scaffold speaks Italian throughout."""

from __future__ import annotations

from pathlib import Path

from conftest import Hub, copy_example, story_text


def _errors(hub: Hub) -> list[str]:
    result = hub.storyhub("check", "--no-advice")
    return [line for line in (result.stdout + result.stderr).splitlines()
            if ": " in line and line.startswith(("stories/", "mkdocs.yml"))]


def test_impossible_day_month_date_suggests_no_impossible_date(hub: Hub) -> None:
    hub.write("stories/night-shift.md", story_text("Night shift", date="31/02/2026"))
    hub.write("stories/first-oven.md", story_text("The first oven", date="05/13/2026"))
    hub.write("stories/third.md", story_text("Third", date="12/03/2026"))
    hub.write("stories/fourth.md", story_text("Fourth", date="31/13/2026"))
    errors = _errors(hub)
    assert ("stories/night-shift.md:3:7: 'date': '31/02/2026' is ambiguous: write dates as "
            "YYYY-MM-DD (February 2026 has 28 days: check the day)") in errors
    assert ("stories/first-oven.md:3:7: 'date': '05/13/2026' is ambiguous: write dates as "
            "YYYY-MM-DD — did you mean 2026-05-13?") in errors
    assert ("stories/third.md:3:7: 'date': '12/03/2026' is ambiguous: write dates as "
            "YYYY-MM-DD — did you mean 2026-03-12?") in errors
    assert ("stories/fourth.md:3:7: 'date': '31/13/2026' is ambiguous: write dates as "
            "YYYY-MM-DD (no month is numbered above 12: check the date)") in errors
    assert not [e for e in errors if "2026-02-31" in e]


def test_list_of_wrong_items_is_not_reported_as_not_a_list(hub: Hub) -> None:
    hub.config(calendar={"days": ["tuesday"]})
    result = hub.storyhub("check")
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.startswith("mkdocs.yml:")]
    assert len(lines) == 1, result.stderr
    assert lines[0].endswith(
        "storyhub option 'calendar.days[1]' cannot be 'tuesday': use 'mon', 'tue', 'wed', "
        "'thu', 'fri', 'sat' or 'sun' — did you mean 'tue'?")
    assert "found a list" not in result.stderr
    hub.config(calendar={"days": []})  # a really empty list still says so
    empty = hub.storyhub("check")
    assert "storyhub option 'calendar.days' must list at least one item (it is empty)" in \
        empty.stderr


def _example(tmp_path: Path) -> Hub:
    root = tmp_path / "example"
    root.mkdir()
    copy_example(root, dirs=("people", "stories", "docs"))
    return Hub(root)


def test_new_story_suggests_the_person_meant(tmp_path: Path) -> None:
    hub = _example(tmp_path)
    result = hub.storyhub("new", "story", "--title", "X", "--person", "chiarra",
                          "--value", "craft", "--summary", "S.")
    assert result.returncode == 2
    assert result.stderr == ("storyhub new: --person: unknown id 'chiarra' — did you mean "
                             "'chiara-lanzoni'?\n")
    italian = hub.storyhub("new", "story", "--lang", "it", "--title", "X", "--person",
                           "chiara-lanzoni", "--value", "craftt", "--summary", "S.")
    assert italian.returncode == 2
    assert "'craftt'" in italian.stderr and "'craft'" in italian.stderr


def test_italian_scaffold_is_italian_throughout(tmp_path: Path) -> None:
    hub = _example(tmp_path)
    listing = hub.storyhub("new", "story", "--lang", "it", "--list-values")
    assert "craft\tPrima le mani" in listing.stdout.splitlines()
    result = hub.storyhub("new", "story", "--lang", "it", "--title", "Il forno nuovo",
                          "--person", "chiara-lanzoni", "--value", "craft,care",
                          "--summary", "Una notte al forno.", "--date", "2026-03-01")
    assert result.returncode == 0, result.stderr
    assert "Creato stories/2026-03-01-il-forno-nuovo/index.md\n" in result.stdout
    text = (hub.root / "stories/2026-03-01-il-forno-nuovo/index.md").read_text(
        encoding="utf-8")
    guide = text.split("<!-- storyhub:guidance", 1)[1]
    assert ("Prima le mani\n"
            "- Quando ci hai messo più tempo del previsto, perché doveva venire bene?\n") in guide
    assert "Ci prendiamo cura\n- Quando un collega si è accorto" in guide
    for english in ("Hands first", "Care for each other", "When did", "Tips", "Which "):
        assert english not in guide, english
    # A value without Italian words: the catalogue's general questions, in Italian.
    values = (hub.root / "values.yml").read_text(encoding="utf-8")
    start = values.index("  - id: honesty")
    block = values[start:values.index("  - id: patience")]
    values = values.replace(block, block[:block.index("    translations:")] + "\n")
    (hub.root / "values.yml").write_text(values, encoding="utf-8")
    again = hub.storyhub("new", "story", "--lang", "it", "--title", "Detto chiaro",
                         "--person", "chiara-lanzoni", "--value", "honesty",
                         "--summary", "Una verità.", "--date", "2026-03-02")
    assert again.returncode == 0, again.stderr
    text = (hub.root / "stories/2026-03-02-detto-chiaro/index.md").read_text(encoding="utf-8")
    assert "- Che cosa è successo, e quando? Parti da un momento.\n" in text
    assert "When did telling the truth" not in text
