"""Excalidraw's merge rule: higher version wins, then the lower nonce; any order of updates converges."""

from __future__ import annotations

import itertools
from typing import Any

from ustad.classroom.services.board_merge import Stamp, merge_elements, newer, scene_version, stamp_of


def element(element_id: str, version: int, nonce: int, **extra: Any) -> dict[str, Any]:
    return {"id": element_id, "type": "rectangle", "version": version, "versionNonce": nonce, **extra}


def apply(held: dict[str, dict[str, Any]], incoming: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    stamps = {key: stamp_of(value) for key, value in held.items()}
    return {**held, **{winner["id"]: winner for winner in merge_elements(stamps, incoming)}}


def test_a_higher_version_wins_and_a_lower_one_is_ignored():
    held = {"a": Stamp(3, 50)}
    assert merge_elements(held, [element("a", 4, 99)]) == [element("a", 4, 99)]
    assert merge_elements(held, [element("a", 2, 1)]) == []


def test_equal_versions_break_the_tie_by_the_lower_nonce():
    assert newer(Stamp(3, 10), Stamp(3, 50)) is True
    assert newer(Stamp(3, 50), Stamp(3, 10)) is False
    assert newer(Stamp(3, 10), Stamp(3, 10)) is False  # the same copy: nothing to do


def test_new_elements_are_added_and_deletions_merge_like_any_update():
    held = {"a": Stamp(1, 5)}
    deleted = element("a", 2, 7, isDeleted=True)
    assert merge_elements(held, [element("b", 1, 3), deleted]) == [element("b", 1, 3), deleted]


def test_within_one_batch_only_the_winning_copy_of_an_id_counts():
    batch = [element("a", 2, 9), element("a", 3, 40), element("a", 3, 20), element("a", 1, 0)]
    assert merge_elements({}, batch) == [element("a", 3, 20)]


def test_merging_is_idempotent():
    once = apply({}, [element("a", 2, 5), element("b", 1, 1)])
    assert apply(once, list(once.values())) == once


def test_every_order_of_updates_converges_on_the_same_scene():
    updates = [[element("a", 1, 10)], [element("a", 2, 30), element("b", 1, 4)], [element("a", 2, 20)],
               [element("b", 2, 8, isDeleted=True)], [element("c", 5, -3)]]
    results = set()
    for order in itertools.permutations(updates):
        scene: dict[str, dict[str, Any]] = {}
        for update in order:
            scene = apply(scene, update)
        results.add(tuple(sorted((key, value["version"], value["versionNonce"]) for key, value in scene.items())))
    assert results == {(("a", 2, 20), ("b", 2, 8), ("c", 5, -3))}


def test_scene_version_sums_every_version_deleted_ones_included():
    assert scene_version([Stamp(3, 1), Stamp(2, 9)]) == 5
    assert scene_version([]) == 0
