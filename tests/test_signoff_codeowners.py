"""Sign-off by the people a story quotes (issue 24): ``quotes.sign_off: required`` at the
quote's line, ``sign_off:`` checked, forge handles never published; ``storyhub codeowners``
writes and checks the CODEOWNERS block that asks each story's people to review it."""

from __future__ import annotations

from pathlib import Path

from conftest import Hub, person_text, story_text

QUOTED = (
    "It was a long night.\n"
    "\n"
    "“We kept the oven at two hundred degrees all night,” says Giulia.\n"
    "\n"
    "By five the first loaves were out, the street was still dark and the bakery smelled "
    "of rye. The delivery van came at half past five, as it has every day for ten years.\n"
    "\n"
    "!!! quote marco\n"
    "    I answered the phone at six.\n"
)


def _people(hub: Hub, giulia: str = "", marco: str = "") -> None:
    hub.write("people/giulia.md", person_text("Giulia Ferri", extra=giulia,
                                              bio="Giulia bakes at night."))
    hub.write("people/marco.md", person_text("Marco Bianchi", team="Customer Care",
                                             role="Agent", extra=marco))


def _check(hub: Hub, *args: str) -> tuple[int, list[str]]:
    result = hub.storyhub("check", "--no-advice", *args)
    return result.returncode, result.stdout.splitlines()


def test_a_quote_without_required_sign_off_fails_at_its_line(hub: Hub) -> None:
    hub.write("stories/night-shift.md", story_text(
        "Night shift", people="[giulia, marco]", values="[craft, care]", body=QUOTED))
    # optional (the default): nothing to say
    assert _check(hub) == (0, [])
    hub.config(quotes={"sign_off": "required"})
    code, lines = _check(hub)
    assert code == 1
    # the body starts on line 8: the quotation on line 10, the pull quote's id on line 14
    assert [line.split(": this quotes ")[0] for line in lines] == [
        "stories/night-shift.md:10:1", "stories/night-shift.md:14:11"]
    assert "this quotes Giulia Ferri (giulia), who has not signed off their words" in lines[0]
    assert "Marco Bianchi (marco)" in lines[1] and "sign_off: {marco: YYYY-MM-DD}" in lines[1]

    # one signs off in the story, the other reviews on the forge
    hub.write("stories/night-shift.md", story_text(
        "Night shift", people="[giulia, marco]", values="[craft, care]", body=QUOTED,
        extra="sign_off:\n  giulia: 2025-03-16\n"))
    _people(hub, marco="links:\n  github: marco-b\n")
    assert _check(hub) == (0, [])


def test_drafts_wait_and_sign_off_names_people(hub: Hub) -> None:
    hub.config(quotes={"sign_off": "required"})
    hub.write("stories/night-shift.md", story_text(
        "Night shift", people="[giulia, marco]", values="[craft, care]", body=QUOTED,
        extra="draft: true\nsign_off:\n  giula: 2025-03-16\n"))
    hub.write("stories/first-oven.md", story_text(
        "The first oven", extra="sign_off:\n  giulia: 16/03/2025\n"))
    code, lines = _check(hub)
    assert code == 1
    assert lines[:2] == [
        "stories/first-oven.md:8:11: 'sign_off.giulia': '16/03/2025' is ambiguous: write dates "
        "as YYYY-MM-DD — did you mean 2025-03-16?",
        "stories/night-shift.md:9:3: 'sign_off': unknown person 'giula' — did you mean "
        "'giulia'?"]
    # a draft's quotes are not checked for sign-off yet
    assert not any("has not signed off" in line for line in lines)


def test_the_options_model_refuses_a_wrong_sign_off_value(hub: Hub) -> None:
    hub.config(quotes={"sign_off": "yes"})
    result = hub.storyhub("check")
    assert result.returncode == 2
    assert "quotes.sign_off" in result.stderr and "'optional' or 'required'" in result.stderr


def test_forge_handles_are_checked_and_never_published(hub: Hub) -> None:
    _people(hub, giulia="links:\n  github: https://github.com/giulia\n")
    code, lines = _check(hub)
    assert code == 1 and any("is a link, not a handle" in line for line in lines)
    _people(hub, giulia="links:\n  github: giulia-forge\n  gitlab: giulia.lab\n"
                        "  instagram: giulia.bakes\n")
    hub.config(snippets={"networks": ["instagram", "x"]})
    site = hub.build()
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".csv", ".ics",
                                              ".yml", ".txt"):
            text = path.read_text(encoding="utf-8", errors="replace")
            assert "giulia-forge" not in text and "giulia.lab" not in text, path


# -- CODEOWNERS ----------------------------------------------------------------------------------


