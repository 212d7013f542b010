"""Is the learner's function still the course's template?

No version of the course's notebook raises ``NotImplementedError``: the 2018
notebook leaves placeholders (``dW = None``), W4A1 an empty space between
``# YOUR CODE STARTS HERE`` and ``# YOUR CODE ENDS HERE``, under the lines
the notebook gives (``A_prev, W, b = cache``, ``m = A_prev.shape[1]``,
``grads = {}``, asserts, the ``return``). Such a function fails with
``cannot unpack non-iterable NoneType object`` or ``KeyError: 'W1'``; it is
"not written yet". A function is taken for the template when every line of
it is of those kinds: no computation of the learner's own.

>>> def linear_backward(dZ, cache):
...     A_prev, W, b = cache
...     m = A_prev.shape[1]
...     dA_prev = None
...     dW = None
...     db = None
...     assert dA_prev.shape == A_prev.shape
...     return dA_prev, dW, db
>>> only_template(linear_backward)
True
>>> import numpy as np
>>> def written(dZ, cache):
...     A_prev, W, b = cache
...     return None, np.dot(dZ, A_prev.T), None
>>> only_template(written)
False
"""

from __future__ import annotations

import ast
import inspect
import textwrap
from collections.abc import Callable
from typing import Any

# calls that the templates make on lines they give: len(layer_dims), np.squeeze(cost),
# params.copy(), copy.deepcopy(params), Y.reshape(AL.shape), np.random.seed(3), str(l)
_GIVEN_CALLS = {"len", "squeeze", "copy", "deepcopy", "reshape", "seed", "str", "range", "reversed"}


def only_template(fn: Callable[..., Any]) -> bool:
    """Whether ``fn`` holds nothing but the lines of the course's template."""
    try:
        source = textwrap.dedent(inspect.getsource(fn))
    except (OSError, TypeError):
        return False
    return only_template_source(source)


def only_template_source(source: str) -> bool:
    """Whether the source of one function holds nothing but the lines of the template."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, IndentationError, ValueError):
        return False
    functions = [node for node in tree.body if isinstance(node, ast.FunctionDef)]
    if len(functions) != 1:
        return False
    return all(_given(statement) for statement in functions[0].body)


def _given(node: ast.stmt) -> bool:
    """Whether a statement is of the kinds a template gives, computing nothing of the learner's."""
    if isinstance(node, ast.Pass | ast.Assert | ast.Import | ast.ImportFrom | ast.Global):
        return True
    if isinstance(node, ast.Return):
        return node.value is None or _none(node.value) or _trivial(node.value)
    if isinstance(node, ast.Expr):
        return isinstance(node.value, ast.Constant) or _trivial(node.value)
    if isinstance(node, ast.Assign | ast.AnnAssign):
        value = node.value
        return value is None or _none(value) or _trivial(value)
    if isinstance(node, ast.For | ast.If):  # a template never loops with while
        return all(_given(inner) for inner in node.body + node.orelse)
    return False


def _none(value: ast.expr) -> bool:
    """``None``, or a tuple of ``None``."""
    if isinstance(value, ast.Constant):
        return value.value is None
    return isinstance(value, ast.Tuple) and all(_none(item) for item in value.elts)


def _trivial(value: ast.expr) -> bool:
    """A name, a constant, an index, an empty dict or list, ``len(x) // 2``, a given call."""
    if isinstance(value, ast.Constant | ast.Name):
        return True
    if isinstance(value, ast.Dict | ast.List | ast.Tuple):
        items: list[ast.expr | None] = (
            [*value.keys, *value.values] if isinstance(value, ast.Dict) else [*value.elts]
        )
        return all(item is not None and _trivial(item) for item in items)
    if isinstance(value, ast.Attribute):
        return _trivial(value.value)
    if isinstance(value, ast.Subscript):  # caches[l - 1], parameters["W" + str(l)]
        indexed = isinstance(value.value, ast.Name | ast.Attribute | ast.Subscript)
        return indexed and _trivial(value.value) and _trivial(value.slice)
    if isinstance(value, ast.BinOp):
        # len(parameters) // 2, "W" + str(l), l + 1: indices and keys, not computations
        simple = isinstance(value.op, ast.FloorDiv | ast.Add | ast.Sub)
        return simple and _counting(value.left) and _counting(value.right)
    if isinstance(value, ast.Call):
        function = value.func
        name = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")
        return name in _GIVEN_CALLS and all(_trivial(arg) for arg in value.args)
    return False


def _counting(value: ast.expr) -> bool:
    """An operand of an index or a key: an int or str constant, a name, len(...) or str(...)."""
    if isinstance(value, ast.Constant):
        return isinstance(value.value, int | str)
    if isinstance(value, ast.BinOp):
        return _trivial(value)
    if isinstance(value, ast.Call):
        return getattr(value.func, "id", "") in ("len", "str")
    return isinstance(value, ast.Name | ast.Subscript | ast.Attribute) and _trivial(value)
