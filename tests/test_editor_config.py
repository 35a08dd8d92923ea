"""The web editor's configuration is generated from the content models, current, and
shipped in the site with the pinned Decap CMS bundle; files the editor writes pass
`storyhub check` and keep their fields."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO, Hub
from storyhub.content import model
from storyhub.content.load import load_content
from storyhub.editor import config as editor_config
from storyhub.editor import labels
from storyhub.editor.site import PROXY_ENV, VENDOR, editor_settings, vendor_manifest
from storyhub.options.model import EditorOptions

FILES = Path(__file__).parent / "editor_files"
MODELS = {"story": model.Story, "person": model.Person, "value": model.Value,
          "campaign": model.Campaign}


def generated(**settings: Any) -> dict[str, Any]:
    return editor_config.editor_config(editor_config.EditorSettings(**settings))


def collection_fields(config: dict[str, Any], kind: str) -> dict[str, dict[str, Any]]:
    collections = {c["name"]: c for c in config["collections"]}
    if kind in ("value", "campaign"):
        fields = collections[kind + "s"]["files"][0]["fields"][0]["fields"]
    else:
        fields = collections["stories" if kind == "story" else "people"]["fields"]
    return {f["name"]: f for f in fields}


def test_the_repository_editor_config_is_current() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "storyhub.cli", "editor", "config", "--check",
         "--out", "schemas/editor-config.yml"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, (
        f"{result.stdout}{result.stderr}\nrun: storyhub editor config --out "
        "schemas/editor-config.yml")


def test_editor_config_check_reports_a_stale_file(example_hub: Hub) -> None:
    example_hub.write("schemas/editor-config.yml", "collections: []\n")
    result = example_hub.storyhub("editor", "config", "--check")
    assert result.returncode == 1
    assert "schemas/editor-config.yml: out of date" in result.stdout
    assert example_hub.storyhub("editor", "config").returncode == 0
    assert example_hub.storyhub("editor", "config", "--check").returncode == 0


@pytest.mark.parametrize("kind", sorted(MODELS))
def test_every_model_field_is_in_the_form(kind: str) -> None:
    fields = collection_fields(generated(people=[("giulia", "Giulia Ferri")]), kind)
    for name, info in MODELS[kind].model_fields.items():
        key = f"{kind}.{name}"
        if key in editor_config.SKIPPED:
            assert name not in fields
            continue
        assert name in fields, f"{key} is missing from the editor"
        if info.annotation is not bool:  # booleans always carry a value
            assert fields[name]["required"] is info.is_required(), key
    assert list(fields)[: len(MODELS[kind].model_fields) - 1] == [
        n for n in MODELS[kind].model_fields if f"{kind}.{n}" not in editor_config.SKIPPED
    ][: len(MODELS[kind].model_fields) - 1]


def test_sign_off_is_a_date_per_person_and_campaign_a_relation() -> None:
    """Decap has no widget for free keys: ``sign_off: {person-id: date}`` is a group with an
    optional date per person of the hub (none known: no field); the campaign is picked
    from campaigns.yml."""
    assert "sign_off" not in collection_fields(generated(), "story")
    config = generated(people=[("giulia", "Giulia Ferri"), ("marco", "Marco Bianchi")])
    story = collection_fields(config, "story")
    sign_off = story["sign_off"]
    assert sign_off["widget"] == "object" and sign_off["required"] is False
    assert [(f["name"], f["label"], f["widget"], f["format"], f["required"])
            for f in sign_off["fields"]] == [
        ("giulia", "Giulia Ferri", "datetime", "YYYY-MM-DD", False),
        ("marco", "Marco Bianchi", "datetime", "YYYY-MM-DD", False)]
    hostile = collection_fields(generated(people=[("x", 'X"><script>alert(1)</script>')]),
                                "story")["sign_off"]["fields"][0]["label"]
    assert "<" not in hostile and ">" not in hostile  # admin/config.yml is public
    assert story["campaign"]["widget"] == "relation"
    assert story["campaign"]["value_field"] == "campaigns.*.id"
    campaigns = next(c for c in config["collections"] if c["name"] == "campaigns")
    assert campaigns["files"][0]["file"] == "campaigns.yml"
    fields = collection_fields(config, "campaign")
    assert fields["values"]["collection"] == "values" and fields["values"]["multiple"]
    assert fields["target"]["widget"] == "number" and fields["target"]["min"] == 1
    assert fields["opens"]["format"] == "YYYY-MM-DD"


def test_both_catalogues_have_the_same_words() -> None:
    assert set(labels.catalogue("en")) == set(labels.catalogue("it"))
    assert set(labels.page_words("en")) == set(labels.page_words("it"))
    assert labels.catalogue("it")["story.title"][0] == "Titolo"
    assert labels.page_words("it-IT")["noscript"] == "L'editor ha bisogno di JavaScript."
    assert labels.catalogue("fr") == labels.catalogue("en")  # no catalogue: English
    english = yaml.safe_dump(generated(language="en"), allow_unicode=True)
    italian = generated(language="it")
    assert italian["locale"] == "it"
    story = collection_fields(italian, "story")
    assert story["title"]["label"] == "Titolo" and story["people"]["label"] == "Persone"
    assert collection_fields(italian, "person")["consent"]["label"] == "Consenso"
    assert "Titolo" not in english


def test_dates_relations_and_consent_are_fields_storyhub_accepts() -> None:
    config = generated()
    story = collection_fields(config, "story")
    assert story["date"]["widget"] == "datetime"
    assert story["date"]["format"] == "YYYY-MM-DD" and story["date"]["time_format"] is False
    assert story["publish_at"]["format"] == "YYYY-MM-DDTHH:mm:ssZ"  # always with its zone
    assert story["people"].items() >= {"widget": "relation", "collection": "people",
                                       "value_field": "{{slug}}", "multiple": True}.items()
    assert story["values"].items() >= {"widget": "relation", "collection": "values",
                                       "file": "values", "value_field": "values.*.id"}.items()
    assert story["author"]["multiple"] is False
    assert story["image"]["widget"] == "image"
    stories = config["collections"][0]
    assert stories["path"] == "{{year}}-{{month}}-{{day}}-{{slug}}/index"
    assert stories["media_folder"] == "" and stories["public_folder"] == ""
    person = collection_fields(config, "person")
    consent = {f["name"]: f for f in person["consent"]["fields"]}
    assert person["consent"]["required"] is True
    for use in ("name", "photo", "quotes", "social"):
        assert consent[use]["widget"] == "boolean" and consent[use]["default"] is False
    assert consent["date"]["required"] is True and consent["withdrawn"]["required"] is False
    assert config["slug"]["encoding"] == "ascii" and config["slug"]["clean_accents"] is True


def test_backend_comes_from_mkdocs_settings() -> None:
    assert editor_config.backend_from("https://github.com/acme/hub", {}) == {
        "name": "github", "repo": "acme/hub", "branch": "main"}
    gitlab = editor_config.backend_from("https://gitlab.example.org/team/hub.git",
                                        {"app_id": "x", "auth_type": "pkce"})
    assert gitlab["name"] == "gitlab" and gitlab["repo"] == "team/hub"
    assert gitlab["api_root"] == "https://gitlab.example.org/api/v4"
    assert gitlab["app_id"] == "x"
    production = generated(backend={"repo": "acme/hub"})
    assert production["publish_mode"] == "editorial_workflow"
    assert "local_backend" not in production


def test_serving_points_the_editor_at_the_local_proxy(monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path: Path) -> None:
    monkeypatch.setenv(PROXY_ENV, "http://127.0.0.1:9999/api/v1")
    settings = editor_settings(language="en", repo_url=None, site_url=None,
                               config_dir=tmp_path, content_root=tmp_path / "content",
                               options=EditorOptions(), serving=True)
    config = editor_config.editor_config(settings)
    assert config["local_backend"]["url"] == "http://127.0.0.1:9999/api/v1"
    assert "publish_mode" not in config  # decap-server's files mode saves directly
    assert config["collections"][0]["folder"] == "content/stories"
    assert config["collections"][2]["files"][0]["file"] == "content/values.yml"


def test_the_site_ships_the_editor_with_its_pinned_bundle(hub: Hub) -> None:
    site = hub.build()
    admin = site / "admin"
    index = (admin / "index.html").read_text(encoding="utf-8")
    assert '<script src="decap-cms/decap-cms.js"></script>' in index
    assert "http" not in index.replace("http-equiv", "")  # nothing from another server
    config = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    assert config["publish_mode"] == "editorial_workflow" and "local_backend" not in config
    body = collection_fields(config, "story")["body"]
    assert "(Craft) When did you slow down?" in body["hint"]  # the values' prompts
    manifest = vendor_manifest()
    assert manifest["version"] == "3.16.3"
    for name, digest in manifest["files"].items():
        assert hashlib.sha256((admin / "decap-cms" / name).read_bytes()).hexdigest() == digest
    assert "MIT License" in (admin / "decap-cms/LICENSE").read_text(encoding="utf-8")
    assert "admin/" not in (site / "sitemap.xml").read_text(encoding="utf-8")


def test_the_bundle_is_package_data() -> None:
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert '"editor/vendor/**/*"' in pyproject and '"editor/*.js"' in pyproject
    assert (VENDOR / "decap-cms.js").stat().st_size > 1_000_000
    assert set(vendor_manifest()["files"]) == {
        p.name for p in VENDOR.iterdir() if p.name != "manifest.json"}


def test_the_editor_can_be_turned_off(hub: Hub) -> None:
    hub.config(editor=False)
    assert not (hub.build() / "admin").exists()


def _by_id(items: list[Any]) -> dict[str, dict[str, Any]]:
    return {item.id: item.model_dump() for item in items}


def test_files_written_by_the_editor_pass_check_and_keep_their_fields(
        example_hub: Hub) -> None:
    root = example_hub.root
    before = load_content(root)
    shutil.copy(FILES / "new-story.md",
                example_hub.write("stories/2026-02-28-l-ultimo-blu/index.md", ""))
    shutil.copy(FILES / "edited-story.md", root / "stories/2024-05-06-thirty-kids-one-wheel"
                / "index.md")
    shutil.copy(FILES / "edited-person.md", root / "people/amira-benali.md")
    shutil.copy(FILES / "values.yml", root / "values.yml")
    checked = example_hub.storyhub("check", "--no-advice")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "error" not in checked.stdout

    after = load_content(root)
    stories_before, stories_after = _by_id(before.stories), _by_id(after.stories)
    edited = stories_after.pop("thirty-kids-one-wheel")
    original = stories_before.pop("thirty-kids-one-wheel")
    assert edited.pop("summary") == original.pop("summary") + " Perché no?"
    assert edited == original
    new = stories_after.pop("l-ultimo-blu")
    assert new["title"] == "L'ultimo «blu» 🇮🇹: 日本語"
    assert new["summary"] == "Title: with colon — and # hash, 'quotes' and \"double\"."
    assert new["people"] == ["amira-benali", "matteo-ricci"] and new["tags"] == [
        "night-shift", "città"]
    assert str(new["date"]) == "2026-02-28" and new["lang"] == "it"
    assert new["publish_at"].isoformat() == "2026-03-01T09:00:00+00:00"
    assert new["image_alt"] is None  # typed, cleared, and dropped before saving
    assert stories_after == stories_before

    people_before, people_after = _by_id(before.people), _by_id(after.people)
    amira = people_after.pop("amira-benali")
    amira_before = people_before.pop("amira-benali")
    assert amira_before["consent"]["photo"] is True and amira["consent"]["photo"] is False
    amira["consent"]["photo"] = True
    assert amira == amira_before
    assert people_after == people_before

    values_before, values_after = _by_id(before.values), _by_id(after.values)
    assert values_after.pop("patience")["name"] == "Slow fire — «pazienza»"
    values_before.pop("patience")
    assert values_after == values_before

    def body(items: list[Any], id_: str) -> str:
        return next(item.body for item in items if item.id == id_)

    # a text that was not touched in the form is saved exactly as it was
    for kind, id_ in (("stories", "thirty-kids-one-wheel"), ("people", "amira-benali")):
        assert body(getattr(after, kind), id_) == body(getattr(before, kind), id_)


def test_prompts_in_the_hint_are_plain_text() -> None:
    """Decap renders hints as Markdown (links, emphasis): a value's prompt stays text."""
    config = generated(prompts=[("Care <b>", "Who [helped](javascript:alert(1)) *you*?")])
    hint = collection_fields(config, "story")["body"]["hint"]
    assert "(Care &lt;b&gt;) Who \\[helped\\]\\(javascript:alert\\(1\\)\\) \\*you\\*?" in hint
