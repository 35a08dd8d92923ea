#!/usr/bin/env python3
"""Benchmark storyhub builds against a plain Material for MkDocs baseline.

For each size N it generates a deterministic synthetic hub (N stories, 50 people in 6 teams,
8 values) and measures, each in a fresh subprocess:

* ``storyhub``         ``python -m mkdocs build`` with ``plugins: [search, storyhub]``
* ``storyhub (warm)``  (with ``--warm``) the same build again, same site and ``.cache/storyhub``
* ``baseline``         Material building the same Markdown as plain pages with a sectioned nav
* ``storyhub check``   the console script, run with cwd = the hub folder

and reports wall time, the child's peak RSS (``os.wait4``) and output bytes per story.

Usage::

    python bench/bench.py [--sizes 100,1000,5000] [--out bench/out] [--repeat 1] [--keep]
                          [--warm] [--extra-config YAML-or-file] [--only baseline,storyhub,check]

Only the standard library and PyYAML are used.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import importlib.metadata
import importlib.util
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

SEED = 20250314
SOURCE_DATE_EPOCH = "1735689600"  # 2025-01-01T00:00:00Z
SITE_URL = "https://stories.example.com/"
N_PEOPLE = 50
PAGE_SIZE = 24  # stories per listing page, as storyhub's default page_size
HERE = Path(__file__).resolve().parent
FONTS = HERE.parent / "plugins" / "storyhub" / "assets" / "fonts"
SOCIAL_CACHE = ".cache/plugin/social"

# --------------------------------------------------------------------------------------------
# Synthetic content
# --------------------------------------------------------------------------------------------

VALUES: list[dict[str, Any]] = [
    {
        "id": "craft",
        "name": "Craft",
        "description": "We take the time to do things properly, by hand when it matters.",
        "color": "#b5651d",
        "icon": "material/hand-heart",
        "hashtags": ["craftsmanship", "madeinitaly"],
    },
    {
        "id": "care",
        "name": "Care",
        "description": "We look after each other, our customers and the places we work in.",
        "color": "#c2185b",
        "icon": "material/heart-outline",
        "hashtags": ["care"],
    },
    {
        "id": "courage",
        "name": "Courage",
        "description": "We say what we think and try things that might not work.",
        "color": "#d84315",
        "icon": "material/lightning-bolt",
        "hashtags": ["courage"],
    },
    {
        "id": "curiosity",
        "name": "Curiosity",
        "description": "We ask why, we read, we visit, we learn from people unlike us.",
        "color": "#1565c0",
        "icon": "material/magnify",
        "hashtags": ["curiosity", "learning"],
    },
    {
        "id": "ownership",
        "name": "Ownership",
        "description": "When something is ours to do, we see it through to the end.",
        "color": "#2e7d32",
        "icon": "material/flag-checkered",
        "hashtags": ["ownership"],
    },
    {
        "id": "openness",
        "name": "Openness",
        "description": "We share what we know, the numbers included, and welcome questions.",
        "color": "#6a1b9a",
        "icon": "material/door-open",
        "hashtags": ["openness", "transparency"],
    },
    {
        "id": "frugality",
        "name": "Frugality",
        "description": "We spend as if it were our own money, and waste nothing we can reuse.",
        "color": "#546e7a",
        "icon": "material/piggy-bank-outline",
        "hashtags": ["frugality", "zerowaste"],
    },
    {
        "id": "community",
        "name": "Community",
        "description": "We belong to the towns we work in and give back to them.",
        "color": "#00838f",
        "icon": "material/account-group-outline",
        "hashtags": ["community", "local"],
    },
]


def _choices(text: str) -> list[str]:
    """Word lists are written as one '|'-separated string to keep them compact."""
    return text.split("|")


TEAMS: dict[str, list[str]] = {
    "Production": ["Head baker", "Baker", "Pastry chef", "Night-shift lead", "Apprentice baker"],
    "Logistics": ["Driver", "Warehouse lead", "Route planner", "Fleet mechanic"],
    "Sales": ["Account manager", "Shop manager", "Sales assistant", "Key account lead"],
    "Quality": ["Quality manager", "Lab technician", "Food-safety auditor"],
    "People & Culture": ["HR partner", "Recruiter", "Trainer", "Payroll specialist"],
    "Engineering": ["Maintenance engineer", "Software developer", "Data analyst", "IT support"],
}

FIRST_NAMES = _choices(
    "Giulia|Marco|Sara|Luca|Chiara|Matteo|Elena|Davide|Anna|Paolo|Francesca|Andrea|"
    "Martina|Stefano|Valentina|Roberto|Alice|Simone|Laura|Fabio|Irene|Nicola|Silvia|"
    "Tommaso|Beatrice|Omar|Amina|Kwame|Mei|Hiroshi|Priya|Rahul|Ana|João|Sofia|Lena|Jonas"
)
LAST_NAMES = _choices(
    "Ferri|Rossi|Bianchi|Romano|Colombo|Ricci|Marino|Greco|Bruno|Gallo|Conti|De Luca|"
    "Costa|Giordano|Mancini|Rizzo|Lombardi|Moretti|Barbieri|Fontana|Santoro|Mariani|"
    "Rinaldi|Caruso|Ferrara|Okafor|Tanaka|Sharma|Silva|Müller|Nguyen|Haddad"
)
CITIES = ["Bologna", "Modena", "Parma", "Milano", "Torino", "Verona", "Remote"]

NOUNS = _choices(
    "oven|night shift|delivery route|customer|recipe|supplier|dough|production line|"
    "warehouse|team|apprentice|order|schedule|festival|school visit|flour mill|truck|"
    "inventory|audit|training day|shop|power cut|snowstorm|spreadsheet|label printer|"
    "packaging|sourdough starter"
)
ADJECTIVES = _choices(
    "old|new|broken|busy|quiet|unexpected|late|early|careful|patient|tired|proud|small|"
    "huge|local|difficult|simple|long"
)
VERBS = _choices(
    "fixed|rebuilt|checked|delivered|rewrote|measured|tested|shared|cleaned|moved|planned|"
    "explained|noticed|replaced|organised|baked|counted|questioned|improved|documented"
)
ADVERBS = _choices(
    "quietly|carefully|quickly|again|together|before dawn|by hand|without fuss|for hours|"
    "step by step|in the rain|on a Sunday"
)
CONNECTORS = _choices(
    "Then|After that|By morning|Meanwhile|In the end|That week|A few days later|At first|"
    "Luckily|Of course"
)
HEADINGS = _choices(
    "What happened|How it started|The turning point|What we learned|Behind the scenes|"
    "Why it mattered|The day after|Looking back"
)


def slugify(text: str) -> str:
    out: list[str] = []
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    for ch in ascii_text.lower():
        if ch.isascii() and ch.isalnum():
            out.append(ch)
        elif out and out[-1] != "-":
            out.append("-")
    return "".join(out).strip("-")


def _sentence(rng: random.Random, names: list[str]) -> str:
    who = rng.choice([*names, "the team", "everyone on the floor", "a colleague"])
    parts = [
        rng.choice(CONNECTORS),
        who,
        rng.choice(VERBS),
        "the",
        rng.choice(ADJECTIVES),
        rng.choice(NOUNS),
        rng.choice(ADVERBS),
    ]
    if rng.random() < 0.5:
        parts += ["so that the", rng.choice(NOUNS), "was", rng.choice(ADJECTIVES), "again"]
    return " ".join(parts) + "."


def _paragraph(rng: random.Random, names: list[str], n: int) -> str:
    return " ".join(_sentence(rng, names) for _ in range(n))


def story_body(rng: random.Random, names: list[str]) -> str:
    """About 300 words: paragraphs, a heading, a list, a blockquote, more paragraphs."""
    first = names[0].split()[0]
    blocks = [
        _paragraph(rng, names, 5),
        _paragraph(rng, names, 4),
        f"## {rng.choice(HEADINGS)}",
        _paragraph(rng, names, 4),
        "\n".join(
            f"- {rng.choice(VERBS).capitalize()} the {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}"
            for _ in range(rng.randint(3, 5))
        ),
        f"> {_sentence(rng, ['I', 'we'])} {_sentence(rng, ['I', 'we'])}\n>\n> — {first}",
        _paragraph(rng, names, 4),
    ]
    return "\n\n".join(blocks) + "\n"


@dataclass
class Person:
    id: str
    name: str
    role: str
    team: str


def make_people(rng: random.Random) -> list[Person]:
    teams = list(TEAMS)
    people: list[Person] = []
    seen: set[str] = set()
    while len(people) < N_PEOPLE:
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        pid = slugify(name)
        if pid in seen:
            continue
        seen.add(pid)
        team = teams[len(people) % len(teams)]
        people.append(Person(pid, name, rng.choice(TEAMS[team]), team))
    return people


def _fm(meta: dict[str, Any], body: str) -> str:
    head = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{head}---\n{body}"


#: the share of stories not published (drafts and embargoed stories, alternately): a hub's
#: build reads its whole output for their traces (the leak scan) as soon as one exists
HIDDEN = 0.03


def write_content(root: Path, n_stories: int, hidden: float = HIDDEN) -> dict[str, Any]:
    """Write values.yml, people/ and stories/ under root. Same seed -> same bytes.
    ``hidden``: the share of stories that are drafts or embargoed (chosen by a generator of
    their own: the published stories are the same whatever the share)."""
    rng = random.Random(SEED)
    hide = random.Random(SEED + 1)
    root.mkdir(parents=True, exist_ok=True)
    values = [
        {**v, "prompts": [f"When did you see {v['name'].lower()} make a difference?"]}
        for v in VALUES
    ]
    (root / "values.yml").write_text(
        yaml.safe_dump(values, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )

    people = make_people(rng)
    pdir = root / "people"
    pdir.mkdir(exist_ok=True)
    for p in people:
        handle = p.id.replace("-", ".")
        meta: dict[str, Any] = {
            "name": p.name,
            "role": p.role,
            "team": p.team,
            "pronouns": rng.choice(["she/her", "he/him", "they/them"]),
            "location": rng.choice(CITIES),
            "links": {
                "linkedin": f"https://www.linkedin.com/in/{p.id}",
                "instagram": handle,
            },
            "joined": dt.date(2010, 1, 1) + dt.timedelta(days=rng.randint(0, 4000)),
            "consent": {
                "name": True,
                "photo": True,
                "quotes": True,
                "social": True,
                "date": dt.date(2024, 1, 15),
            },
        }
        bio = _paragraph(rng, [p.name.split()[0]], 3) + "\n"
        (pdir / f"{p.id}.md").write_text(_fm(meta, bio), encoding="utf-8")

    sdir = root / "stories"
    sdir.mkdir(exist_ok=True)
    start, span = dt.date(2019, 1, 1), (dt.date(2025, 12, 31) - dt.date(2019, 1, 1)).days
    value_ids = [v["id"] for v in VALUES]
    slugs: list[str] = []
    hidden_slugs: list[str] = []
    for i in range(n_stories):
        k = 1 if rng.random() < 0.7 else rng.randint(2, 3)
        cast = rng.sample(people, k)
        vals = rng.sample(value_ids, 1 if rng.random() < 0.6 else 2)
        noun, adj = rng.choice(NOUNS), rng.choice(ADJECTIVES)
        title = f"The {adj} {noun}"
        if k > 1:
            title += f" and {cast[1].name.split()[0]}"
        slug = f"{slugify(title)}-{i + 1:05d}"
        meta = {
            "title": title,
            "date": start + dt.timedelta(days=rng.randint(0, span)),
            "people": [p.id for p in cast],
            "values": vals,
            "summary": (
                f"{cast[0].name} and the {adj} {noun}: a story about {' and '.join(vals)}."
            ),
            "tags": rng.sample([slugify(x) for x in NOUNS], rng.randint(1, 3)),
        }
        if rng.random() < 0.2:
            meta["author"] = rng.choice(people).id
        if hide.random() < hidden:
            if len(hidden_slugs) % 2:
                meta["publish_at"] = "2030-03-01T09:00:00+01:00"
            else:
                meta = {"draft": True, **meta}
        (sdir / f"{slug}.md").write_text(
            _fm(meta, story_body(rng, [p.name.split()[0] for p in cast])), encoding="utf-8"
        )
        (hidden_slugs if "draft" in meta or "publish_at" in meta else slugs).append(slug)
    return {"people": [asdict(p) for p in people], "stories": slugs, "hidden": hidden_slugs}


def _mkdocs_yml(root: Path, cfg: dict[str, Any]) -> None:
    (root / "mkdocs.yml").write_text(
        yaml.safe_dump(cfg, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )


def make_storyhub_hub(hub: Path, n: int, options: dict[str, Any], hidden: float = HIDDEN
                      ) -> dict[str, Any]:
    """A storyhub hub of ``n`` stories in ``hub``; what :func:`write_content` wrote."""
    info = write_content(hub, n, hidden)
    (hub / "docs").mkdir(exist_ok=True)
    (hub / "docs" / "index.md").write_text("# Our stories\n", encoding="utf-8")
    plugin: str | dict[str, Any] = {"storyhub": options} if options else "storyhub"
    _mkdocs_yml(
        hub,
        {
            "site_name": f"Storyhub bench ({n} stories)",
            "site_url": SITE_URL,
            "docs_dir": "docs",
            "theme": {"name": "material"},
            "plugins": ["search", plugin],
        },
    )
    return info


def _link_list(items: list[tuple[str, str, str]]) -> str:
    """Markdown list of (title, link, text after the link)."""
    return "\n".join(f"- [{t}]({href}){' — ' + rest if rest else ''}" for t, href, rest in items)


def make_baseline(base: Path, n: int, variant: str = "sections", hidden: float = HIDDEN
                  ) -> None:
    """The same Markdown as plain Material pages.

    ``sections`` (the fair baseline): the nav holds one index page per section (Stories,
    Values, People, Teams), like storyhub's own nav. The story index is split into pages
    of PAGE_SIZE stories, newest first, like storyhub's listing; people and teams are one
    page each. ``all-stories``: the old nav that lists every story and person (quadratic
    output). ``social``: ``sections`` plus Material's social plugin (share cards)."""
    content = base / "_content"
    info = write_content(content, n, hidden)
    docs = base / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text("# Our stories\n", encoding="utf-8")
    for slug in info["hidden"]:  # plain Material publishes what docs/ holds: not these
        (content / "stories" / f"{slug}.md").unlink()
    shutil.copytree(content / "stories", docs / "stories", dirs_exist_ok=True)
    shutil.copytree(content / "people", docs / "people", dirs_exist_ok=True)
    values = yaml.safe_load((content / "values.yml").read_text(encoding="utf-8"))
    shutil.rmtree(content)

    metas = {s: _read_front_matter(docs / "stories" / f"{s}.md") for s in info["stories"]}
    newest = sorted(info["stories"], key=lambda s: (metas[s]["date"], s), reverse=True)
    pages = [newest[i : i + PAGE_SIZE] for i in range(0, len(newest), PAGE_SIZE)] or [[]]
    for number, chunk in enumerate(pages, start=1):
        up = "" if number == 1 else "../"  # stories/index.md or stories/page/N.md
        items = [
            (str(metas[s]["title"]), f"{up}{s}.md", f"{metas[s]['date']}: {metas[s]['summary']}")
            for s in chunk
        ]
        links = []
        if number > 1:
            links.append(f"[Newer]({'../index.md' if number == 2 else f'{number - 1}.md'})")
        if number < len(pages):
            links.append(f"[Older]({'page/' if number == 1 else ''}{number + 1}.md)")
        text = f"# Stories{'' if number == 1 else f' — {number}'}\n\n{_link_list(items)}\n"
        if links:
            text += "\n" + " · ".join(links) + "\n"
        path = docs / "stories" / ("index.md" if number == 1 else f"page/{number}.md")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    people = info["people"]
    (docs / "people" / "index.md").write_text(
        "# People\n\n"
        + _link_list([(p["name"], f"{p['id']}.md", f"{p['role']}, {p['team']}") for p in people])
        + "\n",
        encoding="utf-8",
    )
    (docs / "teams").mkdir(exist_ok=True)
    lines = ["# Teams", ""]
    for team in TEAMS:
        members = [p for p in people if p["team"] == team]
        lines += [
            f"## {team}",
            "",
            _link_list([(p["name"], f"../people/{p['id']}.md", p["role"]) for p in members]),
            "",
        ]
    (docs / "teams" / "index.md").write_text("\n".join(lines), encoding="utf-8")
    (docs / "values").mkdir(exist_ok=True)
    lines = ["# Values", ""]
    for v in values:
        lines += [f"## {v['name']}", "", v["description"], ""]
    (docs / "values" / "index.md").write_text("\n".join(lines), encoding="utf-8")

    nav: list[Any] = [
        {"Home": "index.md"},
        {"Stories": "stories/index.md"},
        {"Values": "values/index.md"},
        {"People": "people/index.md"},
        {"Teams": "teams/index.md"},
    ]
    if variant == "all-stories":
        nav = [
            {"Home": "index.md"},
            {"Stories": [{str(metas[s]["title"]): f"stories/{s}.md"} for s in info["stories"]]},
            {"People": [{p["name"]: f"people/{p['id']}.md"} for p in people]},
            {"Values": "values/index.md"},
            {"Teams": "teams/index.md"},
        ]
    plugins: list[Any] = ["search"]
    if variant == "social":
        # Offline: the social plugin fetches fonts from Google Fonts unless they are in its
        # cache, so the cache is seeded with storyhub's bundled DejaVu Sans.
        fonts = base / SOCIAL_CACHE / "fonts" / "DejaVu Sans"
        fonts.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(FONTS / "DejaVuSans.ttf", fonts / "Regular.ttf")
        shutil.copyfile(FONTS / "DejaVuSans-Bold.ttf", fonts / "Bold.ttf")
        plugins.append(
            {
                "social": {
                    "cache_dir": SOCIAL_CACHE,
                    "cards_layout_options": {"font_family": "DejaVu Sans"},
                }
            }
        )
    _mkdocs_yml(
        base,
        {
            "site_name": f"Baseline bench ({n} stories)",
            "site_url": SITE_URL,
            "docs_dir": "docs",
            "theme": {"name": "material", "font": False},
            "plugins": plugins,
            "nav": nav,
        },
    )


