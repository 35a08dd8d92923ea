"""One build of a hub: the steps every engine and command share (see :mod:`.core`)."""

from storyhub.pipeline.core import (
    ContentErrors,
    InvalidOptions,
    Pipeline,
    PlannedFile,
    UnsafeOutput,
)

__all__ = ["ContentErrors", "InvalidOptions", "Pipeline", "PlannedFile", "UnsafeOutput"]
