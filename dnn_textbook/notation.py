r"""Notation: the symbols every later chapter uses.

The lecture writes the same few symbols again and again. They are fixed
here once, and the code keeps them as variable names.

.. rubric:: Layers and sizes

:math:`L` is the number of layers of the network; the input layer is not
counted. A layer's index is :math:`l`, from 1 to :math:`L`, and layer 0
is the input. :math:`n^{[l]}` is the number of units in layer :math:`l`,
so :math:`n^{[0]}` is the number of input features. The list
``layer_dims = [n[0], n[1], ..., n[L]]`` describes a whole architecture.

.. rubric:: Examples are columns

:math:`m` is the number of examples processed together. One example is a
column vector; a batch of :math:`m` examples is a matrix with one column
per example, so every activation :math:`A^{[l]}` and every
:math:`Z^{[l]}` has shape ``(n[l], m)``. The input is the activation of
layer 0: :math:`A^{[0]} = X`, of shape ``(n[0], m)``. The labels
:math:`Y` have shape ``(1, m)`` and hold zeros and ones.

Lower-case letters (:math:`z^{[l]}`, :math:`a^{[l]}`) name one example;
capital letters (:math:`Z^{[l]}`, :math:`A^{[l]}`) name the whole batch.

.. rubric:: Parameters and gradients

Layer :math:`l` owns a weight matrix :math:`W^{[l]}` of shape
``(n[l], n[l-1])`` and a bias vector :math:`b^{[l]}` of shape
``(n[l], 1)``. They live in one dictionary with keys ``"W1"``, ``"b1"``,
..., ``"WL"``, ``"bL"``. The derivative of the cost with respect to a
quantity ``Q`` is written ``dQ``: the gradients ``"dW1"``, ``"db1"``,
... and ``"dA1"``, ... sit in a dictionary of the same shape. Each
``dQ`` has exactly the shape of ``Q``.

.. rubric:: The cache

The forward step of layer :math:`l` keeps a cache for its backward step:
:math:`A^{[l-1]}`, :math:`W^{[l]}`, :math:`b^{[l]}` and
:math:`Z^{[l]}`. It is the named tuple :class:`~dnn_textbook.forward.Cache`
with fields ``A_prev``, ``W``, ``b`` and ``Z``.

.. rubric:: Where the code departs from the lecture

The lecture writes the element-wise product as :math:`*`; the book
writes :math:`\odot`, and numpy writes ``*``. The transpose is written
:math:`W^{[l]\top}` and ``W.T``.
"""
