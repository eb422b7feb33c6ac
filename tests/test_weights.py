"""Tests of clusterlib.weights: published worked examples, identities, every error path.

Sources of the published values. We could not open the three papers themselves here; their
decision matrices and printed weights were read in the test suite of the pyrepo-mcda library
(A. Bączkiewicz & J. Wątróbski, ``tests/test_weights.py``, also in their
``distance-metrics-for-mcda`` and ``objective-weights-mcda`` packages), which states for each
test the paper it reproduces. Table numbers are therefore not given; the page ranges are those
of the articles.

* Xu, X. (2004). A note on the subjective and objective integrated approach to determine
  attribute weights. *European Journal of Operational Research*, 156(2), 530–532. Entropy
  weights of a 4 x 4 decision matrix.
* Zavadskas, E. K. & Podvezko, V. (2016). Integrated determination of objective criteria
  weights in MCDM. *International Journal of Information Technology & Decision Making*, 15(2),
  267–283. Entropy weights of a 4 x 4 matrix with two cost criteria (computed on raw values).
* Tuş, A. & Aytaç Adalı, E. (2019). The new combination with CRITIC and WASPAS methods for the
  time and attendance software selection problem. *OPSEARCH*, 56(2), 528–538. CRITIC weights of
  a 5 x 6 matrix (the printed weights are those of min–max normalisation without direction
  reversal, which is how pyrepo-mcda reproduces them).

No published example was found for the min–max (熵值法) entropy variant, the standard-deviation
method or the composite index: those are checked against independent by-hand calculations
(plain NumPy written out from the formulas), as the tests say.
"""

import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from scipy import special

from clusterlib import weights as wt

SETTINGS = settings(derandomize=True, deadline=None, max_examples=50,
                    suppress_health_check=[HealthCheck.too_slow])

XU_2004 = pd.DataFrame([[30, 30, 38, 29], [19, 54, 86, 29], [19, 15, 85, 28.9],
                        [68, 70, 60, 29]], columns=["c1", "c2", "c3", "c4"], dtype=float)
ZP_2016 = pd.DataFrame([[3.0, 100, 10, 7], [2.5, 80, 8, 5], [1.8, 50, 20, 11],
                        [2.2, 70, 12, 9]], columns=["c1", "c2", "c3", "c4"])
TUS_2019 = pd.DataFrame([[5000, 3, 3, 4, 3, 2], [680, 5, 3, 2, 2, 1], [2000, 3, 2, 3, 4, 3],
                         [600, 4, 3, 1, 2, 2], [800, 2, 4, 3, 3, 4]],
                        columns=["c1", "c2", "c3", "c4", "c5", "c6"], dtype=float)
WEIGHT_FUNCTIONS = [wt.entropy_weights, wt.critic_weights, wt.std_weights]


# --------------------------------------------------------------------------------------------
# Independent by-hand formulas (plain NumPy, written from the published definitions)
# --------------------------------------------------------------------------------------------

def hand_minmax(x, signs):
    low, high = x.min(axis=0), x.max(axis=0)
    return np.where(signs > 0, (x - low) / (high - low), (high - x) / (high - low))


def hand_entropy(p_source):
    p = p_source / p_source.sum(axis=0)
    e = -special.xlogy(p, p).sum(axis=0) / np.log(p.shape[0])
    d = 1 - e
    return d / d.sum()


def hand_critic(x, signs, ddof=1):
    z = hand_minmax(x, signs)
    sigma = z.std(axis=0, ddof=ddof)
    r = np.corrcoef(z, rowvar=False)
    c = sigma * (1 - r).sum(axis=0)
    return c / c.sum()


def hand_std(x):
    sigma = hand_minmax(x, np.ones(x.shape[1])).std(axis=0, ddof=1)
    return sigma / sigma.sum()


def random_frame(seed, rows=12, cols=4):
    rng = np.random.default_rng(seed)
    return pd.DataFrame(rng.lognormal(0.0, 0.7, size=(rows, cols)),
                        columns=[f"i{j}" for j in range(cols)],
                        index=[f"r{i}" for i in range(rows)])


# --------------------------------------------------------------------------------------------
# 1. Published worked examples
# --------------------------------------------------------------------------------------------

def test_entropy_xu_2004_published_weights():
    """Xu (2004, EJOR 156(2), 530–532): entropy weights (0.4630, 0.3992, 0.1378, 0.0000)."""
    w = wt.entropy_weights(XU_2004)
    assert w.round(4).tolist() == [0.4630, 0.3992, 0.1378, 0.0000]
    assert w.name == "entropy_weight"
    assert list(w.index) == ["c1", "c2", "c3", "c4"]
    assert w["c4"] > 0  # nearly, not exactly, uniform: a tiny positive weight, no warning


def test_entropy_xu_2004_from_numpy_array():
    w = wt.entropy_weights(XU_2004.to_numpy())
    assert w.round(4).tolist() == [0.4630, 0.3992, 0.1378, 0.0000]
    assert list(w.index) == [0, 1, 2, 3]


def test_entropy_zavadskas_podvezko_2016_published_weights():
    """Zavadskas & Podvezko (2016, IJITDM 15(2), 267–283): (0.1146, 0.1981, 0.4185, 0.2689).

    Criteria 1 and 3 are cost criteria there, yet the printed entropy weights are those of the
    raw values: the direction does not enter the sum-normalised entropy.
    """
    assert wt.entropy_weights(ZP_2016).round(4).tolist() == [0.1146, 0.1981, 0.4185, 0.2689]


