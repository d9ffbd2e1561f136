"""CSV exports that spreadsheet programs open safely."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any


def csv_safe(value: str) -> str:
    """Stop spreadsheet programs from running a cell that starts like a formula (a name like "=SUM(…)")."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def csv_text(*, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """A whole CSV document; text cells are made formula-safe."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([csv_safe(cell) for cell in header])
    for row in rows:
        writer.writerow([csv_safe(cell) if isinstance(cell, str) else cell for cell in row])
    return out.getvalue()
