"""UI strings of the hub in English and Italian, and dates written as people read them.

The language follows Material's ``theme.language``; unknown languages fall back to English.
"""

from __future__ import annotations

from datetime import date

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "stories": "Stories",
        "people": "People",
        "values": "Values",
        "teams": "Teams",
        "home": "Home",
        "latest_stories": "Latest stories",
        "our_values": "Our values",
        "our_people": "Our people",
        "all_stories": "All stories",
        "all_people": "Everyone",
        "all_values": "All values",
        "all_teams": "All teams",
        "related": "Related stories",
        "previous": "Older story",
        "next": "Newer story",
        "written_by": "Written by",
        "stories_with": "Stories with {name}",
        "stories_by": "Stories written by {name}",
        "stories_about": "Stories that show {name}",
        "no_stories_yet": "No stories yet.",
        "members": "Members",
        "team_stories": "Stories from the team",
        "story_count_one": "1 story",
        "story_count_many": "{count} stories",
        "person_count_one": "1 person",
        "person_count_many": "{count} people",
        "page_of": "Page {page} of {pages}",
        "newer": "Newer",
        "older": "Older",
        "draft": "Draft — not published",
        "anonymous": "A colleague",
        "embargoed": "Embargoed until {when} — not published",
        "tags": "Tags",
        "prompts": "Questions to start your story",
        "team": "Team",
        "alumni": "Former team member",
        "photo_of": "Photo of {name}",
        "read_story": "Read the story",
        "feed_hub": "New stories from {site}",
        "feed_atom": "Atom feed",
        "feed_json": "JSON Feed",
        "feeds_follow": "Follow these stories in a feed reader:",
    },
    "it": {
        "stories": "Storie",
        "people": "Persone",
        "values": "Valori",
        "teams": "Team",
        "home": "Home",
        "latest_stories": "Le ultime storie",
        "our_values": "I nostri valori",
        "our_people": "Le nostre persone",
        "all_stories": "Tutte le storie",
        "all_people": "Tutte le persone",
        "all_values": "Tutti i valori",
        "all_teams": "Tutti i team",
        "related": "Storie correlate",
        "previous": "Storia precedente",
        "next": "Storia successiva",
        "written_by": "Scritta da",
        "stories_with": "Le storie di {name}",
        "stories_by": "Storie scritte da {name}",
        "stories_about": "Storie che raccontano {name}",
        "no_stories_yet": "Ancora nessuna storia.",
        "members": "Persone del team",
        "team_stories": "Storie del team",
        "story_count_one": "1 storia",
        "story_count_many": "{count} storie",
        "person_count_one": "1 persona",
        "person_count_many": "{count} persone",
        "page_of": "Pagina {page} di {pages}",
        "newer": "Più recenti",
        "older": "Meno recenti",
        "draft": "Bozza — non pubblicata",
        "anonymous": "Un collega",
        "embargoed": "Sotto embargo fino al {when} — non pubblicata",
        "tags": "Tag",
        "prompts": "Domande per iniziare la tua storia",
        "team": "Team",
        "alumni": "Ex collega",
        "photo_of": "Foto di {name}",
        "read_story": "Leggi la storia",
        "feed_hub": "Le nuove storie di {site}",
        "feed_atom": "Feed Atom",
        "feed_json": "JSON Feed",
        "feeds_follow": "Segui queste storie con un lettore di feed:",
    },
}

MONTHS: dict[str, tuple[str, ...]] = {
    "en": tuple(
        "January February March April May June July August September October November "
        "December".split()
    ),
    "it": tuple(
        "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre "
        "novembre dicembre".split()
    ),
}


def base_language(language: str | None) -> str:
    code = (language or "en").split("-")[0].split("_")[0].lower()
    return code if code in STRINGS else "en"


class Translator:
    """``t("stories")``, ``t("stories_with", name="Giulia")`` in the hub's language."""

    def __init__(self, language: str | None) -> None:
        self.language = base_language(language)
        self._strings = STRINGS[self.language]

    def __call__(self, key: str, **params: object) -> str:
        text = self._strings.get(key) or STRINGS["en"].get(key, key)
        return text.format(**params) if params else text

    def count(self, key: str, count: int) -> str:
        return self(f"{key}_one") if count == 1 else self(f"{key}_many", count=count)

    def date(self, value: date, language: str | None = None) -> str:
        lang = base_language(language) if language else self.language
        return f"{value.day} {MONTHS[lang][value.month - 1]} {value.year}"
