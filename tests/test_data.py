"""The data loaders: the course's .h5 files (written here) and the breast-cancer split."""

import builtins

import numpy as np
import pytest

from dnn_textbook.data import flatten_images, load_breast_cancer_split, load_catvnoncat

h5py = pytest.importorskip("h5py")


def write_course_files(folder, m_train=5, m_test=3, seed=0):
    rng = np.random.default_rng(seed)
    data = {}
    for name, m in (("train", m_train), ("test", m_test)):
        x = rng.integers(0, 256, size=(m, 64, 64, 3), dtype=np.uint8)
        y = rng.integers(0, 2, size=m)
        with h5py.File(folder / f"{name}_catvnoncat.h5", "w") as f:
            f[f"{name}_set_x"] = x
            f[f"{name}_set_y"] = y
            f["list_classes"] = np.array([b"non-cat", b"cat"])
        data[name] = (x, y)
    return data


def test_loader_returns_the_course_preprocessing(tmp_path):
    data = write_course_files(tmp_path)
    train_x, train_y, test_x, test_y, classes = load_catvnoncat(tmp_path)
    assert train_x.shape == (12288, 5) and test_x.shape == (12288, 3)
    assert train_y.shape == (1, 5) and test_y.shape == (1, 3)
    assert classes == ["non-cat", "cat"]
    x, y = data["train"]
    # the course: train_set_x_orig.reshape(train_set_x_orig.shape[0], -1).T / 255
    np.testing.assert_array_equal(train_x, x.reshape(x.shape[0], -1).T / 255)
    np.testing.assert_array_equal(train_y, y.reshape(1, -1))
    assert 0 <= train_x.min() and train_x.max() <= 1
    np.testing.assert_array_equal(train_x[:, 2], x[2].ravel() / 255)
    # pixel (row 1, column 0) of picture 2, green channel: index (1 * 64 + 0) * 3 + 1
    assert train_x[64 * 3 + 1, 2] == x[2, 1, 0, 1] / 255
    x, y = data["test"]
    np.testing.assert_array_equal(test_x, x.reshape(x.shape[0], -1).T / 255)
    np.testing.assert_array_equal(test_y, y.reshape(1, -1))


def test_missing_files_say_where_they_should_be(tmp_path):
    with pytest.raises(FileNotFoundError, match="train_catvnoncat.h5, test_catvnoncat.h5 not"):
        load_catvnoncat(tmp_path)
    write_course_files(tmp_path)
    (tmp_path / "test_catvnoncat.h5").unlink()
    with pytest.raises(FileNotFoundError, match=f"test_catvnoncat.h5 not found in {tmp_path}"):
        load_catvnoncat(tmp_path)


