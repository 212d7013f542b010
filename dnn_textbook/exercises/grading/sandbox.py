"""The worker: a process of the learner's own, where their code runs and nothing else.

The grader starts this file as a script (``python -I -B sandbox.py``), in
a fresh empty folder, with its output thrown away. It imports numpy and
nothing of ``dnn_textbook``: the library's solutions are not in this
process, and cannot come in. Then it reads its orders on a pipe of its own:

1. ``setup``: the learner's definitions and imports, the course's helpers
   (as source), the folders it may read, its memory limit. It binds the
   course's helper modules to the helpers, its test modules to inert
   stubs, the library's names to stubs whose call is reported at once as
   "library-solution", installs an audit hook (which cannot be removed)
   that refuses new processes, ``ctypes``, sockets, ``gc``'s views of all
   objects, threads, and every file outside the folders allowed, then runs
   the learner's statements, one at a time.
2. ``call``: an exercise and the inputs of its cases. It calls the
   learner's function on each and sends back what came back, as plain data (:func:`encode`:
   arrays as dtype, shape and bytes), or how it raised. It never sees what
   was expected: the grader compares, in a process the learner's code
   cannot reach.
3. ``reference``: the source of the course's right functions, sent only
   after every call of the learner's own code, for the runs where a right
   callee replaces the learner's (``call`` with ``swap``).

The grader reads the answers with :func:`decode`, which builds nothing but
arrays of numbers, numbers, strings, lists, tuples and dicts.
"""

from __future__ import annotations

import ast
import base64
import json
import os
import struct
import sys
import types
from typing import Any

import numpy as np

LEARNER_FILE = "<submission>"
HELPERS_FILE = "<course helpers>"
REFERENCE_FILE = "<reference>"
_HELPERS = ("relu_backward", "sigmoid_backward")
_MAX_ITEMS = 10_000
_MAX_ARRAY = 100_000  # entries of one array sent back

# ------------------------------------------------------------------ the wire format


def send(fd: int, message: Any) -> None:
    """Write one message: its length (4 bytes), then its JSON."""
    data = json.dumps(message).encode("utf-8")
    _write_all(fd, struct.pack(">I", len(data)) + data)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def encode(value: Any, depth: int = 0, budget: list[int] | None = None) -> Any:
    """``value`` as JSON: exact types only, as :func:`dnn_textbook.exercises.compare.plain`.

    An ndarray of numbers is ``{"nd": [dtype, shape, base64 bytes]}``; a
    tuple ``{"tuple": [...]}``; a dict ``{"dict": [[key, value], ...]}``;
    anything else (an object of the learner's own type, an ndarray
    subclass, an object array) ``{"opaque": its type's name}``.
    """
    budget = [_MAX_ITEMS] if budget is None else budget
    budget[0] -= 1
    kind = type(value)
    if budget[0] < 0 or depth > 8:
        return {"opaque": "…"}
    if value is None or kind is bool or kind is int or kind is str:
        return value
    if kind is float:
        return {"float": repr(value)}  # keeps nan and inf exact
    if isinstance(value, np.generic) and kind.__module__ == "numpy":
        if value.dtype.kind in "biuf":
            number = value.item()
            return {"float": repr(number)} if type(number) is float else number
        return {"opaque": kind.__name__}
    if kind is np.ndarray:
        if value.dtype.kind not in "biuf" or value.size > _MAX_ARRAY:
            return {"opaque": f"ndarray {value.dtype}"}
        data = np.ascontiguousarray(value).tobytes()
        return {"nd": [value.dtype.str, list(value.shape), base64.b64encode(data).decode()]}
    if kind is list or kind is tuple:
        items = [encode(item, depth + 1, budget) for item in value if budget[0] >= 0]
        return items if kind is list else {"tuple": items}
    if kind is dict:
        return {
            "dict": [
                [
                    key if type(key) in (str, int) else {"opaque": type(key).__name__},
                    encode(item, depth + 1, budget),
                ]
                for key, item in dict.items(value)
            ]
        }
    name = getattr(kind, "__name__", "?")
    return {"opaque": name if type(name) is str else "?"}


