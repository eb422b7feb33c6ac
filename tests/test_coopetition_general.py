"""Tests of the general Lotka–Volterra form, the two-species competition outcome and the
intervals for derived quantities (clusterlib.coopetition).

Sources of the published values:

* Strogatz, S. H. (2015). *Nonlinear Dynamics and Chaos*, 2nd ed., Westview Press, section 6.4
  "Rabbits versus Sheep": x' = x(3 - x - 2y), y' = y(2 - x - y); fixed points (0,0) unstable
  node, (3,0) and (0,2) stable nodes, (1,1) a saddle with eigenvalues -1 +/- sqrt 2; the text
  presents this bistable case as an instance of the principle of competitive exclusion.
* Murray, J. D. (2002). *Mathematical Biology I*, 3rd ed., Springer:
  section 3.1, the dimensionless predator-prey model u' = u(1 - v), v' = alpha v(u - 1), with
  a saddle at (0,0) (eigenvalues 1 and -alpha) and a centre at (1,1) (eigenvalues
  +/- i sqrt(alpha)), the closed orbits being level sets of alpha u + v - ln(u^alpha v);
  section 3.5, competition u1' = u1(1 - u1 - a12 u2), u2' = rho u2(1 - u2 - a21 u1): the four
  cases (a12 < 1, a21 < 1: stable coexistence at ((1 - a12)/(1 - a12 a21),
  (1 - a21)/(1 - a12 a21)); a12 > 1, a21 > 1: the interior point is a saddle and the outcome
  depends on the start; a12 < 1 < a21: u1 wins; a12 > 1 > a21: u2 wins);
  section 3.6, mutualism u1' = u1(1 - u1 + a u2), u2' = rho u2(1 - u2 + b u1): the positive
  equilibrium ((1 + a)/(1 - ab), (1 + b)/(1 - ab)) is a stable node when ab < 1.
* Fieller, E. C. (1954), JRSS B 16(2), 175-185: the confidence set of a ratio is the set of
  values not rejected by the t test of the linear restriction; checked against statsmodels'
  own ``t_test`` of that restriction on an OLS fit.
"""

import math
import warnings

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import clusterlib as cl
from clusterlib import coopetition as co

SETTINGS = settings(derandomize=True, deadline=None, max_examples=30,
                    suppress_health_check=[HealthCheck.too_slow])


def _general(r, a, labels=("x", "y")):
    labels = list(labels)
    return cl.generalized_lotka_volterra(pd.Series(r, index=labels),
                                         pd.DataFrame(a, index=labels, columns=labels))


def _murray_competition(a12, a21, rho=1.0):
    """Murray (2002) section 3.5 in general form: r = (1, rho), A = -[[1, a12], [rho a21, rho]]."""
    return _general([1.0, rho], [[-1.0, -a12], [-rho * a21, -rho]], labels=("u1", "u2"))


# ============================================================================================
# 1. Published worked examples
# ============================================================================================
def test_rabbits_versus_sheep_in_general_form_strogatz_6_4():
    model = _general([3.0, 2.0], [[-1.0, -2.0], [-1.0, -1.0]], labels=("rabbits", "sheep"))
    result = model.equilibria()
    table = result.equilibria
    assert table.index.tolist() == ["none", "rabbits", "sheep", "rabbits+sheep"]
    assert np.allclose(table[["rabbits", "sheep"]].to_numpy(float), [[0, 0], [3, 0], [0, 2], [1, 1]])
    assert table["type"].tolist() == ["unstable node", "stable node", "stable node", "saddle"]
    assert np.allclose(result.eigenvalues.loc["rabbits+sheep"], [-1 + math.sqrt(2),
                                                                 -1 - math.sqrt(2)])
    outcome = cl.competition_outcome(model)
    assert outcome.outcome == "founder control"
    assert outcome.winner is None
    # Murray's ratios: a12 = 2 * 2 / 3, a21 = 1 * 3 / 2
    assert np.allclose(outcome.table["murray_ratio"], [4 / 3, 3 / 2])


