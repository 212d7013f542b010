"""Course reproduction: L_layer_model follows a plain, separately written loop.

The reference below is written the way the course's notebooks write it:
``np.random.seed(1)``, then ``randn`` layer by layer, the cost, the seed
``dAL = -(Y/AL - (1-Y)/(1-AL))`` and the four backward equations, with the
course's hyperparameters on data of the course's shapes (12288 × 209).

The course runs 2500 iterations, and so does this file: 25 recorded costs
per model. On a two-core machine one iteration of both loops costs about
12 ms for the 2-layer model and 20 ms for the 4-layer one (every pass reads
X, 20 MB, several times), so the file lasts about 80 s. For a quicker look
while working, set ``DNN_TEXTBOOK_COURSE_ITERATIONS`` to fewer.
"""

import os
import re

import numpy as np
import pytest

from dnn_textbook import L_layer_model


def reference_model(X, Y, layers_dims, learning_rate, num_iterations, scale):
    np.random.seed(1)
    L = len(layers_dims) - 1
    W, b = {}, {}
    for l in range(1, L + 1):
        n = np.random.randn(layers_dims[l], layers_dims[l - 1])
        W[l] = n * 0.01 if scale == 0.01 else n / np.sqrt(layers_dims[l - 1])
        b[l] = np.zeros((layers_dims[l], 1))
    m, costs = Y.shape[1], []
    for i in range(num_iterations):
        A, Zs, As = X, {}, {0: X}
        for l in range(1, L + 1):
            Zs[l] = W[l].dot(A) + b[l]
            A = 1 / (1 + np.exp(-Zs[l])) if l == L else np.maximum(0, Zs[l])
            As[l] = A
        cost = float(np.squeeze(-np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m))
        dA = -(np.divide(Y, A) - np.divide(1 - Y, 1 - A))
        for l in range(L, 0, -1):
            if l == L:
                s = 1 / (1 + np.exp(-Zs[l]))
                dZ = dA * s * (1 - s)
            else:
                dZ = np.array(dA, copy=True)
                dZ[Zs[l] <= 0] = 0
            dW = np.dot(dZ, As[l - 1].T) / m
            db = np.sum(dZ, axis=1, keepdims=True) / m
            dA = np.dot(W[l].T, dZ)
            W[l], b[l] = W[l] - learning_rate * dW, b[l] - learning_rate * db
        if i % 100 == 0:
            costs.append(cost)
    return costs


@pytest.fixture(scope="module")
def cat_like_data():
    rng = np.random.default_rng(2024)
    X = rng.integers(0, 256, size=(12288, 209)) / 255
    Y = (rng.random((1, 209)) < 0.35).astype(float)
    return X, Y


ITERATIONS = int(os.environ.get("DNN_TEXTBOOK_COURSE_ITERATIONS", "2500"))


@pytest.mark.parametrize(
    "dims, scale",
    [([12288, 7, 1], 0.01), ([12288, 20, 7, 5, 1], "xavier")],
    ids=["two_layer", "four_layer"],
)
def test_course_trajectory_is_reproduced(cat_like_data, dims, scale):
    X, Y = cat_like_data
    expected = reference_model(X, Y, dims, 0.0075, ITERATIONS, scale)
    _, costs = L_layer_model(
        X, Y, dims, 0.0075, ITERATIONS, print_cost=False, legacy_seed=1, scale=scale
    )
    assert len(costs) == len(expected) == -(-ITERATIONS // 100)
    np.testing.assert_allclose(costs, expected, rtol=0, atol=1e-12)
    assert costs[-1] < costs[0]


def small_problem():
    X = np.array([[0.0, 0.0, 1.0, 1.0], [0.0, 1.0, 0.0, 1.0]])
    return X, np.array([[0.0, 1.0, 1.0, 1.0]])


def test_progress_is_printed_every_100_iterations_by_default(capsys):
    X, Y = small_problem()
    _, costs = L_layer_model(X, Y, [2, 3, 1], 0.1, 250, legacy_seed=1)
    printed = re.findall(r"^Cost after iteration (\d+): (\S+)$", capsys.readouterr().out, re.M)
    # as the course: every 100 iterations, and the last one
    assert [int(i) for i, _ in printed] == [0, 100, 200, 249]
    assert [float(c) for _, c in printed[:3]] == costs


def test_print_cost_false_is_silent(capsys):
    X, Y = small_problem()
    L_layer_model(X, Y, [2, 3, 1], 0.1, 250, print_cost=False, legacy_seed=1)
    assert capsys.readouterr().out == ""