def test_critic_tus_adali_2019_published_weights():
    """Tuş & Aytaç Adalı (2019, OPSEARCH 56(2), 528–538): CRITIC weights."""
    w = wt.critic_weights(TUS_2019)
    assert w.round(3).tolist() == [0.157, 0.249, 0.168, 0.121, 0.154, 0.151]
    assert w.name == "critic_weight"


def test_critic_tus_adali_2019_matches_by_hand_with_and_without_cost():
    """Independent by-hand CRITIC on the same matrix, with C1 (price) as a cost criterion too."""
    x = TUS_2019.to_numpy()
    for signs in (np.ones(6), np.array([-1.0, 1, 1, 1, 1, 1])):
        directions = dict(zip(TUS_2019.columns, signs))
        np.testing.assert_allclose(wt.critic_weights(TUS_2019, directions=directions),
                                   hand_critic(x, signs), rtol=0, atol=1e-14)
    # the reversal of C1 changes the weights: directions matter in CRITIC
    cost = wt.critic_weights(TUS_2019, directions={"c1": -1, **{f"c{j}": 1 for j in range(2, 7)}})
    assert abs(cost["c1"] - 0.157) > 0.01


# --------------------------------------------------------------------------------------------
# 1b. Independent by-hand calculations (no published example found)
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("shift", [0.01, 0.001, 0.0])
def test_entropy_minmax_variant_by_hand(shift):
    """By hand: min–max by direction, + shift, shares, entropy (no published example found)."""
    frame = random_frame(1)
    signs = np.array([1.0, -1.0, 1.0, -1.0])
    directions = dict(zip(frame.columns, signs))
    expected = hand_entropy(hand_minmax(frame.to_numpy(), signs) + shift)
    got = wt.entropy_weights(frame, normalisation="minmax", shift=shift, directions=directions)
    np.testing.assert_allclose(got, expected, rtol=0, atol=1e-13)


def test_entropy_handles_zeros_as_zero_log_zero():
    """0·ln 0 = 0: a column with zeros gets the weight of the xlogy formula."""
    frame = pd.DataFrame({"a": [0.0, 1.0, 2.0, 3.0], "b": [1.0, 1.5, 0.0, 4.0],
                          "c": [2.0, 2.5, 3.0, 1.0]})
    np.testing.assert_allclose(wt.entropy_weights(frame), hand_entropy(frame.to_numpy()),
                               rtol=0, atol=1e-14)


def test_critic_ddof_does_not_change_the_weights():
    """sigma enters every C_j by the same factor, so ddof=0 and ddof=1 give the same weights."""
    x = random_frame(2).to_numpy()
    signs = np.ones(x.shape[1])
    ddof0, ddof1 = hand_critic(x, signs, ddof=0), hand_critic(x, signs, ddof=1)
    np.testing.assert_allclose(ddof0, ddof1, rtol=0, atol=1e-15)
    np.testing.assert_allclose(wt.critic_weights(x), ddof1, rtol=0, atol=1e-14)


def test_std_weights_by_hand_and_published_style_example():
    """By hand: sigma of min–max scores over their sum (no published example found)."""
    frame = random_frame(3)
    np.testing.assert_allclose(wt.std_weights(frame), hand_std(frame.to_numpy()),
                               rtol=0, atol=1e-14)
    assert wt.std_weights(frame).name == "std_weight"


def test_equal_weights_values_and_labels():
    w = wt.equal_weights(XU_2004)
    assert w.tolist() == [0.25] * 4 and w.name == "equal_weight"
    assert list(w.index) == list(XU_2004.columns) and w.index.name == "indicator"


def test_composite_index_by_hand():
    """By hand: weighted sum of min–max scores by direction (no published example found)."""
    frame = random_frame(4)
    signs = np.array([1.0, -1.0, 1.0, 1.0])
    w = pd.Series([0.1, 0.2, 0.3, 0.4], index=frame.columns)
    got = wt.composite_index(frame, w.iloc[::-1], directions=dict(zip(frame.columns, signs)))
    np.testing.assert_allclose(got, hand_minmax(frame.to_numpy(), signs) @ w.to_numpy(),
                               rtol=0, atol=1e-14)
    assert got.name == "composite_index" and list(got.index) == list(frame.index)


def test_composite_index_accepts_dict_and_skips_zero_weight_constant():
    frame = pd.DataFrame({"a": [1.0, 2.0, 3.0], "flat": [5.0, 5.0, 5.0]}, index=list("xyz"))
    got = wt.composite_index(frame, {"a": 1.0, "flat": 0.0})
    assert got.tolist() == [0.0, 0.5, 1.0]


def test_minmax_normalise_by_hand():
    frame = random_frame(5)
    signs = np.array([1.0, -1.0, -1.0, 1.0])
    z = wt.minmax_normalise(frame, directions=dict(zip(frame.columns, signs)))
    np.testing.assert_allclose(z, hand_minmax(frame.to_numpy(), signs), rtol=0, atol=1e-15)
    assert (z.min() == 0).all() and (z.max() == 1).all()
    assert not np.signbit(z.to_numpy()).any()  # no -0.0 for the best unit of a cost indicator


