"""`storyhub check`: text, GitHub annotations and JSON, and storytelling advice."""

from __future__ import annotations

import json

from conftest import Hub, story_text

QUOTE_BODY = (
    "It was two in the morning when the oven stopped. " * 14
    + '\n\n"We had four hundred loaves in there," says Giulia. "Nobody went home."\n'
)


def tiny_jpeg() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (180, 100, 40)).save(buffer, "JPEG")
    return buffer.getvalue()


def good_story(hub: Hub, name: str = "stories/night-shift.md", **extra: str) -> None:
    """A story that earns no advice at all (image, alt text, quotes, a real body)."""
    hub.write("stories/oven.jpg", tiny_jpeg())
    fields = extra.pop("extra", "image: oven.jpg\nimage_alt: Trays of bread\n")
    hub.write(name, story_text("Night shift", people="[giulia]", extra=fields,
                               body=QUOTE_BODY, **extra))


def quiet_hub(hub: Hub) -> None:
    (hub.root / "stories/first-oven.md").unlink()
    good_story(hub)


def test_check_text_output_and_exit_code_for_errors(hub: Hub) -> None:
    quiet_hub(hub)
    hub.write("stories/bad.md", story_text("Bad", values="[craf]", body=QUOTE_BODY,
                                           extra="image: oven.jpg\nimage_alt: x\n"))
    result = hub.storyhub("check")
    assert result.returncode == 1
    assert result.stdout == "stories/bad.md:5:10: unknown value 'craf' — did you mean 'craft'?\n"
    assert result.stderr == (
        "2 stories, 2 people, 3 values checked: 1 error(s), 0 warning(s), 0 advice\n"
    )


def test_check_github_annotations_exact(hub: Hub) -> None:
    quiet_hub(hub)
    hub.write("stories/bad.md", story_text("Bad, really 100%", values="[craf]",
                                           body=QUOTE_BODY,
                                           extra="image: oven.jpg\nimage_alt: x\n"))
    hub.write("stories/long.md", story_text("T" * 71, body=QUOTE_BODY,
                                            extra="image: oven.jpg\nimage_alt: x\n"))
    result = hub.storyhub("check", "--format", "github")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "::error file=stories/bad.md,line=5,col=10,title=storyhub check::"
        "unknown value 'craf' — did you mean 'craft'?",
        "::warning file=stories/long.md,line=2,col=8,title=storyhub advice::"
        "the title has 71 characters: preview cards cut it after about 70 — try a shorter one",
    ]


def test_github_paths_are_relative_to_the_repository_with_content_dir(hub: Hub) -> None:
    """With content_dir, annotations must name the file as the repository sees it."""
    content = hub.root / "content"
    content.mkdir()
    for name in ("values.yml", "people", "stories"):
        (hub.root / name).rename(content / name)
    hub.config(content_dir="content")
    hub.write("content/stories/bad.md", story_text("Bad", values="[craf]"))
    result = hub.storyhub("check", "--format", "github", "--no-advice")
    assert result.stdout.strip() == (
        "::error file=content/stories/bad.md,line=5,col=10,title=storyhub check::"
        "unknown value 'craf' — did you mean 'craft'?"
    )


def test_github_annotation_escapes_newlines_and_percent() -> None:
    from storyhub.diagnostics.core import Diagnostic
    from storyhub.diagnostics.formats import github_line

    line = github_line(Diagnostic("a,b:c.md", 1, 2, "50% done\nnext"), "a,b:c.md")
    assert line == "::error file=a%2Cb%3Ac.md,line=1,col=2,title=storyhub check::50%25 done%0Anext"


def test_check_json_exact(hub: Hub) -> None:
    quiet_hub(hub)
    hub.write("stories/bad.md", story_text("Bad", values="[craf]", body=QUOTE_BODY,
                                           extra="image: oven.jpg\n"))
    result = hub.storyhub("check", "--format", "json")
    assert result.returncode == 1
    assert json.loads(result.stdout) == {
        "summary": {"stories": 2, "people": 2, "values": 3, "errors": 1, "warnings": 0,
                    "advice": 1},
        "diagnostics": [
            {"path": "stories/bad.md", "line": 5, "col": 10, "severity": "error",
             "code": "unknown-value", "field": "values",
             "message": "unknown value 'craf' — did you mean 'craft'?"},
            {"path": "stories/bad.md", "line": 7, "col": 8, "severity": "warning",
             "code": "advice", "field": "image",
             "message": "the image has no description: add 'image_alt:' saying what it shows, "
                        "for people who cannot see it (and for previews)"},
        ],
        "notes": [],
    }


