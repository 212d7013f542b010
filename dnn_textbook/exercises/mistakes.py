"""The mistakes the checker knows: what each means, and where the book derives the equation.

Each id names one mistake a learner makes, in the lecture's words, with the
section of the book that derives the right equation. A variant of the
reference (:mod:`.reference`) may carry a suffix: ``"db-wrong-axis:all"`` is
another way of making the same mistake, ``"hidden-sigmoid@1"`` the mistake
made at one place only (layer 1). The part before the colon or the ``@`` is
the id the learner sees.
"""

from __future__ import annotations


def _(message: str) -> str:
    """Mark a sentence for the catalog; the checker translates it when it shows it."""
    return message


#: The sections of the book that the mistakes point to: (doc, anchor) -> title.
SECTIONS: dict[tuple[str, str], str] = {
    ("forward", "the-forward-step-of-a-layer"): _(
        "Forward propagation: The forward step of a layer"
    ),
    ("forward", "activation-functions"): _("Forward propagation: Activation functions"),
    ("putting_together", "the-chain-of-layers"): _("Putting it together: The chain of layers"),
    ("putting_together", "the-loss-and-the-seed-of-the-backward-pass"): _(
        "Putting it together: The loss and the seed of the backward pass"
    ),
    ("backward", "what-the-backward-pass-computes"): _(
        "Backward propagation: What the backward pass computes"
    ),
    ("backward", "the-four-equations"): _("Backward propagation: The four equations"),
    ("backward", "the-vectorized-step"): _("Backward propagation: The vectorized step"),
    ("backward", "derivatives-of-the-activation-functions"): _(
        "Backward propagation: Derivatives of the activation functions"
    ),
    ("training", "initialization"): _("Training: Initialization"),
    ("training", "gradient-descent"): _("Training: Gradient descent"),
}

#: The columns of the book's table of the mistakes (docs/_ext/mistake_table.py).
TABLE_HEADERS = (_("Mistake"), _("What it means"), _("The section that derives the equation"))

_FWD = ("forward", "the-forward-step-of-a-layer")
_ACT = ("forward", "activation-functions")
_CHAIN = ("putting_together", "the-chain-of-layers")
_LOSS = ("putting_together", "the-loss-and-the-seed-of-the-backward-pass")
_VEC = ("backward", "the-vectorized-step")
_FOUR = ("backward", "the-four-equations")
_ONE_OVER_M = ("backward", "what-the-backward-pass-computes")
_DERIV = ("backward", "derivatives-of-the-activation-functions")

