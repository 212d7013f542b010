"""dnn_textbook: forward and backward propagation of an L-layer network.

A small numpy library whose modules follow the lecture, one idea each:
:mod:`~dnn_textbook.notation`, :mod:`~dnn_textbook.activations`,
:mod:`~dnn_textbook.forward`, :mod:`~dnn_textbook.backward`,
:mod:`~dnn_textbook.chain`, :mod:`~dnn_textbook.loss`,
:mod:`~dnn_textbook.initialization`, :mod:`~dnn_textbook.gradient_check`
and :mod:`~dnn_textbook.training`. Its messages speak English, French or
Ukrainian (:func:`set_language`). The application's data loaders live in
:mod:`dnn_textbook.data`, imported on their own since they need optional
packages (``pip install "dnn_textbook[data]"``).
"""

from ._i18n import set_language
from .activations import (
    ACTIVATIONS,
    identity,
    identity_derivative,
    leaky_relu,
    leaky_relu_derivative,
    relu,
    relu_backward,
    relu_derivative,
    sigmoid,
    sigmoid_backward,
    sigmoid_derivative,
    tanh,
    tanh_derivative,
)
from .backward import linear_activation_backward, linear_backward
from .chain import L_model_backward, L_model_forward
from .forward import Cache, linear_activation_forward, linear_forward
from .gradient_check import gradient_check
from .initialization import initialize_parameters_deep
from .loss import compute_cost, fused_dZL, seed_dAL
from .training import L_layer_model, predict, update_parameters

__all__ = [
    "ACTIVATIONS",
    "Cache",
    "L_layer_model",
    "L_model_backward",
    "L_model_forward",
    "compute_cost",
    "fused_dZL",
    "gradient_check",
    "identity",
    "identity_derivative",
    "initialize_parameters_deep",
    "leaky_relu",
    "leaky_relu_derivative",
    "linear_activation_backward",
    "linear_activation_forward",
    "linear_backward",
    "linear_forward",
    "predict",
    "relu",
    "relu_backward",
    "relu_derivative",
    "seed_dAL",
    "set_language",
    "sigmoid",
    "sigmoid_backward",
    "sigmoid_derivative",
    "tanh",
    "tanh_derivative",
    "update_parameters",
]

__version__ = "0.1.0"
