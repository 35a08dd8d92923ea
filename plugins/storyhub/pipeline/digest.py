"""``storyhub digest``: the monthly email, written only after the leak scan passed.

The files are made in a temporary folder, scanned for traces of unpublished content (the
same scan as the site: drafts, embargoed and withdrawn stories, unconsented people and
photos), and only then copied to ``out``: a digest that would leak is never written.
Three files: ``digest-<month>-<lang>.html``, its plain-text twin ``.txt`` and ``.eml``, a
ready multipart message (text and HTML) a mail program opens as a draft to send.
"""

from __future__ import annotations

import shutil
import tempfile
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

from storyhub.pipeline.core import Pipeline, UnsafeOutput
from storyhub.pipeline.leaks import scan_site, secrets_of
from storyhub.site.digest import RenderedDigest, parse_month, plan_digest, render_digest


def make_digest(pipeline: Pipeline, month: str, language: str | None = None
                ) -> RenderedDigest:
    """The digest of ``month`` (``YYYY-MM``) for a checked, valid hub."""
    pipeline.require_valid()
    year, number = parse_month(month)
    hub = pipeline.hub
    digest = plan_digest(hub, year, number, language)
    limit = hub.settings.options.digest.max_kb * 1024
    return render_digest(digest, pipeline.settings.overrides, limit)


def email_message(rendered: RenderedDigest) -> bytes:
    """A draft message: subject, plain text and HTML (no sender or recipients: the mail
    program adds them)."""
    message = EmailMessage(policy=SMTP)
    message["Subject"] = rendered.digest.subject
    message["Content-Language"] = rendered.digest.language
    message["X-Unsent"] = "1"  # Outlook and Thunderbird open it as a message to send
    message.set_content(rendered.text)
    message.add_alternative(rendered.html, subtype="html")
    return message.as_bytes()


def write_digest(pipeline: Pipeline, rendered: RenderedDigest, out: Path) -> list[Path]:
    """Write the digest's files into ``out`` once the leak scan found nothing; raise
    :class:`UnsafeOutput` otherwise (nothing written)."""
    stem = rendered.digest.file_stem
    files = {f"{stem}.html": rendered.html.encode("utf-8"),
             f"{stem}.txt": rendered.text.encode("utf-8"),
             f"{stem}.eml": email_message(rendered)}
    with tempfile.TemporaryDirectory(prefix="storyhub-digest-") as folder:
        staging = Path(folder)
        for name, data in files.items():
            (staging / name).write_bytes(data)
        leaks = scan_site(staging, secrets_of(pipeline.hub))
        if leaks:
            raise UnsafeOutput(leaks)
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for name in files:
            shutil.copyfile(staging / name, out / name)
            written.append(out / name)
    return written
