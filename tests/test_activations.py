"""Activations: g and g' against independent formulas and finite differences."""

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from dnn_textbook import ACTIVATIONS, relu_backward, sigmoid, sigmoid_backward
from dnn_textbook.activations import activation_backward, get_activation

finite = arrays(np.float64, st.integers(1, 20),
                elements=st.floats(-30, 30).filter(lambda z: abs(z) > 1e-3))


@settings(deadline=None)
@given(finite, st.sampled_from(sorted(ACTIVATIONS)))
def test_derivative_matches_centred_difference(z, name):
    g, g_prime = ACTIVATIONS[name]
    h = 1e-6
    np.testing.assert_allclose(g_prime(z), (g(z + h) - g(z - h)) / (2 * h), atol=1e-7)


@given(finite)
def test_sigmoid_agrees_with_the_textbook_formula(z):
    with np.errstate(over="ignore"):
        np.testing.assert_allclose(sigmoid(z), 1 / (1 + np.exp(-z)), rtol=1e-14)


def test_sigmoid_raises_no_warning_at_large_z():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        s = sigmoid(np.array([-1e4, -800.0, 0.0, 800.0, 1e4]))
    assert s.tolist() == [0.0, 0.0, 0.5, 1.0, 1.0]


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_float32_stays_float32(name):
    g, g_prime = ACTIVATIONS[name]
    z = np.linspace(-2, 2, 7, dtype=np.float32)
    assert g(z).dtype == np.float32
    assert g_prime(z).dtype == np.float32
    assert activation_backward(np.ones_like(z), z, name).dtype == np.float32


def test_course_helpers_compute_dZ():
    dA, Z = np.array([[1.0, -2.0, 3.0]]), np.array([[-1.0, 0.0, 2.0]])
    np.testing.assert_array_equal(relu_backward(dA, Z), [[0.0, 0.0, 3.0]])
    s = 1 / (1 + np.exp(-Z))
    np.testing.assert_allclose(sigmoid_backward(dA, Z), dA * s * (1 - s))


def test_unknown_activation_lists_the_valid_ones():
    with pytest.raises(ValueError, match="unknown activation 'swish'; valid: identity, "
                                         "leaky_relu, relu, sigmoid, tanh"):
        get_activation("swish")


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_plain_lists_are_accepted_like_arrays(name):
    g, g_prime = ACTIVATIONS[name]
    z = [-1.0, 0.0, 2.0]
    np.testing.assert_array_equal(g(z), g(np.array(z)))
    np.testing.assert_array_equal(g_prime(z), g_prime(np.array(z)))
    np.testing.assert_array_equal(activation_backward([1.0, 1.0, 1.0], z, name),
                                  activation_backward(np.ones(3), np.array(z), name))


def test_the_slope_at_exactly_zero():
    # the ReLU and the leaky ReLU have no derivative at 0: the code takes the left slope
    z = np.array([0.0])
    assert ACTIVATIONS["relu"][1](z).tolist() == [0.0]
    assert ACTIVATIONS["leaky_relu"][1](z, alpha=0.25).tolist() == [0.25]
    assert activation_backward(np.array([3.0]), z, "relu").tolist() == [0.0]
    assert activation_backward(np.array([3.0]), z, "leaky_relu").tolist() == [0.03]
    assert relu_backward(np.array([[3.0]]), np.array([[0.0]])).tolist() == [[0.0]]
    assert ACTIVATIONS["leaky_relu"][0](np.array([0.0, -4.0]), alpha=0.25).tolist() == [0.0, -1.0]