#: id -> (what it means, in the lecture's words; the section that derives the equation).
MEANINGS: dict[str, tuple[str, tuple[str, str]]] = {
    "forward-no-bias": (_("Z = W A_prev forgets the bias: Z = W A_prev + b."), _FWD),
    "forward-elementwise": (
        _("W A_prev is a matrix product (np.dot), not an entry-by-entry product (*)."),
        _FWD,
    ),
    "b-flattened": (
        _(
            "b is a column of shape (n[l], 1), added to every example; flattened to (n[l],), "
            "numpy adds it along the rows instead (and raises unless m = n[l])."
        ),
        _FWD,
    ),
    "caches-wrong": (
        _(
            "L_model_forward returns the cache of every layer, in their order: caches[l - 1] is "
            "layer l's (caches.append(cache) inside the loop)."
        ),
        _CHAIN,
    ),
    "loop-off-by-one": (
        _(
            "The loop over the hidden layers misses one: they are the layers 1 to L - 1, "
            "range(1, L) in the forward pass, reversed(range(1, L)) in the backward pass."
        ),
        _CHAIN,
    ),
    "activation-swapped": (_("ReLU and sigmoid are swapped: each layer uses the other one."), _ACT),
    "activation-missing": (_("The activation is not applied: A = g(Z), not A = Z."), _ACT),
    "output-relu": (
        _("The output layer L uses the sigmoid, not ReLU: A[L] is a probability."),
        _CHAIN,
    ),
    "hidden-sigmoid": (_("The hidden layers 1 to L-1 use ReLU, not the sigmoid."), _CHAIN),
    "cache-holds-A": (
        _(
            "The cache keeps Z, not A: the backward step takes the slope g′ at Z "
            "(cache = (linear_cache, activation_cache), with activation_cache = Z)."
        ),
        _ACT,
    ),
    "cost-no-mean": (_("The cost is the mean of the m losses: it divides by m."), _LOSS),
    "cost-sign": (_("The cost has the wrong sign: J = -(1/m) sum(...), with a minus."), _LOSS),
    "cost-missing-term": (
        _("A term of the cross-entropy is missing: y log(a) + (1 - y) log(1 - a)."),
        _LOSS,
    ),
    "cost-wrong-log": (
        _(
            "The second term of the cross-entropy takes log(1 - a), not log(a): "
            "y log(a) + (1 - y) log(1 - a). At a = 0.5 both are the same number."
        ),
        _LOSS,
    ),
    "cost-not-scalar": (
        _("The cost is a number, not an array of shape (1, 1) or (1,): np.squeeze it."),
        _LOSS,
    ),
    "dW-no-1/m": (_("dW = (1/m) dZ A_prev^T: the factor 1/m is missing."), _ONE_OVER_M),
    "db-no-1/m": (
        _("db = (1/m) sum over the examples of dZ: the factor 1/m is missing."),
        _ONE_OVER_M,
    ),
    "db-no-keepdims": (
        _("db has lost its column: it has the shape (n, 1) of b, not (n,) (keepdims=True)."),
        _VEC,
    ),
    "db-wrong-axis": (
        _("db sums dZ over the examples, its columns (axis=1), not over the units."),
        _VEC,
    ),
    "m-from-rows": (
        _(
            "m is the number of examples, the columns of A_prev: m = A_prev.shape[1], "
            "not A_prev.shape[0]."
        ),
        _ONE_OVER_M,
    ),
    "floor-division": (
        _("1 // m is a division of integers: 0 for every m > 1. Write 1 / m, or divide by m."),
        _ONE_OVER_M,
    ),
    "dW-no-transpose": (
        _("dW = (1/m) dZ A_prev^T: A_prev is transposed, and comes second."),
        _FOUR,
    ),
    "dA-prev-no-transpose": (_("dA_prev = W^T dZ: W is transposed."), _FOUR),
    "dA-prev-with-1/m": (
        _("dA_prev = W^T dZ has no factor 1/m: it keeps one column per example."),
        _ONE_OVER_M,
    ),
    "g-prime-missing": (_("dZ = dA * g′(Z): the slope g′ of the activation is missing."), _FOUR),
    "dZ-no-dA": (
        _("dZ = dA * g′(Z): the factor dA is missing, g′(Z) alone is the slope, not dZ."),
        _FOUR,
    ),
    "g-prime-of-A": (_("g′ is taken at A, not at Z: dZ = dA * g′(Z)."), _FOUR),
    "sigmoid-prime-wrong": (
        _("The slope of the sigmoid is s (1 - s), with s = sigmoid(Z)."),
        _DERIV,
    ),
    "relu-prime-wrong": (_("The slope of ReLU is 1 where Z > 0 and 0 elsewhere."), _DERIV),
    "seed-sign": (
        _(
            "A sign of the seed is wrong: dA[L] = -(Y / A[L] - (1 - Y) / (1 - A[L])), "
            "that is -Y / A[L] + (1 - Y) / (1 - A[L])."
        ),
        _LOSS,
    ),
    "seed-is-AL": (
        _(
            "The output layer's backward step starts from the seed "
            "dA[L] = -(Y / A[L] - (1 - Y) / (1 - A[L])), not from A[L]."
        ),
        _LOSS,
    ),
    "seed-is-dZ": (
        _(
            "A[L] - Y is dZ[L], the seed already through the sigmoid's slope: it goes to "
            "linear_backward, or the sigmoid's step takes "
            "dA[L] = -(Y / A[L] - (1 - Y) / (1 - A[L]))."
        ),
        _LOSS,
    ),
    "seed-with-1/m": (
        _(
            "The seed dA[L] has no factor 1/m: the cost's 1/m goes on dW and db only, "
            "in each layer's step."
        ),
        _ONE_OVER_M,
    ),
    "chain-seed-everywhere": (
        _(
            "Every layer's backward step takes the seed dA[L]; only the output layer does. "
            "Layer l < L takes dA[l], the dA_prev that the step of layer l + 1 returned."
        ),
        _CHAIN,
    ),
    "chain-broken": (
        _(
            "The backward chain is broken: layer l's step takes dA[l], the dA_prev that the "
            "step of layer l + 1 returned, not the same dA for every layer."
        ),
        _CHAIN,
    ),
    "grads-key-off-by-one": (
        _(
            "A key of grads is one off: the step of layer l stores dW[l] under 'dW' + str(l), "
            "db[l] under 'db' + str(l), and its dA_prev under 'dA' + str(l - 1)."
        ),
        _CHAIN,
    ),
    "seed-missing-term": (
        _("A term of the seed dA[L] = -(Y / A[L] - (1 - Y) / (1 - A[L])) is missing."),
        _LOSS,
    ),
    "cache-off-by-one": (
        _("Layer l's backward step reads the cache of another layer: caches[l - 1] is layer l's."),
        _CHAIN,
    ),
    "update-sign": (
        _("Gradient descent goes down the slope: W = W - alpha dW, with a minus."),
        ("training", "gradient-descent"),
    ),
    "update-skips-layer": (
        _("A layer is not updated: the loop must run over every layer, 1 to L."),
        ("training", "gradient-descent"),
    ),
    "update-b-missing": (
        _("b is updated too: b[l] = b[l] - alpha db[l], in every layer."),
        ("training", "gradient-descent"),
    ),
    "init-zeros": (
        _("W starts at zero: every unit of a layer then learns the same; W must be random."),
        ("training", "initialization"),
    ),
    "init-transposed": (
        _("W[l] has the shape (n[l], n[l-1]): one row per unit of layer l."),
        ("training", "initialization"),
    ),
    "init-no-scale": (
        _(
            "W is drawn without the course's factor 0.01: np.random.randn(n[l], n[l-1]) * 0.01. "
            "Without it Z is a hundred times larger and the sigmoid saturates."
        ),
        ("training", "initialization"),
    ),
    "init-rand": (
        _(
            "W is drawn with np.random.rand, uniform on [0, 1) and all positive; the course "
            "draws it around 0 with np.random.randn, times 0.01."
        ),
        ("training", "initialization"),
    ),
    "init-b-not-zero": (
        _("b starts at zero, with the shape (n[l], 1)."),
        ("training", "initialization"),
    ),
}


def mistake_id(variant: str) -> str:
    """The id of a variant: ``"db-wrong-axis:all"``, ``"update-sign@b"`` -> the part before."""
    return variant.split("@")[0].split(":")[0]


def at(mistakes: tuple[str, ...], *places: str) -> tuple[str, ...]:
    """The mistakes made at one place (a layer, an activation, a parameter).

    Those made everywhere, and those confined to one of ``places``:
    ``"hidden-sigmoid@1"`` is the sigmoid in layer 1 only.

    >>> at(("forward-no-bias", "hidden-sigmoid@1", "update-sign@b"), "1")
    ('forward-no-bias', 'hidden-sigmoid')
    """
    made = []
    for variant in mistakes:
        mistake, _, place = variant.partition("@")
        if not place or place in places:
            made.append(mistake)
    return tuple(made)