def decode(value: Any, opaque: Any = None) -> Any:
    """What :func:`encode` sent, rebuilt as plain data (``opaque(kind)`` for the rest)."""
    if value is None or type(value) in (bool, int, str):
        return value
    if type(value) is list:
        return [decode(item, opaque) for item in value]
    if type(value) is not dict or len(value) != 1:
        raise ValueError("not a message of the worker")
    ((key, inner),) = value.items()
    if key == "float":
        return float(inner)
    if key == "tuple":
        return tuple(decode(item, opaque) for item in inner)
    if key == "dict":
        return {
            (k if type(k) in (str, int) else decode(k, opaque)): decode(v, opaque) for k, v in inner
        }
    if key == "nd":
        dtype, shape, data = np.dtype(str(inner[0])), tuple(int(n) for n in inner[1]), inner[2]
        if dtype.kind not in "biuf" or dtype.hasobject or len(shape) > 32:
            raise ValueError("not an array of numbers")
        array = np.frombuffer(base64.b64decode(data), dtype=dtype)
        return array.reshape(shape).copy()
    if key == "opaque":
        kind = inner if type(inner) is str else "?"
        return opaque(kind) if opaque else kind
    raise ValueError("not a message of the worker")


# ------------------------------------------------------------------ the worker


def _receive(fd: int) -> Any:
    head = _read_exactly(fd, 4)
    return json.loads(_read_exactly(fd, struct.unpack(">I", head)[0]).decode("utf-8"))


def _read_exactly(fd: int, n: int) -> bytes:
    data = b""
    while len(data) < n:
        chunk = os.read(fd, n - len(data))
        if not chunk:
            os._exit(0)  # the grader is gone
        data += chunk
    return data


class _LibraryCalled(BaseException):
    """A name of the library was called: that is not the learner's own code."""


def _stub_module(name: str, calls: Any, names: tuple[str, ...] = ()) -> types.ModuleType:
    """A module whose every attribute is a function that ``calls`` reports and stops."""

    class Stub(types.ModuleType):
        def __getattr__(self, attribute: str) -> Any:
            if attribute.startswith("__"):
                raise AttributeError(attribute)
            return calls(f"{name}.{attribute}")

    module = Stub(name)
    module.__path__ = []  # a package: its submodules are stubs too
    # ``from ... import *`` binds the library's functions, or nothing
    module.__dict__["__all__"] = list(names)
    return module


def _refused(qualname: str) -> Any:
    def refused(*args: Any, **kwargs: Any) -> None:
        raise PermissionError(f"the grader does not allow {qualname}")

    refused.__qualname__ = qualname
    return refused


def _inert(qualname: str) -> Any:
    def inert(*args: Any, **kwargs: Any) -> None:
        return None

    inert.__qualname__ = qualname
    return inert


class _Finder:
    """Binds the modules of the course and of the library as the exercise notebooks do."""

    def __init__(self, helpers: types.ModuleType, report: Any, exercises: Any) -> None:
        self.helpers, self.report, self.exercises = helpers, report, tuple(exercises)

    def module(self, name: str) -> types.ModuleType | None:
        top = name.split(".")[0]
        if name in ("dnn_utils_v2", "dnn_utils", "dnn_textbook.course_helpers"):
            return self.helpers
        if name == "dnn_textbook.exercises.reference" or name.startswith(
            "dnn_textbook.exercises.reference."
        ):
            return _stub_module(name, self.library, self.exercises)
        if name.startswith("dnn_textbook.exercises") or top.startswith(
            ("testCases", "public_tests", "test_utils", "matplotlib", "h5py", "IPython", "PIL")
        ):
            return _stub_module(name, _inert)  # the checker and the tests: nothing to run
        if top == "dnn_textbook":
            return _stub_module(name, self.library, self.exercises if name == top else ())
        return None

    def library(self, qualname: str) -> Any:
        if qualname.endswith(".set_language"):
            return _inert(qualname)
        report = self.report

        def library_solution(*args: Any, **kwargs: Any) -> None:
            report(qualname)
            raise _LibraryCalled(qualname)

        library_solution.__qualname__ = qualname
        return library_solution

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> Any:
        import importlib.machinery

        module = self.module(name)
        if module is None:
            return None
        return importlib.machinery.ModuleSpec(name, _Loader(module))  # type: ignore[arg-type]


class _Loader:
    def __init__(self, module: types.ModuleType) -> None:
        self.made = module

    def create_module(self, spec: Any) -> types.ModuleType:
        return self.made

    def exec_module(self, module: types.ModuleType) -> None:
        return None


