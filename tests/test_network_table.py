"""The network table (storyhub.text.networks) is the one place that names a network: a
module naming a network id, and a network added to the table reaching every output."""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import storyhub
from conftest import make_hub
from storyhub.text.networks import NETWORK_IDS

PACKAGE = Path(storyhub.__file__).parent
TABLE = "text/networks.py"
#: a network id written for something else: (module, string) -> what it is
NOT_A_NETWORK = {
    ("content/model.py", "x"): "the Latin transliteration of the Greek letter ξ",
    ("cli/scaffold.py", "x"): "open()'s exclusive-creation mode",
}


def _not_names(tree: ast.AST) -> set[int]:
    """The string constants that cannot be a name: docstrings, and the literal pieces of
    f-strings (``f"{width}x{height}"`` holds a piece "x")."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
        elif isinstance(node, ast.JoinedStr):
            found |= {id(part) for part in node.values if isinstance(part, ast.Constant)}
    return found


def test_only_the_table_names_a_network() -> None:
    """No module but the table writes a network id as a string (docstrings and f-string
    pieces aside); no
    template or script but the network's own post templates names one in quotes."""
    naming: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        module = path.relative_to(PACKAGE).as_posix()
        if module == TABLE:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _not_names(tree)
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and node.value in NETWORK_IDS and id(node) not in skip
                    and (module, node.value) not in NOT_A_NETWORK):
                naming.setdefault(module, set()).add(node.value)
    ids = "|".join(map(re.escape, NETWORK_IDS))
    quoted = re.compile(rf"""["']({ids})["']""")
    own_templates = PACKAGE / "templates" / "storyhub" / "snippets"
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix not in {".html", ".txt", ".js", ".css", ".yml"} or "vendor" in path.parts:
            continue
        if path.parent.parent == own_templates or "catalogue" in path.parts:
            continue  # the network's own templates; the catalogue's editor labels
        found = set(quoted.findall(path.read_text(encoding="utf-8")))
        if found:
            naming.setdefault(path.relative_to(PACKAGE).as_posix(), set()).update(found)
    assert naming == {}, f"only {TABLE} may name a network: {naming}"
    # the check sees what it looks for: the table names every network
    table = ast.parse((PACKAGE / TABLE).read_text(encoding="utf-8"))
    named = {n.value for n in ast.walk(table) if isinstance(n, ast.Constant)}
    assert set(NETWORK_IDS) <= named


#: Run in a fresh interpreter: a network added to the table before the rest of storyhub is
#: imported (as a row written into the file would be), then a small hub built.
FAKE_NETWORK = r'''
import dataclasses, json, sys
from pathlib import Path
from typing import Literal

import storyhub.text.networks as table

row = dataclasses.replace(
    table.NETWORKS["bluesky"], id="fakebook", name="Fakebook", limit=400, byte_limit=0,
    spacing=6, intent="https://fakebook.example/share?text={text}", page_share=False,
    handle=r"@?[a-z]{2,20}", handle_example="giulia", schedulers=frozenset({"buffer"}))
table.NETWORKS["fakebook"] = row
table.NETWORK_IDS = tuple(table.NETWORKS)
table.NETWORK_NAMES["fakebook"] = "Fakebook"
table.NetworkId = Literal[table.NETWORK_IDS]

from mkdocs.commands.build import build
from mkdocs.config import load_config

from storyhub.content.schema import all_schemas
from storyhub.options.model import CalendarOptions, SnippetOptions

root = Path(sys.argv[1])
schemas = all_schemas()
story_enum = schemas["story.schema.json"]["properties"]["social"]["propertyNames"]["enum"]
person_links = list(schemas["person.schema.json"]["$defs"]["Links"]["properties"])
build(load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"), strict=True))
print(json.dumps({
    "story_enum": story_enum, "person_links": person_links,
    "networks": list(SnippetOptions().networks), "spacing": CalendarOptions().spacing,
}))
'''


def test_a_network_added_to_the_table_reaches_every_output(tmp_path: Path) -> None:
    hub = make_hub(tmp_path)
    hub.write("overrides/storyhub/snippets/fakebook/variant-1.txt",
              "{{ title }}: {{ summary }} {{ mentions }} {{ link }} {{ hashtags }}\n")
    hub.write("overrides/storyhub/snippets/fakebook/variant-2.txt",
              "Meet {{ mentions }}. {{ title }} {{ link }}\n")
    giulia = hub.root / "people" / "giulia.md"
    giulia.write_text(giulia.read_text(encoding="utf-8").replace(
        "role: Baker\n", "role: Baker\nlinks:\n  fakebook: giulia\n"), encoding="utf-8")
    hub.write("stories/fake-own.md", (hub.root / "stories" / "first-oven.md").read_text(
        encoding="utf-8").replace("title: The first oven", "title: Own words\nsocial:\n"
                                  "  fakebook: Written by hand for Fakebook."))
    hub.set(theme={"name": "material", "font": False, "custom_dir": "overrides"})
    hub.config(calendar={"schedulers": ["buffer"]})
    result = subprocess.run([sys.executable, "-c", FAKE_NETWORK, str(hub.root)],
                            capture_output=True, text=True, cwd=hub.root,
                            env={**os.environ, "SOURCE_DATE_EPOCH": "1767225600"})
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["story_enum"][-1] == "fakebook"
    assert "fakebook" in found["person_links"]
    assert found["networks"][-1] == "fakebook" and found["spacing"]["fakebook"] == 6

    snippets = hub.root / "site" / "snippets"
    data = json.loads((snippets / "snippets.json").read_text(encoding="utf-8"))
    assert data["networks"]["fakebook"]["limit"] == 400
    posts = {(story["slug"], post["variant"]): post for story in data["stories"]
             for post in story["snippets"] if post["network"] == "fakebook"}
    assert posts[("fake-own", "own")]["text"] == "Written by hand for Fakebook."
    first = posts[("first-oven", "1")]
    assert "The first oven" in first["text"] and "@giulia" in first["text"]
    assert first["intent"].startswith("https://fakebook.example/share?text=")
    assert ("night-shift", "2") in posts and ("night-shift", "me-giulia") in posts
    assert "fakebook" in (snippets / "snippets.csv").read_text(encoding="utf-8-sig")
    assert (snippets / "buffer-fakebook.csv").is_file()
    assert "Fakebook" in (snippets / "index.html").read_text(encoding="utf-8")
    page = (hub.root / "site" / "stories" / "first-oven" / "index.html").read_text(
        encoding="utf-8")
    assert 'href="https://fakebook.example/share?text=' in page
    plan = json.loads((snippets / "calendar.json").read_text(encoding="utf-8"))
    assert any(post["network"] == "fakebook" for post in plan["posts"])