def test_notes_on_hidden_stories_in_every_format(hub: Hub) -> None:
    hub.write("stories/soon.md", story_text("Soon", extra="draft: true\n"))
    text = hub.storyhub("check", "--no-advice")
    assert text.returncode == 0
    note = next(line for line in text.stdout.splitlines() if line.startswith("stories/soon.md"))
    assert ": info: not published" in note
    github = hub.storyhub("check", "--no-advice", "--format", "github").stdout
    assert github.startswith("::notice file=stories/soon.md,line=")
    data = json.loads(hub.storyhub("check", "--no-advice", "--format", "json").stdout)
    assert data["notes"] == [note]


def test_advice_never_fails_unless_strict(hub: Hub) -> None:
    result = hub.storyhub("check")
    assert result.returncode == 0
    assert "advice:" in result.stdout
    assert "0 error(s), 0 warning(s), 6 advice" in result.stderr
    assert hub.storyhub("check", "--strict").returncode == 1
    quiet = hub.storyhub("check", "--no-advice", "--strict")
    assert quiet.returncode == 0 and quiet.stdout == ""


def advice_for(hub: Hub, text: str, *, quiet: bool = True) -> list[str]:
    if quiet:
        quiet_hub(hub)
    hub.write("stories/x.md", text)
    result = hub.storyhub("check")
    assert result.returncode == 0, result.stdout
    return [line for line in result.stdout.splitlines() if line.startswith("stories/x.md")]


def test_advice_summary_beyond_the_linkedin_fold(hub: Hub) -> None:
    summary = "A" * 211
    found = advice_for(hub, story_text("X", summary=summary, body=QUOTE_BODY,
                                       extra="image: oven.jpg\nimage_alt: x\n"))
    assert found == [
        "stories/x.md:6:10: advice: the summary has 211 characters: LinkedIn shows only about "
        "210 before '…see more' — put the hook in the first 210 characters, or shorten it"
    ]


def test_advice_summary_at_the_fold_is_fine(hub: Hub) -> None:
    found = advice_for(hub, story_text("X", summary="A" * 210, body=QUOTE_BODY,
                                       extra="image: oven.jpg\nimage_alt: x\n"))
    assert found == []


def test_advice_no_image_short_body_and_no_quotes(hub: Hub) -> None:
    found = advice_for(hub, story_text("X", body="Giulia fixed the oven."))
    assert found == [
        "stories/x.md:2:1: advice: no image: a story with a photo gets far more attention when "
        "shared — add 'image:' (a JPEG, PNG or WebP beside the story) and 'image_alt:'",
        "stories/x.md:8:1: advice: nobody's words are quoted: a sentence in their own words "
        "(\"…,\" says Giulia) makes a story come alive",
        "stories/x.md:8:1: advice: the story has only 4 words: tell what happened, who was "
        "there and what changed (aim for at least 120 words)",
    ]


def test_advice_quote_from_someone_else_but_not_the_person(hub: Hub) -> None:
    body = "The night was long. " * 40 + '\n\n"Keep going," said the manager.\n'
    found = advice_for(hub, story_text("X", people="[giulia, marco]", body=body,
                                       extra="image: oven.jpg\nimage_alt: x\n"))
    assert found == [
        "stories/x.md:4:10: advice: no quote from Giulia Ferri: the story is about them, let "
        "them speak — add a sentence in their words and say who said it (\"…,\" says Giulia)",
        "stories/x.md:4:18: advice: no quote from Marco Bianchi: the story is about them, let "
        "them speak — add a sentence in their words and say who said it (\"…,\" says Marco)",
    ]