def test_large_matrix_spans_many_blocks_and_both_memory_layouts():
    """More rows than one block; DataFrame (Fortran-ordered) and C-ordered arrays agree."""
    rng = np.random.default_rng(6)
    x = rng.lognormal(0.0, 0.5, size=(3 * wt._BLOCK_ROWS + 123, 5))
    x[7, 2] = 0.0  # a zero: exercised through the exact 0·ln 0 path
    frame = pd.DataFrame(x)
    signs = np.array([1.0, -1.0, 1.0, 1.0, -1.0])
    directions = dict(zip(range(5), signs))
    for data in (frame, np.ascontiguousarray(x)):
        np.testing.assert_allclose(wt.entropy_weights(data), hand_entropy(x), atol=1e-13)
        np.testing.assert_allclose(
            wt.entropy_weights(data, normalisation="minmax", directions=directions),
            hand_entropy(hand_minmax(x, signs) + 0.01), atol=1e-13)
        np.testing.assert_allclose(wt.critic_weights(data, directions=directions),
                                   hand_critic(x, signs), atol=1e-13)
        np.testing.assert_allclose(wt.std_weights(data), hand_std(x), atol=1e-13)


def test_critic_of_data_with_large_offset_is_accurate():
    """Centring before squaring: a large common offset does not destroy the variances."""
    frame = random_frame(7, rows=50)
    shifted = frame + 1e7
    np.testing.assert_allclose(wt.critic_weights(shifted), wt.critic_weights(frame), atol=1e-9)
    np.testing.assert_allclose(wt.std_weights(shifted), wt.std_weights(frame), atol=1e-9)


# --------------------------------------------------------------------------------------------
# Panels: pooled and per period
# --------------------------------------------------------------------------------------------

def panel_frame():
    rng = np.random.default_rng(8)
    index = pd.MultiIndex.from_product([["A", "B", "C", "D"], [2019, 2020, 2021]],
                                       names=["region", "year"])
    return pd.DataFrame(rng.lognormal(size=(12, 3)), index=index,
                        columns=pd.Index(["rd", "exports", "patents"], name="indicator"))


def test_pooled_panel_uses_all_region_years():
    """Pooled: k = 1/ln(R·T) over all 12 region-years."""
    panel = panel_frame()
    np.testing.assert_allclose(wt.entropy_weights(panel), hand_entropy(panel.to_numpy()),
                               atol=1e-14)


@pytest.mark.parametrize("function", WEIGHT_FUNCTIONS)
def test_per_period_equals_each_period_alone(function):
    panel = panel_frame()
    table = function(panel, time="year")
    assert isinstance(table, pd.DataFrame)
    assert list(table.index) == [2019, 2020, 2021] and table.index.name == "year"
    assert list(table.columns) == ["rd", "exports", "patents"]
    np.testing.assert_allclose(table.sum(axis=1), 1.0, atol=1e-14)
    for year in (2019, 2020, 2021):
        alone = function(panel.xs(year, level="year"))
        np.testing.assert_allclose(table.loc[year], alone, atol=1e-14)


def test_per_period_from_a_year_column():
    panel = panel_frame()
    flat = panel.reset_index(level="year")
    np.testing.assert_allclose(wt.entropy_weights(flat, time="year"),
                               wt.entropy_weights(panel, time="year"), atol=1e-15)
    # and minmax variant per period normalises within each period
    per_year = wt.entropy_weights(panel, normalisation="minmax", time="year")
    x2020 = panel.xs(2020, level="year").to_numpy()
    np.testing.assert_allclose(per_year.loc[2020],
                               hand_entropy(hand_minmax(x2020, np.ones(3)) + 0.01), atol=1e-14)


# --------------------------------------------------------------------------------------------
# 2. Identities and invariances
# --------------------------------------------------------------------------------------------

positive_matrices = arrays(
    np.float64, st.tuples(st.integers(3, 12), st.integers(2, 5)),
    elements=st.floats(0.5, 1000.0, allow_nan=False, allow_infinity=False),
).filter(lambda a: (np.ptp(a, axis=0) > 1e-3 * a.max(axis=0)).all()).filter(
    # CRITIC is undefined (and raises, tested below) when every pair of indicators is perfectly
    # correlated: there is no conflict to weigh. Such matrices are outside these properties, and
    # so are perfectly anti-correlated ones, which a cost direction turns into correlated ones.
    lambda a: not (np.abs(np.corrcoef(a.T)[np.triu_indices(a.shape[1], 1)]) > 1 - 1e-9).all()
)

METHODS = {
    "entropy_sum": lambda d, **k: wt.entropy_weights(d, **k),
    "entropy_minmax": lambda d, **k: wt.entropy_weights(d, normalisation="minmax", **k),
    "critic": lambda d, **k: wt.critic_weights(d, **k),
    "std": lambda d, **k: wt.std_weights(d, **k),
}


@pytest.mark.parametrize("method", sorted(METHODS))
@SETTINGS
@given(x=positive_matrices)
def test_weights_are_nonnegative_and_sum_to_one(method, x):
    w = METHODS[method](x)
    assert (w >= 0).all()
    assert abs(w.sum() - 1.0) < 1e-12


@pytest.mark.parametrize("method", sorted(METHODS))
@SETTINGS
@given(x=positive_matrices, seed=st.integers(0, 2**32 - 1))
def test_weights_do_not_depend_on_row_order(method, x, seed):
    order = np.random.default_rng(seed).permutation(x.shape[0])
    np.testing.assert_allclose(METHODS[method](x[order]), METHODS[method](x), atol=1e-12)


@pytest.mark.parametrize("method", sorted(METHODS))
@SETTINGS
@given(x=positive_matrices, factor=st.floats(1e-3, 1e3))
def test_weights_do_not_depend_on_positive_rescaling_of_a_column(method, x, factor):
    scaled = x.copy()
    scaled[:, 0] *= factor
    np.testing.assert_allclose(METHODS[method](scaled), METHODS[method](x), atol=1e-11)


