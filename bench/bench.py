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
BUILDERS = ("baseline", "storyhub", "check")
HERE = Path(__file__).resolve().parent

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


def write_content(root: Path, n_stories: int) -> dict[str, Any]:
    """Write values.yml, people/ and stories/ under root. Same seed -> same bytes."""
    rng = random.Random(SEED)
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
        (sdir / f"{slug}.md").write_text(
            _fm(meta, story_body(rng, [p.name.split()[0] for p in cast])), encoding="utf-8"
        )
        slugs.append(slug)
    return {"people": [asdict(p) for p in people], "stories": slugs}


def make_storyhub_hub(hub: Path, n: int, extra: dict[str, Any]) -> None:
    write_content(hub, n)
    (hub / "docs").mkdir(exist_ok=True)
    (hub / "docs" / "index.md").write_text("# Our stories\n", encoding="utf-8")
    plugin: str | dict[str, Any] = {"storyhub": extra} if extra else "storyhub"
    cfg = {
        "site_name": f"Storyhub bench ({n} stories)",
        "site_url": SITE_URL,
        "docs_dir": "docs",
        "theme": {"name": "material"},
        "plugins": ["search", plugin],
    }
    (hub / "mkdocs.yml").write_text(yaml.safe_dump(cfg, sort_keys=False), encoding="utf-8")


def make_baseline(base: Path, n: int) -> None:
    """Same Markdown as plain Material pages, with an explicit sectioned nav."""
    content = base / "_content"
    info = write_content(content, n)
    docs = base / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text("# Our stories\n", encoding="utf-8")
    shutil.copytree(content / "stories", docs / "stories", dirs_exist_ok=True)
    shutil.copytree(content / "people", docs / "people", dirs_exist_ok=True)
    values = yaml.safe_load((content / "values.yml").read_text(encoding="utf-8"))
    lines = ["# Values", ""]
    for v in values:
        lines += [f"## {v['name']}", "", v["description"], ""]
    (docs / "values.md").write_text("\n".join(lines), encoding="utf-8")
    shutil.rmtree(content)

    stories_nav = []
    for slug in info["stories"]:
        meta = _read_front_matter(docs / "stories" / f"{slug}.md")
        stories_nav.append({str(meta["title"]): f"stories/{slug}.md"})
    people_nav = [{p["name"]: f"people/{p['id']}.md"} for p in info["people"]]
    cfg = {
        "site_name": f"Baseline bench ({n} stories)",
        "site_url": SITE_URL,
        "docs_dir": "docs",
        "theme": {"name": "material"},
        "plugins": ["search"],
        "nav": [
            {"Home": "index.md"},
            {"Stories": stories_nav},
            {"People": people_nav},
            {"Values": [{"Values": "values.md"}]},
        ],
    }
    (base / "mkdocs.yml").write_text(
        yaml.safe_dump(cfg, sort_keys=False, allow_unicode=True), encoding="utf-8"
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
    peak_kb: int
    returncode: int
    site_bytes: int | None = None
    html_pages: int | None = None
    html_bytes: int | None = None
    error: str = ""


@dataclass
class Result:
    builder: str
    status: str  # ok | failed | n/a | skipped
    runs: list[Run] = field(default_factory=list)
    note: str = ""

    @property
    def good(self) -> list[Run]:
        return [r for r in self.runs if r.ok]

    def wall(self) -> float | None:
        g = self.good
        return min(r.wall_s for r in g) if g else None

    def peak_mb(self) -> float | None:
        g = self.good
        return max(r.peak_kb for r in g) / 1024 if g else None

    def site_bytes(self) -> int | None:
        g = [r.site_bytes for r in self.good if r.site_bytes is not None]
        return g[-1] if g else None

    def html_kb_per_page(self) -> float | None:
        for r in reversed(self.good):
            if r.html_pages and r.html_bytes is not None:
                return r.html_bytes / 1024 / r.html_pages
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
    """Run cmd in a fresh process; wall time and the child's own peak RSS via os.wait4."""
    with tempfile.TemporaryFile() as out:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=child_env(), stdout=out, stderr=out)
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - t0
        rc = os.waitstatus_to_exitcode(status)
        proc.returncode = rc  # already reaped: keep Popen from waiting again
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    error = "" if rc == 0 else _tail(text) or f"exit status {rc}"
    if rc != 0 and wall >= timeout:
        error = f"timed out after {timeout:.0f} s\n{error}"
    # ru_maxrss is in KiB on Linux (bytes on macOS).
    peak = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss
    return Run(ok=rc == 0, wall_s=wall, peak_kb=peak, returncode=rc, error=error)


def _tail(text: str, lines: int = 25) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def dir_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def mkdocs_build(
    cfg: Path, site: Path, timeout: float, clean: bool = True, strict: bool = False
) -> Run:
    if clean and site.exists():
        shutil.rmtree(site)
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(cfg), "-d", str(site)]
    if strict:
        cmd.append("--strict")
    run = measure(cmd, cfg.parent, timeout)
    if run.ok:
        run.site_bytes = dir_bytes(site)
        html = [p.stat().st_size for p in site.rglob("*.html")]
        run.html_pages, run.html_bytes = len(html), sum(html)
    return run