def test_missing_h5py_says_what_to_install(tmp_path, monkeypatch):
    write_course_files(tmp_path)
    real_import = builtins.__import__

    def no_h5py(name, *args, **kwargs):
        if name == "h5py":
            raise ModuleNotFoundError("No module named 'h5py'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_h5py)
    with pytest.raises(ModuleNotFoundError, match="pip install h5py"):
        load_catvnoncat(tmp_path)


def test_bad_labels_and_images(tmp_path):
    with h5py.File(tmp_path / "train_catvnoncat.h5", "w") as f:
        f["train_set_x"] = np.zeros((2, 64, 64, 3), np.uint8)
        f["train_set_y"] = np.array([0, 2])
    with h5py.File(tmp_path / "test_catvnoncat.h5", "w") as f:
        f["test_set_x"] = np.zeros((1, 64, 64, 3), np.uint8)
        f["test_set_y"] = np.array([1])
        f["list_classes"] = np.array([b"non-cat", b"cat"])
    with pytest.raises(ValueError, match="train_set_y must hold only 0 and 1"):
        load_catvnoncat(tmp_path)
    with pytest.raises(ValueError, match="images must have shape"):
        flatten_images(np.zeros((64, 64, 3)))


def test_files_that_are_not_the_course_files(tmp_path):
    write_course_files(tmp_path)
    with h5py.File(tmp_path / "test_catvnoncat.h5", "a") as f:
        del f["list_classes"]
    with pytest.raises(KeyError, match="test_catvnoncat.h5 has no dataset 'list_classes'"):
        load_catvnoncat(tmp_path)
    write_course_files(tmp_path)
    with h5py.File(tmp_path / "test_catvnoncat.h5", "a") as f:
        del f["test_set_x"]
        f["test_set_x"] = np.zeros((3, 32, 32, 3), np.uint8)
    with pytest.raises(ValueError, match=r"train pictures have shape \(64, 64, 3\)"):
        load_catvnoncat(tmp_path)
    write_course_files(tmp_path)
    with h5py.File(tmp_path / "train_catvnoncat.h5", "a") as f:
        del f["train_set_y"]
        f["train_set_y"] = np.array([0, 1, 1])
    message = "train_set_x holds 5 images but train_set_y holds 3 labels"
    with pytest.raises(ValueError, match=message):
        load_catvnoncat(tmp_path)


def test_breast_cancer_split_is_standardized_with_train_statistics_only():
    train_x, train_y, test_x, test_y = load_breast_cancer_split()
    assert train_x.shape == (30, 427) and test_x.shape == (30, 142)
    assert train_y.shape == (1, 427) and test_y.shape == (1, 142)
    np.testing.assert_allclose(train_x.mean(axis=1), 0, atol=1e-12)
    np.testing.assert_allclose(train_x.std(axis=1), 1, atol=1e-12)
    assert np.abs(test_x.mean(axis=1)).max() > 1e-3  # the test set was not used
    assert set(np.unique(np.hstack([train_y, test_y]))) == {0.0, 1.0}


def test_breast_cancer_split_against_the_raw_data():
    from sklearn.datasets import load_breast_cancer

    data = load_breast_cancer()
    train_x, train_y, test_x, test_y = load_breast_cancer_split()
    X, Y = np.hstack([train_x, test_x]), np.hstack([train_y, test_y])[0]
    # Standardizing is increasing in every feature, so sorting the examples by their
    # features gives the same order before and after: find each column's raw example.
    raw = np.empty((X.shape[1], 30))
    raw[np.lexsort(X)] = data.data[np.lexsort(data.data.T)]
    target = np.empty(X.shape[1])
    target[np.lexsort(X)] = data.target[np.lexsort(data.data.T)]
    np.testing.assert_array_equal(Y, target)  # every example once, with its label
    m = train_x.shape[1]
    mean, std = raw[:m].mean(axis=0), raw[:m].std(axis=0)  # train examples only
    np.testing.assert_allclose(train_x, ((raw[:m] - mean) / std).T, atol=1e-12)
    np.testing.assert_allclose(test_x, ((raw[m:] - mean) / std).T, atol=1e-12)
    # each class keeps its share in the test set
    assert int(test_y.sum()) == round(0.25 * data.target.sum())
    assert int((1 - test_y).sum()) == round(0.25 * (1 - data.target).sum())


def test_the_breast_cancer_data_ships_without_scikit_learn(monkeypatch):
    def no_sklearn(name, *args, **kwargs):
        if name.startswith("sklearn"):
            raise ModuleNotFoundError(name)
        return real_import(name, *args, **kwargs)

    real_import = builtins.__import__
    monkeypatch.setattr(builtins, "__import__", no_sklearn)
    train_x, train_y, test_x, test_y = load_breast_cancer_split()
    assert train_x.shape == (30, 427) and test_y.shape == (1, 142)


def test_breast_cancer_split_is_deterministic_and_seeded():
    a, b, c = (load_breast_cancer_split(seed=s) for s in (0, 0, 1))
    assert all(np.array_equal(x, y) for x, y in zip(a, b, strict=True))
    assert not np.array_equal(a[1], c[1])
    with pytest.raises(ValueError, match="test_fraction"):
        load_breast_cancer_split(test_fraction=1.5)
