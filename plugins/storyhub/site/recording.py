"""What a page actually read from the hub while it was rendered, so that a preview server
renders again exactly the pages an edit can change (in the spirit of Sphinx's
``env.note_dependency``: the dependencies are recorded, not listed by hand).

While a page is rendered its template (and every partial and override it includes) sees
the hub through a :class:`RecordingView`: every answer of :class:`~storyhub.site.view.SiteView`
is written down in the page's :class:`Reads` as *(language, name, arguments, digest of the
answer)*. On the next build the page is kept only if the same questions, asked again of the
new hub (:func:`still_true`), give answers with the same digests. A hub object in an
answer (a story, person, value, team or tag) is digested with everything a template can
print of it, so ``story.title`` read straight from an answer is covered too.

What cannot be asked again is not guessed at: a page that reached past the view
(``storyhub.hub``), passed an argument that cannot be found again in a new hub, or got an
answer whose digest is not stable is marked ``untracked`` and always rendered again.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable
from typing import Any

from jinja2 import pass_context

from storyhub.content.model import Person, Story, Value
from storyhub.hub.graph import Team
from storyhub.site.plan import SitePage, Tag

#: Attributes of the view that are the build's global inputs (options, words), already in
#: every page's key, or its own machinery: read, not recorded.
GLOBAL = frozenset({"t", "settings", "language", "default_language", "multilingual"})
#: Attributes that hand out the hub itself: what a template does with it is unknowable.
OPAQUE = frozenset({"hub", "cards"})

Key = tuple[Any, ...]
Question = tuple[str, str, Key]  # language, name, arguments
Read = tuple[int, str]  # the question's number (:func:`number`), digest of the answer

#: every question recorded in this process, numbered once: a preview asks tens of thousands
#: of questions again at every rebuild, and finds each answer by its number (a nested tuple
#: is hashed anew at every lookup). A question is a view's name and the ids it was asked
#: about: the table grows only with questions never asked before (a new story, a new id)
_NUMBERS: dict[Question, int] = {}
_QUESTIONS: list[Question] = []


def number(question: Question) -> int:
    """The number of ``question`` (the same in every build of the process)."""
    found = _NUMBERS.get(question)
    if found is None:
        found = _NUMBERS[question] = len(_QUESTIONS)
        _QUESTIONS.append(question)
    return found


@dataclasses.dataclass(slots=True)
class Reads:
    """What one page read: the questions (by number) and the digests of their answers, in
    order."""

    reads: list[Read] = dataclasses.field(default_factory=list)
    #: seen once: a question asked many times (a value's badge on every card) is kept once
    seen: set[int] = dataclasses.field(default_factory=set)
    untracked: str = ""  # why the page cannot be checked, if it cannot

    def add(self, language: str, name: str, args: Key | None, answer: str | None) -> None:
        if args is None or answer is None:
            self.untracked = self.untracked or f"{name}: an argument or answer not comparable"
            return
        self.note(number((language, name, args)), answer)

    def note(self, question: int, answer: str) -> None:
        if question not in self.seen:
            self.seen.add(question)
            self.reads.append((question, answer))

    def absorb(self, other: Reads) -> None:
        """Add what a part of the page (a story card rendered once per build) read."""
        for question, answer in other.reads:
            self.note(question, answer)
        self.untracked = self.untracked or other.untracked


#: descriptions up to this long are their own digest
SHORT = 128
#: the answers' commonest types, told by identity before any isinstance
_PLAIN = {str: "str:", int: "int:", float: "float:", bool: "bool:", type(None): "NoneType:"}
_HUB_OBJECTS = frozenset({Story, Person, Value, Team, Tag})


class Digests:
    """Digests of answers for one build (a story is on many pages: described once)."""

    def __init__(self, view: Any) -> None:
        self.view = view
        #: each hub object's description, digested (by identity: the objects are kept)
        self._described: dict[int, str] = {}
        self._kept: list[Any] = []  # the described objects live as long as their ids

    def of(self, answer: Any) -> str | None:
        """A stable digest of ``answer``, or None if it has none (an object whose text
        names its place in memory): its description itself when short (most answers are a
        number, a date or a word: hashing them cost more than comparing), else its hash
        (which never equals a description: each part of one ends with a NUL)."""
        parts: list[str] = []
        if not self._feed(answer, parts):
            return None
        text = "".join(parts)
        if len(text) <= SHORT:
            return text
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

    def _feed(self, item: Any, parts: list[str]) -> bool:
        """Add ``item``'s description to ``parts`` (hashed once, joined: a build digests
        tens of thousands of answers). A hub object adds the digest of its description."""
        kind = type(item)
        prefix = _PLAIN.get(kind)
        if prefix is not None:
            parts.append(f"{prefix}{item}\0")
            return True
        if kind in _HUB_OBJECTS:
            parts.append(self._describe(item))
            return True
        if kind is list or kind is tuple:
            parts.append(f"[{len(item)}\0")
            return all(self._feed(part, parts) for part in item)
        if isinstance(item, str | int | float | bool):  # a subclass (an enum, Markup)
            parts.append(f"{kind.__name__}:{item}\0")
            return True
        if isinstance(item, Story | Person | Value | Team | Tag):
            parts.append(self._describe(item))
            return True
        if isinstance(item, list | tuple):
            parts.append(f"[{len(item)}\0")
            return all(self._feed(part, parts) for part in item)
        if isinstance(item, dict):
            parts.append(f"{{{len(item)}\0")
            return all(self._feed(k, parts) and self._feed(v, parts) for k, v in item.items())
        if dataclasses.is_dataclass(item) and not isinstance(item, type):
            parts.append(f"{kind.__name__}(\0")
            return all(self._feed(getattr(item, f.name), parts)
                       for f in dataclasses.fields(item))
        text = repr(item)
        if " at 0x" in text:
            return False
        parts.append(f"{kind.__name__}:{text}\0")
        return True

    def _describe(self, item: Any) -> str:
        found = self._described.get(id(item))
        if found is None:
            text = describe(self.view, item)
            found = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest() + "\0"
            self._described[id(item)] = found
            self._kept.append(item)
        return found


def describe(view: Any, item: Any) -> str:
    """Everything about a hub object a template can print, as one stable string."""
    if isinstance(item, Story):
        return "\0".join(("story", item.model_dump_json(), str(view.image_url(item)),
                          str(view.is_hidden(item)), view.date(item), _media(item)))
    if isinstance(item, Person):
        return "\0".join(("person", item.model_dump_json(), str(view.photo_url(item)),
                          str(view.display_name(item))))
    if isinstance(item, Value):
        return "\0".join(("value", item.model_dump_json()))
    if isinstance(item, Team):
        return "\0".join(("team", item.id, item.name, *(m.id for m in item.members)))
    assert isinstance(item, Tag)
    # A chip (name and link) and which stories have it; a story's own text is read through
    # the answers that hand the story out.
    return "\0".join(("tag", item.name, item.slug, *(s.id for s in item.stories)))


def _media(story: Story) -> str:
    """What a page shows of a story's video and audio that its front matter does not say:
    the words of its captions and transcript, its length (files read beside the story)."""
    parts: list[str] = []
    for media in getattr(getattr(story, "source", None), "media", None) or ():
        parts.append(f"{media.kind}|{media.duration}|{media.transcript_markdown or ''}")
        parts += [f"{track.language}|{track.captions.text}" for track in media.captions]
        if media.transcript_captions is not None:
            parts.append(media.transcript_captions.text)
    return "\n".join(parts)


def key_of(item: Any) -> Key | None:
    """An argument as it can be found again in another build's hub, or None."""
    if isinstance(item, str | int | float | bool) or item is None:
        return ("=", item)
    if isinstance(item, Story):
        return ("story", item.id, item.lang or "")
    if isinstance(item, Person | Value | Team):
        return (type(item).__name__.lower(), item.id)
    if isinstance(item, Tag):
        return ("tag", item.slug)
    if isinstance(item, SitePage):
        return ("page", item.src_uri)
    if isinstance(item, list | tuple):
        parts = [key_of(part) for part in item]
        return None if any(p is None for p in parts) else ("list", *parts)
    return None