def _read_front_matter(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    _, head, _ = text.split("---\n", 2)
    meta = yaml.safe_load(head)
    assert isinstance(meta, dict)
    return meta


# --------------------------------------------------------------------------------------------
# Measuring
# --------------------------------------------------------------------------------------------


@dataclass
class Run:
    ok: bool
    wall_s: float
    cpu_s: float  # user + sys of the build process and every process it waited for
    peak_kb: int
    returncode: int
    round: int = 0
    site_bytes: int | None = None
    html_pages: int | None = None
    html_bytes: int | None = None
    story_pages: int | None = None
    images: int | None = None  # share images written into the site
    error: str = ""


@dataclass
class Row:
    key: str
    label: str
    status: str = "ok"  # ok | failed | n/a | skipped
    runs: list[Run] = field(default_factory=list)
    note: str = ""

    @property
    def good(self) -> list[Run]:
        return [r for r in self.runs if r.ok]

    def stat(self, attr: str) -> tuple[float, float, float] | None:
        """median, min, max of a run attribute over the good runs."""
        xs = [getattr(r, attr) for r in self.good if getattr(r, attr) is not None]
        return (statistics.median(xs), min(xs), max(xs)) if xs else None

    def last(self, attr: str) -> Any:
        for r in reversed(self.good):
            if getattr(r, attr) is not None:
                return getattr(r, attr)
        return None


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["SOURCE_DATE_EPOCH"] = SOURCE_DATE_EPOCH
    env["PYTHONHASHSEED"] = "0"
    env.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material 9.8 banner on every build
    env.setdefault("PYTHONUTF8", "1")
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
    return env


def measure(cmd: list[str], cwd: Path, timeout: float) -> Run:
    """Run cmd in a fresh process and time it.

    CPU is the RUSAGE_CHILDREN delta (user + sys) around the run: the build process and
    every process it waited for (card workers included). Peak is ru_maxrss from
    os.wait4: the largest resident set of the process and its waited-for descendants."""
    with tempfile.TemporaryFile() as out:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=child_env(), stdout=out, stderr=out)
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        rc = os.waitstatus_to_exitcode(status)
        proc.returncode = rc  # already reaped: keep Popen from waiting again
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    error = "" if rc == 0 else _tail(text) or f"exit status {rc}"
    if rc != 0 and wall >= timeout:
        error = f"timed out after {timeout:.0f} s\n{error}"
    # ru_maxrss is in KiB on Linux (bytes on macOS).
    peak = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss
    return Run(ok=rc == 0, wall_s=wall, cpu_s=cpu, peak_kb=peak, returncode=rc, error=error)


