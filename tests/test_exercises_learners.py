"""What real learners get wrong, and what the checker must say of it.

Each submission below is written as a learner writes it in the course's
notebook: the functions of several exercises in one namespace, calling each
other by name, the course's helpers imported, assertions of their own. The
patterns are those seen in learners' solved notebooks and in a new learner's
trial (issue 24); the code is the project's own. Each submission is checked
in English, French and Ukrainian, with the same verdict in every language.

A submission's expected verdict is one of:

* ``mistake=(...)``: the ids the checker must name (and nothing else);
* ``callee=(function, ids)``: the mistake is in a function it calls, named
  first; ``own`` then says whether the function's own code is right;
* ``line="..."``: an exception, with the learner's line quoted;
* ``not_written=True``: the course's template, untouched.
"""

from __future__ import annotations

import itertools
import linecache
import re
import textwrap

import numpy as np
import pytest

from dnn_textbook import set_language
from dnn_textbook.exercises import MISTAKES, check

HEADER = """\
import copy
import numpy as np
from dnn_textbook.course_helpers import relu, relu_backward, sigmoid, sigmoid_backward
"""

# The functions a learner got right, written as the course's notebook asks.
RIGHT = {
    "linear_forward": """
def linear_forward(A, W, b):
    Z = np.dot(W, A) + b
    cache = (A, W, b)
    return Z, cache
""",
    "linear_activation_forward": """
def linear_activation_forward(A_prev, W, b, activation):
    if activation == "sigmoid":
        Z, linear_cache = linear_forward(A_prev, W, b)
        A, activation_cache = sigmoid(Z)
    elif activation == "relu":
        Z, linear_cache = linear_forward(A_prev, W, b)
        A, activation_cache = relu(Z)
    cache = (linear_cache, activation_cache)
    return A, cache
""",
    "L_model_forward": """
def L_model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A_prev = A
        A, cache = linear_activation_forward(A_prev, parameters['W' + str(l)],
                                             parameters['b' + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters['W' + str(L)],
                                          parameters['b' + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches
""",
    "linear_backward": """
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = 1 / m * np.dot(dZ, A_prev.T)
    db = 1 / m * np.sum(dZ, axis=1, keepdims=True)
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db
""",
    "linear_activation_backward": """
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA, activation_cache)
        dA_prev, dW, db = linear_backward(dZ, linear_cache)
    elif activation == "sigmoid":
        dZ = sigmoid_backward(dA, activation_cache)
        dA_prev, dW, db = linear_backward(dZ, linear_cache)
    return dA_prev, dW, db
""",
}

SUBMISSIONS: list[tuple[str, str, str, dict]] = []


def submission(exercise: str, style: str, source: str, *uses: str, **expect) -> None:
    """A learner's notebook: ``source`` for ``exercise``, beside the right ``uses``."""
    SUBMISSIONS.append((exercise, style, source, {"uses": uses, **expect}))


_cells = itertools.count()


def notebook(*sources: str) -> dict:
    """Run the cells as a notebook does: one namespace, each cell's lines known to linecache."""
    namespace: dict = {}
    for source in (HEADER, *sources):
        source = textwrap.dedent(source)
        name = f"<learner-cell-{next(_cells)}>"
        linecache.cache[name] = (len(source), None, source.splitlines(True), name)
        exec(compile(source, name, "exec"), namespace)
    return namespace


# --------------------------------------------------- 1. the backward chain broken

submission(
    "L_model_backward",
    "the seed fed to every hidden layer, through relu_backward",
    """
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = - (np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    current_cache = caches[L - 1]
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \\
        linear_activation_backward(dAL, current_cache, "sigmoid")
    for l in reversed(range(L - 1)):
        current_cache = caches[l]
        dA_prev_temp, dW_temp, db_temp = linear_activation_backward(dAL, current_cache, "relu")
        grads["dA" + str(l)] = dA_prev_temp
        grads["dW" + str(l + 1)] = dW_temp
        grads["db" + str(l + 1)] = db_temp
    return grads
""",
    "linear_backward",
    "linear_activation_backward",
    mistake=("chain-seed-everywhere",),
    says="layer 2 got a dA of shape (1, 5): the dA of layer 3, not of layer 2",
)

