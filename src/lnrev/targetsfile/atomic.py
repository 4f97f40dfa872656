"""Writing a file so that it is never seen half-written, and never written by two lnrevs at once.

A new version is written to a temporary file in the same directory, flushed to disk, then renamed
over the original with `os.replace`, which is atomic: a reader (or a crash) sees the old file or
the new one, never a mix. A lock file next to the targets file (`.targets.toml.lock`) serializes
whole read-modify-write cycles, so concurrent edits queue instead of overwriting each other.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock, Timeout

from lnrev.errors import BadInput

LOCK_TIMEOUT_SECONDS = 60


def lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


def the_file_itself(path: Path, label: str) -> Path:
    """The file an edit must write: the one a link points to (the link is kept, and every path to
    the file shares its lock), refused if it is read-only."""
    try:
        real = path.resolve(strict=True)
        mode = real.stat().st_mode
    except (OSError, RuntimeError) as error:  # RuntimeError: a loop of links
        raise BadInput([f"{label}: cannot be edited ({_reason(error)})"]) from None
    if not mode & 0o222:
        raise BadInput([f"{label}: the file is read-only; nothing was written"])
    return real


@contextlib.contextmanager
def locked(path: Path, label: str) -> Iterator[None]:
    """Hold the file's lock for a whole read-modify-write cycle. A lock file that cannot be made
    (a link, a directory, a place where no file can be created) is reported at once."""
    lock = lock_path(path)
    try:
        descriptor = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW, 0o644)
        is_file = stat.S_ISREG(os.fstat(descriptor).st_mode)
        os.close(descriptor)
    except OSError as error:
        raise BadInput(
            [f"{label}: cannot create the lock file {lock} ({_reason(error)})"]
        ) from None
    if not is_file:
        raise BadInput([f"{label}: the lock file {lock} is not a regular file"])
    try:
        with FileLock(lock, timeout=LOCK_TIMEOUT_SECONDS):
            yield
    except Timeout:
        waited = f"another lnrev has held its lock for {LOCK_TIMEOUT_SECONDS} s"
        raise BadInput([f"{label}: {waited}; nothing was written"]) from None


def replace_atomically(path: Path, text: str, label: str) -> None:
    """Replace `path` with `text` in one atomic step, keeping its permissions and its owner; on
    failure the original is left untouched and the failure is reported."""
    status = path.stat()
    temporary = _write_temporary(path, text, label, status.st_mode & 0o7777)
    with contextlib.suppress(OSError):  # only a privileged user may give a file away
        os.chown(temporary, status.st_uid, status.st_gid)
    try:
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise BadInput(
            [f"{label}: could not replace the file ({_reason(error)}); it is unchanged"]
        ) from None
    _sync_directory(path.parent)


def write_atomically(path: Path, text: str, label: str) -> None:
    """Write `path`, new or replaced, in one atomic step: a reader sees the old file or the whole
    new one (an existing file keeps its permissions; a new one follows the umask). Only a
    regular file is replaced: a FIFO, a terminal or a device (/dev/null, /dev/stdout) is written
    to as a stream, as a shell's `>` would, and a directory is refused."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise BadInput([f"{label}: cannot write it ({_reason(error)})"]) from None
    if mode is not None and stat.S_ISDIR(mode):
        raise BadInput([f"{label}: is a directory; nothing was written"])
    if mode is not None and not stat.S_ISREG(mode):
        _write_stream(path, text, label)
        return
    if mode is not None:
        replace_atomically(path.resolve(), text, label)
        return
    temporary = _write_temporary(path, text, label, 0o666 & ~_umask())
    try:
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise BadInput([f"{label}: could not write it ({_reason(error)})"]) from None
    _sync_directory(path.parent)


def _write_stream(path: Path, text: str, label: str) -> None:
    """Write into a FIFO or a device, never replacing it."""
    try:
        with path.open("w", encoding="utf-8", newline="") as stream:
            stream.write(text)
    except OSError as error:
        raise BadInput([f"{label}: cannot write it ({_reason(error)})"]) from None


def create_all_exclusively(files: list[tuple[Path, str, str]]) -> None:
    """Create each (path, text, label) atomically, refusing to overwrite anything: all of them,
    or, if one cannot be made, none (those already made are removed)."""
    mode = 0o666 & ~_umask()
    made: list[Path] = []
    try:
        for path, text, label in files:
            _create_exclusively(path, text, label, mode)
            made.append(path)
    except BadInput as error:
        for path in made:
            path.unlink(missing_ok=True)
        raise BadInput([*error.lines[:-1], f"{error.lines[-1]}; nothing was written"]) from None
    _sync_directory(files[0][0].parent)


def _create_exclusively(path: Path, text: str, label: str, mode: int) -> None:
    temporary = _write_temporary(path, text, label, mode)
    try:
        os.link(temporary, path)
    except FileExistsError:
        what = "a link to a missing file" if path.is_symlink() else "exists already"
        raise BadInput([f"{label}: {what}; lnrev init never overwrites a file"]) from None
    except OSError as error:
        raise BadInput([f"{label}: could not create it ({_reason(error)})"]) from None
    finally:
        temporary.unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _reason(error: BaseException) -> str:
    return getattr(error, "strerror", None) or str(error)


def _write_temporary(path: Path, text: str, label: str, mode: int | None) -> Path:
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as error:
        raise BadInput(
            [f"{label}: cannot write in {path.parent} ({_reason(error)}); nothing was written"]
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
            [f"{label}: writing failed ({_reason(error)}); the file is unchanged"]
        ) from None
    except BaseException:  # an interrupt, or a bug: no temporary file is left behind
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable (where the platform allows opening a directory)."""
    with contextlib.suppress(OSError):
        descriptor = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