def plugin_available() -> tuple[bool, str]:
    proc = subprocess.run(
        [sys.executable, "-c", "import storyhub.adapters.mkdocs"],
        capture_output=True,
        text=True,
        env=child_env(),
        check=False,
    )
    return proc.returncode == 0, _tail(proc.stderr, 1)


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


def git_head() -> str:
    proc = subprocess.run(
        ["git", "-C", str(HERE), "describe", "--always", "--dirty"],
        capture_output=True,
        text=True,
        check=False,
    )
    return proc.stdout.strip() or "unknown"


def machine_facts() -> dict[str, Any]:
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        usable = os.cpu_count() or 0
    return {
        "cpu_count": os.cpu_count(),
        "usable_cores": usable,
        "loadavg": [round(x, 2) for x in os.getloadavg()],
        "platform": platform.platform(),
        "machine": platform.machine(),
        "python": platform.python_version(),
        "mkdocs": version("mkdocs"),
        "mkdocs-material": version("mkdocs-material"),
        "storyhub": version("storyhub"),
        "storyhub_source": storyhub_source(),
        "git": git_head(),
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
    }


# --------------------------------------------------------------------------------------------
# Driver
# --------------------------------------------------------------------------------------------


def bench_size(
    n: int, work: Path, args: argparse.Namespace, extra: dict[str, Any], have_plugin: bool
) -> dict[str, Result]:
    only = set(args.only)
    hub, base = work / f"n{n}" / "storyhub", work / f"n{n}" / "baseline"
    for d in (hub, base):
        if d.exists():
            shutil.rmtree(d)
    results: dict[str, Result] = {}

    if "baseline" in only:
        make_baseline(base, n)
        res = results["baseline"] = Result("baseline", "ok")
        for _ in range(args.repeat):
            res.runs.append(
                mkdocs_build(base / "mkdocs.yml", base / "site", args.timeout, strict=args.strict)
            )
        _settle(res)

    want_hub = bool(only & {"storyhub", "check"})
    if want_hub:
        make_storyhub_hub(hub, n, extra)
    if "storyhub" in only:
        cold = results["storyhub"] = Result("storyhub", "ok")
        warm = Result("storyhub (warm)", "ok")
        if not have_plugin:
            cold.status = "skipped"
            cold.note = "storyhub.adapters.mkdocs is not importable"
        else:
            for _ in range(args.repeat):
                shutil.rmtree(hub / ".cache", ignore_errors=True)
                run = mkdocs_build(
                    hub / "mkdocs.yml", hub / "site", args.timeout, strict=args.strict
                )
                cold.runs.append(run)
                if args.warm and run.ok:
                    warm.runs.append(
                        mkdocs_build(
                            hub / "mkdocs.yml", hub / "site", args.timeout, False, args.strict
                        )
                    )
            _settle(cold)
            if args.warm:
                _settle(warm)
                results["storyhub (warm)"] = warm

    if "check" in only:
        res = results["storyhub check"] = Result("storyhub check", "ok")
        cli = storyhub_cli()
        if cli is None:
            res.status, res.note = "n/a", "no `storyhub` console script"
        else:
            for _ in range(args.repeat):
                res.runs.append(measure([cli, "check"], hub, args.timeout))
            _settle(res)
            last = res.runs[-1]
            if not last.ok and ("invalid choice" in last.error or "No module" in last.error):
                res.status, res.note = "n/a", last.error.splitlines()[-1]

    if not args.keep:
        for d in (hub, base):
            shutil.rmtree(d, ignore_errors=True)
    return results


def _settle(res: Result) -> None:
    if not res.runs:
        res.status = "skipped"
    elif not res.good:
        res.status = "failed"
        res.note = res.runs[-1].error


def _kb_per_story(res: Result, n: int) -> float | None:
    sb = res.site_bytes()
    return None if sb is None else sb / 1024 / n


def _fmt(x: float | None, spec: str) -> str:
    """Format x with spec; None becomes 'n/a', padded to the spec's width."""
    width = spec.split(".")[0]
    return format("n/a", f">{width}") if x is None else format(x, spec)


def ratios(results: dict[str, Result]) -> dict[str, float | None]:
    def div(a: float | None, b: float | None) -> float | None:
        return a / b if a is not None and b else None

    sh, bl = results.get("storyhub"), results.get("baseline")
    ck, wm = results.get("storyhub check"), results.get("storyhub (warm)")
    sh_wall = sh.wall() if sh else None
    return {
        "time_storyhub_over_baseline": div(sh_wall, bl.wall() if bl else None),
        "memory_storyhub_over_baseline": div(
            sh.peak_mb() if sh else None, bl.peak_mb() if bl else None
        ),
        "check_pct_of_storyhub_build": (
            None if (r := div(ck.wall() if ck else None, sh_wall)) is None else 100 * r
        ),
        "warm_over_cold": div(wm.wall() if wm else None, sh_wall),
    }


