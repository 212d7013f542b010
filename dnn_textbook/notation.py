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
A superscript in round brackets picks an example: :math:`a^{[l](i)}` is
column :math:`i` of :math:`A^{[l]}`. The output of the network for one
example is :math:`a^{[L]}`, also written :math:`\hat{y}`.

.. rubric:: Parameters

Layer :math:`l` owns a weight matrix :math:`W^{[l]}` of shape
``(n[l], n[l-1])`` and a bias vector :math:`b^{[l]}` of shape
``(n[l], 1)``. They live in one dictionary with keys ``"W1"``, ``"b1"``,
..., ``"WL"``, ``"bL"``.

.. rubric:: Loss, cost, and the names dA, dZ, dW, db

The loss :math:`\mathcal{L}(a^{[L]}, y)` is the error of the network on
one example. The cost :math:`J` is the mean of the losses over the
:math:`m` examples:
:math:`J = \frac{1}{m} \sum_{i=1}^{m} \mathcal{L}(a^{[L](i)}, y^{(i)})`.
For binary classification the loss is the cross-entropy
:math:`\mathcal{L}(a, y) = -\bigl(y \log a + (1 - y) \log(1 - a)\bigr)`,
small when the output :math:`a` is close to the label :math:`y` and
large when it is confidently wrong. Its derivative with respect to
:math:`a`, the seed :math:`-y/a + (1 - y)/(1 - a)` that starts the
backward pass, is derived in :ref:`loss-and-seed`; the backward chapter
uses both before that section comes.

A name ``dQ`` stands for a derivative that has exactly the shape of
``Q``, but not every ``dQ`` is a derivative of the same function:

* :math:`dW^{[l]}` and :math:`db^{[l]}` are derivatives of the cost:
  :math:`dW^{[l]} = \partial J / \partial W^{[l]}` and
  :math:`db^{[l]} = \partial J / \partial b^{[l]}`. Gradient descent
  updates the parameters with them.
* :math:`dA^{[l]}` and :math:`dZ^{[l]}` are derivatives of the losses,
  one example per column. Column :math:`i` of :math:`dA^{[l]}` is
  :math:`\partial \mathcal{L}(a^{[L](i)}, y^{(i)})
  / \partial a^{[l](i)}`, the derivative of the loss of example
  :math:`i` alone with respect to the activations of that example;
  column :math:`i` of :math:`dZ^{[l]}` is the same with respect to
  :math:`z^{[l](i)}`. For one example they are written
  :math:`da^{[l]}` and :math:`dz^{[l]}`.

Since the cost divides the sum of the losses by :math:`m`, these are
:math:`m` times the derivatives of the cost:
:math:`dA^{[l]} = m\, \partial J / \partial A^{[l]}` and
:math:`dZ^{[l]} = m\, \partial J / \partial Z^{[l]}`. The factor
:math:`1/m` therefore appears only where the backward step adds up the
contributions of the :math:`m` examples, in :math:`dW^{[l]}` and
:math:`db^{[l]}`; the chapter on backward propagation checks this with
numbers. The gradients ``"dW1"``, ``"db1"``, ..., and ``"dA1"``, ...,
sit in one dictionary, keyed like the parameters.

.. rubric:: The cache

The forward step of layer :math:`l` keeps a cache for its backward step:
:math:`A^{[l-1]}`, :math:`W^{[l]}`, :math:`b^{[l]}` and
:math:`Z^{[l]}`. It is the named tuple :class:`~dnn_textbook.forward.Cache`
with fields ``A_prev``, ``W``, ``b`` and ``Z``. The backward step reads
:math:`A^{[l-1]}`, :math:`W^{[l]}` and :math:`Z^{[l]}` (the chapter on
backward propagation says which equation reads which); :math:`b^{[l]}`
is never read, and is kept only because the lecture caches the
parameters together with :math:`Z^{[l]}`.

.. rubric:: Where the code departs from the lecture

The lecture writes the element-wise product as :math:`*`; the book
writes :math:`\odot`, and numpy writes ``*``. The transpose is written
:math:`W^{[l]\top}` and ``W.T``. A derivative is written with a prime,
:math:`g'(z)`; the derivative of the activation function of layer
:math:`l` is :math:`g^{[l]\prime}`.
"""