def _tail(text: str, lines: int = 25) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def dir_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def count_story_pages(site: Path) -> int:
    """site/stories/<slug>/index.html, not the listing pages (stories/page/N/)."""
    stories = site / "stories"
    if not stories.is_dir():
        return 0
    return sum(1 for d in stories.iterdir() if d.name != "page" and (d / "index.html").is_file())


def count_images(site: Path) -> int:
    """Share images: storyhub's assets/cards/, Material's assets/images/social/."""
    return sum(
        1
        for sub in ("assets/cards", "assets/images/social")
        if (site / sub).is_dir()
        for p in (site / sub).rglob("*")
        if p.suffix.lower() in (".png", ".jpg", ".jpeg")
    )


def mkdocs_build(cfg: Path, site: Path, timeout: float, strict: bool = False) -> Run:
    if site.exists():
        shutil.rmtree(site)
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(cfg), "-d", str(site)]
    if strict:
        cmd.append("--strict")
    run = measure(cmd, cfg.parent, timeout)
    if run.ok:
        run.site_bytes = dir_bytes(site)
        html = [p.stat().st_size for p in site.rglob("*.html")]
        run.html_pages, run.html_bytes = len(html), sum(html)
        run.story_pages = count_story_pages(site)
        run.images = count_images(site)
    return run


