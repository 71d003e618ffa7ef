"""The on-disk store of a sweep: SQLite, one durable transaction per finished chunk."""

from __future__ import annotations

import json
import os
import re
import sqlite3
from datetime import UTC, datetime
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ..errors import InvalidArgumentError, InvalidTypeError
from ._grid import decode_spec
from ._run import Row

FORMAT = "multilateral-sweep/1"
DEFAULT_STORE_DIR = ".multilateral-sweeps"


# -- the store ------------------------------------------------------------------------------------
def store_path(store: Any, label: str, digest: str) -> Path | None:
    if store is False:
        return None
    if store is True or not (store is None or isinstance(store, (str, os.PathLike))):
        raise InvalidTypeError(
            f"store must be a path, None (the default store) or False (memory), got {store!r}")
    filename = f"{re.sub(r'[^A-Za-z0-9_.-]+', '_', label)}-{digest[:16]}.sqlite"
    if store is None:
        return Path.cwd() / DEFAULT_STORE_DIR / filename
    path = Path(store)
    return path / filename if path.is_dir() else path


class Store:
    """The SQLite store: one row per finished task, written one transaction per chunk."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.con = sqlite3.connect(":memory:" if path is None else str(path),
                                       isolation_level=None, timeout=60)
        except sqlite3.Error as err:
            raise InvalidArgumentError(f"cannot open the sweep store {path}: {err}") from None

    def close(self) -> None:
        self.con.close()

    def _refuse(self, why: str) -> InvalidArgumentError:
        return InvalidArgumentError(
            f"the store {self.path} {why}. It was left untouched: give another store= path, "
            "or delete the file to start over"
        )

    def attach(self, identity: dict[str, Any], ident_json: str, n_tasks: int) -> None:
        """Create the store, or check that it holds this very sweep (before any write)."""
        try:
            tables = {r[0] for r in self.con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.DatabaseError as err:
            raise self._refuse(f"is not a sweep store ({err})") from None
        if tables and "meta" not in tables:
            raise self._refuse("is an SQLite database but not a sweep store")
        if self.path is not None:
            self.con.execute("PRAGMA journal_mode = WAL")
            self.con.execute("PRAGMA synchronous = FULL")
        if not tables:
            self.con.execute("BEGIN IMMEDIATE")
            try:
                exists = self.con.execute(
                    "SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone()
                if not exists:  # nobody created it meanwhile
                    for stmt in _SCHEMA:
                        self.con.execute(stmt)
                    self.con.executemany(
                        "INSERT INTO meta (key, value) VALUES (?, ?)",
                        [("format", FORMAT), ("identity", ident_json),
                         ("n_tasks", str(n_tasks)),
                         ("created", datetime.now(UTC).isoformat(timespec="seconds"))])
                self.con.execute("COMMIT")
            except BaseException:
                self.con.execute("ROLLBACK")
                raise
        meta = dict(self.con.execute("SELECT key, value FROM meta"))
        if meta.get("format") != FORMAT:
            raise self._refuse(f"has format {meta.get('format')!r}, not {FORMAT!r}")
        if meta.get("identity") != ident_json:
            old = json.loads(meta["identity"])
            raise self._refuse("holds a different sweep (" + _differences(old, identity) + ")")

    def output_names(self) -> tuple[str, ...] | None:
        row = self.con.execute("SELECT outputs FROM results LIMIT 1").fetchone()
        return None if row is None else tuple(json.loads(row[0]))

    def done_mask(self, n_tasks: int) -> NDArray[np.bool_]:
        mask = np.zeros(n_tasks, dtype=bool)
        tasks = np.array([r[0] for r in self.con.execute("SELECT task FROM results")],
                         dtype=np.intp)
        mask[tasks] = True
        return mask

    def new_run(self, backend: str, n_todo: int) -> int:
        cur = self.con.execute(
            "INSERT INTO runs (started, backend, pid, n_todo) VALUES (?, ?, ?, ?)",
            (datetime.now(UTC).isoformat(timespec="seconds"), backend, os.getpid(), n_todo))
        return int(cur.lastrowid or 0)

    def commit(self, rows: list[Row], run: int) -> None:
        data = [(task, seed, json.dumps({k: _encode_output(v) for k, v in out.items()}), run)
                for task, seed, out in rows]
        self.con.execute("BEGIN IMMEDIATE")
        try:
            self.con.executemany(
                "INSERT OR IGNORE INTO results (task, seed, outputs, run) VALUES (?, ?, ?, ?)",
                data)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def load(self, n_tasks: int) -> list[tuple[int, int | None, str]]:
        rows = self.con.execute("SELECT task, seed, outputs FROM results ORDER BY task").fetchall()
        if len(rows) != n_tasks or (rows and rows[-1][0] != n_tasks - 1):
            raise InvalidArgumentError(  # pragma: no cover - only if the file was edited
                f"the store {self.path} has {len(rows)} results for {n_tasks} tasks")
        return rows


_SCHEMA = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE runs (run INTEGER PRIMARY KEY AUTOINCREMENT, started TEXT, backend TEXT, "
    "pid INTEGER, n_todo INTEGER)",
    "CREATE TABLE results (task INTEGER PRIMARY KEY, seed INTEGER, outputs TEXT NOT NULL, "
    "run INTEGER NOT NULL REFERENCES runs (run))",
)


def _differences(old: dict[str, Any], new: dict[str, Any]) -> str:
    parts = []
    before, after = str(old.get("target")), str(new.get("target"))
    if before != after and before.split("#")[0] == after.split("#")[0]:
        parts.append(f"the code of the target {before.split('#')[0]} changed")
    elif before != after:
        parts.append(f"target: stored {_short(before)}, now {_short(after)}")
    for key in ("repeats", "seed", "sample", "points"):
        if old.get(key) != new.get(key):
            parts.append(f"{key}: stored {_short(old.get(key))}, now {_short(new.get(key))}")
    old_grid = {e[0]: e[1:] for e in old.get("grid", [])}
    new_grid = {e[0]: e[1:] for e in new.get("grid", [])}
    if list(old_grid) != list(new_grid):
        parts.append(f"grid parameters: stored {list(old_grid)}, now {list(new_grid)}")
    for name in old_grid:
        if name in new_grid and old_grid[name] != new_grid[name]:
            parts.append(f"grid[{name!r}]: stored {_short(decode_spec(old_grid[name]))}, "
                         f"now {_short(decode_spec(new_grid[name]))}")
    return "; ".join(parts) or "changed identity"


def _short(v: Any, limit: int = 80) -> str:
    text = repr(v)
    return text if len(text) <= limit else text[:limit - 3] + "..."


def _encode_output(v: bool | int | float | Fraction) -> Any:
    """JSON for one output: exact rationals (and ints beyond int64) as text."""
    if isinstance(v, Fraction) or (isinstance(v, int) and not isinstance(v, bool)
                                   and not -(2**63) <= v < 2**63):
        return str(v)
    return v