@pytest.mark.parametrize("method", ["entropy_minmax", "critic", "std"])
@SETTINGS
@given(x=positive_matrices, offset=st.floats(-100.0, 100.0))
def test_minmax_methods_do_not_depend_on_translation(method, x, offset):
    moved = x.copy()
    moved[:, -1] += offset
    np.testing.assert_allclose(METHODS[method](moved), METHODS[method](x), atol=1e-10)


@SETTINGS
@given(x=positive_matrices)
def test_critic_cost_direction_equals_negated_benefit_column(x):
    negated = x.copy()
    negated[:, 0] = -negated[:, 0]
    directions = {j: (-1 if j == 0 else 1) for j in range(x.shape[1])}
    np.testing.assert_allclose(wt.critic_weights(x, directions=directions),
                               wt.critic_weights(negated), atol=1e-12)


@SETTINGS
@given(x=positive_matrices)
def test_std_weights_ignore_direction(x):
    directions = {j: -1 for j in range(x.shape[1])}
    np.testing.assert_allclose(wt.std_weights(x, directions=directions), wt.std_weights(x),
                               atol=1e-15)


@SETTINGS
@given(x=positive_matrices)
def test_constant_column_gets_zero_and_leaves_the_others_unchanged(x):
    """A constant indicator adds nothing: the others keep the weights they have without it."""
    with_flat = np.column_stack([x, np.full(x.shape[0], 7.0)])
    for name, method in METHODS.items():
        with pytest.warns(UserWarning, match="constant"):
            w = method(with_flat)
        assert w.iloc[-1] == 0.0, name
        np.testing.assert_allclose(w.iloc[:-1], method(x), atol=1e-12)


@SETTINGS
@given(x=positive_matrices)
def test_minmax_normalise_bounds(x):
    z = wt.minmax_normalise(x)
    assert ((z >= 0) & (z <= 1)).all().all()
    assert (z.min() == 0).all() and (z.max() == 1).all()


@SETTINGS
@given(x=positive_matrices, seed=st.integers(0, 2**32 - 1))
def test_composite_index_bounds_and_equal_weights_mean(x, seed):
    raw = np.random.default_rng(seed).random(x.shape[1])
    weights = pd.Series(raw / raw.sum())
    index = wt.composite_index(x, weights)
    assert ((index >= 0) & (index <= 1)).all()
    equal = wt.composite_index(x, wt.equal_weights(x))
    np.testing.assert_allclose(equal, wt.minmax_normalise(x).mean(axis=1), atol=1e-14)


# --------------------------------------------------------------------------------------------
# Warnings
# --------------------------------------------------------------------------------------------

def test_constant_indicator_warning_names_it_and_points_at_the_caller():
    frame = XU_2004.assign(flat=3.0)
    for function in WEIGHT_FUNCTIONS:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            w = function(frame)
        assert len(caught) == 1
        assert "'flat'" in str(caught[0].message)
        assert caught[0].filename == __file__
        assert w["flat"] == 0.0


def test_per_period_constant_warning_names_the_period():
    panel = panel_frame()
    panel.loc[("A", 2020), "rd"] = panel.loc[("B", 2020), "rd"]
    panel.loc[("C", 2020), "rd"] = panel.loc[("B", 2020), "rd"]
    panel.loc[("D", 2020), "rd"] = panel.loc[("B", 2020), "rd"]
    with pytest.warns(UserWarning, match=r"\['rd'\] are constant within period 2020"):
        table = wt.critic_weights(panel, time="year")
    assert table.loc[2020, "rd"] == 0.0 and table.loc[2019, "rd"] > 0


def test_all_zero_column_is_constant():
    frame = XU_2004.assign(zero=0.0)
    with pytest.warns(UserWarning, match="'zero'"):
        w = wt.entropy_weights(frame)
    assert w["zero"] == 0.0


# --------------------------------------------------------------------------------------------
# 3. Error paths
# --------------------------------------------------------------------------------------------

def equal_by_position(data):
    """Equal weights labelled like the columns of `data`, whatever `data` is."""
    columns = data.columns if isinstance(data, pd.DataFrame) else range(np.shape(data)[1])
    return pd.Series(1.0 / len(columns), index=columns)


ALL_DATA_FUNCTIONS = [
    wt.entropy_weights,
    lambda d, **k: wt.entropy_weights(d, normalisation="minmax", **k),
    wt.critic_weights,
    wt.std_weights,
    wt.equal_weights,
    wt.minmax_normalise,
    lambda d, **k: wt.composite_index(d, equal_by_position(d), **k),
]


@pytest.mark.parametrize("function", ALL_DATA_FUNCTIONS)
def test_nan_is_rejected_not_dropped(function):
    frame = XU_2004.copy()
    frame.iloc[1, 2] = np.nan
    with pytest.raises(ValueError, match=r"missing \(NaN\) values in columns \['c3'\]"):
        function(frame)


@pytest.mark.parametrize("function", ALL_DATA_FUNCTIONS)
def test_infinite_is_rejected(function):
    frame = XU_2004.copy()
    frame.iloc[0, 0] = np.inf
    with pytest.raises(ValueError, match="infinite"):
        function(frame)


@pytest.mark.parametrize("function", ALL_DATA_FUNCTIONS)
def test_wrong_kind_of_data(function):
    with pytest.raises(TypeError, match="DataFrame or a 2-D NumPy array"):
        function([[1.0, 2.0], [3.0, 4.0]])
    with pytest.raises(TypeError, match="not numeric"):
        function(XU_2004.assign(c1=list("abcd")))