submission(
    "L_model_backward",
    "the seed fed to every hidden layer, through sigmoid_backward",
    """
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    for l in reversed(range(L)):
        linear_cache, activation_cache = caches[l]
        dZ = sigmoid_backward(dAL, activation_cache)
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = \\
            linear_backward(dZ, linear_cache)
    return grads
""",
    "linear_backward",
    mistake=("chain-seed-everywhere", "hidden-sigmoid"),
)

submission(
    "L_model_backward",
    "every hidden layer reads the output layer's dA_prev",
    """
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \\
        linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in reversed(range(L - 1)):
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(L - 1)], caches[l], "relu")
        grads["dA" + str(l)] = dA_prev
        grads["dW" + str(l + 1)] = dW
        grads["db" + str(l + 1)] = db
    return grads
""",
    "linear_backward",
    "linear_activation_backward",
    mistake=("chain-broken",),
)

submission(
    "L_model_backward",
    "hidden layer l reads caches[L - 2 - l], right only for L = 2",
    """
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    dA, grads["dW" + str(L)], grads["db" + str(L)] = \\
        linear_activation_backward(dAL, caches[-1], "sigmoid")
    grads["dA" + str(L - 1)] = dA
    for l in reversed(range(L - 1)):
        dA, grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = \\
            linear_activation_backward(dA, caches[L - 2 - l], "relu")
        grads["dA" + str(l)] = dA
    return grads
""",
    "linear_backward",
    "linear_activation_backward",
    mistake=("cache-off-by-one",),
)

# ------------------------------------------- 2. an exception, with the learner's line

submission(
    "linear_backward",
    "the learner's own assert fails",
    """
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.dot(dZ.T, A_prev) / m
    assert dW.shape == W.shape
    db = np.sum(dZ, axis=1, keepdims=True) / m
    return np.dot(W.T, dZ), dW, db
""",
    line="linear_backward, line 5: assert dW.shape == W.shape",
)

submission(
    "linear_activation_backward",
    "relu_backward given the linear cache: numpy raises inside the helper",
    """
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA, linear_cache)
    else:
        dZ = sigmoid_backward(dA, activation_cache)
    return linear_backward(dZ, linear_cache)
""",
    "linear_backward",
    line="linear_activation_backward, line 4: dZ = relu_backward(dA, linear_cache)",
)

submission(
    "linear_backward",
    "np.dot with A_prev not transposed: shapes not aligned",
    """
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db
""",
    line="linear_backward, line 4: dW = np.dot(dZ, A_prev) / m",
)

# ------------------------------------------------ 3. the mistake is in the callee

WRONG_LINEAR_BACKWARD = """
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=0, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db
"""

submission(
    "linear_activation_backward",
    "right, but calls a linear_backward that sums db over the wrong axis",
    WRONG_LINEAR_BACKWARD + RIGHT["linear_activation_backward"],
    callee=("linear_backward", ("db-wrong-axis",)),
    own=True,
)

submission(
    "L_model_backward",
    "right, but two levels above a wrong linear_backward",
    WRONG_LINEAR_BACKWARD
    + RIGHT["linear_activation_backward"]
    + """
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    for l in reversed(range(1, L + 1)):
        activation = "sigmoid" if l == L else "relu"
        dA, grads["dW" + str(l)], grads["db" + str(l)] = \\
            linear_activation_backward(dA, caches[l - 1], activation)
        grads["dA" + str(l - 1)] = dA
    return grads
""",
    callee=("linear_backward", ("db-wrong-axis",)),
    own=True,
)

submission(
    "linear_activation_backward",
    "a wrong callee and a mistake of its own (the slope forgotten for the sigmoid)",
    WRONG_LINEAR_BACKWARD
    + """
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA, activation_cache)
    else:
        dZ = dA
    return linear_backward(dZ, linear_cache)
""",
    callee=("linear_backward", ("db-wrong-axis",)),
    own=False,
    mistake=("g-prime-missing",),
)