def plugin_available(module: str = "storyhub.adapters.mkdocs") -> tuple[bool, str]:
    proc = subprocess.run(
        [sys.executable, "-c", f"import {module}"],
        capture_output=True,
        text=True,
        env=child_env(),
        check=False,
    )
    return proc.returncode == 0, _tail(proc.stderr, 1)


def social_available() -> tuple[bool, str]:
    """Material's social plugin needs Pillow and cairosvg (with the cairo library)."""
    return plugin_available("cairosvg, PIL")


def storyhub_cli() -> str | None:
    return shutil.which("storyhub", path=child_env()["PATH"])


def version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def storyhub_source() -> str:
    """Short hash of the installed storyhub package files, to tell plugin snapshots apart."""
    spec = importlib.util.find_spec("storyhub")
    if spec is None or not spec.submodule_search_locations:
        return "not installed"
    root = Path(next(iter(spec.submodule_search_locations)))
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return f"{digest.hexdigest()[:12]} ({root})"


def compile_storyhub() -> str:
    """Write the measured storyhub's bytecode before the rounds, as ``pip install`` does for
    an installed package (MkDocs' and Material's is written already): an editable install
    has none, and with ``PYTHONDONTWRITEBYTECODE`` set every build and check would compile
    storyhub's modules again (about 0.2 s a process), which no user's install does."""
    import compileall

    spec = importlib.util.find_spec("storyhub")
    if spec is None or not spec.submodule_search_locations:
        return "storyhub not found"
    root = Path(next(iter(spec.submodule_search_locations)))
    ok = compileall.compile_dir(str(root), quiet=1)
    return f"written for {root}" if ok else f"could not be written for {root}"