@pytest.mark.parametrize("alpha", [0.5, 1.0, 4.0])
def test_predator_prey_centre_murray_3_1(alpha):
    model = _general([1.0, -alpha], [[0.0, -1.0], [alpha, 0.0]], labels=("prey", "predator"))
    result = model.equilibria()
    table = result.equilibria
    assert table.index.tolist() == ["none", "prey+predator"]
    assert table.loc["none", "type"] == "saddle"
    assert np.allclose(np.sort(result.eigenvalues.loc["none"].to_numpy().real), [-alpha, 1.0])
    assert table.loc["prey+predator", "type"] == "centre"
    assert not table.loc["prey+predator", "stable"]
    assert np.allclose(table.loc["prey+predator", ["prey", "predator"]].to_numpy(float), [1, 1])
    eig = result.eigenvalues.loc["prey+predator"].to_numpy()
    assert np.allclose(eig.real, 0, atol=1e-12)
    assert np.allclose(np.sort(eig.imag), [-math.sqrt(alpha), math.sqrt(alpha)])
    # Murray's conserved quantity alpha u + v - ln(u^alpha v) is constant along a path
    path = model.simulate(pd.Series({"prey": 2.0, "predator": 0.5}), t_max=15.0).path
    level = alpha * path["prey"] + path["predator"] - alpha * np.log(path["prey"]) \
        - np.log(path["predator"])
    assert np.allclose(level, level.iloc[0], rtol=1e-6)


def test_mutualism_murray_3_6():
    a, b, rho = 0.5, 0.4, 2.0
    model = _general([1.0, rho], [[-1.0, a], [rho * b, -rho]], labels=("u1", "u2"))
    table = model.equilibria().equilibria
    interior = table.loc["u1+u2"]
    assert np.allclose(interior[["u1", "u2"]].to_numpy(float),
                       [(1 + a) / (1 - a * b), (1 + b) / (1 - a * b)])
    assert interior["type"] == "stable node"
    assert table["stable"].sum() == 1


@pytest.mark.parametrize(("a12", "a21", "outcome", "winner"), [
    (0.5, 0.4, "coexistence", None),
    (1.5, 2.0, "founder control", None),
    (0.5, 1.5, "dominance", "u1"),
    (1.5, 0.5, "dominance", "u2"),
])
def test_four_competition_cases_murray_3_5(a12, a21, outcome, winner):
    model = _murray_competition(a12, a21, rho=0.7)
    result = cl.competition_outcome(model)
    assert result.outcome == outcome
    assert result.winner == winner
    stable = model.equilibria().stable
    if outcome == "coexistence":
        assert stable.index.tolist() == ["u1+u2"]
        assert np.allclose(stable[["u1", "u2"]].to_numpy(float),
                           [[(1 - a12) / (1 - a12 * a21), (1 - a21) / (1 - a12 * a21)]])
    elif outcome == "founder control":
        assert stable.index.tolist() == ["u1", "u2"]
        assert model.equilibria().equilibria.loc["u1+u2", "type"] == "saddle"
    else:
        assert stable.index.tolist() == [winner]


def test_exclusion_needs_the_capacities_not_only_asymmetric_harm():
    # the chapter's platform case: harm 0.15 on the seller against 0.05 back, capacity 4 vs 1;
    # Murray's ratios are 0.15 * 4 / 1 = 0.6 and 0.05 * 1 / 4: both below 1, coexistence
    model = cl.lotka_volterra(pd.Series({"P": 1.0, "S": 1.0}), pd.Series({"P": 4.0, "S": 1.0}),
                              pd.DataFrame([[0.0, -0.05], [-0.15, 0.0]], index=["P", "S"],
                                           columns=["P", "S"]))
    result = cl.competition_outcome(model)
    assert result.outcome == "coexistence"
    assert np.allclose(result.table["murray_ratio"], [0.05 / 4, 0.6])
    # the same harms with equal capacities and a harm above 1: the seller is excluded
    model2 = cl.lotka_volterra([1.0, 1.0], [1.0, 1.0], [[0.0, -0.3], [-1.5, 0.0]])
    assert cl.competition_outcome(model2).outcome == "dominance"
    assert cl.competition_outcome(model2).winner == 0


