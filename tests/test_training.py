"""Training: the update, prediction, and the training loop."""

import inspect
import warnings

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
        update_parameters(
            {"W1": np.ones((1, 1)), "b1": np.ones((1, 1))}, {"dW1": np.ones((1, 1))}, 0.1
        )


def test_predict_thresholds_at_one_half():
    parameters = {"W1": np.array([[1.0]]), "b1": np.array([[0.0]])}
    assert predict(np.array([[-1.0, 0.0, 1e-9, 2.0]]), parameters).tolist() == [[0, 0, 1, 1]]


def test_predict_says_0_below_one_half_and_at_one_half_exactly(capsys):
    # sigmoid(-0.5) = 0.3775 lies between 0.25 and 0.5, sigmoid(0) = 0.5 exactly: both
    # are 0, with the library's call and with the course's; a threshold moved to 0.25,
    # or ">" turned into ">=", changes them
    parameters = {"W1": np.array([[1.0]]), "b1": np.array([[0.0]])}
    X = np.array([[-0.5, 0.0]])
    assert 0.25 < 1 / (1 + np.exp(0.5)) < 0.5
    assert predict(X, parameters).tolist() == [[0, 0]]
    assert predict(X, np.array([[0, 0]]), parameters).tolist() == [[0, 0]]
    assert capsys.readouterr().out == "Accuracy: 1.0\n"


def test_model_learns_and_records_every_100_iterations(capsys):
    rng = np.random.default_rng(0)
    X = rng.standard_normal((2, 64))
    Y = (X[0:1] * X[1:2] > 0).astype(float)
    parameters, costs = L_layer_model(
        X, Y, [2, 8, 4, 1], 0.3, 1500, print_cost=False, rng=np.random.default_rng(1), scale="he"
    )
    assert len(costs) == 15 and costs[-1] < 0.5 * costs[0]
    assert np.mean(predict(X, parameters) == Y) > 0.9
    assert capsys.readouterr().out == ""


def test_progress_is_printed_every_100_iterations_by_default(capsys):
    X, Y = np.array([[0.0, 1.0]]), np.array([[0, 1]])
    L_layer_model(X, Y, [1, 1], 0.1, 250, rng=np.random.default_rng(0))
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines] == [
        "Cost after iteration 0",
        "Cost after iteration 100",
        "Cost after iteration 200",
        "Cost after iteration 249",
    ]


def test_reproducible_with_a_generator_and_float32_kept():
    X = np.random.default_rng(5).standard_normal((3, 10)).astype(np.float32)
    Y = np.array([[0, 1] * 5])
    runs = [
        L_layer_model(X, Y, [3, 4, 1], 0.1, 100, False, rng=np.random.default_rng(2))
        for _ in range(2)
    ]
    assert runs[0][1] == runs[1][1]
    assert all(v.dtype == np.float32 for v in runs[0][0].values())


def test_bad_input_is_reported():
    with pytest.raises(ValueError, match=r"X has 2 rows but layers_dims\[0\] = n\[0\] = 3"):
        L_layer_model(np.ones((2, 4)), np.ones((1, 4)), [3, 1], print_cost=False)
    with pytest.raises(ValueError, match="X contains NaN or inf"):
        L_layer_model(np.array([[np.nan, 1.0]]), np.ones((1, 2)), [1, 1], print_cost=False)
    with pytest.raises(ValueError, match="Y must hold only 0 and 1"):
        L_layer_model(np.ones((1, 2)), np.array([[0, 3]]), [1, 1], print_cost=False)


def small():
    X = np.array([[0.0, 0.0, 1.0, 1.0], [0.0, 1.0, 0.0, 1.0]])
    return X, np.array([[0, 1, 1, 1]])