def test_advice_guillemets_and_blockquote_count_as_quotes(hub: Hub) -> None:
    body = ("La notte era lunga. " * 40 + "\n\n«Non si butta niente», dice Giulia.\n\n"
            "> Ci siamo guardati e abbiamo riso.\n>\n> — Marco\n")
    found = advice_for(hub, story_text("X", people="[giulia, marco]", body=body,
                                       extra="image: oven.jpg\nimage_alt: x\n"))
    assert found == []


def test_advice_very_long_body(hub: Hub) -> None:
    body = "word " * 1501 + '\n"Yes," says Giulia.\n'
    found = advice_for(hub, story_text("X", body=body, extra="image: oven.jpg\nimage_alt: x\n"))
    assert found == [
        "stories/x.md:10:1: advice: the story has 1504 words: most readers stop before the end "
        "of a text this long on a phone — cut it below 1500 words or split it"
    ]


def test_no_quote_advice_for_people_who_refused_quotes(hub: Hub) -> None:
    text = (hub.root / "people/giulia.md").read_text(encoding="utf-8")
    hub.write("people/giulia.md", text.replace("quotes: true", "quotes: false"))
    quiet_hub(hub)
    # (Quoting her would now be an error: see test_trust_03_consent.py.)
    hub.write("stories/night-shift.md", story_text(
        "Night shift", body="The night was long. " * 40,
        extra="image: oven.jpg\nimage_alt: Trays of bread\n"))
    found = advice_for(hub, story_text("X", body="The night was long. " * 40,
                                       extra="image: oven.jpg\nimage_alt: x\n"), quiet=False)
    assert found == []


def test_the_word_count_reads_the_marks_only_near_a_limit() -> None:
    """The advice counts words without Markdown's marks; it runs the pattern only when the
    tokens leave it in doubt. Random texts of words, bullets, numbered items, headings,
    quotes, dashes and bars, around small limits: whenever it skips the pattern the count
    is within the limits, and otherwise it is the pattern's count."""
    import random

    from storyhub.hub.advice import _MARKUP, AdviceLimits, _word_count

    pieces = ["word", "Giulia", "-", "--", "–", "—", "|", "*", "+", ">", "#", "##", "1.",
              "2)", "a-b", "x|y", "->", "  ", " ", "\n", "\n\n", "\t", "\u00a0"]
    rng = random.Random(1904)
    skipped = counted = 0
    for _ in range(4000):
        text = "".join((rng.choice(pieces) if rng.random() < 0.3 else "word")
                       + rng.choice([" ", " ", "", "\n"]) for _ in range(rng.randint(0, 40)))
        exact = len(_MARKUP.sub(" ", text).split())
        low = rng.randint(0, 25)
        limits = AdviceLimits(body_min_words=low, body_max_words=low + rng.randint(0, 20))
        words = _word_count(text, limits)
        if words is None:
            skipped += 1
            assert limits.body_min_words <= exact <= limits.body_max_words, text
        else:
            counted += 1
            assert words == exact
    assert skipped > 200 and counted > 200  # both ways were tried


def test_a_configuration_error_in_every_format(hub: Hub) -> None:
    """A refused setting of mkdocs.yml (exit 2) was said as plain text on stderr whatever the
    format: in CI (``--format github``) no annotation marked its line, and ``--format json``
    printed no JSON. Now, like the content's problems: an annotation, a JSON diagnostic."""
    hub.set(hooks=["hook.py"])
    lines = (hub.root / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.startswith("hooks:")) + 1
    github = hub.storyhub("check", "--format", "github")
    assert github.returncode == 2
    assert github.stdout.startswith(
        f"::error file=mkdocs.yml,line={line},col=1,title=storyhub check::'hooks' makes MkDocs "
        "run the Python files it names")
    assert github.stderr == "storyhub: 1 problem(s) in the configuration; nothing was done\n"
    data = json.loads(hub.storyhub("check", "--format", "json").stdout)
    assert data["summary"]["errors"] == 1
    assert [(d["path"], d["line"], d["code"]) for d in data["diagnostics"]] == [
        ("mkdocs.yml", line, "engine-config")]
    text = hub.storyhub("check")  # as before: the list on stderr
    assert text.returncode == 2 and text.stdout == "" and f"mkdocs.yml:{line}:1:" in text.stderr
