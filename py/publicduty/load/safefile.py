"""Read a user's file safely: only regular files, never more than the size limit.

A path a user gives may name anything: a folder called ``x.yaml``, a FIFO (reading it
blocks for ever), ``/dev/zero`` behind a symlink (endless bytes), a socket, a loop of
symlinks or a file nobody may read. ``stat`` says 0 bytes for a device, so the limit is
enforced while reading (at most limit + 1 bytes are read), and the file is opened
without blocking and refused unless it is a regular file. Every refusal is one
:class:`InputError` naming the file.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

from publicduty.errors import InputError

#: Case files, view files and opinion texts are short documents; anything larger is
#: refused before it is parsed, so a mistaken or hostile input is answered in bounded time.
MAX_BYTES = 1_048_576

_CHUNK = 65_536


def read_bytes(path: Path, what: str, too_large: str, limit: int = MAX_BYTES) -> bytes:
    """The bytes of the regular file ``path`` (a ``what``, such as "a case file"), at most ``limit``.

    ``too_large`` is the fix offered when the file is over the limit.
    """
    _regular(path, what, os.stat)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as err:
        raise _unreadable(path, err) from err
    try:
        size = _regular(path, what, lambda _path: os.fstat(fd)).st_size  # the file opened is the one checked
        if size > limit:
            raise _large(path, f"{size / 1_048_576:.1f} MiB", too_large)
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as err:
        raise _unreadable(path, err) from err
    finally:
        os.close(fd)
    if total > limit:  # the file grew while it was read
        raise _large(path, f"over {limit / 1_048_576:.1f} MiB", too_large)
    return b"".join(chunks)


def read_text(path: Path, what: str, too_large: str, limit: int = MAX_BYTES) -> str:
    """The text of ``path`` decoded as UTF-8, or an error naming the line of the first bad byte."""
    data = read_bytes(path, what, too_large, limit)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise InputError.at(path, line, f"byte {data[err.start]:#04x} is not UTF-8", "save the file as UTF-8") from err


def _regular(path: Path, what: str, status: Callable[[Path], os.stat_result]) -> os.stat_result:
    """Stat ``path`` (by ``status``) and insist it is a regular file."""
    try:
        found = status(path)
    except OSError as err:
        raise _unreadable(path, err) from err
    if stat.S_ISDIR(found.st_mode):
        raise InputError.at(path, None, f"a folder, not {what}", "give a file, or rename the folder")
    if not stat.S_ISREG(found.st_mode):
        raise InputError.at(path, None, f"not a regular file (a device, a pipe or a socket), so not {what}",
                            "give an ordinary file, or remove this entry")
    return found


def _unreadable(path: Path, err: OSError) -> InputError:
    return InputError.at(path, None, f"cannot read the file ({err.strerror or err})",
                         "check the path and the file's permissions")


def _large(path: Path, size: str, fix: str) -> InputError:
    return InputError.at(path, None, f"the file is {size}", fix)
