"""What `storyhub check` and the build say about content they do not publish.

Marketing needs to know which stories a withdrawal or a departure takes down, so
that posts already shared elsewhere can be removed too.
"""

from __future__ import annotations

from dataclasses import dataclass

from storyhub.content.model import Person, Story
from storyhub.hub.graph import Hub
from storyhub.hub.publish import is_gone


@dataclass(frozen=True)
class Affected:
    story: Story
    person: Person
    reason: str

    def format(self) -> str:
        return f"{self.story.source.path}: {self.story.title} — {self.reason}"


def hidden_story_notes(hub: Hub) -> list[str]:
    """One ``path:line:col: info: …`` line per story that is not published, saying why."""
    notes: list[str] = []
    for story in sorted(hub.content.stories, key=lambda s: s.source.path):
        verdict = hub.hidden_stories.get(story.id)
        if verdict is None:
            continue
        field = "draft" if verdict.reason == "draft" else (
            "publish_at" if verdict.reason.startswith("embargoed") else "people")
        if verdict.reason.endswith("(the story's video or audio has them)"):
            field = "video" if story.video is not None else "audio"
        if story.author and story.author not in story.people and verdict.reason.startswith(
            f"{story.author} "
        ):
            field = "author"
        line, col = story.source.key_pos(field) if field in story.model_fields_set else (1, 1)
        hint = ""
        if "has not consented to publishing their name" in verdict.reason:
            hint = (" (set 'unconsented: anonymous' in mkdocs.yml to publish it with an "
                    "anonymous label instead)")
        notes.append(f"{story.source.path}:{line}:{col}: info: not published: "
                     f"{verdict.reason}{hint}")
    return notes


def affected_by_departures(hub: Hub) -> list[Affected]:
    """Every story about, or written by, someone who withdrew consent or left, and every
    story whose video or audio has someone who withdrew consent to video and audio."""
    today = hub.today
    gone = {pid: p for pid, p in hub.all_people.items() if is_gone(p, today)}
    affected: list[Affected] = []
    for story in sorted(hub.content.stories, key=lambda s: s.source.path):
        involved = [*dict.fromkeys(story.people)]
        if story.author and story.author not in involved:
            involved.append(story.author)
        for person_id in involved:
            person = gone.get(person_id)
            if person is None:
                continue
            if person.consent.withdrawn is not None and person.consent.withdrawn <= today:
                reason = f"{person.id} withdrew consent on {person.consent.withdrawn.isoformat()}"
            else:
                when = f" on {person.left.isoformat()}" if person.left else ""
                reason = f"{person.id} left the company{when}"
            affected.append(Affected(story, person, reason))
            break
        else:
            for person_id in story.media_people():
                person = hub.all_people.get(person_id)
                withdrawn = person.consent.media_withdrawn if person is not None else None
                if person is not None and withdrawn is not None and withdrawn <= today:
                    affected.append(Affected(story, person, f"{person.id} withdrew consent to "
                                             f"video and audio on {withdrawn.isoformat()}"))
                    break
    return affected


def departure_report(hub: Hub) -> list[str]:
    """Lines for `storyhub check`: a heading and one line per affected story."""
    affected = affected_by_departures(hub)
    if not affected:
        return []
    return [
        f"{len(affected)} story(ies) taken down because someone withdrew consent or left; "
        "remove posts already shared about them:",
        *(f"  {item.format()}" for item in affected),
    ]
