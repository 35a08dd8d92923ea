"""Class 3: consent governs every path — quotes, handles in a story's own posts, and names
that a leak would hide behind invisible characters. (Photos: test_trust_01_outside.py.)"""

from __future__ import annotations

import pytest
from conftest import Hub, person_text, story_text
from trust import build_error, diagnostics

NO_QUOTES = person_text("Giulia Ferri", bio="Giulia bakes at night.").replace(
    "quotes: true", "quotes: false")
QUOTE = ("this quotes Giulia Ferri, who has not consented to being quoted (people/giulia.md: "
         "'quotes' is not true under 'consent:'): remove the quote or retell it without "
         "quotation marks, or record 'quotes: true' once they agree")


@pytest.mark.parametrize("body, where", [
    ("Intro.\n\n> The oven never sleeps.\n> — Giulia Ferri\n", "10:1"),
    ("Intro.\n\n“The oven never sleeps,” says Giulia.\n", "10:1"),
    ("Intro.\n\nGiulia told us: \"we bake when the town sleeps\".\n", "10:17"),
    ("Intro.\n\n«Il forno non dorme mai», dice Giulia.\n", "10:1"),
    ("Intro.\n\n„Der Ofen schläft nie“, sagt giulia.\n", "10:1"),
    ("Intro.\n\n!!! quote\n    The oven never sleeps.\n", "10:1"),
    ("Intro.\n\n<blockquote>The oven never sleeps.</blockquote>\n", "10:1"),
    ("Intro.\n\nShe said <q>the oven never sleeps</q>.\n", "10:1"),
    ("> The oven never sleeps.\n", "8:1"),
])
def test_quoting_someone_without_quote_consent(hub: Hub, body: str, where: str) -> None:
    hub.write("people/giulia.md", NO_QUOTES)
    hub.write("stories/a.md", story_text("A", body=body))
    assert diagnostics(hub) == [f"stories/a.md:{where}: {QUOTE}"]


def test_quote_in_the_summary(hub: Hub) -> None:
    hub.write("people/giulia.md", NO_QUOTES)
    hub.write("stories/a.md", story_text("A", summary="'“Ovens never sleep,” says Giulia.'"))
    assert diagnostics(hub) == [f"stories/a.md:6:10: {QUOTE}"]


def test_quote_of_someone_who_consented_is_fine(hub: Hub) -> None:
    hub.write("people/giulia.md", NO_QUOTES)
    hub.write("stories/a.md", story_text("A", people="[giulia, marco]", body=(
        "“We answer every call,” says Marco.\n\n> Customers first.\n> — Marco Bianchi\n")))
    assert diagnostics(hub) == []


def test_an_unattributed_pull_quote_in_a_story_about_several_people_is_fine(hub: Hub) -> None:
    hub.write("people/giulia.md", NO_QUOTES)
    hub.write("stories/a.md", story_text("A", people="[giulia, marco]",
                                         body="> Ovens are patient.\n"))
    assert diagnostics(hub) == []


HANDLES = "links:\n  x: giuliaferri\n  linkedin: https://www.linkedin.com/in/giulia-ferri\n"


@pytest.mark.parametrize("text, handle", [
    ("Meet @giuliaferri at the oven!", "giuliaferri"),
    ("Meet @GiuliaFerri at the oven!", "giuliaferri"),
    ("See linkedin.com/in/giulia-ferri for more", "linkedin.com/in/giulia-ferri"),
    ("https://www.linkedin.com/in/giulia-ferri", "https://www.linkedin.com/in/giulia-ferri"),
])
def test_handle_in_a_story_post_needs_social_consent(hub: Hub, text: str, handle: str) -> None:
    hub.write("people/giulia.md", person_text("Giulia Ferri", extra=HANDLES).replace(
        "social: true", "social: false"))
    hub.write("stories/a.md", story_text("A", extra=f"social:\n  linkedin: '{text}'\n"))
    assert diagnostics(hub) == [
        f"stories/a.md:8:13: 'social.linkedin' mentions '{handle}', a profile of Giulia Ferri "
        "(people/giulia.md), who has not consented to being mentioned on social networks: "
        "remove it"]


def test_handle_of_someone_not_named(hub: Hub) -> None:
    hub.write("people/marco.md", person_text("Marco Bianchi", extra="links:\n  x: marcobi\n")
              .replace("name: true", "name: false"))
    hub.write("stories/a.md", story_text("A", extra="social:\n  x: 'Thanks @marcobi!'\n"))
    assert diagnostics(hub) == [
        "stories/a.md:8:6: 'social.x' mentions 'marcobi', a profile of Marco Bianchi "
        "(people/marco.md), who is not named on the site: remove it"]


def test_handle_with_consent_is_fine(hub: Hub) -> None:
    hub.write("people/giulia.md", person_text("Giulia Ferri", extra=HANDLES))
    hub.write("stories/a.md", story_text("A", extra="social:\n  x: 'Meet @giuliaferri!'\n"))
    assert diagnostics(hub) == []


# -- the leak scan sees through invisible characters ------------------------------------------

#: one unnamed person's name as a story may write it, each way hiding it from a plain search
HIDDEN_NAMES = {
    "soft-hyphen": "Mar\u00adco Bianchi",
    "shy-entity": "Mar&shy;co Bianchi",  # the same, as an HTML entity
    "zero-width-space": "Marco\u200b Bianchi",
    "zero-width-joiners": "Mar\u200dco Bian\u200cchi",
    "bidi-override": "\u202eMarco Bianchi\u202c",
    "word-joiner": "Marco \u2060Bianchi",
    "full-width": "ＭＡＲＣＯ ＢＩＡＮＣＨＩ",
    "upper-case": "MARCO BIANCHI",
}


def test_a_hidden_name_split_by_invisible_characters_is_found(hub: Hub) -> None:
    """One story per way of hiding the name: the check names each story's line. Written by
    the company's own template instead, where the check does not read, the build's scan
    names every story's page."""
    hub.write("people/marco.md", person_text("Marco Bianchi").replace("name: true", "name: false"))
    hub.write("stories/night-shift.md", story_text("Night shift", people="[giulia]"))
    for slug, written in HIDDEN_NAMES.items():
        hub.write(f"stories/{slug}.md", story_text(slug.title(), people="[giulia]",
                                                   body=f"With {written}.\n"))
    named = {line.split(".md:")[0].removeprefix("stories/") for line in diagnostics(hub)
             if line.endswith("(the build refuses a site that names them)")}
    assert named == set(HIDDEN_NAMES)
    for slug in HIDDEN_NAMES:
        hub.write(f"stories/{slug}.md", story_text(slug.title(), people="[giulia]"))
    hub.set(theme={"name": "material", "font": False, "custom_dir": "overrides"})
    pages = ", ".join(f"'stories/{slug}/': {written!r}" for slug, written in HIDDEN_NAMES.items())
    hub.write("overrides/main.html", '{% extends "base.html" %}{% block footer %}{{ super() }}'
              f"{{{{ {{{pages}}}.get(page.url, '') | safe }}}}{{% endblock %}}")
    assert diagnostics(hub) == []
    error = build_error(hub)
    found = {slug for slug in HIDDEN_NAMES
             if f"stories/{slug}/index.html: name from people/marco.md is not named" in error}
    assert found == set(HIDDEN_NAMES), error
