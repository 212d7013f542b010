"""The grader's side of the worker: start it, give it orders, stop it, whatever it does.

:class:`Worker` starts :mod:`.sandbox` as a process of its own (a new
session, so that it and anything it started can be killed as a group), in
a fresh empty folder, with its output thrown away, and talks to it over
two pipes of its own. Every answer is awaited with a deadline: a worker
that does not answer in time is killed, and so is one that is done.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import socket
import struct
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy

from . import sandbox

PACKAGE = Path(__file__).resolve().parents[2]  # the folder dnn_textbook
_MAX_MESSAGE = 64 * 2**20


class DiedError(Exception):
    """The worker ended, or sent what is not a message."""


class TimedOutError(Exception):
    """The worker did not answer before the deadline."""


def forbidden() -> list[str]:
    """The folders the learner's code may not read: the library, and its source tree."""
    folders = [str(PACKAGE)]
    if (PACKAGE.parent / "pyproject.toml").exists():  # a checkout: its tests hold solutions
        folders.append(str(PACKAGE.parent))
    return folders  # the first is refused everywhere; the others where nothing allows it


def readable() -> list[str]:
    """The folders the learner's code may read: Python's, and its installed packages."""
    folders = {sys.prefix, sys.base_prefix, sys.exec_prefix}
    folders |= {path for key, path in sysconfig.get_paths().items() if key.endswith("lib")}
    folders.add(str(Path(str(numpy.__file__)).parents[1]))
    return sorted(folders)


def _environment(folder: str) -> dict[str, str]:
    return {
        "PATH": os.environ.get("PATH", ""),
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        "HOME": folder,
        "TMPDIR": folder,
        "LC_ALL": "C.UTF-8",
    }


_OUTPUT = subprocess.DEVNULL if not os.environ.get("DNN_GRADE_DEBUG") else None


class Zygote:
    """A process that has imported numpy once, and forks a fresh worker for each learner.

    Starting Python and importing numpy takes a quarter of a second; a fork
    of a process that has done it, a few milliseconds. The zygote runs no
    learner's code. The processes that grade share it (a lock keeps their
    requests apart); :meth:`stop` ends it, after the class is graded.
    """

    def __init__(self) -> None:
        import multiprocessing

        self.folder = tempfile.mkdtemp(prefix="dnn_textbook-grade-")
        self.socket, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self.process = subprocess.Popen(
            [sys.executable, "-I", "-B", sandbox.__file__, "zygote", str(theirs.fileno())],
            cwd=self.folder,
            env=_environment(self.folder),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=_OUTPUT,
            pass_fds=(theirs.fileno(),),
            start_new_session=True,
        )
        theirs.close()
        self.lock = multiprocessing.Lock()

    def spawn(self, folder: str, orders: int, answers: int) -> int:
        """A new worker in ``folder``, reading ``orders`` and writing ``answers``: its pid."""
        with self.lock:
            socket.send_fds(self.socket, [folder.encode("utf-8")], [orders, answers])
            self.socket.settimeout(30)
            return int(self.socket.recv(64))

    def stop(self) -> None:
        self.socket.close()
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


ZYGOTE: Zygote | None = None  # set while a class is graded (see command.grade_all)


class Worker:
    """A process that runs one learner's code; the grader compares what it sends back."""

    def __init__(self, setup: dict[str, Any], memory: int, file_size: int = 2**24) -> None:
        self.folder = tempfile.mkdtemp(prefix="dnn_textbook-grade-")
        orders_r, self.orders = os.pipe()
        self.answers, answers_w = os.pipe()
        self.process: subprocess.Popen[bytes] | None = None
        try:
            if ZYGOTE is None:
                raise OSError("no zygote")
            self.pid = ZYGOTE.spawn(self.folder, orders_r, answers_w)
            # it waits for its orders: it is alive, and this handle stays its own
            self.handle: int | None = os.pidfd_open(self.pid) if hasattr(os, "pidfd_open") else None
        except (OSError, ValueError):
            self.process = subprocess.Popen(
                [sys.executable, "-I", "-B", sandbox.__file__, str(orders_r), str(answers_w)],
                cwd=self.folder,
                env=_environment(self.folder),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=_OUTPUT,
                pass_fds=(orders_r, answers_w),
                start_new_session=True,
            )
            self.pid = self.process.pid
            self.handle = None
        os.close(orders_r)
        os.close(answers_w)
        full = dict(setup, memory=memory, file_size=file_size)
        full |= {"readable": readable(), "forbidden": forbidden()}
        self.order(full)

    def order(self, message: dict[str, Any]) -> None:
        data = json.dumps(message).encode("utf-8")
        try:
            sandbox._write_all(self.orders, struct.pack(">I", len(data)) + data)
        except OSError:
            raise DiedError() from None

    def answer(self, seconds: float) -> dict[str, Any]:
        """The next message, within ``seconds``."""
        deadline = time.monotonic() + seconds
        head = self._read(4, deadline)
        (size,) = struct.unpack(">I", head)
        if size > _MAX_MESSAGE:
            raise DiedError()
        try:
            message = json.loads(self._read(size, deadline).decode("utf-8"))
        except ValueError:
            raise DiedError() from None
        if not isinstance(message, dict):
            raise DiedError()
        return message

    def _read(self, n: int, deadline: float) -> bytes:
        data = b""
        while len(data) < n:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimedOutError()
            ready, _w, _x = select.select([self.answers], [], [], left)
            if not ready:
                raise TimedOutError()
            chunk = os.read(self.answers, min(n - len(data), 2**20))
            if not chunk:
                raise DiedError()
            data += chunk
        return data

    def stop(self) -> None:
        """Kill the worker and everything it started; remove its folder."""
        try:
            os.killpg(self.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        # the worker itself, even if it left its process group (os.setpgid)
        if self.process is not None:
            self.process.kill()
            self.process.wait()
        elif self.handle is not None:
            try:
                signal.pidfd_send_signal(self.handle, signal.SIGKILL)
            except ProcessLookupError:
                pass
            os.close(self.handle)
        for fd in (self.orders, self.answers):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self.folder, ignore_errors=True)