@pytest.mark.parametrize(
    "learning_rate, error, message",
    [
        (
            -1.0,
            ValueError,
            "learning_rate must be positive and finite: it is the step size α of "
            "W[l] := W[l] - α dW[l], got -1.0",
        ),
        (0, ValueError, "learning_rate must be positive and finite"),
        (float("nan"), ValueError, "learning_rate must be positive and finite"),
        (
            "0.1",
            TypeError,
            "learning_rate must be a number, the step size α, got '0.1' of type str",
        ),
        (True, TypeError, "learning_rate must be a number"),
    ],
)
def test_a_bad_learning_rate_is_named(learning_rate, error, message):
    X, Y = small()
    for train in (
        lambda: L_layer_model(X, Y, [2, 1], learning_rate, 10, print_cost=False),
        lambda: update_parameters(
            {"W1": np.ones((1, 2)), "b1": np.zeros((1, 1))},
            {"dW1": np.ones((1, 2)), "db1": np.ones((1, 1))},
            learning_rate,
        ),
    ):
        with pytest.raises(error) as raised:
            train()
        assert str(raised.value).startswith(message)


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        (dict(num_iterations=-1), ValueError, "num_iterations must be at least 0, got -1"),
        (
            dict(num_iterations=2.5),
            TypeError,
            "num_iterations must be a whole number, got 2.5 of type float",
        ),
        (
            dict(num_iterations="10"),
            TypeError,
            "num_iterations must be a whole number, got '10' of type str",
        ),
        (dict(print_every=0), ValueError, "print_every must be at least 1, got 0"),
    ],
)
def test_a_bad_number_of_iterations_is_named(kwargs, error, message):
    X, Y = small()
    with pytest.raises(error) as raised:
        L_layer_model(X, Y, [2, 1], print_cost=False, **kwargs)
    assert str(raised.value) == message


def test_zero_iterations_return_the_initial_parameters():
    X, Y = small()
    parameters, costs = L_layer_model(
        X, Y, [2, 1], num_iterations=0, print_cost=False, legacy_seed=1
    )
    assert costs == [] and parameters["b1"].tolist() == [[0.0]]


def test_divergence_is_warned_once():
    rng = np.random.default_rng(0)
    X = rng.standard_normal((2, 64))
    Y = (X[0:1] > 0).astype(float)
    with pytest.warns(RuntimeWarning) as record:
        _, costs = L_layer_model(
            X,
            Y,
            [2, 8, 4, 1],
            100.0,
            500,
            print_cost=False,
            rng=np.random.default_rng(1),
            scale="he",
        )
    assert len(record) == 1 and costs[-1] > costs[0]
    assert str(record[0].message).startswith(
        f"gradient descent diverged: the cost went up from {costs[0]:.6g} at iteration 0 to "
    )
    assert str(record[0].message).endswith(
        " at iteration 499; the learning rate α = 100.0 is probably too large, try a smaller one"
    )


def test_the_divergence_warning_points_at_the_learners_line():
    # stacklevel=2: the warning names the line that called L_layer_model, the learner's
    # own, not a line inside the library
    X = np.array([[1.0, -1.0, 2.0, -2.0]])
    Y = np.array([[1, 0, 1, 0]])
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        line = inspect.currentframe().f_lineno + 1
        L_layer_model(X, Y, [1, 8, 1], 1e3, 200, False, rng=np.random.default_rng(0), scale="he")
    diverged = [w for w in record if issubclass(w.category, RuntimeWarning)]
    assert diverged, "no warning"
    assert (diverged[-1].filename, diverged[-1].lineno) == (__file__, line)


def test_a_cost_that_becomes_nan_or_inf_is_warned():
    X = np.array([[1.0, -1.0, 2.0, -2.0]], dtype=np.float32)
    Y = np.array([[1, 0, 1, 0]])
    with pytest.warns(RuntimeWarning, match="the cost became NaN or inf at iteration"):
        parameters, costs = L_layer_model(
            X, Y, [1] + [8] * 6 + [1], 1e30, 300, False, rng=np.random.default_rng(0), scale="he"
        )
    assert costs and all(np.isfinite(costs))


def test_converging_training_gives_no_warning():
    X, Y = small()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        L_layer_model(
            X, Y, [2, 3, 1], 0.5, 300, print_cost=False, rng=np.random.default_rng(0), scale="he"
        )


def test_the_defaults_by_behaviour(capsys):
    # learning_rate=0.0075, num_iterations=3000, print_cost=True, scale="xavier",
    # print_every=100, ReLU hidden layers and a sigmoid output
    X, Y = small()
    parameters, costs = L_layer_model(X, Y, [2, 3, 1], legacy_seed=1)
    printed = capsys.readouterr().out.splitlines()
    assert len(costs) == 30 and len(printed) == 31
    assert printed[-1].startswith("Cost after iteration 2999: ")
    explicit = L_layer_model(
        X,
        Y,
        [2, 3, 1],
        0.0075,
        3000,
        False,
        activations=["relu", "sigmoid"],
        scale="xavier",
        legacy_seed=1,
        print_every=100,
    )
    assert explicit[1] == costs
    assert all(np.array_equal(explicit[0][k], parameters[k]) for k in parameters)
    other_rate = L_layer_model(X, Y, [2, 3, 1], 0.01, 3000, False, legacy_seed=1)
    other_scale = L_layer_model(X, Y, [2, 3, 1], 0.0075, 3000, False, scale=0.01, legacy_seed=1)
    other_acts = L_layer_model(
        X, Y, [2, 3, 1], 0.0075, 3000, False, activations=["tanh", "sigmoid"], legacy_seed=1
    )
    assert all(run[1] != costs for run in (other_rate, other_scale, other_acts))


