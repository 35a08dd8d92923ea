"""Post text for every published story and every enabled network, in several variants.

Only :attr:`Hub.stories` and :attr:`Hub.people` are used, so nothing unpublished
can appear: a person is named only when published, and mentioned by handle only
when they consented to social mentions (``consent.social``).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, Template

from storyhub.options.model import SnippetOptions
from storyhub.social.counting import Measure, measure
from storyhub.social.links import absolute, share_intent, utm_query
from storyhub.social.posts import Snippet, StorySnippets
from storyhub.social.shorten import longest_fitting, shorten, word_cuts
from storyhub.social.templates import PostTemplate, personal_templates, variant_templates
from storyhub.text.networks import Network, networks_for

__all__ = ["Composer", "Mention", "Snippet", "SnippetSet", "StorySnippets", "compose",
           "fit_measured", "hashtag", "story_hashtags"]

if TYPE_CHECKING:
    from storyhub.content.model import Person, Story
    from storyhub.hub.graph import Hub
    from storyhub.hub.share import ShareImages as StoryCards
    from storyhub.i18n import Translator

OWN = "own"


@dataclass(frozen=True)
class Mention:
    name: str
    handle: str | None  # "@giulia.bakes" where consented and known for the network

    @property
    def text(self) -> str:
        return f"{self.name} ({self.handle})" if self.handle else self.name


@dataclass
class SnippetSet:
    options: SnippetOptions
    rules: dict[str, Network]
    stories: list[StorySnippets]
    site_url: str | None
    generated: str  # ISO date of the build's "now"
    translator: Translator  # the build's: the snippets page's words


def hashtag(word: str) -> str:
    """``night-shift`` → ``#NightShift``, ``craftsmanship`` → ``#craftsmanship``."""
    parts = [p for p in re.split(r"[^\w]+", word.lstrip("#")) if p]
    if len(parts) == 1:
        return "#" + parts[0]
    return "#" + "".join(p[:1].upper() + p[1:] for p in parts)


def story_hashtags(hub: Hub, story: Story) -> list[str]:
    """Hashtags from the story's values, then its tags; the same tag once."""
    seen: dict[str, str] = {}
    for value in hub.values_of(story):
        for word in value.hashtags:
            seen.setdefault(hashtag(word).casefold(), hashtag(word))
    for tag in story.tags:
        tag_text = hashtag(tag)
        if len(tag_text) > 1:
            seen.setdefault(tag_text.casefold(), tag_text)
    return list(seen.values())


def mention(person: Person, rule: Network) -> Mention:
    handle = None
    if rule.mentions == "handle" and person.consent.social:
        raw = getattr(person.links, rule.id, None)
        if raw:
            handle = raw if raw.startswith("@") else "@" + raw
    return Mention(person.name, handle)


def join_names(names: list[str], word_and: str) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {word_and} " + names[-1]


#: what :func:`_tidy` changes beside the ends: blanks before a line end (CR LF included),
#: three line ends in a row
_UNTIDY = re.compile(r"[^\S\n]\n|\n\n\n")


def _untidy(text: str) -> bool:
    """``_UNTIDY.search(text)``, a few times quicker: a post has few lines, and the
    pattern is tried at each character (``str.isspace`` is the pattern's ``\\s``)."""
    at = text.find("\n", 1)
    while at > 0:
        before = text[at - 1]
        if before != "\n" and before.isspace():
            return True
        at = text.find("\n", at + 1)
    return "\n\n\n" in text


def _tidy(text: str) -> str:
    if not _untidy(text):
        return text.strip()  # the common case, the same result as the lines below
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def story_key(hub: Hub, story: Story, cards: StoryCards | None, global_key: str) -> str:
    """A hash of everything one story's snippets are made from, beside the global inputs."""
    hasher = hashlib.sha256(global_key.encode("utf-8"))
    parts = [story.model_dump_json(), repr(cards)]
    for person in hub.people_of(story):
        parts += [person.model_dump_json(), str(hub.display_name(person)),
                  repr(sorted(hub.social_handles(person).items()))]
    parts += [value.model_dump_json() for value in hub.values_of(story)]
    for part in parts:
        hasher.update(b"\0" + part.encode("utf-8", "surrogatepass"))
    return hasher.hexdigest()