_MISSING = object()


class Lookup:
    """This build's objects by what :func:`key_of` keeps of them (made once per build)."""

    def __init__(self, view: Any, pages: dict[str, SitePage]) -> None:
        hub = view.hub
        self.view = view
        self._kinds: dict[str, Any] = {
            "story": {s.id: s for s in hub.stories}, "person": hub.people,
            "value": hub.values, "team": hub.teams,
            "tag": {t.slug: t for t in view.tags()}, "page": pages,
        }
        #: the digest of each question's answer in this build, by the question's number
        #: (many pages ask the same: a story's card is on several), None when it cannot be
        #: asked again
        self.answers: dict[int, str | None] = {}

    def resolve(self, key: Key) -> Any:
        """The object of this build that ``key`` names, or ``_MISSING``."""
        kind = key[0]
        if kind == "=":
            return key[1]
        if kind == "list":
            parts = [self.resolve(part) for part in key[1:]]
            return _MISSING if any(p is _MISSING for p in parts) else parts
        found = self._kinds.get(kind, {}).get(key[1], _MISSING)
        if kind == "story" and found is not _MISSING and (found.lang or "") != key[2]:
            return _MISSING
        return found


def still_true(reads: Reads, lookup: Lookup, digests: Digests) -> bool:
    """Whether every question of ``reads``, asked of this build's view, gets an answer with
    the digest it had (each question asked once per build: :attr:`Lookup.answers`)."""
    if reads.untracked:
        return False
    answers = lookup.answers
    for question, answer in reads.reads:
        now = answers.get(question, _MISSING)
        if now is _MISSING:
            now = answers[question] = _answer(*_QUESTIONS[question], lookup, digests)
        if now is None or now != answer:
            return False
    return True


