"""Reading a file to import: each entry's payload must be a request its kind can send."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.core.services import ExportUnreadable, read_export

from ....support.exports import exported_entry

REWARD = exported_entry()


def export_of(tmp_path: Path, *entries: dict[str, Any]) -> Path:
    path = tmp_path / "in.json"
    document = {"format": "stamps-pos outbox export", "version": 1, "entries": list(entries)}
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "payload",
    [
        {"a": {"b": [1]}},  # nothing a reward needs
        {"user": "m1@contoh.co.id", "reward": "one", "store": 7},
        {"user": "m1@contoh.co.id", "reward": 1, "store": 7, "pin_request": "x"},
    ],
)
def test_a_payload_its_kind_cannot_send_is_refused(tmp_path: Path, payload: Any) -> None:
    # Imported, it stayed "Accepted offline — will sync" for ever, each attempt refused before
    # it left as an invalid request.
    with pytest.raises(ExportUnreadable, match="its payload is not a reward the till can send"):
        read_export(export_of(tmp_path, {**REWARD, "payload": payload}))


def test_a_payload_its_kind_can_send_is_read(tmp_path: Path) -> None:
    [entry] = read_export(export_of(tmp_path, REWARD))
    assert entry.values["payload"] == REWARD["payload"]


def test_a_cancel_waiting_for_its_redemption_s_server_id_is_read(tmp_path: Path) -> None:
    # A cancel queued behind a redemption not yet confirmed gets the server id when it is sent.
    cancel = {
        **REWARD,
        "id": "01a22c17-05e4-7955-a363-5020063cb489",
        "kind": "cancel",
        "payload": {"id": None, "create_replacement_voucher": False},
        "cancels": REWARD["id"],
    }
    assert [e.id for e in read_export(export_of(tmp_path, REWARD, cancel))] == [
        REWARD["id"],
        cancel["id"],
    ]