@dataclass
class _StoryInputs:
    """What every post of one story is made from."""

    story: Story
    url: str
    people: list[Person]
    values: list[tuple[str, str]]
    t: Callable[..., str]
    word_and: str
    lang: str
    tags: list[str]
    day: date
    video: bool


class Composer:
    """Renders and fits one network's variants for one story at a time."""

    def __init__(self, hub: Hub, options: SnippetOptions, env: Environment):
        self.hub = hub
        self.options = options
        self.rules = networks_for(options.mastodon_limit)
        self._utm: dict[tuple[str, str], Callable[[str, str], str]] = {}
        #: (id, name) of values and people, one tuple each for every story naming them
        self._pairs: dict[tuple[str, str], tuple[str, str]] = {}
        #: the rules without a fold, for the personal variants (the same limits and counts)
        self.unfolded = {net: replace(rule, fold=0) for net, rule in self.rules.items()}
        variants = variant_templates(env)
        self.templates: dict[str, list[tuple[str, PostTemplate]]] = {
            net: [(name, PostTemplate(env.get_template(path)))
                  for name, path in variants.get(net, [])]
            for net in options.networks
        }
        self.today = hub.today
        self.personal: dict[str, dict[str, PostTemplate]] = {
            net: {kind: PostTemplate(env.get_template(name)) for kind, name in
                  personal_templates(env, net).items()}
            for net in options.networks
        }

    def story(self, story: Story, cards: StoryCards | None) -> StorySnippets:
        """Every post of the story, network by network: its own text, the variants, the
        personal variants."""
        inputs = self._story(story)
        posts = [post for network in self.options.networks
                 for _, _, make in self._drafts(inputs, self.rules[network])
                 if (post := make()) is not None]
        return StorySnippets(story, inputs.url, inputs.values,
                             [self._pair(p.id, p.name) for p in inputs.people], cards,
                             tuple(posts))

    def share_links(self, story: Story) -> list[tuple[str, str]]:
        """The story page's share links: per network with a share intent, (its name, the
        intent of its first post). An intent of the address alone needs no post composed;
        one of the text, only the first post of its network (not all of them)."""
        inputs = self._story(story)
        found: list[tuple[str, str]] = []
        for network in self.options.networks:
            rule = self.rules[network]
            if not rule.intent:
                continue
            for link, certain, make in self._drafts(inputs, rule):
                if "{text}" not in rule.intent and certain:
                    intent = share_intent(rule, "", link)
                    if intent is None:
                        break  # no absolute address: no post of the story has one
                else:
                    post = make()
                    if post is None:
                        continue
                    intent = post.intent
                if intent:
                    found.append((rule.name, intent))
                    break
        return found

    def share_links_of(self, item: StorySnippets) -> list[tuple[str, str]]:
        """What :meth:`share_links` gives for ``item``'s story, read from its composed
        posts (a preview's, kept from the last build)."""
        if item.share_links is not None:
            return item.share_links
        found: list[tuple[str, str]] = []
        item.share_links = found
        for network in self.options.networks:
            rule = self.rules[network]
            if not rule.intent:
                continue
            for post in item.snippets:
                if post.network == network and (intent := post.intent):
                    found.append((rule.name, intent))
                    break
        return found

    def _story(self, story: Story) -> _StoryInputs:
        hub = self.hub
        t = hub.translator.in_language(story.lang).scope("snippets")
        start = story.publish_at.date() if story.publish_at else story.date
        return _StoryInputs(
            story=story, url=absolute(hub.settings.site_url, story.url),
            people=hub.people_of(story),
            values=[self._pair(v.id, v.name) for v in hub.values_of(story)],
            t=t, word_and=t("and"), lang=story.lang or hub.settings.language,
            tags=story_hashtags(hub, story), day=max(start, self.today),
            video=any(m.kind == "video" for m in story.source.media))

    def _drafts(self, inputs: _StoryInputs, rule: Network
                ) -> Iterator[tuple[str, bool, Callable[[], Snippet | None]]]:
        """The story's posts on one network, in order, not composed yet: each as its link,
        whether it is certain to be offered, and a function composing it (None: a personal
        variant that does not fit)."""
        story, network = inputs.story, rule.id
        company = self.hub.settings.company
        mentions = [mention(p, rule) for p in inputs.people]
        own = story.social.get(network)  # type: ignore[call-overload]
        if own:
            link = self._link(inputs.url, network, story.id, OWN)
            yield link, True, lambda: Snippet(network, OWN, own, measure(rule, own), link,
                                              rule, inputs.day)
        for index, (variant, template) in enumerate(self.templates[network]):
            link = self._link(inputs.url, network, story.id, variant)
            context: dict[str, Any] = {
                "title": story.title,
                "summary": story.summary,
                "story": story,
                "people": mentions,
                "mentions": join_names([m.text for m in mentions], inputs.word_and),
                "handles": " ".join(m.handle for m in mentions if m.handle),
                "values": [name for _, name in inputs.values],
                "link": link,
                "company": company,
                "network": rule.name,
                "variant": variant,
                "lang": inputs.lang,
                "t": inputs.t,
                "watch": inputs.t("watch") if inputs.video and rule.video_first else "",
            }

            def variant_post(template: PostTemplate = template, context: dict[str, Any] = context,
                             variant: str = variant, link: str = link, index: int = index
                             ) -> Snippet:
                text, shortened, size = fit_measured(
                    template, context, story.summary, inputs.tags[:rule.max_hashtags], rule)
                return Snippet(network, variant, text, size, link, rule,
                               inputs.day + timedelta(days=7 * index), shortened)

            yield link, True, variant_post
        yield from self._personal(inputs, rule, mentions, company)

    def _personal(self, inputs: _StoryInputs, rule: Network, mentions: list[Mention], company: str
                  ) -> Iterator[tuple[str, bool, Callable[[], Snippet | None]]]:
        """The personal variants of one network, for every person featured who consented
        to social sharing (``consent.social``): ``me-<id>`` for them to post in their own
        voice (the others in the story named, their own handle never in it) and
        ``colleague-<id>`` for colleagues, naming them. Only named people appear (the hub's
        published people); handles only with consent; each variant within the network's
        limits, or not offered."""
        story, people = inputs.story, inputs.people
        by_id = {p.id: m for p, m in zip(people, mentions, strict=True)}
        for person in people:
            if not person.consent.social:
                continue
            others = join_names([by_id[p.id].text for p in people if p.id != person.id],
                                inputs.word_and)
            for kind, named in (("me", others), ("colleague", by_id[person.id].text)):
                # no per-person tracking: one utm_content per kind
                link = self._link(inputs.url, rule.id, story.id, kind)
                context: dict[str, Any] = {
                    "title": story.title, "summary": story.summary, "story": story,
                    "featured": person.name, "person": person.id,
                    "others": others, "mentions": named,
                    "link": link, "company": company, "network": rule.name,
                    "network_id": rule.id, "links_clickable": rule.links_clickable,
                    "variant": kind, "lang": inputs.lang, "t": inputs.t,
                }

                def personal_post(kind: str = kind, context: dict[str, Any] = context,
                                  link: str = link, person_id: str = person.id
                                  ) -> Snippet | None:
                    # The sharer's own opening line comes first: no fold rule for the hook.
                    text, shortened, counted = fit_measured(
                        self.personal[rule.id][kind], context, story.summary,
                        inputs.tags[:rule.max_hashtags], self.unfolded[rule.id])
                    if not counted.ok:
                        return None  # offered within the limits, or not at all
                    return Snippet(rule.id, f"{kind}-{person_id}", text, counted, link,
                                   rule, inputs.day, shortened)

                yield link, False, personal_post

    def _pair(self, key: str, name: str) -> tuple[str, str]:
        pair = (key, name)
        return self._pairs.setdefault(pair, pair)

    def _link(self, url: str, network: str, slug: str, variant: str) -> str:
        if not url.startswith("http"):
            return url
        query = self._utm.get((network, variant))
        if query is None:  # the parameters for this network and variant, the slug left open
            query = self._utm[(network, variant)] = utm_query(
                self.options.utm, network=network, variant=variant)
        return query(url, slug)


