"""Class 19 (issue 20, class 7): every day is the company's day.

Withdrawals, departures, consents and future dates are all compared with one day: the
build's moment in the hub's time zone (``calendar.timezone``). A withdrawal dated tomorrow
takes effect at midnight in Rome on the site, in the feeds and in the calendar alike — not
at midnight UTC on one and midnight in Rome on the other. Each case is tried a minute on
both sides of the company's midnight.
"""

from __future__ import annotations

from datetime import date

import pytest
from conftest import Hub, person_text, story_text
from storyhub.pipeline import Pipeline

ROME = {"calendar": {"timezone": "Europe/Rome"}}
# 2025-06-10 in Rome is UTC+2: midnight in Rome is 22:00 UTC the evening before.
BEFORE = "2025-06-10T21:59:00+00:00"  # 23:59 in Rome on the 10th
AFTER = "2025-06-10T22:01:00+00:00"  # 00:01 in Rome on the 11th (still the 10th in UTC)
TOKYO_AFTER = "2025-06-10T15:01:00+00:00"  # 00:01 in Tokyo on the 11th


def _pipeline(hub: Hub, as_of: str, zone: str = "Europe/Rome") -> Pipeline:
    pipeline = Pipeline.from_options({"as_of": as_of, "calendar": {"timezone": zone}},
                                     config_file=hub.root / "mkdocs.yml", site_name="Test")
    pipeline.check()
    return pipeline


def _giulia(extra: str = "", consent_date: str = "2025-01-15") -> str:
    return person_text("Giulia Ferri", extra=extra).replace("date: 2025-01-15",
                                                            f"date: {consent_date}")


@pytest.mark.parametrize("as_of, zone, day", [
    (BEFORE, "Europe/Rome", date(2025, 6, 10)),
    (AFTER, "Europe/Rome", date(2025, 6, 11)),
    (AFTER, "UTC", date(2025, 6, 10)),
    (TOKYO_AFTER, "Asia/Tokyo", date(2025, 6, 11)),
    ("2025-06-11T00:30:00-07:00", "America/Los_Angeles", date(2025, 6, 11)),
])
def test_the_build_day_is_the_company_day(hub: Hub, as_of: str, zone: str, day: date) -> None:
    assert _pipeline(hub, as_of, zone).hub.today == day


@pytest.mark.parametrize("as_of, published", [(BEFORE, True), (AFTER, False)])
def test_a_withdrawal_takes_effect_at_the_company_midnight(
    hub: Hub, as_of: str, published: bool
) -> None:
    hub.write("people/giulia.md", _giulia().replace(
        "  date: 2025-01-15", "  date: 2025-01-15\n  withdrawn: 2025-06-11"))
    pipeline = _pipeline(hub, as_of)
    assert ("giulia" in pipeline.hub.people) is published
    assert ("first-oven" in {s.id for s in pipeline.hub.stories}) is published
    departures = pipeline.notes(departures=True)
    assert any("giulia withdrew consent on 2025-06-11" in n for n in departures) is not published


@pytest.mark.parametrize("as_of, published", [(BEFORE, True), (AFTER, False)])
def test_a_departure_takes_effect_at_the_company_midnight(
    hub: Hub, as_of: str, published: bool
) -> None:
    hub.write("people/giulia.md", _giulia(extra="left: 2025-06-11\n"))
    pipeline = _pipeline(hub, as_of)
    assert ("giulia" in pipeline.hub.people) is published


@pytest.mark.parametrize("as_of, published", [(BEFORE, False), (AFTER, True)])
def test_a_consent_starts_at_the_company_midnight(hub: Hub, as_of: str, published: bool) -> None:
    hub.write("people/giulia.md", _giulia(consent_date="2025-06-11"))
    pipeline = _pipeline(hub, as_of)
    assert ("giulia" in pipeline.hub.people) is published


@pytest.mark.parametrize("as_of, future", [(BEFORE, True), (AFTER, False)])
def test_a_story_dated_tomorrow_is_future_until_the_company_midnight(
    hub: Hub, as_of: str, future: bool
) -> None:
    hub.write("stories/tomorrow.md", story_text("Tomorrow", date="2025-06-11"))
    pipeline = _pipeline(hub, as_of)
    codes = [d.code for d in pipeline.diagnostics.warnings + pipeline.diagnostics.errors]
    assert ("future-date" in codes) is future


def test_site_feeds_and_calendar_agree_late_in_the_evening(hub: Hub) -> None:
    """The build of 23:59 UTC on the 10th is 01:59 on the 11th in Rome: Giulia withdrew
    on the 11th, so nothing of hers is published — pages, feeds, snippets and calendar."""
    hub.write("people/giulia.md", _giulia().replace(
        "  date: 2025-01-15", "  date: 2025-01-15\n  withdrawn: 2025-06-11"))
    hub.config(as_of="2025-06-10T23:59:00+00:00", calendar={"timezone": "Europe/Rome"})
    site = hub.build()
    from trust import output_bytes

    leaking = [name for name, data in output_bytes(site).items()
               if b"Giulia" in data or "giulia" in name]
    assert leaking == []
    assert (site / "stories/index.html").exists()
