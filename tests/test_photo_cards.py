"""Share images over the story's own photo: consent, crop, small photos, the cache, and
text that reaches WCAG AA contrast against every pixel behind it."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import Hub, person_text, run_core, story_text
from PIL import Image, ImageDraw, ImageFilter
from storyhub.media.card_spec import PHOTO_LAYOUTS
from storyhub.media.card_text import font
from storyhub.media.cards import plan_cards
from storyhub.media.photo_card import CONTRAST_TARGET, PhotoCard, compose
from storyhub.options.model import CardOptions
from storyhub.text.contrast import AA_TEXT, RGB, contrast

#: the photo's halves: a bright, busy left (worst case for white text) and a blue right
BLUE = (20, 90, 220)


def photo_bytes(size: tuple[int, int] = (2400, 1600)) -> bytes:
    """A photo whose left half is bright noise on near-white and right half plain blue."""
    width, height = size
    image = Image.new("RGB", size, BLUE)
    bright = Image.merge("RGB", [Image.effect_noise((width // 2, height), 40).point(
        lambda v: min(255, 200 + v // 4))] * 3)
    image.paste(bright, (0, 0))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=92)
    return out.getvalue()


def with_photo(hub: Hub, size: tuple[int, int] = (2400, 1600), people: str = "[giulia]",
               extra: str = "") -> None:
    hub.write("stories/oven.jpg", photo_bytes(size))
    hub.write("stories/first-oven.md", story_text(
        "The first oven", date="2024-05-01", people=people, summary="How it started.",
        extra=f"image: oven.jpg\nimage_alt: Bread trays by the oven.\n{extra}"))


def cards_of(hub: Hub, slug: str = "first-oven", **options: object):  # type: ignore[no-untyped-def]
    # the settings of the fixture's mkdocs.yml, so that the plan is the build's
    pipeline = run_core(hub.root, site_name="Test hub", site_url="https://stories.example.com/")
    planned = plan_cards(pipeline.hub, CardOptions(**options))  # type: ignore[arg-type]
    story = planned.stories[slug]
    return planned, {image.kind: planned.specs[image.key] for image in story.images()}


def colours(image: Image.Image) -> list[RGB]:
    """Every distinct colour of ``image`` (exact, not sampled)."""
    found = image.getcolors(maxcolors=image.width * image.height) or []
    return [colour for _, colour in found]


def glyph_mask(card: PhotoCard, size: tuple[int, int], grow: int) -> Image.Image:
    """Where the words' glyphs are, grown by ``grow`` pixels (JPEG blurs their edges)."""
    mask = Image.new("L", size, 0)
    canvas = ImageDraw.Draw(mask)
    for run in card.runs:
        canvas.text((run.x, run.y), run.text, font=font(run.font_path, run.size), fill=255)
    return mask.filter(ImageFilter.MaxFilter(grow * 2 + 1))