def test_lists_and_examples_as_rows():
    X, Y = small()
    a = L_layer_model(X.tolist(), Y.tolist(), [2, 1], 0.1, 50, False, legacy_seed=1)
    b = L_layer_model(X, Y, [2, 1], 0.1, 50, False, legacy_seed=1)
    assert a[1] == b[1]
    with pytest.raises(ValueError) as error:
        L_layer_model(np.ones((4, 3)), np.ones((1, 4)), [3, 1], print_cost=False)
    assert str(error.value) == (
        "X has shape (4, 3): it holds one example per row, but the library wants one column "
        "per example, shape (n[0], m) = (3, 4); pass X.T"
    )
    with pytest.raises(ValueError, match=r"Y must have shape \(1, m\), got \(4, 1\).*Y\.T"):
        L_layer_model(X, Y.T, [2, 1], print_cost=False)
    with pytest.raises(ValueError) as error:
        L_layer_model(X, Y, [2, 2], print_cost=False)
    assert str(error.value) == (
        "layers_dims[-1] = n[L] = 2 but must be 1: the output layer of binary classification "
        "has one unit, whose A[L] is the probability of the label 1"
    )
    with pytest.raises(ValueError, match="the output activation is 'identity'"):
        L_layer_model(X, Y, [2, 2, 1], activations=["relu", "identity"], print_cost=False)


def test_update_parameters_checks_shapes_and_accepts_lists():
    new = update_parameters(
        {"W1": [[1.0, 2.0]], "b1": [[0.5]]}, {"dW1": [[2.0, 0.0]], "db1": [[-1.0]]}, 0.5
    )
    assert new["W1"].tolist() == [[0.0, 2.0]] and new["b1"].tolist() == [[1.0]]
    with pytest.raises(ValueError, match=r"grads: dW1 has shape \(2, 1\) but W1 has \(1, 2\)"):
        update_parameters(
            {"W1": np.ones((1, 2)), "b1": np.ones((1, 1))},
            {"dW1": np.ones((2, 1)), "db1": np.ones((1, 1))},
            0.1,
        )


def test_what_the_learner_passed_is_what_the_message_names():
    """No A[L] the learner never made: layers_dims, X's m, the values found in Y."""
    X = np.random.default_rng(0).standard_normal((2, 8))
    Y = np.array([[0, 1, 1, 0, 1, 0, 0, 1]])
    with pytest.raises(ValueError) as error:
        L_layer_model(X, Y[:, :3], [2, 1], print_cost=False)
    assert str(error.value) == (
        "Y has shape (1, 3) but X has 8 columns, one per example (shape (2, 8)): "
        "Y must have shape (1, 8), one label per example"
    )
    with pytest.raises(TypeError) as error:
        L_layer_model(X, Y, 5, print_cost=False)
    assert str(error.value) == (
        "layers_dims must be a list of layer sizes such as [5, 4, 1]: n[0] inputs, then the "
        "number of units of each layer; got 5 of type int"
    )
    for labels, found in [
        ([[2, -1, 0.5, 3, 2, 0, 1, 1]], "-1, 0.5, 2, ..."),  # sorted, the first three
        ([[2, np.nan, 1, 0, 2, 0, 1, 1]], "2, nan"),
        ([[-1, 1, 1, 0, 1, 0, 0, 1]], "-1"),
    ]:
        with pytest.raises(ValueError) as error:
            L_layer_model(X, np.array(labels), [2, 1], print_cost=False)
        assert str(error.value) == (
            "Y must hold only 0 and 1 (binary classification labels), but it also holds " + found
        )


def test_the_courses_predict_call_returns_the_predictions_and_prints_the_accuracy(capsys):
    X, Y = small()
    parameters, _ = L_layer_model(X, Y, [2, 3, 1], 0.1, 50, False, legacy_seed=1)
    p = predict(X, parameters)
    assert capsys.readouterr().out == ""
    course = predict(X, Y, parameters)  # the course's predict(X, y, parameters)
    assert np.array_equal(course, p)
    accuracy = np.sum(p == Y) / Y.shape[1]  # the course's own formula
    assert 0 < accuracy < 1  # a number that tells right from wrong predictions
    assert capsys.readouterr().out == f"Accuracy: {accuracy}\n"