def test_borderline_case_is_non_hyperbolic():
    model = _murray_competition(1.0, 0.5)
    assert cl.competition_outcome(model).outcome == "borderline"
    types = model.equilibria().equilibria["type"]
    assert types["u2"] == "non-hyperbolic"


# ============================================================================================
# 2. Identities and invariances
# ============================================================================================
coefficient = st.floats(-1.8, 1.8, allow_nan=False).filter(lambda v: abs(v) > 1e-3)
positive = st.floats(0.2, 5.0, allow_nan=False)


@SETTINGS
@given(r=st.lists(positive, min_size=3, max_size=3), k=st.lists(positive, min_size=3, max_size=3),
       a=st.lists(st.floats(-0.9, 0.3, allow_nan=False), min_size=6, max_size=6))
def test_logistic_form_is_the_general_form(r, k, a):
    labels = ["A", "B", "C"]
    matrix = np.zeros((3, 3))
    matrix[~np.eye(3, dtype=bool)] = a
    old = cl.lotka_volterra(pd.Series(r, index=labels), pd.Series(k, index=labels),
                            pd.DataFrame(matrix, index=labels, columns=labels))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        old_eq = old.equilibria()
        new_eq = cl.GeneralizedLotkaVolterra.from_logistic(old).equilibria()
    cols = [*labels, "type", "stable"]
    pd.testing.assert_frame_equal(old_eq.equilibria[cols].drop(columns=labels),
                                  new_eq.equilibria[cols].drop(columns=labels))
    assert np.allclose(old_eq.equilibria[labels].to_numpy(float),
                       new_eq.equilibria[labels].to_numpy(float), rtol=1e-9, atol=1e-12)
    sizes = pd.Series([0.3, 0.7, 1.1], index=labels)
    general = cl.GeneralizedLotkaVolterra.from_logistic(old)
    assert np.allclose(old.rates(sizes), general.rates(sizes))
    assert np.allclose(old.jacobian(sizes), general.jacobian(sizes))


@SETTINGS
@given(r=st.lists(st.floats(-2, 2).filter(lambda v: abs(v) > 1e-3), min_size=2, max_size=2),
       a=st.lists(coefficient, min_size=4, max_size=4))
