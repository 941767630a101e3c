"""Writing exports: atomically (a temporary file, then a rename), and never over an input."""

from __future__ import annotations

import os
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Iterable, Iterator


class OutputError(Exception):
    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def _mode_for(path: Path) -> int:
    """The replaced file's mode, or what the umask gives a new file."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def _open_options(binary: bool) -> dict[str, Any]:
    return {} if binary else {"encoding": "utf-8", "newline": ""}


@contextmanager
def atomic_stream(path: Path, inputs: Iterable[Path] = (), binary: bool = False) -> Iterator[IO[Any]]:
    """A stream whose content replaces ``path`` whole when the block ends, or not at all.

    A symbolic link is followed: its target is replaced, the link stays.  A path that is not a
    regular file (``/dev/stdout``, a pipe) is written straight to, since it cannot be replaced.
    """
    if any(_same(path, source) for source in inputs):
        raise OutputError("cli.overwrite_input", path=path)
    path = Path(os.path.realpath(path))
    try:
        existing = path.stat()
    except OSError:
        existing = None
    if existing is not None and stat.S_ISDIR(existing.st_mode):
        raise OutputError("cli.write_failed", path=path, reason="is a directory")
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        try:
            with open(path, "wb" if binary else "w", **_open_options(binary)) as stream:
                yield stream
        except OSError as error:
            raise OutputError("cli.write_failed", path=path, reason=error.strerror or str(error)) from error
        return
    directory = path.parent
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as error:
        raise OutputError("cli.write_failed", path=path, reason=error.strerror or str(error)) from error
    try:
        with os.fdopen(handle, "wb" if binary else "w", **_open_options(binary)) as stream:
            yield stream
            stream.flush()
            os.chmod(stream.fileno(), _mode_for(path))  # mkstemp makes 0600; an export is an ordinary file
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError("cli.write_failed", path=path, reason=error.strerror or str(error)) from error
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_atomic(path: Path, data: str | bytes, inputs: Iterable[Path] = ()) -> None:
    """Write ``data`` to ``path`` whole or not at all; refuse to replace one of ``inputs``."""
    with atomic_stream(path, inputs, binary=isinstance(data, bytes)) as stream:
        stream.write(data)
