"""Which post templates exist per network (``storyhub/snippets/<network>/variant-N.txt``).

The environments themselves are :mod:`storyhub.text.jinja`'s: the hub's overrides/ first,
then the package. Story fields are passed as data, never as template source, so
``{{ config }}`` in a title stays literal.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from jinja2 import Environment, Template, TemplateNotFound, nodes

from storyhub.text.jinja import PACKAGE_TEMPLATES, page_environment, text_environment

__all__ = ["PACKAGE_TEMPLATES", "PERSONAL", "PersonalVariants", "PostTemplate", "Skeleton",
           "html_environment", "personal_kind", "personal_templates", "text_environment",
           "variant_templates"]
#: Variants for employees to post themselves, in their own voice: "me-<id>" for each
#: person the story is about (first person), "colleague-<id>" for everyone else (third
#: person, naming them). Never planned in the company's calendar.
PERSONAL = ("me", "colleague")


class PersonalVariants:
    """``variant in personal`` for templates: true for ``me-<id>`` and ``colleague-<id>``."""

    def __contains__(self, variant: object) -> bool:
        return personal_kind(variant) is not None


def personal_kind(variant: object) -> str | None:
    """``me`` or ``colleague`` for a personal variant's name, else None."""
    if not isinstance(variant, str):
        return None
    kind = variant.split("-", 1)[0]
    return kind if kind in PERSONAL else None
_VARIANT = re.compile(r"^storyhub/snippets/([a-z]+)/variant-(\w+)\.txt$")
html_environment = page_environment


def variant_templates(env: Environment) -> dict[str, list[tuple[str, str]]]:
    """Per network, ``(variant name, template name)`` in order: variant-1.txt, variant-2.txt…

    An override folder may add variants (variant-3.txt) or replace existing ones.
    """
    found: dict[str, dict[str, str]] = {}
    for name in env.list_templates(extensions=["txt"]):
        match = _VARIANT.match(name)
        if match:
            found.setdefault(match.group(1), {})[match.group(2)] = name

    def order(variant: str) -> tuple[int, str]:
        return (int(variant), "") if variant.isdigit() else (1 << 30, variant)

    return {net: [(v, found[net][v]) for v in sorted(found[net], key=order)] for net in found}


def personal_templates(env: Environment, network: str) -> dict[str, str]:
    """The template of each personal variant for ``network``: ``<network>/personal-me.txt``
    when a hub or the package has one, else the shared ``personal-me.txt``."""
    found = set(env.list_templates(extensions=["txt"]))
    result: dict[str, str] = {}
    for kind in PERSONAL:
        own = f"storyhub/snippets/{network}/personal-{kind}.txt"
        result[kind] = own if own in found else f"storyhub/snippets/personal-{kind}.txt"
    return result


class PostTemplate:
    """A post template, rendered with a ``hook`` and ``hashtags`` as many times as fitting a
    post to its network takes, for less than :meth:`Template.render` costs.

    * :meth:`render` is ``template.render(**context, hook=…, hashtags=…)``, without its merge
      of the template's globals (a :class:`~collections.ChainMap`, iterated in Python) into
      every context: they are read once, here, and a render costs a third. The text
      environment's globals do not change while a hub's snippets are composed.
    * :meth:`skeleton`: where the template shows ``hook`` and ``hashtags`` only as
      ``{{ hook }}`` and ``{{ hashtags }}`` (see :func:`_slots`), one render with markers
      in their place gives every other text by substitution."""

    __slots__ = ("_concat", "_globals", "_root", "slots", "template")

    def __init__(self, template: Template):
        self.template = template
        self._globals = dict(template.globals)
        self._root = template.root_render_func
        self._concat = template.environment.concat  # type: ignore[attr-defined]
        #: the names shown plainly, or None where the template uses them any other way
        self.slots = _slots(template)

    def render(self, context: Mapping[str, Any], hook: str, hashtags: str) -> str:
        """``template.render(**context, hook=hook, hashtags=hashtags)``."""
        template = self.template
        environment = template.environment
        if environment.is_async:
            return template.render(**context, hook=hook, hashtags=hashtags)
        variables = {**self._globals, **context, "hook": hook, "hashtags": hashtags}
        # What Template.new_context makes (the globals merged above, as it merges them).
        ctx = environment.context_class(environment, variables, template.name,
                                        template.blocks, globals=self._globals)
        try:
            return self._concat(self._root(ctx))  # type: ignore[no-any-return]
        except Exception:
            environment.handle_exception()
        raise AssertionError("unreachable")  # handle_exception always raises

    def skeleton(self, context: Mapping[str, Any], hook: str, hashtags: str,
                 rendered: str) -> Skeleton | None:
        """The template rendered for ``context`` with markers for its slots, if it has them;
        ``rendered``, the text for ``hook`` and ``hashtags`` (neither holding a marker),
        must come back from it by substitution. A marker coming from elsewhere (a title
        holding one) would stay in ``rendered`` and be replaced in the substitution: no
        skeleton then, as for a template whose text depends on the hook in another way."""
        if self.slots is None or _MARKED.search(hook) or _MARKED.search(hashtags):
            return None
        parts = _MARKED.split(self.render(context, _HOOK, _TAGS))
        skeleton = Skeleton(parts, tuple(i for i, p in enumerate(parts) if p == _HOOK),
                            tuple(i for i, p in enumerate(parts) if p == _TAGS))
        return skeleton if skeleton.fill(hook, hashtags) == rendered else None


