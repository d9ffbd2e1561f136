"""Excalidraw's merge rule, as a pure function the board service and its tests share.

Two copies of one element are ordered by `version`, then by the lower `versionNonce` (Excalidraw's
deterministic tie-break), so every client and the server agree whatever order updates arrive in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple


class Stamp(NamedTuple):
    version: int
    nonce: int


def stamp_of(element: Mapping[str, Any]) -> Stamp:
    return Stamp(int(element["version"]), int(element["versionNonce"]))


def newer(incoming: Stamp, held: Stamp | None) -> bool:
    """Whether the incoming copy replaces the held one: a higher version, or the same version and a lower nonce."""
    if held is None:
        return True
    return incoming.version > held.version or (incoming.version == held.version and incoming.nonce < held.nonce)


def merge_elements(held: Mapping[str, Stamp], incoming: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The incoming elements that win over what is held (one per id, the winner within the batch too)."""
    winners: dict[str, Mapping[str, Any]] = {}
    for element in incoming:
        element_id = element["id"]
        best = winners.get(element_id)
        rival = stamp_of(best) if best is not None else held.get(element_id)
        if newer(stamp_of(element), rival):
            winners[element_id] = element
    return list(winners.values())


def scene_version(stamps: Iterable[Stamp]) -> int:
    """Excalidraw's `getSceneVersion`: the sum of every element's version, deleted ones included."""
    return sum(stamp.version for stamp in stamps)