def _answer(language: str, name: str, args: Key, lookup: Lookup, digests: Digests
            ) -> str | None:
    """The digest of the answer this build's view gives to a recorded question, or None
    when it cannot be asked again."""
    if name == "describe":
        subject = lookup.resolve(args)
        return None if subject is _MISSING else digests.of(subject)
    try:
        found = getattr(lookup.view.in_language(language), name)
    except AttributeError:
        return None
    if callable(found):
        values = [lookup.resolve(arg) for arg in args]
        if any(v is _MISSING for v in values):
            return None
        try:
            found = found(*values)
        except Exception:  # a question the new hub cannot answer: render the page
            return None
    return digests.of(found)


class RecordingView:
    """A :class:`~storyhub.site.view.SiteView` that writes down what it answers."""

    def __init__(self, view: Any, reads: Reads, digests: Digests) -> None:
        self._view = view
        self._reads = reads
        self._digests = digests

    @property
    def recorded(self) -> Reads:
        return self._reads

    def note(self, item: Any) -> None:
        """Record that the page printed ``item`` itself (its attributes, not an answer)."""
        self._reads.add(self._view.language, "describe", key_of(item), self._digests.of(item))

    def fork(self) -> RecordingView:
        """The same view recording into a fresh :class:`Reads` (a part rendered once per
        build and shown on many pages keeps its own record)."""
        return RecordingView(self._view, Reads(), self._digests)

    def in_language(self, code: str | None) -> RecordingView:
        return RecordingView(self._view.in_language(code), self._reads, self._digests)

    @pass_context
    def story_card(self, context: Any, story: Story, *args: Any, **kwargs: Any) -> Any:
        """The story card: the page reads the story as the card prints it; what the card's
        partial asks is recorded by the card store (:mod:`storyhub.site.story_cards`)."""
        self.note(story)
        return self._view.story_card(context, story, *args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        found = getattr(self._view, name)
        if name.startswith("_") or name in GLOBAL:
            return found
        if name in OPAQUE:
            self._reads.untracked = self._reads.untracked or f"the template read {name}"
            return found
        language = self._view.language
        if not callable(found):
            self._reads.add(language, name, (), self._digests.of(found))
            return found
        return self._recorded(name, found, language)

    def _recorded(self, name: str, method: Callable[..., Any], language: str) -> Any:
        if getattr(method, "jinja_pass_arg", None) is not None:
            # it reads the template's context, which cannot be asked again: render the page
            self._reads.untracked = self._reads.untracked or f"{name} reads the context"
            return method

        def call(*args: Any, **kwargs: Any) -> Any:
            answer = method(*args, **kwargs)
            given = (*args, *kwargs.values())
            key = key_of(list(given)) if not kwargs or _positional(method, args, kwargs) \
                else None
            self._reads.add(language, name, key[1:] if key is not None else None,
                            self._digests.of(answer))
            return answer
        return call


def _positional(method: Callable[..., Any], args: tuple[Any, ...],
                kwargs: dict[str, Any]) -> bool:
    """Whether ``kwargs`` are the parameters right after ``args``, in order (so the call
    can be replayed with positional arguments)."""
    import inspect

    try:
        names = list(inspect.signature(method).parameters)
    except (TypeError, ValueError):
        return False
    return names[len(args):len(args) + len(kwargs)] == list(kwargs)
