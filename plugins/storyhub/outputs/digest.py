"""``storyhub digest``: the monthly email for inside the company — the month's published
stories with their people and values, the open campaigns, a "tell yours" link — as
``digest-<month>-<lang>.html``, its plain-text twin ``.txt`` and ``.eml``, a ready
multipart message (text and HTML) a mail program opens as a draft to send.

Planned and rendered by :mod:`storyhub.site.digest`; written, like every output of a
command, in a folder beside the one asked for, scanned for traces of unpublished content,
and only then moved in (:meth:`storyhub.pipeline.Pipeline.write_command`).
"""

from __future__ import annotations

from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path
from typing import Any

from storyhub.outputs.base import Build, Output, Target


def make_digest(build: Any, month: str, language: str | None = None) -> Any:
    """The rendered digest of ``month`` (``YYYY-MM``) for a checked, valid hub; raise
    :class:`storyhub.site.digest.DigestError` for a month that is not one."""
    from storyhub.site.digest import parse_month, plan_digest, render_digest

    build.require_valid()
    hub = build.hub
    year, number = parse_month(month)
    digest = plan_digest(hub, year, number, language)
    limit = hub.settings.options.digest.max_kb * 1024
    return render_digest(digest, build.settings.overrides, limit)


def email_message(rendered: Any) -> bytes:
    """A draft message: subject, plain text and HTML (no sender or recipients: the mail
    program adds them)."""
    message = EmailMessage(policy=SMTP)
    message["Subject"] = rendered.digest.subject
    message["Content-Language"] = rendered.digest.language
    message["X-Unsent"] = "1"  # Outlook and Thunderbird open it as a message to send
    message.set_content(rendered.text)
    message.add_alternative(rendered.html, subtype="html")
    return message.as_bytes()


def _write(build: Build, target: Target) -> list[Path]:
    rendered = target.request["rendered"]
    stem = rendered.digest.file_stem
    files = {f"{stem}.html": rendered.html.encode("utf-8"),
             f"{stem}.txt": rendered.text.encode("utf-8"),
             f"{stem}.eml": email_message(rendered)}
    target.site_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in files.items():
        (target.site_dir / name).write_bytes(data)
        written.append(target.site_dir / name)
    return written


OUTPUT = Output(
    "digest",
    reads=("the month's published stories, their people and values", "open campaigns",
           "digest options (tell_url, max_kb)"),
    writes=("digest-<month>-<lang>.html", "digest-<month>-<lang>.txt",
            "digest-<month>-<lang>.eml"),
    write=_write,
    commands=frozenset({"digest"}),
)