def git_head() -> str:
    proc = subprocess.run(
        ["git", "-C", str(HERE), "describe", "--always", "--dirty"],
        capture_output=True,
        text=True,
        check=False,
    )
    return proc.stdout.strip() or "unknown"


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def mem_total() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GB"
    except OSError:
        pass
    return "unknown"


def machine_facts() -> dict[str, Any]:
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        usable = os.cpu_count() or 0
    return {
        "cpu": cpu_model(),
        "cpu_count": os.cpu_count(),
        "usable_cores": usable,
        "memory": mem_total(),
        "loadavg": [round(x, 2) for x in os.getloadavg()],
        "platform": platform.platform(),
        "python": f"{platform.python_version()} ({sys.executable})",
        "mkdocs": version("mkdocs"),
        "mkdocs-material": version("mkdocs-material"),
        "markdown": version("markdown"),
        "jinja2": version("jinja2"),
        "pillow": version("pillow"),
        "cairosvg": version("cairosvg"),
        "storyhub": version("storyhub"),
        "storyhub_source": storyhub_source(),
        "git": git_head(),
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
    }


# --------------------------------------------------------------------------------------------
# Driver
# --------------------------------------------------------------------------------------------

# Rows in the order they run within a round. Each round runs every selected row once, so
# the baseline and storyhub alternate (A B A B …) and see the same machine load.
ROWS: dict[str, str] = {
    "baseline": "baseline (Material, sectioned nav)",
    "storyhub": "storyhub (cards off)",
    "core": "storyhub, snippets and cards off",
    "cards-cold": "storyhub, cards cold",
    "cards-warm": "storyhub, cards warm (cached)",
    "check": "`storyhub check`",
    "social": "baseline + Material social plugin (cold)",
    "all-stories": "extra: baseline, all-stories nav (quadratic)",
}
DEFAULT_ROWS = ("baseline", "storyhub", "check")
# "core" is storyhub without snippets and share cards: what the pages alone cost.