def print_table(n: int, results: dict[str, Result], repeat: int) -> dict[str, float | None]:
    agg = "best of " + str(repeat) if repeat > 1 else "1 run"
    print(f"\n== {n} stories ({agg}; peak = max RSS of the build process) ==")
    print(
        f"{'builder':<17} {'wall s':>8} {'peak MB':>8} {'KB/story':>9} {'pages':>6} "
        f"{'KB/page':>8}  status"
    )
    for res in results.values():
        kb = _kb_per_story(res, n)
        status = res.status + (f" ({res.note.splitlines()[-1][:70]})" if res.note else "")
        pages = next((r.html_pages for r in reversed(res.good) if r.html_pages), None)
        print(
            f"{res.builder:<17} {_fmt(res.wall(), '8.2f')} {_fmt(res.peak_mb(), '8.1f')} "
            f"{_fmt(kb, '9.1f')} {_fmt(pages, '6.0f')} {_fmt(res.html_kb_per_page(), '8.1f')}"
            f"  {status}"
        )
    r = ratios(results)

    def show(key: str, unit: str, spec: str = ".2f") -> str:
        x = r[key]
        return "n/a" if x is None else f"{x:{spec}}{unit}"

    parts = [
        f"time storyhub/baseline {show('time_storyhub_over_baseline', '×')}",
        f"memory storyhub/baseline {show('memory_storyhub_over_baseline', '×')}",
        f"check = {show('check_pct_of_storyhub_build', '%', '.1f')} of storyhub build",
    ]
    if "storyhub (warm)" in results:
        parts.append(f"warm/cold {show('warm_over_cold', '×')}")
    print("ratios: " + "; ".join(parts))
    for res in results.values():
        if res.status == "failed":
            print(f"\n-- {res.builder} failed; last output:\n{res.note}\n")
    return r


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
    ap.add_argument("--sizes", default="100,1000,5000", help="comma-separated story counts")
    ap.add_argument("--out", type=Path, default=HERE / "out", help="results (and kept hubs)")
    ap.add_argument("--repeat", type=int, default=1, help="runs per builder; best wall time")
    ap.add_argument("--keep", action="store_true", help="keep generated hubs in OUT/hubs")
    ap.add_argument("--warm", action="store_true", help="also time a second, warm storyhub build")
    ap.add_argument(
        "--extra-config",
        help="YAML mapping (inline or a file) merged into the storyhub plugin options",
    )
    ap.add_argument("--only", default=",".join(BUILDERS), help="subset of baseline,storyhub,check")
    ap.add_argument(
        "--strict", action="store_true", help="pass --strict to mkdocs (warnings fail the build)"
    )
    ap.add_argument("--timeout", type=float, default=3600, help="seconds per build")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    args.only = [b.strip() for b in args.only.split(",") if b.strip()]
    if unknown := set(args.only) - set(BUILDERS):
        ap.error(f"unknown builder(s) in --only: {', '.join(sorted(unknown))}")
    if args.repeat < 1:
        ap.error("--repeat must be at least 1")
    extra = parse_extra(args.extra_config)

    facts = machine_facts()
    print("storyhub bench")
    for k, v in facts.items():
        print(f"  {k:<16} {v}")
    print(f"  SOURCE_DATE_EPOCH {SOURCE_DATE_EPOCH}, seed {SEED}")
    if extra:
        print(f"  storyhub options {json.dumps(extra, default=str)}")

    have_plugin, why = plugin_available()
    if not have_plugin and {"storyhub", "check"} & set(args.only):
        print(f"\n!! storyhub plugin not importable; storyhub builds are skipped.\n   {why}")

    args.out.mkdir(parents=True, exist_ok=True)
    work = args.out / "hubs" if args.keep else Path(tempfile.mkdtemp(prefix="storyhub-bench-"))
    report: dict[str, Any] = {
        "machine": facts,
        "settings": {
            "sizes": sizes,
            "repeat": args.repeat,
            "warm": args.warm,
            "extra_config": extra,
            "strict": args.strict,
            "seed": SEED,
            "source_date_epoch": SOURCE_DATE_EPOCH,
            "people": N_PEOPLE,
            "values": len(VALUES),
        },
        "sizes": {},
    }
    try:
        for n in sizes:
            results = bench_size(n, work, args, extra, have_plugin)
            r = print_table(n, results, args.repeat)
            report["sizes"][str(n)] = {
                "builders": {
                    name: {
                        "status": res.status,
                        "note": res.note,
                        "wall_s": res.wall(),
                        "wall_s_median": (
                            statistics.median(x.wall_s for x in res.good) if res.good else None
                        ),
                        "peak_mb": res.peak_mb(),
                        "site_bytes": res.site_bytes(),
                        "kb_per_story": _kb_per_story(res, n),
                        "html_kb_per_page": res.html_kb_per_page(),
                        "runs": [asdict(x) for x in res.runs],
                    }
                    for name, res in results.items()
                },
                "ratios": r,
            }
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