# New processes, signals to others, the views of every object, new threads, the limits,
# tracing: never. ctypes is loaded (numpy and scipy import it), and every one of its
# events ("ctypes.dlopen", "ctypes.cdata"...) is refused.
_REFUSED_EVENTS = frozenset(
    (
        "os.system os.fork os.forkpty os.exec os.posix_spawn os.spawn subprocess.Popen "
        "os.kill os.killpg signal.pthread_kill gc.get_objects gc.get_referrers "
        "gc.get_referents socket.__new__ socket.connect socket.bind "
        "_thread.start_new_thread resource.setrlimit resource.prlimit os.chdir os.chroot "
        "os.setuid sys.setprofile sys.settrace builtins.input"
    ).split()
)
# loaded again after the learner removed the stubs from sys.modules: refused
_REFUSED_IMPORTS = (
    "subprocess",
    "_posixsubprocess",
    "multiprocessing",
    "socket",
    "_socket",
    "cffi",
    "_cffi_backend",
    "pty",
    "_xxsubinterpreters",
)
_PATH_EVENTS = frozenset(
    "os.remove os.rename os.rmdir os.mkdir os.chmod os.chown os.truncate os.symlink os.link "
    "os.utime os.chflags os.lchflags os.setxattr os.removexattr shutil.rmtree".split()
)


def _guard(work: str, readable: list[str], forbidden: list[str]) -> Any:
    """The audit hook: what the learner's code may not do, checked before it happens."""
    join, normpath, abspath = os.path.join, os.path.normpath, os.path.abspath
    work = join(normpath(work), "")
    readable = [join(normpath(p), "") for p in readable] + [work]
    forbidden = [join(normpath(p), "") for p in forbidden]
    write_flags = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC

    def inside(path: Any, folders: list[str]) -> bool:
        if type(path) is bytes:
            path = os.fsdecode(path)
        if type(path) is not str:
            return False
        path = normpath(abspath(path))
        return any((path + os.sep).startswith(folder) for folder in folders)

    def hook(event: str, args: tuple[Any, ...]) -> None:
        if event in _REFUSED_EVENTS or event.startswith("ctypes."):
            raise PermissionError(f"the grader does not allow {event}")
        if event == "import":
            name = str(args[0])
            if name.startswith(_REFUSED_IMPORTS):
                raise PermissionError(f"the grader does not allow importing {name}")
        elif event == "open":
            path, mode, flags = args
            if type(path) is int:
                if path > 2:
                    raise PermissionError("the grader does not allow opening a file descriptor")
                return
            writes = any(c in str(mode or "") for c in "wax+") or bool(
                int(flags or 0) & write_flags
            )
            if writes and not inside(path, [work]):
                raise PermissionError("the grader allows writing only in its own folder")
            if inside(path, forbidden[:1]) or not (
                inside(path, readable) or path in ("/dev/null", "/dev/urandom")
            ):
                raise PermissionError("the grader does not allow reading this file")
        elif event in _PATH_EVENTS:
            if not all(inside(p, [work]) for p in args if type(p) in (str, bytes)):
                raise PermissionError(f"the grader allows {event} only in its own folder")

    return hook


def _module_from(name: str, source: str, filename: str) -> types.ModuleType:
    module = types.ModuleType(name)
    exec(compile(source, filename, "exec"), module.__dict__)
    return module


def _raised(error: BaseException, lines: list[str]) -> dict[str, Any]:
    """How a call raised, as :class:`dnn_textbook.exercises.compare.Raised` holds it."""
    try:
        message = str(error)
    except Exception:
        message = ""
    frames = []
    tb = error.__traceback__
    while tb is not None:
        frames.append((tb.tb_frame.f_code, tb.tb_frame, tb.tb_lineno))
        tb = tb.tb_next
    where, helper = None, None
    for code, frame, lineno in frames[1:]:  # frames[0] is the worker's call
        if code.co_name in _HELPERS and helper is None:
            dA, Z = frame.f_locals.get("dA"), frame.f_locals.get("cache", frame.f_locals.get("Z"))
            if type(dA) is np.ndarray and type(Z) is np.ndarray:
                helper = [code.co_name, list(dA.shape), list(Z.shape)]
        if code.co_filename == LEARNER_FILE and code.co_name not in _HELPERS:
            text = lines[lineno - 1].strip() if 0 < lineno <= len(lines) else ""
            where = [code.co_name, lineno - code.co_firstlineno + 1, text]
    not_written = None
    if isinstance(error, NotImplementedError):
        names = [code.co_name for code, _frame, _lineno in frames]
        not_written = names[-1] if len(names) > 2 and names[-1] != names[1] else ""
        where = None
    kind = type(error).__name__
    return {"raised": [kind if type(kind) is str else "?", message, where, not_written, helper]}


