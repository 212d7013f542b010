"""Time one gradient computation against the floor of its matrix products.

    python benchmarks/bench_gradient.py [--repeats N] [--only NAME ...] [--page FILE]

One gradient computation is ``L_model_forward`` + ``compute_cost`` +
``L_model_backward``: every dW[l] and db[l], no dA[0]. The floor is what no
implementation can avoid: the L forward products W[l] A[l-1], the L products
dZ[l] A[l-1]ᵀ and the L-1 products W[l]ᵀ dZ[l], on the same arrays. Everything
is timed interleaved in the same run, and the ratio of the medians is printed.

"course" is the course's own numpy implementation (``course_style.py``): dict
parameters, one function per step, caches ((A_prev, W, b), Z), dA[L] by
division, dA[0] computed, no checks. "bare" is the same computation in a few
lines of numpy, with no checks and no function per layer; "no dA" is its ratio
when it drops each dA[l] instead of handing it back, as the library does.
PyTorch CPU autograd (eager) is added as a column when torch is installed.

A second table says where more time and memory go. "peak mem" is the
peak of one gradient computation over what it must keep (caches and
gradients, with their Python objects). "faults" counts the minor page faults
of one computation: memory that the kernel hands out fresh, because the
arrays of the previous call went back to it; "fault/floor" is their
estimated time (faults times the measured cost of one fault) over the floor.

OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE select an older OpenBLAS kernel when
they are set: run with both unset to measure the kernel this CPU would get.
``--page docs/performance.md`` also writes the output into the page's
"latest run" block.
"""

from __future__ import annotations

import argparse
import mmap
import os
import random
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

# PyTorch's OpenMP threads would otherwise spin between calls and steal the
# cores from numpy's BLAS in the interleaved timings.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
# Measure the library of this checkout, whatever the environment has installed.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dnn_textbook import L_model_backward, L_model_forward, compute_cost  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import course_style  # noqa: E402

WORKLOADS = {
    "tiny": ([2, 4, 3, 1], 16),
    "cat": ([12288, 20, 7, 5, 1], 209),
    "mnist": ([784, 128, 64, 1], 1024),
    "deep": ([64] * 20 + [1], 512),
    "wide": ([1024, 1024, 1024, 1024, 1], 2048),
}


def problem(dims, m, dtype, seed=0):
    rng = np.random.default_rng(seed)
    parameters = {}
    for l in range(1, len(dims)):
        parameters[f"W{l}"] = (rng.standard_normal((dims[l], dims[l - 1]))
                               * np.sqrt(2 / dims[l - 1])).astype(dtype)
        parameters[f"b{l}"] = (0.1 * rng.standard_normal((dims[l], 1))).astype(dtype)
    X = rng.standard_normal((dims[0], m)).astype(dtype)
    Y = (rng.random((1, m)) < 0.5).astype(dtype)
    return parameters, X, Y


def gradient(parameters, X, Y):
    AL, caches = L_model_forward(X, parameters)
    cost = compute_cost(AL, Y)
    return cost, L_model_backward(AL, Y, caches)


def reference(parameters, X, Y):
    """A straightforward course-style implementation, in float64."""
    L = len(parameters) // 2
    W = {l: parameters[f"W{l}"].astype(np.float64) for l in range(1, L + 1)}
    b = {l: parameters[f"b{l}"].astype(np.float64) for l in range(1, L + 1)}
    A, As, Zs = X.astype(np.float64), {}, {}
    As[0] = A
    for l in range(1, L + 1):
        Zs[l] = W[l] @ A + b[l]
        A = 1 / (1 + np.exp(-Zs[l])) if l == L else np.maximum(Zs[l], 0)
        As[l] = A
    m, grads = X.shape[1], {}
    dZ = A - Y
    for l in range(L, 0, -1):
        grads[f"dW{l}"] = dZ @ As[l - 1].T / m
        grads[f"db{l}"] = dZ.sum(axis=1, keepdims=True) / m
        if l > 1:
            grads[f"dA{l - 1}"] = W[l].T @ dZ
            dZ = grads[f"dA{l - 1}"] * (Zs[l - 1] > 0)
    return grads, As, Zs