def storyhub_options(extra: dict[str, Any], cards: bool) -> dict[str, Any]:
    options = {**extra}
    cards_opts = dict(options.get("cards") or {})
    cards_opts["enabled"] = cards
    options["cards"] = cards_opts
    return options


def bench_size(
    n: int, work: Path, args: argparse.Namespace, extra: dict[str, Any]
) -> tuple[dict[str, Row], int]:
    rows = {key: Row(key, ROWS[key]) for key in ROWS if key in args.rows}
    root = work / f"n{n}"
    if root.exists():
        shutil.rmtree(root)
    dirs = {
        "baseline": root / "baseline",
        "all-stories": root / "baseline-all-stories",
        "social": root / "baseline-social",
        "storyhub": root / "storyhub",
        "core": root / "storyhub-core",
        "check": root / "storyhub",
        "cards-cold": root / "storyhub-cards",
        "cards-warm": root / "storyhub-cards",
    }
    if "baseline" in rows:
        make_baseline(dirs["baseline"], n, "sections", args.hidden)
    if "all-stories" in rows:
        make_baseline(dirs["all-stories"], n, "all-stories", args.hidden)
    if "social" in rows:
        ok, why = social_available()
        if ok:
            make_baseline(dirs["social"], n, "social", args.hidden)
        else:
            rows["social"].status, rows["social"].note = "n/a", f"cairosvg/Pillow: {why}"
    if rows.keys() & {"storyhub", "check"}:
        make_storyhub_hub(dirs["storyhub"], n, storyhub_options(extra, cards=False),
                          args.hidden)
    if "core" in rows:
        core = storyhub_options(extra, cards=False)
        core["snippets"] = {**(core.get("snippets") or {}), "enabled": False}
        make_storyhub_hub(dirs["core"], n, core, args.hidden)
    if rows.keys() & {"cards-cold", "cards-warm"}:
        make_storyhub_hub(dirs["cards-cold"], n, storyhub_options(extra, cards=True),
                          args.hidden)
    cli = storyhub_cli()
    if "check" in rows and cli is None:
        rows["check"].status, rows["check"].note = "n/a", "no `storyhub` console script"

    for i in range(args.repeat):
        for key, row in rows.items():
            if row.status == "n/a":
                continue
            d = dirs[key]
            if key == "check":
                run = measure([str(cli), "check"], d, args.timeout)
            else:
                if key in ("storyhub", "core", "cards-cold"):
                    shutil.rmtree(d / ".cache", ignore_errors=True)
                if key == "social":  # cold: drop drawn cards, keep the seeded fonts
                    for p in (d / SOCIAL_CACHE).iterdir():
                        if p.name != "fonts":
                            shutil.rmtree(p) if p.is_dir() else p.unlink()
                if key == "cards-warm" and not (d / ".cache").exists():
                    # warm needs a cold build before it
                    mkdocs_build(d / "mkdocs.yml", d / "site", args.timeout, args.strict)
                run = mkdocs_build(d / "mkdocs.yml", d / "site", args.timeout, args.strict)
            run.round = i + 1
            row.runs.append(run)
            print(
                f"  n={n} round {i + 1}/{args.repeat} {key:<12} "
                + (
                    f"cpu {run.cpu_s:7.2f} s  wall {run.wall_s:7.2f} s  peak "
                    f"{run.peak_kb / 1024:6.1f} MB"
                    if run.ok
                    else "FAILED"
                ),
                flush=True,
            )
    for row in rows.values():
        _settle(row)

    published = _verify_story_pages(rows, n)
    if not args.keep:
        shutil.rmtree(root, ignore_errors=True)
    return rows, published


