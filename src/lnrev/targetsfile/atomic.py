"""Writing a file so that it is never seen half-written, and never written by two lnrevs at once.

A new version is written to a temporary file in the same directory, flushed to disk, then renamed
over the original with `os.replace`, which is atomic: a reader (or a crash) sees the old file or
the new one, never a mix. A lock file next to the targets file (`.targets.toml.lock`) serializes
whole read-modify-write cycles, so concurrent edits queue instead of overwriting each other.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock, Timeout

from lnrev.errors import BadInput

LOCK_TIMEOUT_SECONDS = 60


def lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


@contextlib.contextmanager
def locked(path: Path, label: str) -> Iterator[None]:
    """Hold the file's lock for a whole read-modify-write cycle."""
    try:
        with FileLock(lock_path(path), timeout=LOCK_TIMEOUT_SECONDS):
            yield
    except Timeout:
        waited = f"another lnrev has held its lock for {LOCK_TIMEOUT_SECONDS} s"
        raise BadInput([f"{label}: {waited}; nothing was written"]) from None
    except PermissionError:
        raise BadInput([f"{label}: cannot create the lock file {lock_path(path)}"]) from None


def replace_atomically(path: Path, text: str, label: str) -> None:
    """Replace `path` with `text` in one atomic step, keeping its permissions; on failure the
    original is left untouched and the failure is reported."""
    mode = path.stat().st_mode & 0o7777 if path.exists() else None
    temporary = _write_temporary(path, text, label, mode)
    try:
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise BadInput(
            [f"{label}: could not replace the file ({error.strerror or error}); it is unchanged"]
        ) from None
    _sync_directory(path.parent)


def create_exclusively(path: Path, text: str, label: str) -> None:
    """Create `path` with `text`, atomically, refusing to overwrite anything already there."""
    temporary = _write_temporary(path, text, label, mode=0o644)
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise BadInput([f"{label}: exists already; lnrev init never overwrites a file"]) from None
    except OSError as error:
        raise BadInput([f"{label}: could not create it ({error.strerror or error})"]) from None
    finally:
        temporary.unlink(missing_ok=True)
    _sync_directory(path.parent)


def _write_temporary(path: Path, text: str, label: str, mode: int | None) -> Path:
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as error:
        reason = error.strerror or error
        raise BadInput(
            [f"{label}: cannot write in {path.parent} ({reason}); nothing was written"]
        ) from None
    temporary = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            temporary.chmod(mode)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise BadInput(
            [f"{label}: writing failed ({error.strerror or error}); the file is unchanged"]
        ) from None
    return temporary


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable (where the platform allows opening a directory)."""
    with contextlib.suppress(OSError):
        descriptor = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