class Skeleton:
    """A post's text with its hook and hashtags left open."""

    __slots__ = ("hooks", "parts", "tags")

    def __init__(self, parts: list[str], hooks: tuple[int, ...], tags: tuple[int, ...]):
        self.parts, self.hooks, self.tags = parts, hooks, tags

    @property
    def has_hashtags(self) -> bool:
        return bool(self.tags)

    def fill(self, hook: str, hashtags: str) -> str:
        """The text the template renders with ``hook`` and ``hashtags``."""
        parts = self.parts.copy()
        for index in self.hooks:
            parts[index] = hook
        for index in self.tags:
            parts[index] = hashtags
        return "".join(parts)


#: the markers: Unicode noncharacters, for a program's own use
_HOOK, _TAGS = "\ufdd0", "\ufdd1"
_MARKED = re.compile("([\ufdd0\ufdd1])")
_SLOTS = ("hook", "hashtags")
#: what a template may hold for its slots to be filled by substitution: text, conditions
#: and loops (not recursive) over expressions, and variables set; no macro, call, block,
#: filter block, include, import or inheritance, whose output another expression could take
#: and change
_STATEMENTS = (nodes.Template, nodes.Output, nodes.If, nodes.For, nodes.With, nodes.Assign,
               nodes.Keyword, nodes.Operand, nodes.Pair)
_NOT_PLAIN = (nodes.ContextReference, nodes.DerivedContextReference, nodes.ImportedName,
              nodes.InternalName, nodes.EnvironmentAttribute, nodes.ExtensionAttribute)


class _Unplain(Exception):
    pass


def _slots(template: Template) -> frozenset[str] | None:
    """Which of ``hook`` and ``hashtags`` the template shows, if it shows them only as they
    are (``{{ hook }}``, in any number of places): its text is then the same with any value
    in between, and it neither tests, changes, filters nor sets them. None otherwise, or
    when the template's source cannot be read (a string template), its environment escapes
    or finalizes output or has extensions. Read from the template's source, parsed again."""
    environment = template.environment
    loader = environment.loader
    if (template.name is None or loader is None or environment.is_async
            or environment.autoescape is not False or environment.finalize is not None
            or environment.extensions):
        return None
    try:
        source = loader.get_source(environment, template.name)[0]
    except TemplateNotFound:
        return None
    if not template.is_up_to_date:
        return None  # changed on disk since it was compiled: the source read is not its own
    syntax = (type(environment), environment.block_start_string,
              environment.block_end_string, environment.variable_start_string,
              environment.variable_end_string, environment.comment_start_string,
              environment.comment_end_string, environment.line_statement_prefix,
              environment.line_comment_prefix, environment.trim_blocks,
              environment.lstrip_blocks)
    key = (source, syntax)
    if key not in _SOURCE_SLOTS:  # each source analysed once per process (a preview)
        _SOURCE_SLOTS[key] = _source_slots(environment, source)
    return _SOURCE_SLOTS[key]


#: :func:`_slots` by template source and syntax
_SOURCE_SLOTS: dict[tuple[str, tuple[Any, ...]], frozenset[str] | None] = {}


def _source_slots(environment: Environment, source: str) -> frozenset[str] | None:
    shown: set[str] = set()

    def walk(node: nodes.Node, parent: nodes.Node | None) -> None:
        if isinstance(node, nodes.Expr):
            if isinstance(node, _NOT_PLAIN):
                raise _Unplain
        elif not isinstance(node, _STATEMENTS) or (isinstance(node, nodes.For)
                                                   and node.recursive):
            raise _Unplain
        if isinstance(node, nodes.Name) and node.name in _SLOTS:
            if node.ctx != "load" or not isinstance(parent, nodes.Output):
                raise _Unplain
            shown.add(node.name)
        for child in node.iter_child_nodes():
            walk(child, node)

    try:
        walk(environment.parse(source), None)
    except _Unplain:
        return None
    return frozenset(shown)