@pytest.mark.parametrize("function", ALL_DATA_FUNCTIONS)
def test_duplicated_indicator_labels(function):
    with pytest.raises(ValueError, match="duplicated column labels"):
        function(pd.DataFrame([[1.0, 2.0], [3.0, 5.0]], columns=["a", "a"]))


@pytest.mark.parametrize("function", ALL_DATA_FUNCTIONS[:4] + ALL_DATA_FUNCTIONS[5:])
def test_one_row_is_rejected(function):
    with pytest.raises(ValueError, match=r"at least 2 row\(s\)"):
        function(XU_2004.iloc[:1])


def test_three_dimensional_array_is_rejected():
    with pytest.raises(ValueError, match="two-dimensional"):
        wt.entropy_weights(np.ones((2, 2, 2)))


@pytest.mark.parametrize("function", WEIGHT_FUNCTIONS)
def test_all_constant_matrix_raises(function):
    with pytest.raises(ValueError, match="All indicators are constant"):
        function(pd.DataFrame({"a": [1.0, 1.0, 1.0], "b": [2.0, 2.0, 2.0]}))


def test_entropy_negative_values_raise_and_suggest_minmax():
    frame = XU_2004.copy()
    frame.iloc[2, 1] = -5.0
    with pytest.raises(ValueError, match=r"negative values in columns \['c2'\].*minmax"):
        wt.entropy_weights(frame)
    assert wt.entropy_weights(frame, normalisation="minmax").sum() == pytest.approx(1.0)


def test_entropy_sum_rejects_cost_directions_but_accepts_benefits():
    with pytest.raises(ValueError, match=r"\['c1', 'c3'\] are marked as cost"):
        wt.entropy_weights(ZP_2016, directions={"c1": -1, "c2": 1, "c3": "cost", "c4": 1})
    same = wt.entropy_weights(ZP_2016, directions={c: "benefit" for c in ZP_2016.columns})
    np.testing.assert_allclose(same, wt.entropy_weights(ZP_2016), atol=0)


def test_entropy_shift_rules():
    with pytest.raises(ValueError, match="`shift` applies only to normalisation='minmax'"):
        wt.entropy_weights(XU_2004, shift=0.1)
    with pytest.raises(ValueError, match="`shift` must be at least 0"):
        wt.entropy_weights(XU_2004, normalisation="minmax", shift=-0.01)
    with pytest.raises(ValueError, match="finite"):
        wt.entropy_weights(XU_2004, normalisation="minmax", shift=np.inf)
    with pytest.raises(TypeError, match="`shift` must be a real number"):
        wt.entropy_weights(XU_2004, normalisation="minmax", shift="0.01")


def test_unknown_normalisation():
    with pytest.raises(ValueError, match="`normalisation` must be one of"):
        wt.entropy_weights(XU_2004, normalisation="vector")
    with pytest.raises(ValueError, match="`normalisation` must be one of"):
        wt.composite_index(XU_2004, wt.equal_weights(XU_2004), normalisation="zscore")


@pytest.mark.parametrize("function", WEIGHT_FUNCTIONS + [wt.equal_weights, wt.minmax_normalise])
def test_directions_must_match_columns(function):
    with pytest.raises(ValueError, match="do not match"):
        function(XU_2004, directions={"c1": 1, "c2": 1, "c3": 1})
    with pytest.raises(ValueError, match="not understood"):
        function(XU_2004, directions={"c1": 1, "c2": 1, "c3": 1, "c4": "up"})
    with pytest.raises(TypeError, match="`directions` must be None, a dict"):
        function(XU_2004, directions=[1, 1, 1, 1])


def test_critic_needs_two_varying_indicators():
    with pytest.raises(ValueError, match="CRITIC weights are undefined"):
        wt.critic_weights(pd.DataFrame({"a": [1.0, 2.0, 4.0]}))
    with pytest.warns(UserWarning, match="'flat'"), \
            pytest.raises(ValueError, match="CRITIC weights are undefined"):
        wt.critic_weights(pd.DataFrame({"a": [1.0, 2.0, 4.0], "flat": [3.0, 3.0, 3.0]}))


def test_critic_perfectly_correlated_indicators_raise():
    frame = pd.DataFrame({"a": [1.0, 2.0, 4.0, 7.0], "b": [3.0, 5.0, 9.0, 15.0]})
    with pytest.raises(ValueError, match="CRITIC weights are undefined.*perfectly correlated"):
        wt.critic_weights(frame)
    # reversed by direction, an exactly anti-correlated pair is perfectly concordant too
    with pytest.raises(ValueError, match="perfectly correlated"):
        wt.critic_weights(frame.assign(b=-frame["b"]), directions={"a": 1, "b": "cost"})


def test_sums_that_overflow_are_rescaled_not_refused():
    """Issue 14, item 8: entropy weights are scale-free, so a column sum that overflows float64
    gives the weights of the same data in other units; per-period weights still refuse it."""
    frame = pd.DataFrame({"a": [1e308, 1e308, 1.0], "b": [1.0, 2.0, 3.0]})
    ordinary = frame.assign(a=[1.0, 1.0, 1e-308])
    for normalisation in ("sum", "minmax"):
        np.testing.assert_allclose(
            wt.entropy_weights(frame, normalisation=normalisation).to_numpy(),
            wt.entropy_weights(ordinary, normalisation=normalisation).to_numpy(), rtol=1e-12)
    with pytest.raises(ValueError, match=r"\['a'\] are too large to sum"):
        wt.entropy_weights(frame.assign(year=[1, 1, 1]), time="year")


