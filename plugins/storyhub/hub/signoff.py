"""Sign-off: the people a story quotes read their words before the public does.

Two ways to sign off. A person with a forge handle (``links.github``/``links.gitlab``) is
made a reviewer of the stories about them by ``storyhub codeowners``; branch protection
then asks for their approval. Anyone else is recorded in the story itself::

    sign_off:
      lucia-marchetti: 2025-10-10

With the option ``quotes.sign_off: required``, a quotation of a person (their name near
it) or a pull quote naming them, without either sign-off, is an error at the quote's line.
"""

from __future__ import annotations

from storyhub.content.model import Person, Story
from storyhub.diagnostics.core import Diagnostics, suggestion
from storyhub.hub.publish import quotes_of
from storyhub.text.pullquotes import find_pull_quotes

FORGES = ("github", "gitlab")


def reviews_on_forge(person: Person) -> bool:
    """Signs off by approving the pull request (a code owner of their stories)."""
    return any(getattr(person.links, forge) for forge in FORGES)


def needs_sign_off(story: Story, person: Person) -> bool:
    return person.id not in story.sign_off and not reviews_on_forge(person)


def check_sign_offs(stories: list[Story], people: dict[str, Person], *, required: bool,
                    invalid_people: set[str], diagnostics: Diagnostics) -> None:
    """Every ``sign_off`` key names a person; with ``required``, every quote of someone
    without a sign-off is an error at its line (drafts are not checked: they are not
    finished, and sign-off comes last)."""
    for story in stories:
        source = story.source
        for person_id in story.sign_off:
            if person_id not in people and person_id not in invalid_people:
                line, col = source.key_pos("sign_off", person_id)
                diagnostics.error(source.path, line, col,
                                  f"'sign_off': unknown person '{person_id}'"
                                  + suggestion(person_id, people, known="people"),
                                  field="sign_off", code="unknown-person")
        if not required or story.draft:
            continue
        found: dict[tuple[int, str], tuple[int, int, Person]] = {}
        named = [people[p] for p in dict.fromkeys(story.people) if p in people]
        waiting = [p for p in named if needs_sign_off(story, p)]
        for quote in find_pull_quotes(story.body):  # at the person's id
            person = people.get(quote.person)
            line = source.body_line + quote.line - 1
            if person is not None and needs_sign_off(story, person):
                found[(line, person.id)] = (line, quote.col, person)
        for index, col, person in quotes_of(story.body, named, waiting):
            line = source.body_line + index
            found.setdefault((line, person.id), (line, col, person))
        for field_name in ("title", "summary"):
            for _, _, person in quotes_of(getattr(story, field_name), named, waiting):
                line, col = source.value_pos(field_name)
                found.setdefault((line, person.id), (line, col, person))
        for line, col, person in sorted(found.values(), key=lambda f: (f[0], f[1], f[2].id)):
            diagnostics.error(source.path, line, col, sign_off_message(person),
                              field="sign_off", code="sign-off")


def sign_off_message(person: Person) -> str:
    return (f"this quotes {person.name} ({person.id}), who has not signed off their words: "
            f"once they have read and approved them, add 'sign_off: {{{person.id}: "
            "YYYY-MM-DD}' to the front matter (or give them a github:/gitlab: handle under "
            f"'links:' in {person.source.path} and ask for their review)")