def _verify_story_pages(rows: dict[str, Row], n: int) -> int:
    """Every site must hold the same number of story pages, else the comparison is void."""
    counts = {
        key: {r.story_pages for r in row.good}
        for key, row in rows.items()
        if key != "check" and row.good
    }
    seen = {c for cs in counts.values() for c in cs}
    if len(seen) > 1:
        detail = ", ".join(f"{k}: {sorted(v)}" for k, v in counts.items())
        raise SystemExit(f"!! n={n}: the sites differ in their number of story pages ({detail})")
    return seen.pop() if seen else 0


def _settle(row: Row) -> None:
    if row.status == "n/a":
        return
    if not row.runs:
        row.status = "skipped"
    elif not row.good:
        row.status = "failed"
        row.note = row.runs[-1].error


def ratio_stats(rows: dict[str, Row], key: str, attr: str, over: str = "baseline"):
    """Per round: rows[key] ÷ rows[over] of attr; median, min, max over the rounds."""
    if key not in rows or over not in rows:
        return None
    num = {r.round: getattr(r, attr) for r in rows[key].good}
    den = {r.round: getattr(r, attr) for r in rows[over].good}
    xs = [num[i] / den[i] for i in num if den.get(i)]
    return (statistics.median(xs), min(xs), max(xs)) if xs else None


def card_rates(rows: dict[str, Row]) -> dict[str, Any]:
    """Share images per CPU-second: images in the site ÷ the CPU they added, per round."""
    out: dict[str, Any] = {}
    for key, over in (("cards-cold", "storyhub"), ("social", "baseline")):
        if key not in rows or over not in rows:
            continue
        images = rows[key].last("images")
        extra = {r.round: r.cpu_s for r in rows[key].good}
        base = {r.round: r.cpu_s for r in rows[over].good}
        added = [extra[i] - base[i] for i in extra if i in base]
        if not images or not added:
            continue
        rates = [images / a for a in added if a > 0]
        out[key] = {
            "images": images,
            "added_cpu_s": statistics.median(added),
            "images_per_cpu_s": (
                (statistics.median(rates), min(rates), max(rates)) if rates else None
            ),
        }
    return out


def _spread(s: tuple[float, float, float] | None, spec: str, unit: str = "") -> str:
    if s is None:
        return "n/a"
    med, lo, hi = s
    if len({format(x, spec) for x in s}) == 1:
        return f"{med:{spec}}{unit}"
    return f"{med:{spec}}{unit} ({lo:{spec}}–{hi:{spec}})"


def print_tables(n: int, published: int, rows: dict[str, Row], repeat: int) -> dict[str, Any]:
    print(
        f"\n#### {n:,} stories ({published:,} story pages in every site; "
        f"{repeat} alternating round(s); median (min–max))\n"
    )
    print("| row | CPU s | wall s | peak MB | KB/story | pages | images | CPU ÷ baseline |")
    print("|---|---|---|---|---|---|---|---|")
    summary: dict[str, Any] = {}
    for key, row in rows.items():
        cpu, wall, peak = row.stat("cpu_s"), row.stat("wall_s"), row.stat("peak_kb")
        site = row.last("site_bytes")
        kb = None if site is None else site / 1024 / n
        ratio = (
            None
            if key == "baseline"
            else ratio_stats(rows, key, "cpu_s", "storyhub" if key == "check" else "baseline")
        )
        if key == "check" and ratio is not None:
            ratio_txt = _spread(tuple(100 * x for x in ratio), ".1f", " % of a build")
        else:
            ratio_txt = "—" if key == "baseline" else _spread(ratio, ".2f", "×")
        if row.status != "ok":
            ratio_txt = f"{row.status}: {row.note.splitlines()[-1][:80] if row.note else ''}"
        print(
            f"| {row.label} | {_spread(cpu, '.2f')} | {_spread(wall, '.2f')} | "
            f"{'n/a' if peak is None else f'{peak[2] / 1024:.0f}'} | "
            f"{'—' if kb is None else f'{kb:.1f}'} | {row.last('html_pages') or '—'} | "
            f"{row.last('images') if row.last('images') is not None else '—'} | {ratio_txt} |"
        )
        summary[key] = {
            "label": row.label,
            "status": row.status,
            "note": row.note,
            "cpu_s": cpu,
            "wall_s": wall,
            "peak_mb_max": None if peak is None else peak[2] / 1024,
            "site_bytes": site,
            "kb_per_story": kb,
            "html_pages": row.last("html_pages"),
            "story_pages": row.last("story_pages"),
            "images": row.last("images"),
            "runs": [asdict(r) for r in row.runs],
        }
    ratios = {
        "cpu_storyhub_over_baseline": ratio_stats(rows, "storyhub", "cpu_s"),
        "wall_storyhub_over_baseline": ratio_stats(rows, "storyhub", "wall_s"),
        "peak_storyhub_over_baseline": ratio_stats(rows, "storyhub", "peak_kb"),
        "cpu_core_over_baseline": ratio_stats(rows, "core", "cpu_s"),
        "peak_core_over_baseline": ratio_stats(rows, "core", "peak_kb"),
        "cpu_cards_cold_over_baseline": ratio_stats(rows, "cards-cold", "cpu_s"),
        "cpu_cards_warm_over_baseline": ratio_stats(rows, "cards-warm", "cpu_s"),
        "cpu_check_over_storyhub": ratio_stats(rows, "check", "cpu_s", "storyhub"),
        "wall_check_over_storyhub": ratio_stats(rows, "check", "wall_s", "storyhub"),
    }
    print()
    for name, r in ratios.items():
        if r is not None:
            print(f"- {name.replace('_', ' ')}: {_spread(r, '.3f', '×')}")
    rates = card_rates(rows)
    for key, r in rates.items():
        print(
            f"- share images per CPU-second, {ROWS[key]}: "
            f"{_spread(r['images_per_cpu_s'], '.1f')} "
            f"({r['images']} images, +{r['added_cpu_s']:.1f} CPU s over "
            f"{'storyhub (cards off)' if key == 'cards-cold' else 'the baseline'})"
        )
    for row in rows.values():
        if row.status == "failed":
            print(f"\n-- {row.label} failed; last output:\n{row.note}\n")
    return {"rows": summary, "ratios": ratios, "card_rates": rates, "story_pages": published}