def fit_measured(
    template: Template | PostTemplate,
    context: dict[str, Any],
    hook: str,
    tags: list[str],
    rule: Network,
) -> tuple[str, bool, Measure]:
    """Render ``template`` so that it fits ``rule``'s limit, whatever the title's length
    or the number of people. In order, until it fits: shorten the hook (at a sentence or
    word boundary), drop hashtags from the end, name fewer people ("Giulia, Marco +5"),
    shorten the title, and as a last resort cut the whole text at a word. Returns the
    text, whether anything was cut, and its measure."""
    if not isinstance(template, PostTemplate):
        template = PostTemplate(template)
    text, cut, size = _fit_hook(template, context, hook, tags, rule)
    if size.ok:
        return text, cut, size
    people: list[Any] = list(context.get("people") or [])
    names_word = context.get("t")
    word_and = names_word("and") if callable(names_word) else "and"
    def fewer(keep: int, base: dict[str, Any]) -> dict[str, Any]:
        shown = people[:keep]
        rest = len(people) - keep
        mentions = join_names([m.text for m in shown], word_and) if shown else ""
        return dict(base, people=shown,
                    mentions=f"{mentions} +{rest}" if mentions else f"+{rest}",
                    handles=" ".join(m.handle for m in shown if m.handle))

    if people:
        # The most people that still fit, by bisection (fitting is monotone in the count).
        counts = list(range(len(people) - 1, -1, -1))
        keep = longest_fitting(
            [str(k) for k in counts],
            lambda k: _fit_hook(template, fewer(int(k), context), hook, tags, rule)[2].ok)
        if keep is not None:
            text = _fit_hook(template, fewer(int(keep), context), hook, tags, rule)[0]
            return text, True, measure(rule, text)
        context = fewer(0, context)
    title = str(context.get("title") or "")
    if title:
        def title_fits(short_title: str) -> bool:
            return _fit_hook(template, dict(context, title=short_title), hook, tags, rule)[2].ok

        best = longest_fitting([*word_cuts(title), "…"], title_fits)
        if best is not None:
            text = _fit_hook(template, dict(context, title=best), hook, tags, rule)[0]
            return text, True, measure(rule, text)
        context = dict(context, title="…")
    # The template's own words do not fit: cut the text itself, keeping whole words.
    text = _tidy(template.render(context, "", ""))
    cut_text = shorten(text, lambda candidate: measure(rule, candidate).ok) or ""
    return cut_text, True, measure(rule, cut_text)


