"""The on-disk store of a sweep: SQLite, one durable transaction per finished chunk."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sqlite3
import tempfile
from datetime import UTC, datetime
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ..errors import CorruptStoreError, InvalidArgumentError, InvalidTypeError
from ._grid import decode_spec
from ._run import Row

FORMAT = "multilateral-sweep/2"
OLD_FORMAT = "multilateral-sweep/1"  # no checksums; the code's digest inside the identity
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
    """The SQLite store: one row per finished task, written one transaction per chunk, each
    chunk with the SHA-256 of its rows (verified whenever the store is read)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.existed = path is not None and path.exists() and path.stat().st_size > 0
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.con = sqlite3.connect(":memory:" if path is None else str(path),
                                       isolation_level=None, timeout=60)
        except sqlite3.Error as err:
            raise InvalidArgumentError(f"cannot open the sweep store {path}: {err}") from None

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _refuse(self, why: str) -> InvalidArgumentError:
        return InvalidArgumentError(
            f"the store {self.path} {why}. It was left untouched: give another store= path, "
            "or delete the file to start over"
        )

    def _damaged(self, why: str) -> CorruptStoreError:
        return damaged(self.path, why)

    def attach(self, identity: dict[str, Any], ident_json: str, n_tasks: int, code: str,
               resume: str) -> None:
        """Create the store, or check that it is intact and holds this very sweep (before
        any write)."""
        try:
            tables = {r[0] for r in self.con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.DatabaseError as err:
            if not _mentions_format(self.path):
                raise self._refuse(f"is not a sweep store ({err})") from None
            raise self._damaged(f"is a damaged sweep store: SQLite cannot read it ({err})"
                                ) from None
        if tables and "meta" not in tables:
            raise self._refuse("is an SQLite database but not a sweep store")
        if tables:
            self.check_structure()
            self._check_format()  # before anything is written, even a pragma
        if self.path is not None:
            self.con.execute("PRAGMA journal_mode = WAL")
            self.con.execute("PRAGMA synchronous = FULL")
        if not tables:
            self.con.execute("BEGIN IMMEDIATE")
            try:
                exists = self.con.execute(
                    "SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone()
                if not exists:  # nobody created it meanwhile
                    create(self.con, ident_json, n_tasks, code)
                self.con.execute("COMMIT")
            except BaseException:
                self.con.execute("ROLLBACK")
                raise
        try:
            meta = dict(self.con.execute("SELECT key, value FROM meta"))
        except sqlite3.DatabaseError as err:
            raise self._damaged(f"has an unreadable header table ({err})") from None
        self._check_format()
        if meta.get("checksum") != _meta_checksum(meta):
            raise self._damaged("has a header (the sweep's identity) that fails its checksum")
        if meta.get("identity") != ident_json:
            old = json.loads(meta["identity"])
            raise self._refuse("holds a different sweep (" + _differences(old, identity) + ")")
        self.rows = self.verified()
        if meta.get("code") != code:
            if self.rows and resume != "ignore_code_change":
                raise self._refuse(
                    f"holds {len(self.rows)} of {n_tasks} tasks computed by another version "
                    f"of the target's code (stored version {meta.get('code') or '-'}, now "
                    f"{code or '-'}). To keep them and compute the other tasks with the new "
                    "code, pass resume='ignore_code_change'; to recompute everything, give "
                    "another store= path or delete the file")
            self.con.execute("UPDATE meta SET value = ? WHERE key = 'code'", (code,))

    def _check_format(self) -> None:
        try:
            found = self.con.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
        except sqlite3.DatabaseError as err:
            raise self._damaged(f"has an unreadable header table ({err})") from None
        found = found and found[0]
        if found == OLD_FORMAT:
            raise InvalidArgumentError(
                f"the store {self.path} was written by an older multilateral (format "
                f"{OLD_FORMAT!r}, now {FORMAT!r}) and was left untouched. Its results are "
                f"kept: multilateral.sweeps.migrate_store({str(self.path)!r}) converts it "
                f"(the original is kept as {self.path}.v1), then run the same sweep again")
        if found != FORMAT:
            raise self._refuse(f"has format {found!r}, not {FORMAT!r} (written by another "
                               "version of multilateral?)")

    def check_structure(self) -> None:
        """SQLite's own check of the file's pages and indexes."""
        try:
            found = [r[0] for r in self.con.execute("PRAGMA quick_check(5)")]
        except sqlite3.DatabaseError as err:
            raise self._damaged(f"fails SQLite's integrity check ({err})") from None
        if found != ["ok"]:
            raise self._damaged("fails SQLite's integrity check (" + "; ".join(found) + ")")

    def verified(self) -> dict[int, tuple[int, int | None, str]]:
        """Every stored row by task, after checking each chunk's count and checksum."""
        try:
            chunks = {c: (n, sha) for c, n, sha in self.con.execute(
                "SELECT chunk, n, sha256 FROM chunks")}
            rows = self.con.execute(
                "SELECT chunk, task, seed, outputs FROM results ORDER BY chunk, task").fetchall()
        except sqlite3.DatabaseError as err:
            raise self._damaged(f"cannot be read ({err})") from None
        grouped: dict[int, list[tuple[int, int | None, str]]] = {}
        for chunk, task, seed, outputs in rows:
            grouped.setdefault(chunk, []).append((task, seed, outputs))
        bad = sorted(set(grouped) - set(chunks))
        bad += sorted(c for c, (n, sha) in chunks.items()
                      if len(grouped.get(c, ())) != n or chunk_checksum(grouped.get(c, [])) != sha)
        if bad:
            raise self._damaged(
                f"has {len(bad)} chunk(s) whose results fail their checksum (chunks "
                f"{_short(bad)})")
        out = {r[0]: r for rs in grouped.values() for r in rs}
        return out

    def done_mask(self, n_tasks: int) -> NDArray[np.bool_]:
        mask = np.zeros(n_tasks, dtype=bool)
        tasks = np.array([t for t in self.rows if 0 <= t < n_tasks], dtype=np.intp)
        mask[tasks] = True
        return mask

    def output_names(self) -> tuple[str, ...] | None:
        for row in self.rows.values():
            return tuple(json.loads(row[2]))
        return None

    def new_run(self, backend: str, n_todo: int, code: str) -> int:
        cur = self.con.execute(
            "INSERT INTO runs (started, backend, pid, n_todo, code) VALUES (?, ?, ?, ?, ?)",
            (datetime.now(UTC).isoformat(timespec="seconds"), backend, os.getpid(), n_todo,
             code))
        return int(cur.lastrowid or 0)

    def commit(self, rows: list[Row], run: int) -> None:
        data = [(task, seed, json.dumps({k: _encode_output(v) for k, v in out.items()}))
                for task, seed, out in rows]
        self.con.execute("BEGIN IMMEDIATE")
        try:
            insert_chunk(self.con, data, run)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def load(self, n_tasks: int) -> list[tuple[int, int | None, str]]:
        rows = self.verified()
        if len(rows) != n_tasks or (rows and max(rows) != n_tasks - 1):
            raise self._damaged(f"has {len(rows)} results for {n_tasks} tasks")
        return [rows[t] for t in range(n_tasks)]


def _mentions_format(path: Path | None) -> bool:
    """Whether the file holds the store format's name (it is a sweep store, damaged)."""
    if path is None:
        return False
    tag, tail = FORMAT.split("/")[0].encode(), b""
    with open(path, "rb") as f:
        while block := f.read(1 << 20):
            if tag in tail + block:
                return True
            tail = block[-len(tag):]
    return False


def damaged(path: Path | None, why: str) -> CorruptStoreError:
    return CorruptStoreError(
        f"the sweep store {path} {why}, so it is not used (nothing was written to it). "
        f"multilateral.sweeps.salvage_store({str(path)!r}) keeps it as "
        f"{path}.damaged and writes every chunk whose checksum verifies to a new store "
        "in its place: then run the same sweep again to compute only the lost tasks. Or "
        "delete the file to start over"
    )


def create(con: sqlite3.Connection, ident_json: str, n_tasks: int, code: str) -> None:
    for stmt in _SCHEMA:
        con.execute(stmt)
    meta = {"format": FORMAT, "identity": ident_json, "n_tasks": str(n_tasks), "code": code,
            "created": datetime.now(UTC).isoformat(timespec="seconds")}
    meta["checksum"] = _meta_checksum(meta)
    con.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", list(meta.items()))


def insert_chunk(con: sqlite3.Connection, data: list[tuple[int, int | None, str]],
                 run: int, sha: str | None = None) -> None:
    """Insert the rows not already stored (a concurrent run may have stored some) as one
    chunk with its checksum; inside the caller's transaction."""
    tasks = [d[0] for d in data]
    have: set[int] = set()
    for i in range(0, len(tasks), 500):
        part = tasks[i:i + 500]
        have.update(r[0] for r in con.execute(
            f"SELECT task FROM results WHERE task IN ({', '.join('?' * len(part))})", part))
    data = sorted(d for d in data if d[0] not in have)
    if not data:
        return
    cur = con.execute("INSERT INTO chunks (run, n, sha256) VALUES (?, ?, ?)",
                      (run, len(data), chunk_checksum(data)))
    chunk = int(cur.lastrowid or 0)
    con.executemany("INSERT INTO results (task, seed, outputs, chunk) VALUES (?, ?, ?, ?)",
                    [(*d, chunk) for d in data])


def chunk_checksum(rows: list[tuple[int, int | None, str]]) -> str:
    """SHA-256 of a chunk's rows ``(task, seed, outputs)``, in task order."""
    text = json.dumps(sorted([list(r) for r in rows]), separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def _meta_checksum(meta: dict[str, str]) -> str:
    text = json.dumps([meta.get("format"), meta.get("identity"), meta.get("n_tasks")])
    return hashlib.sha256(text.encode()).hexdigest()


_SCHEMA = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE runs (run INTEGER PRIMARY KEY AUTOINCREMENT, started TEXT, backend TEXT, "
    "pid INTEGER, n_todo INTEGER, code TEXT)",
    "CREATE TABLE chunks (chunk INTEGER PRIMARY KEY AUTOINCREMENT, "
    "run INTEGER NOT NULL REFERENCES runs (run), n INTEGER NOT NULL, sha256 TEXT NOT NULL)",
    "CREATE TABLE results (task INTEGER PRIMARY KEY, seed INTEGER, outputs TEXT NOT NULL, "
    "chunk INTEGER NOT NULL REFERENCES chunks (chunk))",
    "CREATE INDEX results_chunk ON results (chunk)",
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
    if type(v) is float or type(v) is bool:
        return v
    if isinstance(v, Fraction) or (isinstance(v, int) and not isinstance(v, bool)
                                   and not -(2**63) <= v < 2**63):
        return str(v)
    return v


# -- salvage --------------------------------------------------------------------------------------
def _readable_rows(con: sqlite3.Connection, n_tasks: int
                   ) -> dict[int, list[tuple[int, int | None, str]]]:
    """The results that can be read, by chunk: all at once, else one task at a time."""
    grouped: dict[int, list[tuple[int, int | None, str]]] = {}
    try:
        rows = con.execute("SELECT task, seed, outputs, chunk FROM results").fetchall()
    except sqlite3.DatabaseError:
        rows = []
        for task in range(n_tasks):
            try:
                rows += con.execute("SELECT task, seed, outputs, chunk FROM results "
                                    "WHERE task = ?", (task,)).fetchall()
            except sqlite3.DatabaseError:
                continue
    for task, seed, outputs, chunk in rows:
        grouped.setdefault(chunk, []).append((task, seed, outputs))
    return grouped


def _mend_header(path: Path, template: Path) -> None:
    """Replace the 100-byte SQLite header of ``path`` by that of a new store (same page
    size, encoding and schema format), with the page count taken from the file's size."""
    con = sqlite3.connect(str(template), isolation_level=None)
    try:
        create(con, "{}", 0, "")
    finally:
        con.close()
    header = bytearray(template.read_bytes()[:100])
    page = int.from_bytes(header[16:18], "big")
    page = 65536 if page == 1 else page
    header[28:32] = (path.stat().st_size // page).to_bytes(4, "big")
    header[32:40] = bytes(8)  # no free-list: it is not needed for reading
    header[92:96] = header[24:28]  # the page count above is valid
    with open(path, "r+b") as f:
        f.write(header)


def salvage(path: Path, out: Path | None) -> tuple[Path, int, int]:
    """Copy the chunks of a damaged store whose checksums verify into a new store; return
    its path, the number of tasks kept and the number of chunks lost."""
    if not path.is_file():
        raise InvalidArgumentError(f"there is no sweep store at {path}")
    dest = path if out is None else out
    if out is not None and out.exists():
        raise InvalidArgumentError(f"{out} exists: give salvage_store a new out= path")
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "damaged.sqlite"
        shutil.copyfile(path, copy)  # read a copy: the damaged file is never written
        for side in ("-wal",):
            if Path(f"{path}{side}").exists():
                shutil.copyfile(f"{path}{side}", f"{copy}{side}")
        con = sqlite3.connect(str(copy), isolation_level=None)
        try:
            try:
                try:
                    meta = dict(con.execute("SELECT key, value FROM meta"))
                except sqlite3.DatabaseError:  # perhaps only the file's header is damaged
                    con.close()
                    _mend_header(copy, Path(tmp) / "template.sqlite")
                    con = sqlite3.connect(str(copy), isolation_level=None)
                    meta = dict(con.execute("SELECT key, value FROM meta"))
            except sqlite3.DatabaseError as err:
                raise CorruptStoreError(
                    f"nothing can be salvaged from {path}: its header table, which says "
                    f"which sweep it holds, cannot be read ({err}). Delete it to start over"
                ) from None
            if meta.get("format") != FORMAT or meta.get("checksum") != _meta_checksum(meta):
                raise CorruptStoreError(
                    f"nothing can be salvaged from {path}: its header (which sweep it "
                    "holds) is damaged or of another format. Delete it to start over")
            try:
                chunks = con.execute("SELECT chunk, n, sha256 FROM chunks").fetchall()
            except sqlite3.DatabaseError:
                chunks = []
            grouped = _readable_rows(con, int(meta["n_tasks"]))
            kept = [grouped[c] for c, n, sha in chunks
                    if len(grouped.get(c, ())) == n and chunk_checksum(grouped[c]) == sha]
        finally:
            con.close()
        new = Path(tmp) / "salvaged.sqlite"
        con = sqlite3.connect(str(new), isolation_level=None)
        try:
            con.execute("BEGIN")
            create(con, meta["identity"], int(meta["n_tasks"]), meta.get("code", ""))
            run = con.execute(
                "INSERT INTO runs (started, backend, pid, n_todo, code) VALUES (?, ?, ?, ?, ?)",
                (datetime.now(UTC).isoformat(timespec="seconds"), "salvage", os.getpid(), 0,
                 meta.get("code", ""))).lastrowid
            for rows in kept:
                insert_chunk(con, rows, int(run or 0))
            con.execute("COMMIT")
        finally:
            con.close()
        if out is None:
            keep = Path(f"{path}.damaged")
            i = 1
            while keep.exists():
                keep, i = Path(f"{path}.damaged{i}"), i + 1
            os.replace(path, keep)
            for side in ("-wal", "-shm"):
                if Path(f"{path}{side}").exists():
                    os.replace(f"{path}{side}", f"{keep}{side}")
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(new), str(dest))
    return dest, sum(len(r) for r in kept), len(chunks) - len(kept)


# -- migration from format 1 ----------------------------------------------------------------------
_DIGEST = re.compile(r"#([0-9a-f]{16})")


def migrate(path: Path, out: Path | None, label_digest: Any) -> Path:
    """Copy a format-1 store (read only) into a new format-2 store: the same sweep (its
    identity without the code's digest, which becomes the stored version) and every result,
    one checksummed chunk per original run."""
    if not path.is_file():
        raise InvalidArgumentError(f"there is no sweep store at {path}")
    with tempfile.TemporaryDirectory() as tmp:  # read a copy: the original is never written
        copy = Path(tmp) / "old.sqlite"
        shutil.copyfile(path, copy)
        if Path(f"{path}-wal").exists():
            shutil.copyfile(f"{path}-wal", f"{copy}-wal")
        con = sqlite3.connect(str(copy), isolation_level=None)
        try:
            meta = dict(con.execute("SELECT key, value FROM meta"))
            if meta.get("format") != OLD_FORMAT:
                raise InvalidArgumentError(
                    f"{path} has format {meta.get('format')!r}: migrate_store converts stores "
                    f"of format {OLD_FORMAT!r} only" + (" (this one is current)"
                                                        if meta.get("format") == FORMAT else ""))
            rows = con.execute("SELECT task, seed, outputs, run FROM results ORDER BY task"
                               ).fetchall()
        except sqlite3.DatabaseError as err:
            raise CorruptStoreError(f"{path} cannot be read as a sweep store ({err})") from None
        finally:
            con.close()
    identity = json.loads(meta["identity"])
    codes = _DIGEST.findall(str(identity.get("target", "")))
    identity["target"] = _DIGEST.sub("", str(identity.get("target", "")))
    identity["format"] = FORMAT
    ident_json = json.dumps(identity, sort_keys=True)
    if out is None:
        name = re.fullmatch(r"(.*)-[0-9a-f]{16}\.sqlite", path.name)
        if path.parent.name == DEFAULT_STORE_DIR and name:  # where sweep(store=None) looks
            out = path.parent / f"{name[1]}-{label_digest(ident_json)[:16]}.sqlite"
    if out is not None and out.exists():
        raise InvalidArgumentError(f"{out} exists: give migrate_store a new out= path")
    with tempfile.TemporaryDirectory(dir=path.parent) as tmp:
        new = Path(tmp) / "migrated.sqlite"
        con = sqlite3.connect(str(new), isolation_level=None)
        try:
            con.execute("BEGIN")
            create(con, ident_json, int(meta["n_tasks"]), codes[0] if codes else "")
            by_run: dict[int, list[tuple[int, int | None, str]]] = {}
            for task, seed, outputs, run in rows:
                by_run.setdefault(run, []).append((task, seed, outputs))
            for run, data in sorted(by_run.items()):
                con.execute("INSERT INTO runs (run, started, backend, pid, n_todo, code) "
                            "VALUES (?, ?, ?, ?, ?, ?)", (run, meta.get("created"),
                                                          f"migrated from {OLD_FORMAT}", 0,
                                                          len(data), codes[0] if codes else ""))
                insert_chunk(con, data, run)
            con.execute("COMMIT")
        finally:
            con.close()
        if out is None:
            out = path
            keep = Path(f"{path}.v1")
            i = 1
            while keep.exists():
                keep, i = Path(f"{path}.v1.{i}"), i + 1
            os.replace(path, keep)  # kept, never deleted
            for side in ("-wal", "-shm"):
                if Path(f"{path}{side}").exists():
                    os.replace(f"{path}{side}", f"{keep}{side}")
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(new), str(out))
    return out
