"""Placeholder: replaced by the Robinson-Goforth implementation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class RobinsonGoforthClass:
    """Placeholder."""

    name: str


def classify_ordinal(row: Any, col: Any) -> RobinsonGoforthClass:
    raise NotImplementedError