def _call(fn: Any, args: Any, lines: list[str]) -> dict[str, Any]:
    state = np.random.get_state()
    try:
        with np.errstate(all="ignore"):
            got = fn(*args)
        return {"value": encode(got)}
    except MemoryError:
        return {"memory": True}
    except _LibraryCalled as error:
        return {"library": str(error)}
    except Exception as error:
        if isinstance(error, MemoryError):
            return {"memory": True}
        return _raised(error, lines)
    except BaseException as error:  # sys.exit, KeyboardInterrupt: the process would end
        return {"crashed": type(error).__name__}
    finally:
        np.random.set_state(state)


def main(orders: int, answers: int) -> None:
    import resource
    import signal

    setup = _receive(orders)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a file too large is an error, not a kill
    limit = int(setup["memory"])
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    size = int(setup["file_size"])
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))

    def report(qualname: str) -> None:
        send(answers, {"library": qualname})

    helpers = _module_from("dnn_utils_v2", setup["helpers"], HELPERS_FILE)
    finder = _Finder(helpers, report, setup["exercises"])
    sys.meta_path.insert(0, finder)
    for name in list(sys.modules):
        # dnn_textbook is never there (this file imports nothing of it); the zygote loads
        # socket: importing it again must go through the audit hook
        if name.split(".")[0] in ("dnn_textbook", "socket", "_socket"):
            del sys.modules[name]
    for name in ("subprocess", "_posixsubprocess", "multiprocessing", "socket", "_socket"):
        # scipy imports subprocess and socket: modules that refuse every call, so that it loads
        sys.modules[name] = _stub_module(name, _refused)
    refused = {os.path.normpath(f) for f in setup["forbidden"]}
    sys.path[:] = [p for p in sys.path if os.path.normpath(os.path.abspath(p)) not in refused]
    import numpy.linalg  # noqa: F401
    import numpy.random  # noqa: F401  (numpy loads these on first use: before the hook)

    sys.addaudithook(_guard(os.getcwd(), setup["readable"], setup["forbidden"]))

    source = setup["code"]
    lines = source.splitlines()
    namespace: dict[str, Any] = {"__name__": "__main__", "__builtins__": __builtins__}
    problems = []
    for node in ast.parse(source).body:
        try:
            exec(compile(ast.Module([node], []), LEARNER_FILE, "exec"), namespace)
        except BaseException as error:  # an import that fails: the functions may still run
            problems.append([node.lineno, type(error).__name__, str(error)[:200]])
    defined = [name for name in setup["exercises"] if callable(namespace.get(name))]
    send(answers, {"ready": defined, "problems": problems})

    reference: dict[str, Any] = {}
    while True:
        order = _receive(orders)
        if "reference" in order:
            reference |= _module_from("reference", order["reference"], REFERENCE_FILE).__dict__
            continue
        name, swap = order["call"], order.get("swap")
        before = namespace.get(swap) if swap else None
        if swap:
            namespace[swap] = reference[swap]
        results = []
        for args in order["cases"]:
            results.append(_call(namespace.get(name), decode(args), lines))
            if "value" not in results[-1] and "raised" not in results[-1]:
                break  # the library, the memory or an exit: the exercise stops there
        results += [results[-1]] * (len(order["cases"]) - len(results))
        if swap:
            namespace[swap] = before
        send(answers, {"results": results})


def zygote(control: int) -> None:
    """Fork a worker for each request: numpy is imported once, not once per learner.

    A request is a folder's name, with the two pipes' ends (``SCM_RIGHTS``);
    the answer is the worker's process id. The worker starts a session of
    its own, moves to the folder and runs :func:`main`. The zygote runs no
    learner's code; it ends when the grader closes the socket.
    """
    import ast  # noqa: F401  (everything main() needs, loaded once)
    import importlib.machinery  # noqa: F401
    import resource  # noqa: F401
    import signal
    import socket

    import numpy.linalg  # noqa: F401
    import numpy.random  # noqa: F401

    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the kernel reaps the workers
    server = socket.socket(fileno=control)
    while True:
        try:
            data, fds, _flags, _address = socket.recv_fds(server, 4096, 2)
        except OSError:
            break
        if not data or len(fds) != 2:
            break
        pid = os.fork()
        if pid == 0:
            server.close()
            try:
                os.setsid()
                folder = data.decode("utf-8")
                os.chdir(folder)
                os.environ.update(HOME=folder, TMPDIR=folder)
                main(fds[0], fds[1])
            finally:
                os._exit(0)
        for fd in fds:
            os.close(fd)
        server.send(str(pid).encode())


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != here]
    if sys.argv[1] == "zygote":
        zygote(int(sys.argv[2]))
    else:
        main(int(sys.argv[1]), int(sys.argv[2]))