def test_scale_free_weights_of_values_whose_squares_overflow_or_underflow():
    """CRITIC and standard-deviation weights do not depend on units (issue 14, items 7-8):
    values near 1e308, 1e200 or 1e-200 give the weights of the same data in ordinary units."""
    for big in (1e308, 1e200, 1e-200):
        frame = pd.DataFrame({"a": [big, -big, big / 4], "b": [1.0, 2.0, 3.0]})
        ordinary = frame.assign(a=frame["a"] / big)
        for function in (wt.critic_weights, wt.std_weights):
            np.testing.assert_allclose(function(frame).to_numpy(),
                                       function(ordinary).to_numpy(), rtol=1e-12)


def test_minmax_normalise_rejects_constant_indicator():
    with pytest.raises(ValueError, match=r"\['c5'\] are constant"):
        wt.minmax_normalise(XU_2004.assign(c5=1.0))


# time= errors

def test_time_unknown_name():
    with pytest.raises(ValueError, match="neither an index level nor a column"):
        wt.entropy_weights(panel_frame(), time="period")


def test_time_needs_a_dataframe():
    with pytest.raises(TypeError, match="`time` needs `data` to be a pandas DataFrame"):
        wt.critic_weights(np.ones((4, 2)), time="year")


def test_time_ambiguous_name():
    panel = panel_frame().assign(year=1.0)
    with pytest.raises(ValueError, match="both an index level and a column"):
        wt.std_weights(panel, time="year")


def test_time_missing_labels():
    flat = panel_frame().reset_index(level="year")
    flat["year"] = flat["year"].astype(float)
    flat.iloc[3, 0] = np.nan
    with pytest.raises(ValueError, match="missing `time` labels"):
        wt.entropy_weights(flat, time="year")


def test_time_period_with_one_row():
    panel = panel_frame()
    lone = panel.iloc[[-1]].rename(index={2021: 2022}, level=1)  # one region only in 2022
    panel = pd.concat([panel, lone])
    with pytest.raises(ValueError, match=r"Periods \[2022\] have fewer than 2 rows"):
        wt.entropy_weights(panel, time="year")


def test_time_nan_in_a_period_is_rejected():
    panel = panel_frame()
    panel.iloc[4, 1] = np.nan
    with pytest.raises(ValueError, match="missing"):
        wt.critic_weights(panel, time="year")


# composite_index errors

def test_composite_index_weight_labels_must_match():
    with pytest.raises(ValueError, match=r"\['c4'\] are in `data columns` but not in `weights`"):
        wt.composite_index(XU_2004, pd.Series({"c1": 0.5, "c2": 0.25, "c3": 0.25}))
    with pytest.raises(ValueError, match=r"\['x'\] are in `weights` but not in `data columns`"):
        wt.composite_index(XU_2004, pd.Series({"c1": 0.25, "c2": 0.25, "c3": 0.25,
                                               "c4": 0.25, "x": 0.0}))


def test_composite_index_weights_must_be_nonnegative_and_sum_to_one():
    with pytest.raises(ValueError, match="negative values"):
        wt.composite_index(XU_2004, pd.Series([0.75, 0.5, -0.25, 0.0], index=XU_2004.columns))
    with pytest.raises(ValueError, match=r"must sum to 1 .*Normalise"):
        wt.composite_index(XU_2004, pd.Series([1.0, 1.0, 1.0, 1.0], index=XU_2004.columns))
    ok = pd.Series([0.25, 0.25, 0.25, 0.25 + 5e-10], index=XU_2004.columns)
    assert len(wt.composite_index(XU_2004, ok)) == 4  # within the 1e-9 tolerance


def test_composite_index_rejects_per_period_table_and_bad_weights():
    table = wt.entropy_weights(panel_frame(), time="year")
    with pytest.raises(TypeError, match="one call per period|call composite_index on each"):
        wt.composite_index(panel_frame(), table)
    with pytest.raises(TypeError, match="`weights` must be a pandas Series"):
        wt.composite_index(XU_2004, "equal")
    with pytest.raises(ValueError, match="missing"):
        wt.composite_index(XU_2004, pd.Series([0.5, np.nan, 0.25, 0.25], index=XU_2004.columns))
    as_text = dict.fromkeys(XU_2004.columns, "0.25")  # read from a file without conversion
    with pytest.raises(TypeError, match="`weights` must hold numbers"):
        wt.composite_index(XU_2004, as_text)
    assert wt.composite_index(XU_2004, dict.fromkeys(XU_2004.columns, 0.25)).equals(
        wt.composite_index(XU_2004, wt.equal_weights(XU_2004)))


def test_composite_index_constant_indicator_with_positive_weight():
    frame = XU_2004.assign(c4=29.0)
    with pytest.raises(ValueError, match=r"\['c4'\] are constant .* positive weight"):
        wt.composite_index(frame, wt.equal_weights(frame))


def test_entropy_of_indicators_uniform_to_rounding_raises():
    """Varying, but so little that every divergence rounds to zero or below: undefined."""
    frame = pd.DataFrame({"a": [1e9, 1e9 + 1, 1e9], "b": [1e9, 1e9, 1e9 + 1]})
    with pytest.raises(ValueError, match="entropy weights are undefined.*uniform to rounding"):
        wt.entropy_weights(frame)