def parse_extra(text: str | None) -> dict[str, Any]:
    if not text:
        return {}
    path = Path(text)
    if path.is_file():
        text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise SystemExit("--extra-config must be a YAML mapping of storyhub plugin options")
    return data


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Benchmark storyhub builds against plain Material.")
    ap.add_argument("--sizes", default="1000", help="comma-separated story counts")
    ap.add_argument("--out", type=Path, default=HERE / "out", help="results (and kept hubs)")
    ap.add_argument("--repeat", type=int, default=3, help="alternating rounds (each row once)")
    ap.add_argument("--keep", action="store_true", help="keep generated hubs in OUT/hubs")
    ap.add_argument(
        "--rows",
        default=",".join(DEFAULT_ROWS),
        help=f"comma-separated, in any order (they run in a fixed order): {', '.join(ROWS)}; "
        "'all' for every row",
    )
    ap.add_argument(
        "--extra-config",
        help="YAML mapping (inline or a file) merged into the storyhub plugin options",
    )
    ap.add_argument(
        "--strict", action="store_true", help="pass --strict to mkdocs (warnings fail the build)"
    )
    ap.add_argument("--timeout", type=float, default=3600, help="seconds per build")
    ap.add_argument(
        "--hidden", type=float, default=HIDDEN * 100, metavar="PERCENT",
        help=f"share of stories that are drafts or embargoed (default {HIDDEN * 100:g}; "
        "0: every story published, as the bench was before 2026-12-06)",
    )
    args = ap.parse_args(argv)
    if not 0 <= args.hidden <= 100:
        ap.error("--hidden is a percentage from 0 to 100")
    args.hidden /= 100
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    wanted = [r.strip() for r in args.rows.split(",") if r.strip()]
    if wanted == ["all"]:
        wanted = list(ROWS)
    if unknown := set(wanted) - set(ROWS):
        ap.error(f"unknown row(s) in --rows: {', '.join(sorted(unknown))}")
    args.rows = set(wanted)
    if args.repeat < 1:
        ap.error("--repeat must be at least 1")
    extra = parse_extra(args.extra_config)

    facts = machine_facts()
    print("storyhub bench: " + " ".join(sys.argv))
    for k, v in facts.items():
        print(f"  {k:<16} {v}")
    print(f"  SOURCE_DATE_EPOCH {SOURCE_DATE_EPOCH}, seed {SEED}, "
          f"{args.hidden * 100:g} % of stories drafts or embargoed")
    if extra:
        print(f"  storyhub options {json.dumps(extra, default=str)}")

    have_plugin, why = plugin_available()
    if not have_plugin and args.rows - {"baseline", "all-stories", "social"}:
        raise SystemExit(
            f"!! storyhub.adapters.mkdocs is not importable with {sys.executable}: {why}"
        )

    print(f"  storyhub bytecode {compile_storyhub()}")
    args.out.mkdir(parents=True, exist_ok=True)
    work = args.out / "hubs" if args.keep else Path(tempfile.mkdtemp(prefix="storyhub-bench-"))
    report: dict[str, Any] = {
        "command": sys.argv,
        "machine": facts,
        "settings": {
            "sizes": sizes,
            "repeat": args.repeat,
            "rows": [k for k in ROWS if k in args.rows],
            "extra_config": extra,
            "strict": args.strict,
            "seed": SEED,
            "hidden_share": args.hidden,
            "source_date_epoch": SOURCE_DATE_EPOCH,
            "people": N_PEOPLE,
            "values": len(VALUES),
        },
        "sizes": {},
    }
    try:
        for n in sizes:
            rows, published = bench_size(n, work, args, extra)
            report["sizes"][str(n)] = print_tables(n, published, rows, args.repeat)
            out_file = args.out / "results.json"
            out_file.write_text(json.dumps(report, indent=2, default=str), encoding="utf-8")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"\nresults: {args.out / 'results.json'}")
    if args.keep:
        print(f"hubs kept in: {work}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
