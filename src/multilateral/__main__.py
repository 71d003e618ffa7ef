"""``python -m multilateral``: the ``multilateral`` console command (:func:`multilateral.cli.main`).

Examples
--------
``python -m multilateral --version`` prints ``multilateral 0.1.0``;
``python -m multilateral tour`` runs the tour.
"""

from __future__ import annotations

from .cli import main

if __name__ == "__main__":
    raise SystemExit(main())
