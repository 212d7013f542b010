r"""Data for the application: the course's cat pictures, and a data set that ships.

Both loaders return the course's layout: one column per example, features
as rows, labels of shape ``(1, m)``.

The course's own files, ``train_catvnoncat.h5`` and ``test_catvnoncat.h5``,
hold 64×64 colour pictures labelled cat (1) or non-cat (0). They are not
distributed with this library; a learner who has them passes their folder
to :func:`load_catvnoncat`, which needs the optional package h5py.

For a real data set that needs no download, :func:`load_breast_cancer_split`
uses the Wisconsin breast-cancer measurements, which ship inside this
package (the copy that scikit-learn distributes, 46 kB compressed).

Each picture becomes a column the way the course flattens it: the array of
shape ``(m, 64, 64, 3)`` is reshaped to ``(m, 12288)`` and transposed, then
scaled from 0–255 to 0–1.

>>> images = np.arange(2 * 2 * 2 * 3, dtype=np.uint8).reshape(2, 2, 2, 3)
>>> flatten_images(images).shape
(12, 2)
>>> float(flatten_images(np.full((1, 1, 1, 3), 255, np.uint8)).max())
1.0
"""

from __future__ import annotations

from os import PathLike
from pathlib import Path
from typing import Any

import numpy as np

from ._i18n import _
from .types import ArrayLike, FloatArray

__all__ = ["flatten_images", "load_breast_cancer_split", "load_catvnoncat"]

CAT_FILES = ("train_catvnoncat.h5", "test_catvnoncat.h5")
# The UCI data set "Breast Cancer Wisconsin (Diagnostic)", CC BY 4.0, as
# scikit-learn ships it (sklearn/datasets/data/breast_cancer.csv), gzipped.
BREAST_CANCER = Path(__file__).with_name("breast_cancer.csv.gz")


def flatten_images(images: ArrayLike) -> FloatArray:
    """Pictures of shape ``(m, height, width, channels)`` as columns in [0, 1].

    Picture i becomes column i; its pixels are read row by row, and the
    colours of a pixel stay together, as ``numpy.ravel`` reads them:

    >>> images = np.array([[[[0, 51, 102], [153, 204, 255]]]], dtype=np.uint8)
    >>> images.shape
    (1, 1, 2, 3)
    >>> flatten_images(images).T
    array([[0. , 0.2, 0.4, 0.6, 0.8, 1. ]])

    Parameters
    ----------
    images : array_like of shape (m, height, width, channels)
        Pixel values from 0 to 255.

    Returns
    -------
    ndarray of shape (height * width * channels, m)
        The pixel values divided by 255.

    Raises
    ------
    ValueError
        If ``images`` does not have four dimensions.
    """
    images = np.asarray(images)
    if images.ndim != 4:
        raise ValueError(
            _("images must have shape (m, height, width, channels), got {shape}").format(
                shape=images.shape
            )
        )
    m = images.shape[0]
    # the course: x.reshape(x.shape[0], -1).T / 255
    flat: FloatArray = images.reshape(m, -1).T / 255
    return flat


def _labels(y: ArrayLike, name: str) -> FloatArray:
    y = np.asarray(y).reshape(1, -1)
    if not np.all((y == 0) | (y == 1)):
        raise ValueError(_("{name} must hold only 0 and 1").format(name=name))
    return y.astype(np.float64)


def _dataset(file: Any, key: str) -> Any:  # an h5py.File and the array it holds
    if key not in file:
        name = Path(file.filename).name
        raise KeyError(
            _("{file} has no dataset {key}: is it one of the course's files?").format(
                file=name, key=repr(key)
            )
        )
    return file[key][:]


