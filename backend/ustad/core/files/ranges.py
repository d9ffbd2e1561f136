"""HTTP byte ranges (RFC 9110 §14): what a browser asks for when it seeks in a video.

One range per request is served; a request for several gets the whole file, which the RFC allows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SPEC = re.compile(r"^(\d*)-(\d*)$")


class RangeNotSatisfiableError(Exception):
    pass


@dataclass(frozen=True)
class ByteRange:
    start: int
    end: int  # inclusive

    @property
    def length(self) -> int:
        return self.end - self.start + 1

    def content_range(self, size: int) -> str:
        return f"bytes {self.start}-{self.end}/{size}"


def parse_range(header: str | None, size: int) -> ByteRange | None:
    """The range a `Range` header asks for within `size` bytes; None to send the whole file.

    Raises RangeNotSatisfiableError (answer 416) when the range lies wholly past the end. Headers we do not
    understand (other units, bad syntax, several ranges) are ignored, as the RFC allows.
    """
    if not header:
        return None
    unit, _, spec = header.strip().partition("=")
    if unit.strip().lower() != "bytes" or "," in spec:
        return None
    match = _SPEC.match(spec.strip())
    if not match or match.group(0) == "-":
        return None
    first, last = match.groups()
    if not first:  # suffix: the last N bytes
        suffix = int(last)
        if suffix == 0 or size == 0:
            raise RangeNotSatisfiableError
        return ByteRange(max(0, size - suffix), size - 1)
    start = int(first)
    if last and int(last) < start:
        return None
    if start >= size:
        raise RangeNotSatisfiableError
    return ByteRange(start, min(int(last), size - 1) if last else size - 1)
