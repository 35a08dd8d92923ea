"""`storyhub new story|person`: from flags and from answers on stdin; files pass the check."""

from __future__ import annotations

import pytest
from conftest import Hub

EPOCH = {"SOURCE_DATE_EPOCH": "1741910400"}  # 2025-03-14


def check_passes(hub: Hub) -> None:
    result = hub.storyhub("check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 error(s), 0 warning(s)" in result.stderr


def test_new_story_from_flags(hub: Hub) -> None:
    result = hub.storyhub(
        "new", "story", "--title", "The oven: night #2", "--person", "giulia",
        "--person", "marco", "--value", "craft,care", "--summary", "At 2 a.m. it stopped.",
        env=EPOCH,
    )
    assert result.returncode == 0, result.stderr
    path = hub.root / "stories/2025-03-14-the-oven-night-2/index.md"
    assert result.stdout.splitlines()[0] == "Wrote stories/2025-03-14-the-oven-night-2/index.md"
    text = path.read_text(encoding="utf-8")
    assert text.startswith(
        '---\ntitle: "The oven: night #2"\ndate: 2025-03-14\npeople: [giulia, marco]\n'
        'values: [craft, care]\nsummary: "At 2 a.m. it stopped."\ndraft: true\n---\n'
    )
    # the chosen values' prompts (or description, when a value has none) as guidance
    assert "Craft\n- When did you slow down?\n" in text
    assert "Care\n- We look after each other.\n" in text
    assert "<!-- storyhub:guidance" in text and text.rstrip().endswith("-->")
    assert text.count("-->") == 1  # the guidance never closes the comment early
    check_passes(hub)
    advice = hub.storyhub("check").stdout
    assert ("stories/2025-03-14-the-oven-night-2/index.md:9:1: advice: the questions written "
            "by 'storyhub new' are still in the text") in advice


def test_new_story_interactive_from_stdin(hub: Hub) -> None:
    answers = "A new kiln\ngiula\ngiulia\n\ncourage, craft\nWe bought a kiln.\n"
    result = hub.storyhub("new", "story", "--date", "2025-04-01", input=answers)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    # existing ids offered, in a completion-friendly listing, and typos caught
    assert "People in the hub:\n  giulia  Giulia Ferri (Production)\n" in out
    assert "  marco   Marco Bianchi (Customer Care)\n" in out
    assert "Values of the hub:\n  craft    Craft\n  care     Care\n  courage  Courage\n" in out
    assert "unknown id 'giula' — did you mean 'giulia'?" in out
    text = (hub.root / "stories/2025-04-01-a-new-kiln/index.md").read_text(encoding="utf-8")
    assert "people: [giulia]\nvalues: [courage, craft]\nsummary: \"We bought a kiln.\"\n" in text
    check_passes(hub)


def test_new_story_in_italian(hub: Hub) -> None:
    result = hub.storyhub("new", "story", "--lang", "it", "--title", "Il forno", "--person",
                          "giulia", "--value", "craft", "--date", "2025-05-02", input="")
    assert result.returncode == 0, result.stderr
    assert "Creato stories/2025-05-02-il-forno/index.md" in result.stdout
    text = (hub.root / "stories/2025-05-02-il-forno/index.md").read_text(encoding="utf-8")
    assert "lang: it\n" in text
    assert "Domande per iniziare la tua storia" in text
    assert 'summary: "Una o due frasi che invoglino a leggere la storia."' in text
    check_passes(hub)


def test_new_story_language_defaults_to_the_hub(hub: Hub) -> None:
    hub.set(theme={"name": "material", "font": False, "language": "it"})
    result = hub.storyhub("new", "story", "--title", "Forno", "--person", "giulia",
                          "--value", "craft", "--summary", "Breve.", "--date", "2025-05-02")
    assert "Creato stories/2025-05-02-forno/index.md" in result.stdout


def test_new_story_never_overwrites_and_refuses_a_taken_slug(hub: Hub) -> None:
    args = ("new", "story", "--title", "Night shift", "--person", "giulia", "--value", "craft",
            "--summary", "S.", "--date", "2025-03-14")
    result = hub.storyhub(*args)
    assert result.returncode == 1
    assert result.stderr == (
        "storyhub new: the slug 'night-shift' is already used by stories/night-shift.md: "
        "choose another title or pass --slug\n"
    )
    assert hub.storyhub(*args, "--slug", "night-shift-2").returncode == 0
    before = (hub.root / "stories/2025-03-14-night-shift-2/index.md").read_bytes()
    again = hub.storyhub(*args, "--slug", "night-shift-2")
    assert again.returncode == 1
    assert "already used by stories/2025-03-14-night-shift-2/index.md" in again.stderr
    assert (hub.root / "stories/2025-03-14-night-shift-2/index.md").read_bytes() == before


def test_new_story_unknown_ids_in_flags_are_usage_errors(hub: Hub) -> None:
    result = hub.storyhub("new", "story", "--title", "X", "--person", "giula",
                          "--value", "craft")
    assert result.returncode == 2
    assert result.stderr == "storyhub new: --person: unknown id 'giula' — did you mean 'giulia'?\n"
    assert not (hub.root / "stories").joinpath("x").exists()


@pytest.mark.parametrize(("kind", "flags", "said"), [
    ("story", ["--title", "Night\x07shift", "--person", "giulia", "--value", "craft"],
     "--title: this text holds U+0007 (bell)"),
    ("story", ["--title", "Night shift", "--summary", "Ovens\x1b[2J off", "--person", "giulia",
               "--value", "craft"], "--summary: this text holds U+001B (ESC)"),
    ("person", ["--name", "Anna\x00Rossi", "--role", "Kiln", "--team", "Production",
                "--consent", "name"], "--name: this text holds U+0000 (NUL)"),
    ("person", ["--name", "Anna Rossi", "--role", "Kiln\x7f", "--team", "Production",
                "--consent", "name"], "--role: this text holds U+007F (DEL)"),
])
def test_new_refuses_a_character_the_check_would_refuse(hub: Hub, kind: str, flags: list[str],
                                                         said: str) -> None:
    """A pasted control character went into the file (a story's title "Bell\\u0007title"),
    whose first ``storyhub check`` then failed: refused before anything is written."""
    before = sorted(p.relative_to(hub.root) for p in hub.root.rglob("*.md"))
    result = hub.storyhub("new", kind, *flags, "--date" if kind == "story" else "--consent-date",
                          "2025-02-01")
    assert result.returncode == 2 and said in result.stderr, result
    assert sorted(p.relative_to(hub.root) for p in hub.root.rglob("*.md")) == before


def test_new_story_without_answers_says_which_flag(hub: Hub) -> None:
    result = hub.storyhub("new", "story", input="")
    assert result.returncode == 2
    assert result.stderr == "storyhub new: no answer for 'Title of the story': pass --title\n"


def test_listings_for_completion(hub: Hub) -> None:
    people = hub.storyhub("new", "story", "--list-people")
    assert people.stdout == (
        "giulia\tGiulia Ferri (Production)\nmarco\tMarco Bianchi (Customer Care)\n")
    values = hub.storyhub("new", "story", "--list-values")
    assert values.stdout == "craft\tCraft\ncare\tCare\ncourage\tCourage\n"
    teams = hub.storyhub("new", "person", "--list-teams")
    assert teams.stdout == "Customer Care\t1 person\nProduction\t1 person\n"


def test_new_person_from_flags(hub: Hub) -> None:
    result = hub.storyhub("new", "person", "--name", "Anna Rossi", "--role", "Kiln technician",
                          "--team", "Production", "--consent", "name,quotes",
                          "--consent-date", "2025-02-01")
    assert result.returncode == 0, result.stderr
    text = (hub.root / "people/anna-rossi.md").read_text(encoding="utf-8")
    assert text.startswith(
        '---\nname: "Anna Rossi"\nrole: "Kiln technician"\nteam: "Production"\nconsent:\n'
        "  name: true\n  photo: false\n  quotes: true\n  social: false\n  media: false\n"
        "  date: 2025-02-01\n---\n"
    )
    # consent is spelled out as fields, never in comments (the web editor drops those);
    # what each field means is in the guidance below it
    front = text.split("---\n")[1]
    assert "#" not in front
    assert "- photo: their photo\n" in text
    assert "- withdrawn: if they change their mind, add 'withdrawn: YYYY-MM-DD'" in text
    check_passes(hub)
    # the new person can be used in a story straight away
    assert hub.storyhub("new", "story", "--title", "Anna's kiln", "--person", "anna-rossi",
                        "--value", "craft", "--summary", "S.").returncode == 0
    check_passes(hub)


def test_new_person_interactive_in_italian(hub: Hub) -> None:
    answers = "Anna Rossi\n\nTecnica del forno\ncustomer care\ns\nn\nsì\n\n"
    result = hub.storyhub("new", "person", "--lang", "it", "--consent-date", "2025-02-01",
                          input=answers)
    assert result.returncode == 0, result.stderr
    # team sizes in Italian too (they were English before the catalogue)
    assert ("Team nell'hub:\n  Customer Care  1 persona\n  Production     1 persona\n"
            in result.stdout)
    assert "Consenso: chiedi a Anna Rossi ogni uso" in result.stdout
    text = (hub.root / "people/anna-rossi.md").read_text(encoding="utf-8")
    assert 'team: "Customer Care"' in text  # existing team's spelling kept
    assert "  name: true\n" in text and "  photo: false\n" in text
    assert "  quotes: true\n" in text and "  social: false\n" in text
    check_passes(hub)


def test_new_person_never_overwrites(hub: Hub) -> None:
    before = (hub.root / "people/giulia.md").read_bytes()
    result = hub.storyhub("new", "person", "--name", "Giulia", "--role", "R", "--team", "T",
                          "--consent", "none")
    assert result.returncode == 1
    assert result.stderr == (
        "storyhub new: the id 'giulia' is already used by people/giulia.md: pass another --id\n"
    )
    assert (hub.root / "people/giulia.md").read_bytes() == before


def test_new_person_without_consent_is_not_published(hub: Hub) -> None:
    assert hub.storyhub("new", "person", "--name", "Ugo Neri", "--role", "R", "--team",
                        "Production", "--consent", "none").returncode == 0
    text = (hub.root / "people/ugo-neri.md").read_text(encoding="utf-8")
    assert "name: false" in text
    check_passes(hub)
    site = hub.build()
    assert not (site / "people/ugo-neri").exists()
