"""The literate rule: every display equation is followed at once by a doctest.

A display equation is a ``.. math::`` block. The text after it, up to the
next display equation or the end of the docstring, must run at least one
``>>>`` example, so no equation is left unexecuted.
"""

import inspect
import re

import pytest

import dnn_textbook
from dnn_textbook import (
    activations,
    backward,
    chain,
    course_helpers,
    data,
    exercises,
    forward,
    gradient_checking,
    initialization,
    loss,
    notation,
    training,
)

MODULES = [
    notation,
    activations,
    forward,
    backward,
    chain,
    loss,
    initialization,
    gradient_checking,
    training,
    data,
    exercises,
    course_helpers,
]


def docstrings():
    for module in MODULES:
        yield module.__name__, module.__doc__ or ""
        for name, obj in vars(module).items():
            if (
                inspect.isfunction(obj) or inspect.isclass(obj)
            ) and obj.__module__ == module.__name__:
                yield f"{module.__name__}.{name}", obj.__doc__ or ""


ALL = list(docstrings())


@pytest.mark.parametrize("name, doc", ALL, ids=[n for n, _ in ALL])
def test_every_display_equation_has_its_doctest(name, doc):
    pieces = re.split(r"^\s*\.\. math::.*$", doc, flags=re.MULTILINE)
    for i, after in enumerate(pieces[1:], start=1):
        assert ">>>" in after, f"{name}: display equation {i} is not followed by a doctest"


def test_the_book_has_equations_and_doctests():
    equations = sum(len(re.findall(r"\.\. math::", d)) for _, d in ALL)
    examples = sum(len(re.findall(r"^\s*>>> ", d, flags=re.MULTILINE)) for _, d in ALL)
    print(f"{equations} display equations, {examples} doctest lines")
    assert equations >= 25 and examples >= 100


def test_public_api_is_sorted_and_complete():
    assert dnn_textbook.__all__ == sorted(
        dnn_textbook.__all__, key=str.lower
    ) or dnn_textbook.__all__ == sorted(dnn_textbook.__all__)
    for name in [
        "initialize_parameters_deep",
        "linear_forward",
        "linear_activation_forward",
        "L_model_forward",
        "compute_cost",
        "linear_backward",
        "linear_activation_backward",
        "L_model_backward",
        "update_parameters",
        "predict",
        "L_layer_model",
        "gradient_check",
        "sigmoid",
        "relu",
        "tanh",
        "leaky_relu",
        "identity",
        "sigmoid_derivative",
        "relu_derivative",
    ]:
        assert name in dnn_textbook.__all__
        assert callable(getattr(dnn_textbook, name))
