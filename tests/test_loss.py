"""The cost and the dA[L] seed: values, stability, and bad labels."""

import warnings

import numpy as np
import pytest

from dnn_textbook import compute_cost, fused_dZL, seed_dAL, sigmoid, sigmoid_derivative


def test_cost_by_hand():
    AL, Y = np.array([[0.5, 0.25]]), np.array([[1, 0]])
    expected = -(np.log(0.5) + np.log(0.75)) / 2
    assert compute_cost(AL, Y) == pytest.approx(expected, rel=1e-15)
    assert isinstance(compute_cost(AL, Y), float)


def test_cost_is_finite_without_warnings_at_0_and_1():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        cost = compute_cost(np.array([[0.0, 1.0, 0.0, 1.0]]), np.array([[0, 1, 1, 0]]))
        AL = sigmoid(np.array([[-1e4, 1e4]]))
        seed = seed_dAL(AL, np.array([[1, 0]]))
        cost32 = compute_cost(AL.astype(np.float32), np.array([[1, 0]]))
    assert np.isfinite(cost) and np.isfinite(cost32) and np.all(np.isfinite(seed))


def test_seed_is_the_derivative_of_the_loss():
    rng = np.random.default_rng(0)
    AL, Y, h = rng.uniform(0.05, 0.95, (1, 9)), rng.integers(0, 2, (1, 9)), 1e-6
    m = AL.shape[1]
    for i in range(m):
        e = np.zeros_like(AL)
        e[0, i] = h
        fd = m * (compute_cost(AL + e, Y) - compute_cost(AL - e, Y)) / (2 * h)
        assert seed_dAL(AL, Y)[0, i] == pytest.approx(fd, rel=1e-7)


def test_fused_equals_seed_times_sigmoid_slope():
    Z = np.linspace(-5, 5, 11)[None, :]
    Y = (np.arange(11) % 2)[None, :]
    np.testing.assert_allclose(
        fused_dZL(sigmoid(Z), Y), seed_dAL(sigmoid(Z), Y) * sigmoid_derivative(Z), rtol=1e-12
    )


@pytest.mark.parametrize(
    "AL, Y, message",
    [
        (np.array([[0.5, 0.5]]), np.array([1, 0]), r"Y must have shape \(1, m\), got \(2,\)"),
        (
            np.array([[0.5, 0.5]]),
            np.array([[1, 0, 1]]),
            r"Y has shape \(1, 3\) but A\[L\] has shape",
        ),
        (np.array([[0.5, 0.5]]), np.array([[1, 2]]), "Y must hold only 0 and 1"),
        (np.array([[0.5, 0.5]]), np.array([[1, np.nan]]), "Y must hold only 0 and 1"),
        (np.zeros((1, 0)), np.zeros((1, 0)), "m = 0"),
        (np.array([[0.5], [0.5]]), np.array([[1, 0]]), r"A\[L\] must have shape \(1, m\)"),
    ],
)
def test_bad_labels(AL, Y, message):
    for f in (compute_cost, seed_dAL, fused_dZL):
        with pytest.raises(ValueError, match=message):
            f(AL, Y)


@pytest.mark.parametrize(
    "AL",
    [
        np.array([[0.25, 1.79]]),
        np.array([[-0.2, 0.5]]),
        np.array([[np.nan, 0.5]]),
        np.array([[np.inf, 0.5]]),
    ],
)
def test_an_output_outside_0_1_is_refused_not_clipped(AL):
    for f in (compute_cost, seed_dAL, fused_dZL):
        with pytest.raises(ValueError, match=r"A\[L\] (must lie in \[0, 1\]|contains NaN)"):
            f(AL, np.array([[1, 0]]))


def test_plain_lists_are_accepted():
    assert compute_cost([[0.5, 0.25]], [[1, 0]]) == compute_cost(
        np.array([[0.5, 0.25]]), np.array([[1, 0]])
    )
    assert seed_dAL([[0.5, 0.25]], [[1, 0]]).tolist() == [[-2.0, 4 / 3]]
    assert fused_dZL([[0.5, 0.25]], [[1, 0]]).tolist() == [[-0.5, 0.25]]


def test_the_clipping_at_exactly_0_and_1():
    # -log(eps), the loss of a saturated wrong answer, in either direction
    eps = np.finfo(np.float64).eps
    assert compute_cost(np.array([[0.0, 1.0]]), np.array([[1, 0]])) == pytest.approx(-np.log(eps))
    assert compute_cost(np.array([[0.0, 1.0]]), np.array([[0, 1]])) == pytest.approx(0, abs=1e-15)
    assert seed_dAL(np.array([[0.0]]), np.array([[1]])).item() == pytest.approx(-1 / eps)


def test_labels_as_a_column_suggest_the_transpose():
    with pytest.raises(ValueError, match=r"got \(2, 1\): one column per example; pass Y\.T"):
        compute_cost(np.array([[0.5, 0.5]]), np.array([[1], [0]]))


def test_only_the_exact_0_and_1_are_clipped():
    # a tiny but positive a keeps its true loss; -0.0 is a valid 0
    assert compute_cost(np.array([[1e-20]]), np.array([[1]])) == pytest.approx(-np.log(1e-20))
    assert compute_cost(np.array([[-0.0, 0.5]]), np.array([[0, 1]])) == pytest.approx(np.log(2) / 2)
    for dtype in (np.float32, np.float64):
        with pytest.raises(ValueError, match=r"A\[L\] must lie in \[0, 1\]"):
            fused_dZL(np.array([[0.5, 1.5]], dtype), np.array([[1, 0]]))
        assert fused_dZL(np.array([[0.0, 1.0]], dtype), np.array([[1, 0]])).tolist() == [[-1, 1]]


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_the_range_check_at_its_edges_in_every_float_dtype(dtype):
    """float32 and float64 take the check by bits, other floats the check by values."""
    tiny = np.finfo(dtype).smallest_subnormal
    below_1, above_1 = np.nextafter(dtype(1), dtype(0)), np.nextafter(dtype(1), dtype(2))
    for a in (0.0, -0.0, tiny, 0.5, below_1, 1.0):
        AL = np.array([[a, 0.5]], dtype)
        Y = np.array([[1, 0]])
        assert fused_dZL(AL, Y).tolist() == (AL - Y.astype(dtype)).tolist()
    for a in (-tiny, above_1, -1.0, np.nan, np.inf, -np.inf):
        with pytest.raises(ValueError, match=r"A\[L\] (must lie in \[0, 1\]|contains NaN)"):
            fused_dZL(np.array([[0.5, a]], dtype), np.array([[1, 0]]))