def test_every_equilibrium_is_a_fixed_point(r, a):
    model = _general(r, np.reshape(a, (2, 2)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        table = model.equilibria().equilibria
    for _, row in table.iterrows():
        x = row[["x", "y"]].astype(float)
        assert (x >= 0).all()
        assert np.allclose(model.rates(x), 0.0, atol=1e-8 * max(1.0, float(x.max()) ** 2))


@SETTINGS
@given(r=st.lists(positive, min_size=2, max_size=2), k=st.lists(positive, min_size=2, max_size=2),
       c=st.lists(st.floats(0.05, 3.0), min_size=2, max_size=2), scale=st.floats(0.1, 10.0))
def test_outcome_matches_the_stable_equilibria_and_ignores_growth_rates(r, k, c, scale):
    model = cl.lotka_volterra(pd.Series(r, index=["A", "B"]), pd.Series(k, index=["A", "B"]),
                              pd.DataFrame([[0.0, -c[0]], [-c[1], 0.0]], index=["A", "B"],
                                           columns=["A", "B"]))
    result = cl.competition_outcome(model)
    ratios = result.table["murray_ratio"]
    if (np.abs(ratios - 1) < 1e-6).any():
        return
    stable = model.equilibria().stable.index.tolist()
    expected = {"coexistence": ["A+B"], "founder control": ["A", "B"],
                "dominance": [result.winner]}[result.outcome]
    assert stable == expected
    faster = cl.lotka_volterra(model.growth * scale, model.capacity, model.interactions)
    assert cl.competition_outcome(faster).outcome == result.outcome
    # relabelling the species swaps the winner, not the outcome
    swapped = cl.lotka_volterra(pd.Series(r[::-1], index=["A", "B"]),
                                pd.Series(k[::-1], index=["A", "B"]),
                                pd.DataFrame([[0.0, -c[1]], [-c[0], 0.0]], index=["A", "B"],
                                             columns=["A", "B"]))
    assert cl.competition_outcome(swapped).outcome == result.outcome


def test_simulate_general_equals_logistic_path():
    old = cl.lotka_volterra([1.0, 0.5], [1.0, 2.0], [[0.0, -0.4], [-0.3, 0.0]])
    new = cl.GeneralizedLotkaVolterra.from_logistic(old)
    a = old.simulate([0.1, 0.2], t_max=10.0, n_points=21).path
    b = new.simulate([0.1, 0.2], t_max=10.0, n_points=21).path
    assert np.allclose(a.to_numpy(), b.to_numpy(), rtol=1e-7)


def test_unbounded_mutualism_stops_at_the_bound():
    model = _general([1.0, 1.0], [[-1.0, 1.5], [1.5, -1.0]])
    with pytest.warns(co.UnboundedGrowthWarning, match="bound"):
        path = model.simulate([0.5, 0.5], t_max=50.0, bound=1e4)
    assert path.exceeded_bound
    assert path.path.iloc[-1].sum() == pytest.approx(1e4)


@SETTINGS
@given(p=st.floats(-5, 5), q=st.floats(-5, -0.5), v=st.floats(0.001, 0.2),
       rho=st.floats(-0.9, 0.9))
def test_fieller_ends_are_where_the_t_statistic_equals_the_critical_value(p, q, v, rho):
    cov = np.array([[v, rho * v], [rho * v, v]])
    low, high = cl.fieller_interval(p, q, cov, critical=2.0)
    estimate = -p / q
    if math.isinf(low):
        assert q * q <= 4.0 * v
        return
    assert low <= estimate <= high
    for theta in (low, high):
        stat = (p + theta * q) ** 2 / (cov[0, 0] + 2 * theta * cov[0, 1] + theta**2 * cov[1, 1])
        assert stat == pytest.approx(4.0, rel=1e-6)


def test_fieller_agrees_with_statsmodels_t_test():
    rng = np.random.default_rng(3)
    x = rng.normal(size=30)
    y = 2.0 - 0.8 * x + rng.normal(scale=0.5, size=30)
    res = sm.OLS(y, sm.add_constant(x)).fit()
    from scipy import stats
    crit = stats.t.ppf(0.975, res.df_resid)
    low, high = cl.fieller_interval(res.params[0], res.params[1], res.cov_params(), critical=crit)
    for theta in (low, high):
        # H0: b0 + theta * b1 = 0 is exactly at the 5% boundary
        p_value = float(res.t_test(np.array([[1.0, theta]])).pvalue)
        assert p_value == pytest.approx(0.05, abs=1e-8)
    inside = float(res.t_test(np.array([[1.0, -res.params[0] / res.params[1]]])).pvalue)
    assert inside == pytest.approx(1.0)


def test_fieller_is_unbounded_when_the_denominator_is_insignificant():
    assert cl.fieller_interval(1.0, -0.1, [[0.01, 0.0], [0.0, 0.01]], critical=1.96) == \
        (-math.inf, math.inf)


def _noisy_ricker(seed=0, length=16):
    rng = np.random.default_rng(seed)
    x = [[1.0, 1.0]]
    for e in rng.normal(0, 0.03, size=(length - 1, 2)):
        a, b = x[-1]
        x.append([a * np.exp(0.5 - 0.05 * a - 0.01 * b + e[0]),
                  b * np.exp(0.3 - 0.03 * b + e[1])])
    return pd.DataFrame(x, columns=["A", "B"])


def test_intervals_on_the_port_data_match_an_independent_fieller_computation():
    # the chapter's referee computed the Fieller 95% interval of the mainland's capacity
    # independently as 290-616 million TEU (shared/reviews/ch4.md, finding 5)
    teu = cl.data.load("port_container_traffic").pivot(index="year", columns="economy",
                                                       values="teu") / 1e6
    fit = cl.fit_lotka_volterra(teu[["CHN", "HKG"]])
    out = cl.lotka_volterra_intervals(fit, n_boot=199, rng=1).to_frame()
    row = out.loc[("CHN", "capacity")]
    assert round(row["fieller_low"]) == 290
    assert round(row["fieller_high"]) == 616
    assert row["fieller_high"] - row["fieller_low"] > row["delta_high"] - row["delta_low"]


def test_intervals_structure_and_determinism():
    fit = cl.fit_lotka_volterra(_noisy_ricker())
    first = cl.lotka_volterra_intervals(fit, n_boot=199, rng=5)
    second = cl.lotka_volterra_intervals(fit, n_boot=199, rng=5)
    pd.testing.assert_frame_equal(first.intervals, second.intervals)
    table = first.to_frame()
    assert table.index.tolist() == [("A", "capacity"), ("A", "B"), ("B", "capacity"), ("B", "A")]
    assert np.allclose(table.loc[("A", "capacity"), "estimate"], fit.capacity["A"])
    delta = table["delta_high"] - table["estimate"]
    assert np.allclose(delta, table["estimate"] - table["delta_low"])
    ok = table["bootstrap_undefined"] < 1
    assert (table.loc[ok, "bootstrap_low"] <= table.loc[ok, "bootstrap_high"]).all()
    expected = pd.DataFrame(fit.results["A"].model.exog[:, 1:], columns=["A", "B"]).corr()
    pd.testing.assert_frame_equal(first.regressor_correlation, expected)
    assert first.level == pytest.approx(0.95)
    assert set(first.summary().columns) == {"estimate", "delta_width", "fieller_width",
                                            "bootstrap_width"}


def test_bootstrap_replicates_reproduce_the_percentile_interval_and_undefined_share():
    # identity: the stored replicates are the ones the interval is taken over
    teu = cl.data.load("port_container_traffic").pivot(index="year", columns="economy",
                                                       values="teu") / 1e6
    out = cl.lotka_volterra_intervals(cl.fit_lotka_volterra(teu[["CHN", "HKG"]]), n_boot=499,
                                      rng=3)
    draws = out.bootstrap_replicates
    assert draws.shape == (499, len(out.intervals))
    assert list(draws.columns) == list(out.intervals.index)
    for label, row in out.intervals.iterrows():
        column = draws[label]
        assert column.isna().mean() == pytest.approx(row["bootstrap_undefined"])
        low, high = np.quantile(column.dropna(), [0.025, 0.975])
        assert low == pytest.approx(row["bootstrap_low"])
        assert high == pytest.approx(row["bootstrap_high"])


# ============================================================================================
# 3. Every error path
# ============================================================================================
def test_general_model_errors():
    with pytest.raises(ValueError, match="square"):
        cl.generalized_lotka_volterra([1.0, 1.0], np.ones((2, 3)))
    with pytest.raises(ValueError, match="value"):
        cl.generalized_lotka_volterra([1.0], [[-1.0, 0.0], [0.0, -1.0]])
    with pytest.raises(ValueError):
        cl.generalized_lotka_volterra(pd.Series({"a": 1.0, "z": 1.0}),
                                      pd.DataFrame(-np.eye(2), index=["a", "b"],
                                                   columns=["a", "b"]))
    with pytest.raises(ValueError):
        cl.generalized_lotka_volterra([1.0, math.nan], -np.eye(2))
    with pytest.raises(ValueError, match="at most 12"):
        cl.generalized_lotka_volterra(np.ones(13), -np.eye(13))
    with pytest.raises(TypeError):
        cl.generalized_lotka_volterra("fast", -np.eye(1))
    with pytest.raises(TypeError, match="LotkaVolterra"):
        cl.GeneralizedLotkaVolterra.from_logistic("model")


def test_general_model_method_errors():
    model = _general([1.0, 1.0], -np.eye(2))
    with pytest.raises(ValueError, match="negative"):
        model.rates([-1.0, 1.0])
    with pytest.raises(ValueError):
        model.jacobian(pd.Series({"x": 1.0, "w": 1.0}))
    with pytest.raises(ValueError, match="t_max"):
        model.simulate([1.0, 1.0], t_max=0.0)
    with pytest.raises(ValueError, match="n_points"):
        model.simulate([1.0, 1.0], n_points=1)
    with pytest.raises(ValueError, match="bound"):
        model.simulate([1.0, 1.0], bound=-1.0)
    with pytest.raises(ValueError, match="rtol"):
        model.simulate([1.0, 1.0], rtol=0.0)


def test_degenerate_support_warns():
    model = _general([1.0, 1.0], [[-1.0, -1.0], [-1.0, -1.0]])
    with pytest.warns(UserWarning, match="continuum"):
        result = model.equilibria()
    assert result.degenerate_supports == ("x+y",)


def test_competition_outcome_errors():
    with pytest.raises(TypeError, match="LotkaVolterra"):
        cl.competition_outcome([[1.0]])
    with pytest.raises(ValueError, match="exactly two"):
        cl.competition_outcome(cl.generalized_lotka_volterra(np.ones(3), -np.eye(3)))
    with pytest.raises(ValueError, match="competition"):
        cl.competition_outcome(_general([1.0, 1.0], [[-1.0, 0.5], [-0.2, -1.0]]))
    with pytest.raises(ValueError, match="positive"):
        cl.competition_outcome(_general([1.0, -1.0], [[-1.0, -0.5], [-0.2, -1.0]]))
    with pytest.raises(ValueError, match="self-limitation"):
        cl.competition_outcome(_general([1.0, 1.0], [[0.0, -0.5], [-0.2, -1.0]]))
    with pytest.raises(ValueError, match="tolerance"):
        cl.competition_outcome(_murray_competition(0.5, 0.5), tolerance=2.0)


def test_fieller_errors():
    with pytest.raises(ValueError, match="critical"):
        cl.fieller_interval(1.0, -1.0, np.eye(2), critical=0.0)
    with pytest.raises(ValueError, match="semi-definite"):
        cl.fieller_interval(1.0, -1.0, [[1.0, 2.0], [2.0, 1.0]], critical=2.0)
    with pytest.raises(ValueError, match="semi-definite"):
        cl.fieller_interval(1.0, -1.0, np.eye(3), critical=2.0)
    with pytest.raises(ValueError):
        cl.fieller_interval(math.inf, -1.0, np.eye(2), critical=2.0)
    with pytest.raises(TypeError):
        cl.fieller_interval("1", -1.0, np.eye(2), critical=2.0)


def test_interval_errors():
    fit = cl.fit_lotka_volterra(_noisy_ricker())
    with pytest.raises(TypeError, match="LotkaVolterraFit"):
        cl.lotka_volterra_intervals("fit")
    with pytest.raises(ValueError, match="alpha"):
        cl.lotka_volterra_intervals(fit, alpha=1.5)
    with pytest.raises(ValueError, match="n_boot"):
        cl.lotka_volterra_intervals(fit, n_boot=10)
    with pytest.raises(TypeError, match="n_boot"):
        cl.lotka_volterra_intervals(fit, n_boot=99.5)


def test_intervals_are_missing_where_a_species_shows_no_self_limitation():
    rng = np.random.default_rng(0)
    x = [[1.0, 1.0]]
    for e in rng.normal(0, 0.02, size=(15, 2)):
        a, b = x[-1]
        x.append([a * np.exp(0.5 - 0.05 * a + e[0]), b * np.exp(0.1 + 0.01 * b + e[1])])
    with pytest.warns(UserWarning, match="no self-limitation"):
        fit = cl.fit_lotka_volterra(pd.DataFrame(x, columns=["A", "B"]))
    out = cl.lotka_volterra_intervals(fit, n_boot=99, rng=0)
    table = out.to_frame()
    assert out.bootstrap_replicates["B"].isna().all().all()
    assert table.loc["B"].isna().all().all()
    assert table.loc["A"].notna().all().all()