@pytest.mark.parametrize("method", sorted(METHODS))
def test_two_threads_give_bitwise_the_same_weights_as_one(method, monkeypatch):
    """Large matrices are shared between two threads; the reduction order is fixed, so the
    weights are bitwise identical to a single-threaded run (and warning-free with zeros)."""
    x = np.random.default_rng(7).gamma(2.0, 1.0, size=(40 * wt._BLOCK_ROWS, 4))
    x[::9, 1] = 0.0
    monkeypatch.setattr(wt, "_THREADS", 1)
    single = METHODS[method](x)
    monkeypatch.setattr(wt, "_THREADS", 2)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        threaded = METHODS[method](x)
    assert threaded.equals(single)


# --------------------------------------------------------------------------------------------
# weight_sensitivity: one index under several weightings, and the rank agreement
# --------------------------------------------------------------------------------------------

SENS = pd.DataFrame({"patents": [1.0, 2.0, 3.0, 12.0], "exports": [4.0, 8.0, 6.0, 3.0]},
                    index=["A", "B", "C", "D"])


def test_weight_sensitivity_by_hand():
    """No published example of a weight-sensitivity table was found; by hand instead.

    Min–max scores: patents (x - 1)/11 = (0, 1/11, 2/11, 1), exports (x - 3)/5 = (1/5, 1, 3/5, 0).
    Equal weights: index (0.1, 0.5455, 0.3909, 0.5), ranks A4 B1 C3 D2. Entropy weights from the
    raw shares p = x / sum(x): patents are more dispersed (one value of 12), so they weigh more
    and D ranks first: ranks A4 B3 C2 D1. Rank differences (0, -2, 1, 1): Spearman
    1 - 6*6/(4*15) = 0.4. Of the 6 pairs, B-C and B-D are discordant: Kendall (4 - 2)/6 = 1/3.
    The largest move is B's (1 -> 3); B, C and D move.
    """
    result = wt.weight_sensitivity(SENS, methods=["equal", "entropy_sum"])
    w = hand_entropy(SENS.to_numpy())
    z = hand_minmax(SENS.to_numpy(), np.ones(2))
    np.testing.assert_allclose(result.weights["entropy_sum"], w, atol=1e-14)
    np.testing.assert_allclose(result.indices["equal"], [0.1, 6 / 11, (2 / 11 + 0.6) / 2, 0.5],
                               atol=1e-14)
    np.testing.assert_allclose(result.indices["entropy_sum"], z @ w, atol=1e-14)
    assert result.ranks["equal"].tolist() == [4, 1, 3, 2]
    assert result.ranks["entropy_sum"].tolist() == [4, 3, 2, 1]
    assert result.spearman.loc["equal", "entropy_sum"] == pytest.approx(0.4, abs=1e-12)
    assert result.kendall.loc["entropy_sum", "equal"] == pytest.approx(1 / 3, abs=1e-12)
    summary = result.summary()
    assert summary.loc["entropy_sum", "max_rank_change"] == 2
    assert summary.loc["entropy_sum", "units_moved"] == 3
    assert summary.loc["equal"].tolist() == [1.0, 1.0, 0, 0, 4]
    assert result.reference == "equal"


def test_weight_sensitivity_default_methods_and_layout():
    frame = random_frame(11, rows=10)
    result = wt.weight_sensitivity(frame)
    assert list(result.weights.columns) == list(wt.SENSITIVITY_METHODS)
    np.testing.assert_allclose(result.weights.sum(), 1.0, atol=1e-12)
    np.testing.assert_allclose(result.weights["critic"], wt.critic_weights(frame), atol=0)
    np.testing.assert_allclose(result.weights["entropy_minmax"],
                               wt.entropy_weights(frame, normalisation="minmax"), atol=0)
    table = result.to_frame()
    assert table.columns.names == ["quantity", "method"]
    assert table["rank"].dtypes.eq("int64").all()
    assert list(table.index) == list(frame.index)


def test_weight_sensitivity_directions_reach_every_index():
    frame = random_frame(12, rows=8)
    directions = {"i0": 1, "i1": "cost", "i2": 1, "i3": 1}
    result = wt.weight_sensitivity(frame, directions=directions)
    for method in wt.SENSITIVITY_METHODS:
        expected = wt.composite_index(frame, result.weights[method], directions=directions)
        np.testing.assert_allclose(result.indices[method], expected, atol=1e-15)
    # the sum entropy uses raw values: the same weights with or without a cost direction
    np.testing.assert_allclose(result.weights["entropy_sum"], wt.entropy_weights(frame), atol=0)


def test_weight_sensitivity_ranks_within_groups_with_pooled_weights():
    panel = panel_frame()
    result = wt.weight_sensitivity(panel, rank_within="year")
    np.testing.assert_allclose(result.weights["critic"], wt.critic_weights(panel), atol=0)
    for year in (2019, 2020, 2021):
        ranks = result.ranks.xs(year, level="year")
        assert sorted(ranks["equal"]) == [1, 2, 3, 4]
        alone = result.indices.xs(year, level="year")
        rho = stats_spearman(alone["equal"], alone["critic"])
        assert result.spearman.loc[(year, "equal"), "critic"] == pytest.approx(rho)
    summary = result.summary()
    assert summary.index.names == ["year", "method"] and len(summary) == 15
    assert (summary["units"] == 4).all()
    flat = panel.reset_index(level="year")
    from_column = wt.weight_sensitivity(flat, rank_within="year")
    pd.testing.assert_frame_equal(from_column.ranks, result.ranks)