def _fit_hook(
    template: PostTemplate,
    context: dict[str, Any],
    hook: str,
    tags: list[str],
    rule: Network,
) -> tuple[str, bool, Measure]:
    """Shorten the hook, then drop hashtags from the end, until the text fits; the text,
    whether it was cut, and its measure. Each text is rendered and measured once: the text
    that passed the check is the one returned.

    Most posts fit as they are: one render. Else the search renders many hooks; where the
    template allows it (:meth:`PostTemplate.skeleton`) they are filled in, not rendered, and
    a template without ``{{ hashtags }}`` has the same texts whatever the hashtag count (the
    search for each count finds the same cut: it is made once)."""
    everything = " ".join(tags)
    rendered = template.render(context, hook, everything)
    first = _tidy(rendered)
    first_size = measure(rule, first)
    if _fits(first, first_size, hook, rule):
        return first, False, first_size
    skeleton = template.skeleton(context, hook, everything, rendered)
    by_count = skeleton is None or skeleton.has_hashtags
    done: dict[tuple[str, str], tuple[str, Measure]] = {
        (hook, everything if by_count else ""): (first, first_size)}

    def measured(hook_text: str, count: int) -> tuple[str, Measure]:
        key = (hook_text, " ".join(tags[:count]) if by_count else "")
        found = done.get(key)
        if found is None:
            text = _tidy(template.render(context, *key) if skeleton is None
                         else skeleton.fill(*key))
            found = done[key] = (text, measure(rule, text))
        return found

    def fits_with(count: int) -> Callable[[str], bool]:
        def fits(hook_text: str) -> bool:
            return _fits(*measured(hook_text, count), hook_text, rule)
        return fits

    cuts: dict[str, str | None] = {}  # by hashtags shown: the same texts, the same cut
    for count in range(len(tags), -1, -1):
        fits = fits_with(count)
        if fits(hook):
            text, size = measured(hook, count)
            return text, count < len(tags), size
        shown = " ".join(tags[:count]) if by_count else ""
        if shown not in cuts:
            cuts[shown] = shorten(hook, fits, _hook_target(hook, *measured(hook, count), rule))
        cut = cuts[shown]
        # Keep cutting the hook only while it keeps at least half; else drop a hashtag.
        if cut is not None and (len(cut) * 2 >= len(hook) or count == 0):
            text, size = measured(cut, count)
            return text, True, size
    # Not even an empty hook fits without hashtags: the rest is shortened by fit_measured().
    text, size = measured("", 0)
    return text, True, size