submission(
    "L_model_forward",
    "right, but calls a linear_forward without b",
    """
def linear_forward(A, W, b):
    Z = np.dot(W, A)
    return Z, (A, W, b)
"""
    + RIGHT["linear_activation_forward"]
    + RIGHT["L_model_forward"],
    callee=("linear_forward", ("forward-no-bias",)),
    own=True,
)

# ------------------------------------------------------------ 4. a squeezed db

submission(
    "linear_backward",
    "db squeezed: a number when n[l] = 1",
    """
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.squeeze(np.sum(dZ, axis=1, keepdims=True)) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db
""",
    mistake=("db-no-keepdims",),
)

# -------------------------------------------------------- 5. one layer, five layers

submission(
    "L_model_forward",
    "the output layer reads A_prev, set only inside the loop",
    """
def L_model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A_prev = A
        A, cache = linear_activation_forward(A_prev, parameters['W' + str(l)],
                                             parameters['b' + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A_prev if L > 1 else B, parameters['W' + str(L)],
                                          parameters['b' + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches
""",
    "linear_forward",
    "linear_activation_forward",
    line="L_model_forward, line 10: AL, cache = linear_activation_forward(",
)

submission(
    "L_model_forward",
    "W1 and W2 written out: right only for two layers",
    """
def L_model_forward(X, parameters):
    A1, cache1 = linear_activation_forward(X, parameters["W1"], parameters["b1"], "relu")
    AL, cache2 = linear_activation_forward(A1, parameters["W2"], parameters["b2"], "sigmoid")
    return AL, [cache1, cache2]
""",
    "linear_forward",
    "linear_activation_forward",
    line="L_model_forward, line 3: AL, cache2 = linear_activation_forward(",
)

# ------------------------------------------------------ 6. the initialization's scale

submission(
    "initialize_parameters_deep",
    "randn without the course's 0.01",
    """
def initialize_parameters_deep(layer_dims):
    np.random.seed(3)
    parameters = {}
    L = len(layer_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1])
        parameters['b' + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters
""",
    mistake=("init-no-scale",),
)

submission(
    "initialize_parameters_deep",
    "np.random.rand: uniform, all positive",
    """
def initialize_parameters_deep(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters['W' + str(l)] = np.random.rand(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters['b' + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters
""",
    mistake=("init-rand",),
)

# ----------------------------------------------------- 7. the course's own templates

submission(
    "linear_backward",
    "the 2018 template: None placeholders",
    """
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]

    ### START CODE HERE ### (≈ 3 lines of code)
    dW = None
    db = None
    dA_prev = None
    ### END CODE HERE ###

    assert (dA_prev.shape == A_prev.shape)
    assert (dW.shape == W.shape)
    assert (db.shape == b.shape)

    return dA_prev, dW, db
""",
    not_written=True,
)

submission(
    "initialize_parameters_deep",
    "the W4A1 template: an empty body under the asserts",
    """
def initialize_parameters_deep(layer_dims):
    np.random.seed(3)
    parameters = {}
    L = len(layer_dims)

    for l in range(1, L):
        # YOUR CODE STARTS HERE

        # YOUR CODE ENDS HERE

        assert(parameters['W' + str(l)].shape == (layer_dims[l], layer_dims[l - 1]))
        assert(parameters['b' + str(l)].shape == (layer_dims[l], 1))

    return parameters
""",
    not_written=True,
)

submission(
    "L_model_forward",
    "the 2018 template of L_model_forward",
    """
def L_model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A_prev = A
        A, cache = None
    AL, cache = None
    assert(AL.shape == (1, X.shape[1]))
    return AL, caches
""",
    not_written=True,
)

# ------------------------------------------------------------------- 8. the cost

submission(
    "compute_cost",
    "log(AL) in both terms",
    """
def compute_cost(AL, Y):
    m = Y.shape[1]
    cost = -1 / m * np.sum(Y * np.log(AL) + (1 - Y) * np.log(AL))
    return np.squeeze(cost)
""",
    mistake=("cost-wrong-log",),
)

