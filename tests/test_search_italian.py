"""Italian search: the built index queried the way Material's search worker does (lunr with
lunr-languages' multi-language pipeline and the site's separator), in node. lunr and
lunr-languages come from npm into .cache/tools (scripts/test.sh installs them)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import REPO, Hub, story_text

#: split at blanks, hyphens and apostrophes (straight, typographic, and as the HTML entity
#: page titles carry in the index)
SEPARATOR = "[\\s\\-'’]+|&#0?39;"
MODULES = REPO / ".cache/tools/node_modules"
QUERY = Path(__file__).parent / "search_query.cjs"
pytestmark = pytest.mark.skipif(
    (shutil.which("node") is None or not (MODULES / "lunr-languages/lunr.it.js").exists())
    and not os.environ.get("CI"),  # in CI, scripts/test.sh installs them: never skip
    reason="needs node and lunr-languages in .cache/tools: run scripts/test.sh",
)


def _search(site: Path, *queries: str) -> dict[str, list[str]]:
    done = subprocess.run(
        ["node", str(QUERY), str(MODULES), str(site / "search/search_index.json"), *queries],
        capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_italian_elision_accents_and_inflection_are_found(hub: Hub) -> None:
    hub.set(plugins=[{"search": {"lang": ["it", "en"], "separator": SEPARATOR}},
                     "storyhub"])
    hub.write("stories/acqua.md", story_text(
        "Dopo l'alluvione", summary="La città e l’acqua.", extra="lang: it\n",
        body="Non lo so, ma lo chiedo. Dell'argilla rimasta dopo l’alluvione, nella città, "
             "nessuno sapeva niente: l'acqua era ovunque."))
    hub.write("stories/secret.md", story_text(
        "Alluvione segreta", extra="draft: true\n", body="Una bozza sull'alluvione."))
    site = hub.build()
    found = _search(site, "alluvione", "acqua", "argilla", "citta", "città", "chiedere",
                    "segreta", "bozza")
    story = "stories/acqua/"
    for query in ("alluvione", "acqua", "argilla", "citta", "città", "chiedere"):
        assert story in found[query], (query, found[query])
    # nothing unpublished is in the index
    assert found["segreta"] == [] and found["bozza"] == []
    assert all("secret" not in ref for refs in found.values() for ref in refs)
