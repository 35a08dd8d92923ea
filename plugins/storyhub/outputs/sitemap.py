"""The sitemap's language alternates: every translated story and, on a site in several
languages, every home page, with its other versions (``xhtml:link hreflang``)."""

from __future__ import annotations

from pathlib import Path

from storyhub.outputs.base import Build, Output, Target


def _write(build: Build, target: Target) -> list[Path]:
    from storyhub.site import sitemap
    from storyhub.site.meta import story_alternates
    from storyhub.text.urls import absolute

    hub = build.hub
    alternates = {absolute(build.settings.site_url or "", s.url): story_alternates(hub, s)
                  for s in hub.stories if s.id in hub.translations}
    homes = build.view.home_alternates()  # a site in several languages: a home per language
    alternates.update({url: homes for code, url in homes if code != "x-default"})
    if sitemap.rewrite(target.site_dir, alternates):
        return [target.site_dir / "sitemap.xml"]
    return []


OUTPUT = Output(
    "sitemap",
    reads=("translations of published stories", "the site's languages", "site_url"),
    writes=("sitemap.xml", "sitemap.xml.gz"),
    write=_write,
)