def test_card_over_the_story_photo_in_a_real_build(hub: Hub) -> None:
    with_photo(hub)
    site = hub.build()
    planned, specs = cards_of(hub)
    assert specs["og"].backdrop and specs["instagram"].backdrop
    story = planned.stories["first-oven"]
    assert story.og.alt == ("Card of the story “The first oven”, with Giulia Ferri, over its "
                            "photo: Bread trays by the oven. Test hub. Values: Craft.")
    for image in story.images():
        produced = site / image.path  # the plan above is the build's: same keys
        with Image.open(produced) as card:
            assert card.format == "JPEG" and card.size == (image.width, image.height)
            pixels = card.convert("RGB")
        assert produced.stat().st_size < 300_000
        # The photo is there: its blue half at the right, above the words.
        r, g, b = pixels.getpixel((image.width - 40, image.height // 3))  # type: ignore[misc]
        assert b > 120 and b > r + 60, (image.kind, (r, g, b))
        # The words reach AA against every pixel behind them: in the produced JPEG, every
        # pixel of every line's box that is not a glyph (or the JPEG blur at its edge).
        card = compose(specs[image.kind])
        assert card is not None and card.ink == (255, 255, 255)
        mask = glyph_mask(card, pixels.size, grow=2)
        for run in card.runs:
            behind = Image.new("RGB", pixels.size, (0, 0, 0))
            behind.paste(pixels, (0, 0), mask.point(lambda v: 255 - v))
            region = behind.crop(run.box)
            free = mask.crop(run.box).point(lambda v: 255 - v)
            assert free.getbbox() is not None  # there are pixels behind the text to test
            worst = min(contrast(card.ink, colour) for colour in colours(region))
            assert worst >= AA_TEXT, (image.kind, run.text, worst)


@pytest.mark.parametrize("kind", ["og", "instagram"])
@pytest.mark.parametrize("ink", ["#ffffff", "#1b1b1b"])
def test_every_pixel_behind_the_text_reaches_the_target(hub: Hub, kind: str, ink: str) -> None:
    """Before JPEG encoding, exactly: each line's box, every pixel, light or dark ink."""
    with_photo(hub)
    _, specs = cards_of(hub, text_color=ink)
    card = compose(specs[kind])
    assert card is not None and card.ink == tuple(int(ink[i:i + 2], 16) for i in (1, 3, 5))
    # label with the company at its right, title (one line), names, role and values
    assert [r.text for r in card.runs] == ["Story · 1 May 2024", "TEST HUB", "The first oven",
                                           "Giulia Ferri", "Baker — Craft"]
    for run in card.runs:
        worst = min(contrast(card.ink, c) for c in colours(card.image.crop(run.box)))
        assert worst >= CONTRAST_TARGET, (run.text, worst)
    # Above the words the photo shows as it is: the scrim is no panel.
    above = min(r.box[1] for r in card.runs) - PHOTO_LAYOUTS[kind].fade
    assert above > 100
    r, g, b = card.image.getpixel((card.image.width - 30, above // 2))  # type: ignore[misc]
    assert b > 180 and b > r + 100, (r, g, b)


def test_someone_without_photo_consent_keeps_the_drawn_card(hub: Hub) -> None:
    with_photo(hub, people="[giulia, marco]")
    site = hub.build()
    before, specs = cards_of(hub)
    assert specs["og"].backdrop is not None
    old = {image.kind: image for image in before.stories["first-oven"].images()}
    # Marco withdraws his photo consent (he stays named): no photo on any card any more.
    hub.write("people/marco.md", person_text("Marco Bianchi", team="Customer Care",
                                             role="Agent").replace("photo: true", "photo: false"))
    site = hub.build()
    after, specs = cards_of(hub)
    assert all(spec.backdrop is None and spec.photo is None for spec in specs.values())
    for image in after.stories["first-oven"].images():
        assert image.key != old[image.kind].key and image.path != old[image.kind].path
        assert not (site / old[image.kind].path).exists()
        assert "photo" not in image.alt
        with Image.open(site / image.path) as card:
            r, g, b = card.convert("RGB").getpixel((image.width - 40, image.height // 3))  # type: ignore[misc]
        assert abs(r - 0xb5) < 12 and abs(g - 0x65) < 12 and abs(b - 0x1d) < 12  # craft colour
    # An author without photo consent is in the story too.
    hub.write("people/marco.md", person_text("Marco Bianchi").replace("photo: true",
                                                                      "photo: false"))
    with_photo(hub, people="[giulia]", extra="author: marco\n")
    _, specs = cards_of(hub)
    assert all(spec.backdrop is None for spec in specs.values())


def test_a_story_without_photo_and_the_option_off_keep_the_drawn_card(hub: Hub) -> None:
    _, specs = cards_of(hub)
    assert all(spec.backdrop is None for spec in specs.values())
    with_photo(hub)
    _, specs = cards_of(hub, photo=False)
    assert all(spec.backdrop is None for spec in specs.values())
    hub.config(cards={"photo": False})
    site = hub.build()
    planned, _ = cards_of(hub, photo=False)
    for image in planned.stories["first-oven"].images():
        with Image.open(site / image.path) as card:
            blue = card.convert("RGB").getpixel((image.width - 40, image.height // 3))[2]  # type: ignore[index]
        assert blue < 100  # the drawn card's colour, not the photo's blue


def test_small_photos(hub: Hub) -> None:
    # 1200×800 fills Open Graph; on the 4:5 Instagram card it goes across the top.
    with_photo(hub, size=(1200, 800))
    _, specs = cards_of(hub)
    assert specs["og"].backdrop and specs["instagram"].backdrop
    card = compose(specs["instagram"])
    assert card is not None
    assert card.image.getpixel((1050, 300))[2] > 150  # type: ignore[index]  # the photo's blue half
    # below the photo, the story's colour (darkened) carries the words
    assert card.image.getpixel((1075, 1345)) == card.image.getpixel((1075, 1000))
    # 800×500 is too small for both: drawn cards, and advice at the image field.
    with_photo(hub, size=(800, 500))
    pipeline = run_core(hub.root)
    planned = plan_cards(pipeline.hub, CardOptions())
    assert all(planned.specs[i.key].backdrop is None
               for i in planned.stories["first-oven"].images())
    advice = [d.format() for d in pipeline.hub.diagnostics if d.field == "image"]
    assert advice == [
        "stories/first-oven.md:7:8: warning: 'image': oven.jpg is 800×500 pixels, too small "
        "for the Open Graph and Instagram share image (a photo is never enlarged more than "
        "1.25×): the drawn card is used; a photo at least 1080 pixels on each side fills "
        "every card"]
    assert pipeline.log_level(pipeline.hub.diagnostics.items[-1]) == "info"  # never fails --strict


def test_a_small_video_poster_is_named_in_the_advice(hub: Hub) -> None:
    """A story whose picture is its video's poster (no ``image:``): the advice names the
    poster at its line (it said "'image': None …" at the title, as on the example)."""
    from media_files import CAPTION_EN, EXAMPLE_POSTER, mp4

    hub.write("people/giulia.md", person_text("Giulia Ferri").replace(
        "social: true\n", "social: true\n  media: true\n"))
    for name, data in {"clip.mp4": mp4(), "poster.jpg": EXAMPLE_POSTER.read_bytes(),
                       "clip.en.vtt": CAPTION_EN}.items():
        hub.write(f"stories/wheel/{name}", data)
    hub.write("stories/wheel/index.md", story_text("The wheel", people="[giulia]", extra=(
        "video:\n  file: clip.mp4\n  poster: poster.jpg\n  description: Hands on clay.\n"
        "  captions:\n    en: clip.en.vtt\n")))
    pipeline = run_core(hub.root)
    plan_cards(pipeline.hub, CardOptions())
    lines = (hub.root / "stories/wheel/index.md").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.startswith("  poster:"))
    advice = [d.format() for d in pipeline.hub.diagnostics if d.field == "video.poster"]
    assert advice == [
        f"stories/wheel/index.md:{line}:11: warning: 'video.poster': poster.jpg is 640×360 "
        "pixels, too small for the Open Graph and Instagram share image (a photo is never "
        "enlarged more than 1.25×): the drawn card is used; a photo at least 1080 pixels on "
        "each side fills every card"]


def test_cache_key_follows_the_photo_content_and_the_drawing(hub: Hub) -> None:
    with_photo(hub)
    _, first = cards_of(hub)
    path = hub.root / "stories/oven.jpg"
    stamp = path.stat().st_mtime_ns
    with Image.open(path) as image:
        darker = image.point(lambda v: v // 2)
    out = io.BytesIO()
    darker.save(out, "JPEG", quality=92)
    path.write_bytes(out.getvalue())
    import os
    os.utime(path, ns=(stamp, stamp))
    _, second = cards_of(hub)
    assert all(first[k].key() != second[k].key() for k in first)
    # Paths are not part of the key: the same content elsewhere gives the same card.
    moved = replace(second["og"], backdrop="/elsewhere/oven.jpg", font="/elsewhere/f.ttf")
    assert moved.key() == second["og"].key()
    assert replace(second["og"], backdrop=None).key() != second["og"].key()


def test_fixed_words_are_in_the_story_language(hub: Hub) -> None:
    hub.write("stories/first-oven.md", story_text("The first oven", date="2024-05-01",
                                                  extra="lang: en\n"))
    hub.write("stories/turno.md", story_text("Turno di notte", date="2025-03-14",
                                             extra="lang: it\n"))
    planned, specs = cards_of(hub, "turno")
    assert {s.label for s in specs.values()} == {"Storia · 14 marzo 2025"}
    assert planned.stories["turno"].og.alt.startswith("Immagine della storia “Turno di notte”")
    _, specs = cards_of(hub, "first-oven")
    assert {s.label for s in specs.values()} == {"Story · 1 May 2024"}
    # An Italian site: the English story keeps English words, the Italian one Italian.
    pipeline = run_core(hub.root, language="it")
    planned = plan_cards(pipeline.hub, CardOptions())
    labels = {slug: planned.specs[cards.og.key].label for slug, cards in planned.stories.items()}
    assert labels["first-oven"] == "Story · 1 May 2024"
    assert labels["turno"] == "Storia · 14 marzo 2025"
    assert labels["night-shift"] == "Storia · 14 marzo 2025"  # no lang: the site's language
    # The label is drawn: two languages, two different cards.
    italian = planned.specs[planned.stories["turno"].og.key]
    assert italian.key() != replace(italian, label="Story · 14 March 2025").key()


def test_photo_cards_are_deterministic(hub: Hub, tmp_path: Path) -> None:
    with_photo(hub)
    site = hub.build()
    planned, _ = cards_of(hub)
    first = {i.path: (site / i.path).read_bytes() for i in planned.stories["first-oven"].images()}
    import shutil
    shutil.rmtree(hub.root / ".cache")
    site = hub.build(site="again")
    assert {p: (site / p).read_bytes() for p in first} == first


def test_an_anonymous_person_in_the_story_keeps_the_drawn_card(hub: Hub) -> None:
    """Someone shown only under the anonymous label (no name consent) may be in the photo:
    it is not used, even though their photo consent says yes."""
    from storyhub.pipeline import Pipeline

    with_photo(hub, people="[giulia, marco]")
    hub.write("people/marco.md", person_text("Marco Bianchi").replace("name: true",
                                                                      "name: false"))
    pipeline = Pipeline.from_options({"unconsented": "anonymous"},
                                     config_file=hub.root / "mkdocs.yml")
    pipeline.check()
    assert "first-oven" in {s.id for s in pipeline.hub.stories}  # published, anonymously
    planned = plan_cards(pipeline.hub, CardOptions())
    for image in planned.stories["first-oven"].images():
        assert planned.specs[image.key].backdrop is None
        assert "Marco" not in image.alt


def test_a_story_image_that_is_an_unconsented_profile_photo_is_never_a_card(hub: Hub) -> None:
    """Marco is not in the story, but its image is his profile photo (same bytes, another
    name) and he did not consent to photos: the image is refused, the card is drawn."""
    with_photo(hub)
    hub.write("people/marco-face.jpg", (hub.root / "stories/oven.jpg").read_bytes())
    hub.write("people/marco.md", person_text("Marco Bianchi", extra="photo: marco-face.jpg\n")
              .replace("photo: true", "photo: false"))
    site = hub.build(strict=False)  # the refused image is a warning
    planned, specs = cards_of(hub)
    assert all(spec.backdrop is None for spec in specs.values())
    for image in planned.stories["first-oven"].images():
        with Image.open(site / image.path) as card:
            blue = card.convert("RGB").getpixel((image.width - 40, image.height // 3))[2]  # type: ignore[index]
        assert blue < 100