def _owners(hub: Hub, *args: str) -> tuple[int, str]:
    result = hub.storyhub("codeowners", *args)
    return result.returncode, result.stderr


def test_codeowners_check_fails_when_a_storys_people_change(hub: Hub) -> None:
    (hub.root / ".git").mkdir()  # the repository's root
    _people(hub, giulia="links:\n  github: giulia-f\n  gitlab: giulia.lab\n",
            marco="links:\n  github: marco-b\n")
    hub.write("stories/2025-03-20-the-kiln/index.md", story_text(
        "The kiln", people="[giulia]", values="[craft]",
        body="!!! quote marco\n    It was my idea.\n"))
    hub.write(".github/CODEOWNERS", "# Our own rules stay\n* @bakery/maintainers\n")
    owners = hub.root / ".github/CODEOWNERS"

    code, message = _owners(hub, "--check")
    assert code == 1 and ".github/CODEOWNERS: out of date" in message
    assert _owners(hub)[0] == 0
    text = owners.read_text(encoding="utf-8")
    assert text.startswith("# Our own rules stay\n* @bakery/maintainers\n\n# BEGIN storyhub")
    rules = [line for line in text.splitlines() if line.startswith("/")]
    # featured people first, then whoever is quoted; a story folder owns its photo too
    assert rules == ["/stories/2025-03-20-the-kiln/ @giulia-f @marco-b",
                     "/stories/first-oven.md @giulia-f",
                     "/stories/night-shift.md @giulia-f @marco-b"]
    assert _owners(hub, "--check") == (0, ".github/CODEOWNERS: up to date (3 stories with "
                                          "reviewers)\n")

    # someone joins a story and nobody ran storyhub codeowners: CI fails
    hub.write("stories/first-oven.md", story_text(
        "The first oven", date="2024-05-01", people="[giulia, marco]",
        summary="How it started."))
    code, message = _owners(hub, "--check")
    assert code == 1
    assert message.startswith(".github/CODEOWNERS: out of date — the people of the stories "
                              "changed; run storyhub codeowners")
    assert owners.read_text(encoding="utf-8") == text  # --check writes nothing
    assert _owners(hub)[0] == 0 and _owners(hub, "--check")[0] == 0
    assert "/stories/first-oven.md @giulia-f @marco-b" in owners.read_text(encoding="utf-8")

    # GitLab handles into GitLab's file; people without one are left out
    assert _owners(hub, "--forge", "gitlab", "--file", "CODEOWNERS")[0] == 0
    gitlab = (hub.root / "CODEOWNERS").read_text(encoding="utf-8")
    assert [line for line in gitlab.splitlines() if line.startswith("/")] == [
        "/stories/2025-03-20-the-kiln/ @giulia.lab", "/stories/first-oven.md @giulia.lab",
        "/stories/night-shift.md @giulia.lab"]
    # regenerating keeps the company's own lines and replaces only the block
    assert owners.read_text(encoding="utf-8").count("# BEGIN storyhub") == 1


def test_people_who_left_are_not_asked(hub: Hub) -> None:
    _people(hub, giulia="links:\n  github: giulia-f\nstatus: alumni\n",
            marco="links:\n  github: marco-b\n")
    assert _owners(hub)[0] == 0
    text = (hub.root / ".github/CODEOWNERS").read_text(encoding="utf-8")
    assert "@giulia-f" not in text and "/stories/night-shift.md @marco-b" in text


def test_codeowners_in_a_content_folder(hub: Hub, tmp_path: Path) -> None:
    (hub.root / ".git").mkdir()
    content = hub.root / "content"
    content.mkdir()
    for name in ("values.yml", "people", "stories"):
        (hub.root / name).rename(content / name)
    hub.config(content_dir="content")
    hub.write("content/people/marco.md", person_text(
        "Marco Bianchi", team="Customer Care", role="Agent", extra="links:\n  github: m-b\n"))
    assert _owners(hub)[0] == 0
    text = (hub.root / ".github/CODEOWNERS").read_text(encoding="utf-8")
    assert "/content/stories/night-shift.md @m-b" in text


def test_a_folder_name_cannot_add_an_owner(hub: Hub) -> None:
    """A pull request names a story folder with a line break: CODEOWNERS gets no new line."""
    _people(hub, giulia="links:\n  github: giulia-f\n")
    hub.write("stories/x\n* @evil\n/index.md", story_text("Sneaky", extra="slug: sneaky\n"))
    assert _owners(hub)[0] == 0
    text = (hub.root / ".github/CODEOWNERS").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert "/stories/x**\\ @evil*/ @giulia-f" in lines, text  # the story is there, inert
    assert not any(line.startswith("* ") for line in lines), text
