"""Helpers shared by the strategy modules (public names in a private module)."""

from __future__ import annotations

from typing import TypeVar

from hypothesis import strategies as st

__all__ = ["as_strategy"]

T = TypeVar("T")


def as_strategy(value: T | st.SearchStrategy[T]) -> st.SearchStrategy[T]:
    """``value`` itself if it is a strategy, else the strategy that always gives ``value``."""
    return value if isinstance(value, st.SearchStrategy) else st.just(value)