submission(
    "compute_cost",
    "the second term as np.sum's second argument",
    """
def compute_cost(AL, Y):
    m = Y.shape[1]
    cost = -1 / m * np.sum(np.multiply(Y, np.log(AL)), np.multiply(1 - Y, np.log(1 - AL)))
    return np.squeeze(cost)
""",
    line="compute_cost, line 3: cost = -1 / m * np.sum(",
    says="np.sum's second argument is the axis",
)

# ---------------------------------------------------- 9 and 10. smaller ones

LMB_LOOP = """
def L_model_backward(AL, Y, caches):
    grads = {{}}
    L = len(caches)
    dAL = {seed}
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \\
        linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in reversed(range(L - 1)):
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")
        grads["dA" + str({dA_key})] = dA_prev
        grads["dW" + str({dW_key})] = dW
        grads["db" + str({dW_key})] = db
    return grads
"""
BACKWARD_CALLS = ("linear_backward", "linear_activation_backward")
SEED = "-(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))"


def lmb(seed: str = SEED, dA_key: str = "l", dW_key: str = "l + 1") -> str:
    return LMB_LOOP.format(seed=seed, dA_key=dA_key, dW_key=dW_key)


submission(
    "L_model_backward",
    "the output layer's step given AL",
    lmb(seed="AL"),
    *BACKWARD_CALLS,
    mistake=("seed-is-AL",),
)
submission(
    "L_model_backward",
    "a sign on the second term of the seed",
    lmb(seed="-(Y / AL + (1 - Y) / (1 - AL))"),
    *BACKWARD_CALLS,
    mistake=("seed-sign",),
)
submission(
    "L_model_backward",
    "a sign on the first term of the seed",
    lmb(seed="Y / AL + (1 - Y) / (1 - AL)"),
    *BACKWARD_CALLS,
    mistake=("seed-sign",),
)
submission(
    "L_model_backward",
    "1/m put into the seed",
    lmb(seed="-(Y / AL - (1 - Y) / (1 - AL)) / AL.shape[1]"),
    *BACKWARD_CALLS,
    mistake=("seed-with-1/m",),
)
submission(
    "L_model_backward",
    "dA_prev stored one key up inside the loop",
    """
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    dA, grads["dW" + str(L)], grads["db" + str(L)] = \\
        linear_activation_backward(dA, caches[L - 1], "sigmoid")
    grads["dA" + str(L - 1)] = dA
    for l in reversed(range(L - 1)):
        dA, grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = \\
            linear_activation_backward(dA, caches[l], "relu")
        grads["dA" + str(l + 1)] = dA
    return grads
""",
    *BACKWARD_CALLS,
    mistake=("grads-key-off-by-one",),
)
submission(
    "L_model_backward",
    "dW and db of a hidden layer under the layer below's key",
    lmb(dW_key="l"),
    *BACKWARD_CALLS,
    mistake=("grads-key-off-by-one",),
)
submission(
    "L_model_backward",
    "the output layer reads caches[L]",
    """
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    current_cache = caches[L]
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \\
        linear_activation_backward(dAL, current_cache, "sigmoid")
    return grads
""",
    *BACKWARD_CALLS,
    line="L_model_backward, line 5: current_cache = caches[L]",
)
submission(
    "L_model_backward",
    "A - Y through the sigmoid's slope again",
    lmb(seed="AL - Y"),
    *BACKWARD_CALLS,
    mistake=("seed-is-dZ",),
)
submission(
    "L_model_forward",
    "the caches never appended",
    RIGHT["L_model_forward"].replace("        caches.append(cache)\n", ""),
    "linear_forward",
    "linear_activation_forward",
    mistake=("caches-wrong",),
)
submission(
    "L_model_forward",
    "the caches overwritten by each layer's",
    RIGHT["L_model_forward"]
    .replace("        caches.append(cache)\n", "        caches = [cache]\n")
    .replace("    caches.append(cache)\n    return", "    caches = [cache]\n    return"),
    "linear_forward",
    "linear_activation_forward",
    mistake=("caches-wrong",),
)
submission(
    "L_model_forward",
    "the caches in the wrong order",
    RIGHT["L_model_forward"].replace("caches.append(cache)", "caches.insert(0, cache)"),
    "linear_forward",
    "linear_activation_forward",
    mistake=("caches-wrong",),
)
submission(
    "L_model_forward",
    "the loop over the hidden layers one short",
    RIGHT["L_model_forward"]
    .replace("range(1, L)", "range(1, L - 1)")
    .replace("A_prev = A\n", "A_prev = A\n")
    .replace(
        "linear_activation_forward(A, parameters['W' + str(L)]",
        "linear_activation_forward(A, parameters['W' + str(L)]",
    ),
    "linear_forward",
    "linear_activation_forward",
    mistake=("loop-off-by-one",),
)
submission(
    "L_model_backward",
    "the loop over the hidden layers one short: layer 1 never done",
    lmb().replace("reversed(range(L - 1))", "reversed(range(1, L - 1))"),
    *BACKWARD_CALLS,
    mistake=("loop-off-by-one",),
)