def _fits(text: str, size: Measure, hook_text: str, rule: Network) -> bool:
    """Within the limits, and the hook readable before the network folds the text
    ("…see more")."""
    if not size.ok:
        return False
    if rule.fold and hook_text:
        at = text.find(hook_text)
        if at >= 0 and at + len(hook_text) > rule.fold:
            return False
    return True


def _hook_target(hook: str, text: str, size: Measure, rule: Network) -> int:
    """A guess of how long a hook may be for ``text`` (rendered with the whole ``hook``) to
    fit: shorter by what the text is over its limit and by the ellipsis, and ending before
    the fold. Only where the search starts (see :func:`shorten`), never what it finds."""
    over = max(size.count - size.limit,
               size.bytes - size.byte_limit if size.byte_limit else 0, 0)
    target = len(hook) - over - 1
    if rule.fold:
        at = text.find(hook)
        if at >= 0:
            target = min(target, rule.fold - at - 1)
    return target


def compose(
    hub: Hub,
    options: SnippetOptions,
    env: Environment | Composer,
    cards: Mapping[str, StoryCards] | None = None,
    *,
    memo: MutableMapping[str, StorySnippets] | None = None,
    memo_key: str = "",
    keys: MutableMapping[str, str] | None = None,
) -> SnippetSet:
    """Every published story's snippets (``env``: the templates' environment, or a composer
    made with it). With ``memo`` (kept by a preview server between rebuilds), a story whose
    inputs are unchanged reuses its snippets: ``memo_key`` hashes everything global
    (options, templates, words, settings), :func:`story_key` the rest (``keys``: the
    stories' keys known so far in this build, by story id)."""
    composer = env if isinstance(env, Composer) else Composer(hub, options, env)
    stories = []
    for story in hub.stories:
        story_cards = (cards or {}).get(story.id)
        if memo is None:
            stories.append(composer.story(story, story_cards))
            continue
        key = keys.get(story.id) if keys is not None else None
        if key is None:
            key = story_key(hub, story, story_cards, memo_key)
        found = memo.get(key)
        if found is None:
            found = memo[key] = composer.story(story, story_cards)
        stories.append(found)
    return SnippetSet(options, composer.rules, stories, hub.settings.site_url,
                      hub.today.isoformat(), hub.translator)
