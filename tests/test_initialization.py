"""Initialization: the course's published numbers, scales, generators, bad input."""

import numpy as np
import pytest

from dnn_textbook import initialize_parameters_deep

# Printed by the course's step-by-step exercise: initialize_parameters_deep([5, 4, 3]).
COURSE_W1 = [
    [0.01788628, 0.0043651, 0.00096497, -0.01863493, -0.00277388],
    [-0.00354759, -0.00082741, -0.00627001, -0.00043818, -0.00477218],
    [-0.01313865, 0.00884622, 0.00881318, 0.01709573, 0.00050034],
    [-0.00404677, -0.0054536, -0.01546477, 0.00982367, -0.01101068],
]
COURSE_W2 = [
    [-0.01185047, -0.0020565, 0.01486148, 0.00236716],
    [-0.01023785, -0.00712993, 0.00625245, -0.00160513],
    [-0.00768836, -0.00230031, 0.00745056, 0.01976111],
]


def test_legacy_mode_gives_the_course_numbers():
    p = initialize_parameters_deep([5, 4, 3], legacy_seed=3)
    np.testing.assert_allclose(p["W1"], COURSE_W1, atol=5e-9)
    np.testing.assert_allclose(p["W2"], COURSE_W2, atol=5e-9)
    assert p["b1"].tolist() == [[0.0]] * 4 and p["b2"].shape == (3, 1)


def test_legacy_xavier_is_the_course_formula_bit_for_bit():
    p = initialize_parameters_deep([6, 4, 1], legacy_seed=1, scale="xavier")
    np.random.seed(1)
    W1 = np.random.randn(4, 6) / np.sqrt(6)
    W2 = np.random.randn(1, 4) / np.sqrt(4)
    assert np.array_equal(p["W1"], W1) and np.array_equal(p["W2"], W2)


def test_generator_makes_results_reproducible():
    a = initialize_parameters_deep([3, 2, 1], np.random.default_rng(7), scale="he")
    b = initialize_parameters_deep([3, 2, 1], np.random.default_rng(7), scale="he")
    assert all(np.array_equal(a[k], b[k]) for k in a)


@pytest.mark.parametrize(
    "scale, expected", [(0.01, 0.01), ("xavier", np.sqrt(1 / 500)), ("he", np.sqrt(2 / 500))]
)
def test_scales(scale, expected):
    p = initialize_parameters_deep([500, 400], np.random.default_rng(0), scale=scale)
    assert p["W1"].std() == pytest.approx(expected, rel=0.01)


def test_float32():
    p = initialize_parameters_deep([3, 2], np.random.default_rng(0), dtype=np.float32)
    assert p["W1"].dtype == np.float32 and p["b1"].dtype == np.float32


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        (dict(layer_dims=5), TypeError, r"layer_dims must be a list of layer sizes such as \[5"),
        (dict(layer_dims="5, 4, 1"), TypeError, "layer_dims must be a list of layer sizes"),
        (dict(layer_dims=[3]), ValueError, "at least two positive integers"),
        (dict(layer_dims=[3, 0]), ValueError, "at least two positive integers"),
        (dict(layer_dims=[3, 2], scale="lecun"), ValueError, "scale must be a positive number"),
        (dict(layer_dims=[3, 2], scale=0), ValueError, "scale must be a positive number"),
        (dict(layer_dims=[3, 2], scale=-0.01), ValueError, "scale must be a positive number"),
        (dict(layer_dims=[3, 2], rng=42), TypeError, "rng must be a numpy.random.Generator"),
        (
            dict(layer_dims=[3, 2], rng=np.random.default_rng(), legacy_seed=1),
            ValueError,
            "either rng or legacy_seed",
        ),
    ],
)
def test_bad_input(kwargs, error, message):
    with pytest.raises(error, match=message):
        initialize_parameters_deep(**kwargs)


def test_legacy_seed_leaves_numpys_global_generator_alone():
    np.random.seed(123)
    expected = np.random.randn(3)
    np.random.seed(123)
    initialize_parameters_deep([5, 4, 3], legacy_seed=3)
    assert np.array_equal(np.random.randn(3), expected)


def test_numpys_global_seed_makes_the_default_reproducible_as_in_the_course():
    """np.random.seed(s), then no rng: the course's draws, those of legacy_seed=s."""
    np.random.seed(3)
    seeded = initialize_parameters_deep([5, 4, 3])
    np.testing.assert_allclose(seeded["W1"], COURSE_W1, atol=5e-9)
    legacy = initialize_parameters_deep([5, 4, 3], legacy_seed=3)
    assert all(np.array_equal(seeded[k], legacy[k]) for k in legacy)
    np.random.seed(1)
    a = initialize_parameters_deep([3, 2, 1], scale="he")
    b = initialize_parameters_deep([3, 2, 1], scale="he")  # the generator moved on
    np.random.seed(1)
    again = initialize_parameters_deep([3, 2, 1], scale="he")
    assert all(np.array_equal(a[k], again[k]) for k in a)
    assert not np.array_equal(a["W1"], b["W1"])