# ------------------------------------------------------- the new learner's list

submission(
    "linear_activation_backward",
    "ReLU's slope 1 at Z = 0 (Z >= 0)",
    """
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        dZ = dA * (Z >= 0)
    else:
        s = 1 / (1 + np.exp(-Z))
        dZ = dA * s * (1 - s)
    return linear_backward(dZ, linear_cache)
""",
    "linear_backward",
    mistake=("relu-prime-wrong",),
)
submission(
    "linear_activation_backward",
    "the sigmoid's step forgets the factor dA",
    """
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        dZ = relu_backward(dA, Z)
    else:
        s = 1 / (1 + np.exp(-Z))
        dZ = s * (1 - s)
    return linear_backward(dZ, linear_cache)
""",
    "linear_backward",
    mistake=("dZ-no-dA",),
)
submission(
    "linear_forward",
    "b flattened",
    """
def linear_forward(A, W, b):
    Z = np.dot(W, A) + b.ravel()
    return Z, (A, W, b)
""",
    mistake=("b-flattened",),
)
submission(
    "update_parameters",
    "only the last layer updated: the update outside the loop",
    """
def update_parameters(params, grads, learning_rate):
    parameters = copy.deepcopy(params)
    L = len(parameters) // 2
    for l in range(L):
        pass
    W, b = "W" + str(l + 1), "b" + str(l + 1)
    parameters[W] = parameters[W] - learning_rate * grads["d" + W]
    parameters[b] = parameters[b] - learning_rate * grads["d" + b]
    return parameters
""",
    mistake=("update-skips-layer",),
)
submission(
    "update_parameters",
    "b never updated",
    """
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    for l in range(L):
        parameters["W" + str(l + 1)] -= learning_rate * grads["dW" + str(l + 1)]
    return parameters
""",
    mistake=("update-b-missing",),
)
submission(
    "linear_backward",
    "1 // m",
    """
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = 1 // m * np.dot(dZ, A_prev.T)
    db = 1 // m * np.sum(dZ, axis=1, keepdims=True)
    return np.dot(W.T, dZ), dW, db
""",
    mistake=("floor-division",),
)
submission(
    "update_parameters",
    "lower-case keys",
    """
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    new = {}
    for l in range(1, L + 1):
        new["w" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        new["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return new
""",
    says="it has 'w1', 'b1'",
)


# ------------------------------------------------- the same mistakes, written another way

