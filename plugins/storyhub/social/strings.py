"""Words the default snippet templates use, in English and Italian (``t("key")``)."""

from __future__ import annotations

from collections.abc import Callable

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "new_story": "New story",
        "read": "Read the story",
        "with": "with",
        "with_cap": "With",
        "and": "and",
        "meet": "Meet {names}, at {company}.",
        "link_in_bio": "Read “{title}”: link in bio.",
        "full_story_bio": "The full story: link in bio.",
        "me_intro": "My story is on the {company} stories site",
        "me_with": "together with {names}",
        "colleague_intro": "A story about {names}, who I work with at {company}:",
    },
    "it": {
        "new_story": "Nuova storia",
        "read": "Leggi la storia",
        "with": "con",
        "with_cap": "Con",
        "and": "e",
        "meet": "Vi presentiamo {names}, di {company}.",
        "link_in_bio": "Leggi “{title}”: link in bio.",
        "full_story_bio": "La storia completa: link in bio.",
        "me_intro": "La mia storia è sul sito delle storie di {company}",
        "me_with": "insieme a {names}",
        "colleague_intro": "Una storia su {names}, con cui lavoro in {company}:",
    },
}


def translator(language: str) -> Callable[..., str]:
    table = STRINGS.get(language.split("-")[0].lower(), STRINGS["en"])

    def t(key: str, **values: object) -> str:
        text = table.get(key, STRINGS["en"].get(key, key))
        return text.format(**values) if values else text

    return t