def bare(parameters, X, Y, keep_dA=True):
    """The same computation with numpy alone: no checks, no Python layers, same passes.

    It returns what the library returns (the Z[l] and A[l] of the caches, every
    dW[l] and db[l], and dA[1] .. dA[L-1]), so it measures what numpy's
    element-wise passes (b added, g and g', db summed) and the memory of the
    results cost on top of the floor, whoever writes the library. With
    ``keep_dA=False`` each dA[l-1] is dropped as soon as dZ[l-1] is formed:
    the difference is the cost of handing dA[1] .. dA[L-1] back.
    """
    L = len(parameters) // 2
    A, As, Zs = X, [X], [None]
    for l in range(1, L + 1):
        Z = parameters[f"W{l}"] @ A
        Z += parameters[f"b{l}"]
        A = 1 / (1 + np.exp(-Z)) if l == L else np.maximum(Z, 0)
        As.append(A)
        Zs.append(Z)
    m = X.shape[1]
    -np.sum(Y * np.log(A) + (1 - Y) * np.log1p(-A)) / m
    grads = {}
    dZ = A - Y
    for l in range(L, 0, -1):
        dW = dZ @ As[l - 1].T
        dW /= m
        db = dZ.sum(axis=1, keepdims=True)
        db /= m
        grads[f"dW{l}"], grads[f"db{l}"] = dW, db
        if l > 1:
            dA = parameters[f"W{l}"].T @ dZ
            if keep_dA:
                grads[f"dA{l - 1}"] = dA
            dZ = dA * (Zs[l - 1] > 0)
    return As, Zs, grads


def bare_without_dA(parameters, X, Y):
    return bare(parameters, X, Y, keep_dA=False)


def floor_inputs(parameters, X, Y):
    """The arrays of the unavoidable products, in the benchmark's dtype."""
    grads, As, Zs = reference(parameters, X, Y)
    L, dtype = len(parameters) // 2, X.dtype
    A = [X] + [As[l].astype(dtype) for l in range(1, L + 1)]
    W = [None] + [parameters[f"W{l}"] for l in range(1, L + 1)]
    dZ = [None] * (L + 1)
    d = As[L] - Y
    for l in range(L, 0, -1):
        dZ[l] = d.astype(dtype)
        if l > 1:
            d = (W[l].astype(np.float64).T @ d) * (Zs[l - 1] > 0)
    return A, W, dZ


def floor(A, W, dZ):
    L = len(W) - 1
    for l in range(1, L + 1):
        W[l] @ A[l - 1]
    for l in range(L, 0, -1):
        dZ[l] @ A[l - 1].T
        if l > 1:
            W[l].T @ dZ[l]


def check(parameters, X, Y):
    _, grads = gradient(parameters, X, Y)
    expected, _, _ = reference(parameters, X, Y)
    if sorted(grads) != sorted(expected):
        raise SystemExit(f"gradients {sorted(grads)} but the reference has {sorted(expected)}")
    _, course = course_style.gradient(parameters, X, Y)
    for key, value in expected.items():
        for who, got, tolerance in (("library", grads, 1e-10), ("course", course, 1e-8)):
            error = np.linalg.norm(got[key] - value) / max(np.linalg.norm(value), 1e-300)
            if error > tolerance:
                raise SystemExit(f"{who}: gradient {key} differs from the reference by {error:.2e}")


def torch_step(parameters, X, Y):
    import torch

    L = len(parameters) // 2
    tp = {k: torch.tensor(v, requires_grad=True) for k, v in parameters.items()}
    tX, tY = torch.tensor(X), torch.tensor(Y)

    def run():
        for p in tp.values():
            p.grad = None
        A = tX
        for l in range(1, L + 1):
            Z = tp[f"W{l}"] @ A + tp[f"b{l}"]
            A = Z if l == L else torch.relu(Z)
        cost = torch.nn.functional.binary_cross_entropy_with_logits(A, tY)
        cost.backward()

    return run


def timed(f, *args):
    start = time.perf_counter()
    f(*args)
    return time.perf_counter() - start


def peak_ratio(parameters, X, Y):
    """Peak memory of one gradient computation over what it leaves behind.

    What it leaves behind, while the caller holds AL, the caches and the
    gradients, is what it must keep: every Z[l] and A[l], every gradient,
    and the small Python objects around them (array headers, the caches'
    tuples, the dictionary), which dominate on the tiny network.
    """
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    AL, caches = L_model_forward(X, parameters)
    compute_cost(AL, Y)
    grads = L_model_backward(AL, Y, caches)
    kept, peak = (memory - before for memory in tracemalloc.get_traced_memory())
    tracemalloc.stop()
    del AL, caches, grads
    return peak / kept


def faults() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt


def fault_cost(pages=8192) -> float:
    """Seconds to fault in one fresh 4 KiB page: touch a new anonymous mapping."""
    costs = []
    for _ in range(5):
        with mmap.mmap(-1, pages * 4096) as memory:
            touch = np.frombuffer(memory, dtype=np.uint8)
            before, start = faults(), time.perf_counter()
            touch[::4096] = 1
            elapsed, count = time.perf_counter() - start, faults() - before
            del touch
        costs.append(elapsed / max(count, 1))
    return statistics.median(costs)


def blas_info() -> str:
    try:
        from threadpoolctl import threadpool_info
    except ImportError:  # numpy's build information; the thread count is not known
        blas = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
        return f"{blas['name']} {blas.get('version')} (threadpoolctl not installed)"
    return "; ".join(f"{i['internal_api']} {i.get('version')} ({i.get('architecture')}), "
                     f"{i['num_threads']} threads" for i in threadpool_info()
                     if i["user_api"] == "blas")