submission(
    "linear_forward",
    "b reshaped to (n,)",
    """
def linear_forward(A, W, b):
    Z = W @ A + b.reshape(-1)
    return Z, (A, W, b)
""",
    mistake=("b-flattened",),
)
submission(
    "L_model_backward",
    "the 2017 keys, every hidden layer reads grads['dA' + str(L)]",
    """
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads["dA" + str(L)], grads["dW" + str(L)], grads["db" + str(L)] = \\
        linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in reversed(range(L - 1)):
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(L)], caches[l], "relu")
        grads["dA" + str(l + 1)] = dA_prev
        grads["dW" + str(l + 1)] = dW
        grads["db" + str(l + 1)] = db
    return grads
""",
    *BACKWARD_CALLS,
    mistake=("chain-broken",),
)
submission(
    "compute_cost",
    "log(AL) in both terms, with np.dot",
    """
def compute_cost(AL, Y):
    m = Y.shape[1]
    cost = -(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(AL).T)) / m
    return float(np.squeeze(cost))
""",
    mistake=("cost-wrong-log",),
)
submission(
    "linear_activation_backward",
    "ReLU's step forgets the factor dA",
    """
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = (activation_cache > 0).astype(float)
    else:
        dZ = sigmoid_backward(dA, activation_cache)
    return linear_backward(dZ, linear_cache)
""",
    "linear_backward",
    mistake=("dZ-no-dA",),
)
submission(
    "linear_backward",
    "1 // m on dW only",
    """
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) * (1 // m)
    db = np.sum(dZ, axis=1, keepdims=True) / m
    return np.dot(W.T, dZ), dW, db
""",
    mistake=("floor-division",),
)
submission(
    "L_model_backward",
    "one loop from L down, starting from AL",
    """
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dA = AL
    for l in range(L, 0, -1):
        activation = "sigmoid" if l == L else "relu"
        dA, grads["dW" + str(l)], grads["db" + str(l)] = \\
            linear_activation_backward(dA, caches[l - 1], activation)
        grads["dA" + str(l - 1)] = dA
    return grads
""",
    *BACKWARD_CALLS,
    mistake=("seed-is-AL",),
)
submission(
    "L_model_backward",
    "dZ = AL - Y given to the sigmoid's step, one loop",
    """
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dA = AL - Y.reshape(AL.shape)
    for l in range(L, 0, -1):
        activation = "sigmoid" if l == L else "relu"
        dA, grads["dW" + str(l)], grads["db" + str(l)] = \\
            linear_activation_backward(dA, caches[l - 1], activation)
        grads["dA" + str(l - 1)] = dA
    return grads
""",
    *BACKWARD_CALLS,
    mistake=("seed-is-dZ",),
)
submission(
    "L_model_backward",
    "1/m in front of the seed",
    lmb(seed="(1 / AL.shape[1]) * (-(Y / AL) + (1 - Y) / (1 - AL))"),
    *BACKWARD_CALLS,
    mistake=("seed-with-1/m",),
)


# -------------------------------------------------------------- forms no list named

submission(
    "linear_activation_backward",
    "the whole cache handed to a right linear_backward",
    """
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA, activation_cache)
    else:
        dZ = sigmoid_backward(dA, activation_cache)
    return linear_backward(dZ, cache)
""",
    "linear_backward",
    line="linear_activation_backward, line 7: return linear_backward(dZ, cache)",
    says="in linear_backward, line 2: A_prev, W, b = cache",
)
submission(
    "linear_backward",
    "m read from the rows of A_prev",
    """
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[0]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    return np.dot(W.T, dZ), dW, db
""",
    mistake=("m-from-rows",),
)
submission(
    "linear_backward",
    "m = len(A_prev): the rows again",
    """
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = len(A_prev)
    return W.T @ dZ, dZ @ A_prev.T / m, dZ.sum(axis=1, keepdims=True) / m
""",
    mistake=("m-from-rows",),
)
submission(
    "linear_activation_forward",
    "A kept in the cache, the learner's own sigmoid",
    """
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A = 1 / (1 + np.exp(-Z))
    else:
        A = np.maximum(0, Z)
    return A, (linear_cache, A)
""",
    "linear_forward",
    mistake=("cache-holds-A",),
)
submission(
    "linear_activation_forward",
    "the activation cache overwritten by A",
    """
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A, activation_cache = sigmoid(Z)
    elif activation == "relu":
        A, activation_cache = relu(Z)
    activation_cache = A
    return A, (linear_cache, activation_cache)
""",
    "linear_forward",
    mistake=("cache-holds-A",),
)


# ----------------------------------------------------------------------- the tests

