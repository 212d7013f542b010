"""Training: the update, prediction, and the training loop."""

import numpy as np
import pytest

from dnn_textbook import L_layer_model, predict, update_parameters


def test_update_by_hand_leaves_the_input_alone():
    parameters = {"W1": np.array([[1.0, 2.0]]), "b1": np.array([[0.5]])}
    grads = {"dW1": np.array([[2.0, 0.0]]), "db1": np.array([[-1.0]])}
    new = update_parameters(parameters, grads, 0.5)
    assert new["W1"].tolist() == [[0.0, 2.0]] and new["b1"].tolist() == [[1.0]]
    assert parameters["W1"].tolist() == [[1.0, 2.0]]


def test_missing_gradient():
    with pytest.raises(ValueError, match="grads has no db1"):
        update_parameters({"W1": np.ones((1, 1)), "b1": np.ones((1, 1))},
                          {"dW1": np.ones((1, 1))}, 0.1)


def test_predict_thresholds_at_one_half():
    parameters = {"W1": np.array([[1.0]]), "b1": np.array([[0.0]])}
    assert predict(np.array([[-1.0, 0.0, 1e-9, 2.0]]), parameters).tolist() == [[0, 0, 1, 1]]


def test_model_learns_and_records_every_100_iterations(capsys):
    rng = np.random.default_rng(0)
    X = rng.standard_normal((2, 64))
    Y = (X[0:1] * X[1:2] > 0).astype(float)
    parameters, costs = L_layer_model(X, Y, [2, 8, 4, 1], 0.3, 1500, print_cost=False,
                                      rng=np.random.default_rng(1), scale="he")
    assert len(costs) == 15 and costs[-1] < 0.5 * costs[0]
    assert np.mean(predict(X, parameters) == Y) > 0.9
    assert capsys.readouterr().out == ""


def test_progress_is_printed_every_100_iterations_by_default(capsys):
    X, Y = np.array([[0.0, 1.0]]), np.array([[0, 1]])
    L_layer_model(X, Y, [1, 1], 0.1, 250, rng=np.random.default_rng(0))
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines] == [
        "Cost after iteration 0", "Cost after iteration 100", "Cost after iteration 200",
        "Cost after iteration 249"]


def test_reproducible_with_a_generator_and_float32_kept():
    X = np.random.default_rng(5).standard_normal((3, 10)).astype(np.float32)
    Y = np.array([[0, 1] * 5])
    runs = [L_layer_model(X, Y, [3, 4, 1], 0.1, 100, False, rng=np.random.default_rng(2))
            for _ in range(2)]
    assert runs[0][1] == runs[1][1]
    assert all(v.dtype == np.float32 for v in runs[0][0].values())


def test_bad_input_is_reported():
    with pytest.raises(ValueError, match=r"X has 2 rows but layers_dims\[0\] = n\[0\] = 3"):
        L_layer_model(np.ones((2, 4)), np.ones((1, 4)), [3, 1], print_cost=False)
    with pytest.raises(ValueError, match="X contains NaN or inf"):
        L_layer_model(np.array([[np.nan, 1.0]]), np.ones((1, 2)), [1, 1], print_cost=False)
    with pytest.raises(ValueError, match="Y must hold only 0 and 1"):
        L_layer_model(np.ones((1, 2)), np.array([[0, 3]]), [1, 1], print_cost=False)