def environment() -> str:
    names = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")
    found = [f"{name}={os.environ[name]}" for name in names if name in os.environ]
    return ", ".join(found) or "none set"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=0, help="0: chosen per workload")
    parser.add_argument("--only", nargs="+", choices=list(WORKLOADS))
    parser.add_argument("--page", type=Path, help="write the output into this page's text block")
    args = parser.parse_args()
    try:
        import torch

        torch.set_num_threads(max(1, torch.get_num_threads()))
        has_torch = True
    except ImportError:
        has_torch = False
    lines = []

    def say(line=""):
        print(line, flush=True)
        lines.append(line)

    say(f"numpy {np.__version__}; BLAS: {blas_info()}")
    say(f"BLAS environment variables: {environment()}")
    if has_torch:
        say(f"torch {torch.__version__}, {torch.get_num_threads()} threads")
    per_fault = fault_cost()
    say(f"one page fault (4 KiB): {per_fault * 1e6:.2f} us")
    say("")
    say("times in ms, medians; ratios to the floor; lib/course and lib/torch: library over them")
    header = (f"{'workload':8} {'dtype':7} {'floor':>8} {'library':>8} {'ratio':>5} "
              f"{'course':>8} {'ratio':>5} {'bare':>5} {'no dA':>5}")
    header += f" {'torch':>8} {'ratio':>5}" if has_torch else ""
    header += f" {'lib/course':>10}" + (f" {'lib/torch':>9}" if has_torch else "")
    say(header)
    memory = []
    for name, (dims, m) in WORKLOADS.items():
        if args.only and name not in args.only:
            continue
        for dtype in (np.float64, np.float32):
            parameters, X, Y = problem(dims, m, dtype)
            if dtype == np.float64:
                check(parameters, X, Y)
            _, grads = gradient(parameters, X, Y)
            assert all(g.dtype == dtype for g in grads.values()), "float32 was not kept"
            floor_args = floor_inputs(parameters, X, Y)
            step = torch_step(parameters, X, Y) if has_torch else None
            repeats = args.repeats or {"tiny": 3000, "wide": 25}.get(name, 150)
            lib, flo, bar, nda, cou, tor, lib_faults = [], [], [], [], [], [], 0
            for _ in range(3):  # warm up
                gradient(parameters, X, Y)
                floor(*floor_args)
                course_style.gradient(parameters, X, Y)
            runs = [(lib, gradient, (parameters, X, Y)), (flo, floor, floor_args),
                    (bar, bare, (parameters, X, Y)), (nda, bare_without_dA, (parameters, X, Y)),
                    (cou, course_style.gradient, (parameters, X, Y))]
            order = random.Random(0)
            for _ in range(repeats):
                order.shuffle(runs)  # no one runs always first, or always after another
                for times, f, f_args in runs:
                    before = faults()
                    times.append(timed(f, *f_args))
                    if f is gradient:
                        lib_faults += faults() - before
            for _ in range(3 if step else 0):
                step()
            for _ in range(repeats if step else 0):  # after, not interleaved: see above
                tor.append(timed(step))
            t_lib, t_floor = statistics.median(lib), statistics.median(flo)
            t_course = statistics.median(cou)
            row = (f"{name:8} {np.dtype(dtype).name:7} {t_floor * 1e3:8.3f} {t_lib * 1e3:8.3f} "
                   f"{t_lib / t_floor:5.2f} {t_course * 1e3:8.3f} {t_course / t_floor:5.2f} "
                   f"{statistics.median(bar) / t_floor:5.2f} "
                   f"{statistics.median(nda) / t_floor:5.2f}")
            if step:
                t_torch = statistics.median(tor)
                row += f" {t_torch * 1e3:8.3f} {t_torch / t_floor:5.2f}"
            row += f" {t_lib / t_course:10.2f}"
            if step:
                row += f" {t_lib / t_torch:9.2f}"
            say(row)
            n_faults = lib_faults / repeats
            memory.append(f"{name:8} {np.dtype(dtype).name:7} {peak_ratio(parameters, X, Y):8.2f} "
                          f"{n_faults:7.0f} {n_faults * per_fault / t_floor:11.2f}")
    say("")
    say("memory of the library: peak over what is kept; page faults per computation")
    say(f"{'workload':8} {'dtype':7} {'peak mem':>8} {'faults':>7} {'fault/floor':>11}")
    for line in memory:
        say(line)
    if args.page:
        write_page(args.page, lines)


def write_page(page: Path, lines: list[str]) -> None:
    """Put the output into the first text block after the page's "latest run" heading."""
    text = page.read_text(encoding="utf-8")
    start = text.index("```text\n", text.index("## The latest run")) + len("```text\n")
    end = text.index("```", start)
    page.write_text(text[:start] + "\n".join(lines) + "\n" + text[end:], encoding="utf-8")
    print(f"wrote the run into {page}")


if __name__ == "__main__":
    main()