# Words of the English reports that the French and Ukrainian ones never show.
ENGLISH = ("expected", "raised", "case ", "Mistake", "See the section", "which", "got a dA")


def line_word(language: str) -> str:
    """The word before a line's number in a report: the code that follows is the learner's."""
    return {"en": "line", "fr": "ligne", "uk": "рядок"}[language]


def _checked(exercise, source, uses, language):
    """The result and its report, both made in ``language``."""
    namespace = notebook(*(RIGHT[name] for name in uses), source)
    set_language(language)
    try:
        result = check(exercise, namespace[exercise])
        return result, str(result)
    finally:
        set_language("en")


@pytest.mark.parametrize("language", ["en", "fr", "uk"])
@pytest.mark.parametrize(
    "exercise, source, expect",
    [pytest.param(e, s, x, id=f"{e}: {style}") for e, style, s, x in SUBMISSIONS],
)
def test_a_learners_mistake_is_named(exercise, source, expect, language):
    result, report = _checked(exercise, source, expect["uses"], language)
    assert not result.passed, report
    assert set(result.mistakes) <= set(MISTAKES), report
    if "mistake" in expect:
        assert set(result.mistakes) == set(expect["mistake"]), report
    if "callee" in expect:
        function, mistakes = expect["callee"]
        assert result.callees[0] == (function, mistakes), report
        assert result.own_passed is expect["own"], report
        assert function in report.splitlines()[2], report  # said first, under the summary
    if "line" in expect:
        function, rest = expect["line"].split(", line ")
        line, code = rest.split(": ", 1)
        quoted = [row for row in report.splitlines() if function in row and code in row]
        assert quoted and all(line in row for row in quoted), report
    if expect.get("not_written"):
        assert result.mistakes == (), report
    if language == "en":
        if expect.get("not_written"):
            assert "not written yet" in report, report
        if "says" in expect:
            assert expect["says"] in report, report
    else:
        for row in report.splitlines():
            # Python's and numpy's own messages, and the learner's code, stay as they are
            prose = re.sub(r"\w+Error\s?: .*\(", "(", row).split(f"{line_word(language)} ")[0]
            assert not any(word in prose for word in ENGLISH), report


def test_a_report_in_french_names_a_list_in_french():
    source = """
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    return [np.dot(W.T, dZ), np.dot(dZ, A_prev.T)]
"""
    _, report = _checked("linear_backward", source, (), "fr")
    assert "une liste de 2 éléments" in report, report
    _, report = _checked("linear_backward", source, (), "uk")
    assert "список" in report and "list" not in report, report


def test_the_note_on_the_2017_keys_says_which_notebook_uses_which():
    source = lmb().replace('grads["dA" + str(l)] = dA_prev', 'grads["dA" + str(l + 1)] = dA_prev')
    source = source.replace(
        'grads["dA" + str(L - 1)], grads["dW"', 'grads["dA" + str(L)], grads["dW"'
    )
    source = source.replace(
        'grads["dA" + str(l + 1)], caches[l]', 'grads["dA" + str(l + 2)], caches[l]'
    )
    result, report = _checked("L_model_backward", source, BACKWARD_CALLS, "en")
    assert result.passed, report
    note = result.notes[0]
    assert "2017" in note and "2018" in note and "dA0" in note


def test_hidden_cases_have_the_published_shapes_and_other_values():
    from dnn_textbook.exercises import cases

    published = cases.cases("linear_backward")
    drawn = cases.cases("linear_backward", seed=7)
    hidden = drawn[len(published) :]
    random = [case for case in published if case.expected is None]
    assert len(hidden) == len(random) == 2
    for mine, theirs in zip(hidden, random, strict=True):
        assert mine.args[0].shape == theirs.args[0].shape
        assert not np.array_equal(mine.args[0], theirs.args[0])
    assert all(
        np.array_equal(a.args[0], b.args[0])
        for a, b in zip(drawn, cases.cases("linear_backward", seed=7), strict=True)
    )
    assert not np.array_equal(hidden[0].args[0], cases.cases("linear_backward", seed=8)[-2].args[0])
