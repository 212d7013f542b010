"""Calls a learner writes, as a type checker sees them (tests/test_types.py runs mypy on
this file; the calls are never executed).

Lists are accepted wherever an array is, float32 parameters are asked for with dtype, and
compute_dA_prev=False gives None for dA_prev. A line marked ``type: ignore`` is an error
the checker must report: mypy --strict also fails if that error goes away.
"""

import numpy as np
from typing_extensions import assert_type

from dnn_textbook import (
    ACTIVATIONS,
    L_layer_model,
    L_model_backward,
    L_model_forward,
    compute_cost,
    gradient_check,
    initialize_parameters_deep,
    linear_activation_backward,
    linear_backward,
    predict,
    relative_difference,
    sigmoid,
    update_parameters,
)
from dnn_textbook.types import FloatArray, Gradients, Parameters


def learner_calls() -> None:
    """Never called: pytest imports this file (for doctests), mypy reads it."""
    parameters = initialize_parameters_deep([2, 3, 1], np.random.default_rng(0), dtype=np.float32)
    assert_type(parameters, Parameters)
    parameters = initialize_parameters_deep([2, 3, 1], legacy_seed=3, scale="he")

    X = [[0.0, 0.0, 1.0, 1.0], [0.0, 1.0, 0.0, 1.0]]
    Y = [[0, 1, 1, 1]]
    AL, caches = L_model_forward(X, parameters)
    assert_type(AL, FloatArray)
    cost = compute_cost(AL, Y)
    assert_type(cost, float)
    grads = L_model_backward(AL, Y, caches)
    assert_type(grads, Gradients)
    parameters = update_parameters(parameters, grads, learning_rate=0.5)
    assert_type(predict(X, parameters), FloatArray)
    assert_type(predict(X, Y, parameters), FloatArray)  # the course's call
    assert_type(gradient_check(parameters, None, X, Y), float)
    assert_type(relative_difference([3.0001], [3.0]), float)

    dA_prev, dW, db = linear_backward(AL - 1.0, caches[-1])
    assert_type(dA_prev, FloatArray)
    no_dA, dW, db = linear_backward(AL - 1.0, caches[-1], compute_dA_prev=False)
    assert_type(no_dA, None)
    maybe, dW, db = linear_activation_backward(
        AL, caches[-1], "sigmoid", compute_dA_prev=len(X) > 1
    )
    assert_type(maybe, FloatArray | None)

    assert_type(sigmoid([0.0, 1.0]), FloatArray)
    ACTIVATIONS["swish"] = ACTIVATIONS["relu"]  # type: ignore[index]

    trained, costs = L_layer_model(
        np.array(X), np.array(Y), [2, 3, 1], print_cost=False, scale="he"
    )
    assert_type(trained, Parameters)
    assert_type(costs, list[float])