def load_catvnoncat(
    directory: str | PathLike[str],
) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray, list[str]]:
    """Read the course's cat / non-cat files from ``directory``.

    The folder must hold both files; if one is missing, the error says
    which, and where it was looked for:

    >>> load_catvnoncat("no_such_folder")
    Traceback (most recent call last):
    ...
    FileNotFoundError: train_catvnoncat.h5, test_catvnoncat.h5 not found...

    Parameters
    ----------
    directory : str or Path
        The folder that holds ``train_catvnoncat.h5`` and
        ``test_catvnoncat.h5``.

    Returns
    -------
    train_x, train_y, test_x, test_y : ndarray
        X of shape (12288, m) scaled to [0, 1], Y of shape (1, m).
    classes : list of str
        The class names, ``["non-cat", "cat"]`` in the course's files.

    Raises
    ------
    FileNotFoundError
        If a file is missing.
    ModuleNotFoundError
        If h5py is not installed.
    KeyError
        If a file lacks one of the course's datasets.
    ValueError
        If the pictures, the labels or their numbers do not match.
    """
    directory = Path(directory)
    missing = [name for name in CAT_FILES if not (directory / name).is_file()]
    if missing:
        raise FileNotFoundError(
            _(
                "{missing} not found in {directory}: put the course's files {train} and "
                "{test} in that folder"
            ).format(
                missing=", ".join(missing),
                directory=directory,
                train=CAT_FILES[0],
                test=CAT_FILES[1],
            )
        )
    try:
        import h5py
    except ModuleNotFoundError as error:
        raise ModuleNotFoundError(
            _(
                "reading the course's .h5 files needs h5py: pip install h5py "
                '(or pip install "dnn_textbook[data]")'
            )
        ) from error
    with (
        h5py.File(directory / CAT_FILES[0], "r") as train,
        h5py.File(directory / CAT_FILES[1], "r") as test,
    ):
        train_images = _dataset(train, "train_set_x")
        test_images = _dataset(test, "test_set_x")
        train_y = _labels(_dataset(train, "train_set_y"), "train_set_y")
        test_y = _labels(_dataset(test, "test_set_y"), "test_set_y")
        classes = [
            c.decode() if isinstance(c, bytes) else str(c) for c in _dataset(test, "list_classes")
        ]
    train_x, test_x = flatten_images(train_images), flatten_images(test_images)
    if train_images.shape[1:] != test_images.shape[1:]:
        raise ValueError(
            _("train pictures have shape {train} but test pictures {test}").format(
                train=train_images.shape[1:], test=test_images.shape[1:]
            )
        )
    for x, y, name in ((train_x, train_y, "train"), (test_x, test_y, "test")):
        if x.shape[1] != y.shape[1]:
            raise ValueError(
                _("{x} holds {images} images but {y} holds {labels} labels").format(
                    x=f"{name}_set_x", images=x.shape[1], y=f"{name}_set_y", labels=y.shape[1]
                )
            )
    return train_x, train_y, test_x, test_y, classes


def load_breast_cancer_split(
    test_fraction: float = 0.25, seed: int = 0
) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray]:
    r"""The Wisconsin breast-cancer data, split and standardized.

    569 examples of 30 measurements; the label is 1 for a benign tumour.
    The examples of each class are shuffled with
    ``np.random.default_rng(seed)``, and ``test_fraction`` of each class
    is kept for testing. Every feature :math:`x_j` is then standardized
    with the mean :math:`\mu_j` and the standard deviation
    :math:`\sigma_j` of the training examples only, so nothing of the test
    set leaks into training:

    .. math::

       x_j := \frac{x_j - \mu_j}{\sigma_j}

    The test set keeps the share of benign tumours: 357 of the 569 tumours
    are benign, and 89 of the 142 test tumours.

    >>> train_x, train_y, test_x, test_y = load_breast_cancer_split()
    >>> train_x.shape, train_y.shape, test_x.shape, test_y.shape
    ((30, 427), (1, 427), (30, 142), (1, 142))
    >>> int(train_y.sum()), int(test_y.sum())
    (268, 89)

    On the training examples, every feature has mean 0 and standard
    deviation 1:

    >>> bool(np.allclose(train_x.mean(axis=1), 0))
    True
    >>> bool(np.allclose(train_x.std(axis=1), 1))
    True

    Parameters
    ----------
    test_fraction : float, default 0.25
        The share of each class kept for testing.
    seed : int, default 0
        The seed of the shuffle.

    Returns
    -------
    train_x, train_y, test_x, test_y : ndarray
        X of shape (30, m), Y of shape (1, m).

    Raises
    ------
    ValueError
        If ``test_fraction`` is not between 0 and 1.
    """
    if not 0 < test_fraction < 1:
        raise ValueError(
            _("test_fraction must be between 0 and 1, got {value}").format(value=test_fraction)
        )
    # The file's first line is a header (569,30,malignant,benign); each row
    # then holds the 30 measurements and the label of one tumour.
    table = np.loadtxt(BREAST_CANCER, delimiter=",", skiprows=1)
    X, Y = table[:, :-1].T, table[:, -1:].T
    rng = np.random.default_rng(seed)
    chosen: list[int] = []
    for label in (0, 1):  # the same share of each class in the test set
        examples = rng.permutation(np.flatnonzero(Y[0] == label))
        chosen.extend(examples[: round(test_fraction * len(examples))])
    test = np.sort(chosen)
    train = np.setdiff1d(np.arange(Y.shape[1]), test)
    # x_j := (x_j - μ_j) / σ_j, with μ_j and σ_j from the training examples only
    mean = X[:, train].mean(axis=1, keepdims=True)
    std = X[:, train].std(axis=1, keepdims=True)
    return (X[:, train] - mean) / std, Y[:, train], (X[:, test] - mean) / std, Y[:, test]
