"""Problems found in content and configuration, as ``path:line:col: message``, and the
formats they are printed in (text, GitHub annotations, JSON)."""

from storyhub.diagnostics.core import (
    Diagnostic,
    Diagnostics,
    Severity,
    did_you_mean,
    suggestion,
)

__all__ = ["Diagnostic", "Diagnostics", "Severity", "did_you_mean", "suggestion"]
