"""``python -m multilateral.cli``: the same as the ``multilateral`` command."""

from __future__ import annotations

from . import main

if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