def stats_spearman(a, b):
    from scipy.stats import spearmanr
    return float(spearmanr(a, b).statistic)


def test_weight_sensitivity_rounding_does_not_break_ties():
    """(0.2 + 1)/2 and (0.4 + 0.8)/2 are both 0.6 but differ in the last bit: a tie."""
    frame = pd.DataFrame({"a": [0.0, 1.0, 2.0, 5.0], "b": [0.0, 5.0, 4.0, 2.0]},
                         index=list("WXYZ"))
    result = wt.weight_sensitivity(frame, methods=["equal"])
    assert result.ranks["equal"].tolist() == [4, 2, 2, 1]


SENSITIVITY_SETTINGS = settings(SETTINGS, max_examples=15)  # each example runs five methods


@SENSITIVITY_SETTINGS
@given(x=positive_matrices.filter(lambda a: a.shape[0] >= 3), seed=st.integers(0, 2**32 - 1))
def test_weight_sensitivity_does_not_depend_on_row_order(x, seed):
    order = np.random.default_rng(seed).permutation(x.shape[0])
    frame = pd.DataFrame(x, index=[f"u{i}" for i in range(x.shape[0])])
    try:
        whole = wt.weight_sensitivity(frame)
    except ValueError as error:  # an index equal for every unit: nothing to rank
        assert "same for every unit" in str(error)
        return
    moved = wt.weight_sensitivity(frame.iloc[order])
    pd.testing.assert_frame_equal(moved.ranks.loc[frame.index], whole.ranks)
    pd.testing.assert_frame_equal(moved.spearman, whole.spearman, atol=1e-12)


@SENSITIVITY_SETTINGS
@given(x=positive_matrices.filter(lambda a: a.shape[0] >= 3))
def test_weight_sensitivity_correlation_matrices_are_symmetric_with_unit_diagonal(x):
    try:
        result = wt.weight_sensitivity(x)
    except ValueError as error:
        assert "same for every unit" in str(error)
        return
    for table in (result.spearman, result.kendall):
        np.testing.assert_allclose(table, table.T, atol=0)
        assert (np.diag(table) == 1.0).all()
        assert ((table >= -1 - 1e-12) & (table <= 1 + 1e-12)).all().all()
    assert ((result.ranks >= 1) & (result.ranks <= x.shape[0])).all().all()


def test_weight_sensitivity_errors():
    with pytest.raises(ValueError, match=r"unknown entries \['topsis'\]"):
        wt.weight_sensitivity(SENS, methods=["equal", "topsis"])
    with pytest.raises(ValueError, match=r"lists \['std'\] more than once"):
        wt.weight_sensitivity(SENS, methods=["std", "equal", "std"])
    with pytest.raises(TypeError, match="`methods` must be a list of names"):
        wt.weight_sensitivity(SENS, methods="equal")
    with pytest.raises(ValueError, match="`methods` is empty"):
        wt.weight_sensitivity(SENS, methods=[])
    with pytest.raises(ValueError, match=r"at least 3 row\(s\)"):
        wt.weight_sensitivity(SENS.iloc[:2])
    with pytest.raises(ValueError, match=r"\['flat'\] are constant"):
        wt.weight_sensitivity(SENS.assign(flat=1.0))
    with pytest.raises(ValueError, match=r"missing \(NaN\) values in columns \['exports'\]"):
        wt.weight_sensitivity(SENS.assign(exports=[1.0, np.nan, 2.0, 3.0]))
    with pytest.raises(ValueError, match=r"negative values in columns \['exports'\]"):
        wt.weight_sensitivity(SENS.assign(exports=[1.0, -2.0, 2.0, 3.0]))
    assert wt.weight_sensitivity(SENS.assign(exports=[1.0, -2.0, 2.0, 3.0]),
                                 methods=["critic", "equal"]).ranks.shape == (4, 2)
    with pytest.raises(ValueError, match="do not match"):
        wt.weight_sensitivity(SENS, directions={"patents": 1})
    with pytest.raises(TypeError, match="DataFrame or a 2-D NumPy array"):
        wt.weight_sensitivity([[1.0, 2.0], [3.0, 4.0], [5.0, 1.0]])
    # `shift` is checked even when the min–max entropy is not among the methods
    with pytest.raises(ValueError, match="`shift` must be at least 0.0; received -1.0"):
        wt.weight_sensitivity(SENS, methods=["equal", "std"], shift=-1.0)
    with pytest.raises(ValueError, match="`shift` must be a finite number"):
        wt.weight_sensitivity(SENS, shift=float("nan"))


def test_weight_sensitivity_group_errors():
    panel = panel_frame()
    with pytest.raises(ValueError, match="neither an index level nor a column"):
        wt.weight_sensitivity(panel, rank_within="period")
    lone = panel.iloc[[0, 1]].rename(index={2019: 2022, 2020: 2022}, level=1)
    lone.index = pd.MultiIndex.from_tuples([("A", 2022), ("B", 2022)], names=["region", "year"])
    with pytest.raises(ValueError, match=r"Only 2 unit\(s\) in group 2022"):
        wt.weight_sensitivity(pd.concat([panel, lone]), rank_within="year")
    # the index is equal for every unit of one group: nothing to rank there
    flat_year = panel.copy()
    in_2020 = flat_year.index.get_level_values("year") == 2020
    flat_year.loc[in_2020] = flat_year.loc[("A", 2020)].to_numpy()
    with pytest.raises(ValueError, match="same for every unit in group 2020"):
        wt.weight_sensitivity(flat_year, rank_within="year")
