"""The doctor's unit of report: one named check, passed or failed, with a detail for the admin."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Check:
    """One line of the doctor's table: what was checked, whether it passed, and why."""

    name: str
    ok: bool
    detail: str
