"""Tests of clusterlib.coopetition: published worked examples, identities, every error path.

Sources of the published values:

* Strogatz, S. H. (2015). *Nonlinear Dynamics and Chaos*, 2nd ed., Westview Press, section 6.4
  "Rabbits versus Sheep": the model x' = x(3 - x - 2y), y' = y(2 - x - y) worked in the text,
  with fixed points (0,0) unstable node (eigenvalues 3, 2), (0,2) stable node (-1, -2), (3,0)
  stable node (-3, -1) and (1,1) a saddle (-1 +/- sqrt 2).
* Murray, J. D. (2002). *Mathematical Biology I*, 3rd ed., Springer, section 3.5 (competition,
  u1' = u1(1 - u1 - a12 u2), u2' = rho u2(1 - u2 - a21 u1): coexistence at
  ((1 - a12)/(1 - a12 a21), (1 - a21)/(1 - a12 a21)) stable iff a12 < 1 and a21 < 1; the
  bistable and exclusion cases otherwise) and section 3.6 (mutualism, u1' = u1(1 - u1 + a u2),
  u2' = rho u2(1 - u2 + b u1): the positive equilibrium ((1 + a)/(1 - ab), (1 + b)/(1 - ab)) is
  stable when ab < 1; when ab > 1 both grow without bound).
* Gibbons, R. (1992). *Game Theory for Applied Economists*, Princeton University Press,
  section 2.3.C "Collusion between Cournot Duopolists" (pp. 102-107): with P = a - Q and
  constant marginal cost, trigger strategies sustain the monopoly output iff delta >= 9/17.
* Tirole, J. (1988). *The Theory of Industrial Organization*, MIT Press, chapter 6, and
  Ivaldi, Jullien, Rey, Seabright and Tirole (2003), *The Economics of Tacit Collusion*, report
  for the European Commission, section on the number of competitors: in the repeated
  homogeneous Bertrand game with n firms collusion is sustainable iff delta >= 1 - 1/n.
* Shapley value: the glove game (one left glove, two right gloves), worked by hand in the test
  (value (2/3, 1/6, 1/6)); Littlechild, S. C. and Owen, G. (1973), "A simple expression
  for the Shapley value in a special case", *Management Science* 20(3), 370-372: in an airport
  game (a coalition pays the runway its largest plane needs) each segment's cost is split
  equally among the planes that use it.

No published worked example with a printed table was found for the estimation of
Lotka-Volterra coefficients by per-capita growth regression (searched: textbook examples of
Gause's yeast and Paramecium data give fitted curves, not regression tables); it is checked by
exact recovery from a noise-free Ricker series (arithmetic in the test) and by the coverage of
its confidence intervals in simulation. The n-firm differentiated Bertrand and Cournot profits
are checked against an independent numerical optimisation of each firm's problem.
"""

import itertools
import math
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy import optimize

import clusterlib as cl
from clusterlib import coopetition as co

SETTINGS = settings(derandomize=True, deadline=None, max_examples=25,
                    suppress_health_check=[HealthCheck.too_slow])


def _two(r1, r2, k1, k2, a12, a21, labels=("x", "y")):
    x, y = labels
    return co.lotka_volterra(pd.Series({x: r1, y: r2}), pd.Series({x: k1, y: k2}),
                             pd.DataFrame([[0.0, a12], [a21, 0.0]], index=[x, y], columns=[x, y]))


def _rabbits_sheep():
    """Strogatz's x' = x(3 - x - 2y), y' = y(2 - x - y) as r x (K - x + a y)/K."""
    return _two(3.0, 2.0, 3.0, 2.0, -2.0, -1.0, labels=("rabbits", "sheep"))


# ============================================================================================
# 1. Published worked examples
# ============================================================================================
def test_rabbits_versus_sheep_strogatz_section_6_4():
    result = _rabbits_sheep().equilibria()
    table = result.equilibria
    assert table.index.tolist() == ["none", "rabbits", "sheep", "rabbits+sheep"]
    assert table[["rabbits", "sheep"]].to_numpy().tolist() == [[0, 0], [3, 0], [0, 2], [1, 1]]
    assert table["type"].tolist() == ["unstable node", "stable node", "stable node", "saddle"]
    eig = result.eigenvalues
    assert np.allclose(eig.loc["none"], [3, 2])
    assert np.allclose(eig.loc["sheep"], [-1, -2])
    assert np.allclose(eig.loc["rabbits"], [-1, -3])
    assert np.allclose(eig.loc["rabbits+sheep"], [-1 + math.sqrt(2), -1 - math.sqrt(2)])
    assert result.regime == "multiple stable states"
    assert result.bounded is True


@pytest.mark.parametrize(("a12", "a21", "regime", "stable"), [
    (0.5, 0.25, "stable coexistence", ["x+y"]),           # both below 1
    (1.5, 2.0, "multiple stable states", ["x", "y"]),    # both above 1: bistable
    (0.5, 2.0, "competitive exclusion", ["x"]),          # a12 < 1 < a21: u1 wins
    (2.0, 0.5, "competitive exclusion", ["y"]),          # a21 < 1 < a12: u2 wins
])
def test_competition_cases_murray_section_3_5(a12, a21, regime, stable):
    result = _two(1.0, 0.7, 1.0, 1.0, -a12, -a21).equilibria()
    assert result.regime == regime
    assert result.stable.index.tolist() == stable
    if "x+y" in result.equilibria.index:
        u = result.equilibria.loc["x+y", ["x", "y"]].to_numpy(dtype=float)
        det = 1 - a12 * a21
        assert u == pytest.approx([(1 - a12) / det, (1 - a21) / det])


def test_mutualism_murray_section_3_6():
    a, b = 0.5, 0.8
    result = _two(1.0, 0.6, 1.0, 1.0, a, b).equilibria()
    assert result.regime == "mutualism" and result.bounded is True
    u = result.equilibria.loc["x+y", ["x", "y"]].to_numpy(dtype=float)
    assert u == pytest.approx([(1 + a) / (1 - a * b), (1 + b) / (1 - a * b)])
    assert result.equilibria.loc["x+y", "type"] == "stable node"


def test_strong_mutualism_is_unbounded_murray_section_3_6():
    model = _two(1.0, 0.6, 1.0, 1.0, 1.5, 1.0)  # ab = 1.5 > 1
    result = model.equilibria()
    assert result.regime == "unbounded growth" and result.bounded is False
    assert result.unbounded_species == ("x", "y")
    assert "x+y" not in result.equilibria.index  # nullclines do not meet
    assert result.summary().loc["unbounded species", "value"] == "x+y"
    with pytest.warns(co.UnboundedGrowthWarning, match="reached the bound"):
        path = model.simulate([0.5, 0.5], t_max=100.0)
    assert path.exceeded_bound
    assert path.path.iloc[-1].sum() == pytest.approx(path.bound, rel=1e-6)
    assert np.isfinite(path.path.to_numpy()).all()
    assert path.path.index[-1] < 100.0  # finite-time blow-up stopped at the bound


def test_cournot_duopoly_gibbons_9_over_17():
    result = co.collusion(2, competition="cournot", intercept=10.0, marginal_cost=2.0)
    assert result.critical_discount == pytest.approx(9 / 17, abs=1e-14)
    a_minus_c = 8.0
    profit = result.profiles["profit"]
    assert profit["collusive"] == pytest.approx(a_minus_c**2 / 8)      # half the monopoly profit
    assert profit["nash"] == pytest.approx(a_minus_c**2 / 9)
    assert profit["deviation"] == pytest.approx(9 * a_minus_c**2 / 64)
    assert result.profiles.loc["deviation", "quantity"] == pytest.approx(3 * a_minus_c / 8)


@pytest.mark.parametrize("n", [2, 3, 4, 7, 20])
def test_homogeneous_bertrand_one_minus_one_over_n_tirole(n):
    result = co.collusion(n, competition="bertrand")
    assert result.critical_discount == pytest.approx(1 - 1 / n, abs=1e-14)
    assert result.profiles.loc["nash", "profit"] == 0.0
    assert result.deviation_excludes_rivals


@pytest.mark.parametrize("n", [2, 3, 5, 10])
def test_homogeneous_cournot_closed_form(n):
    """(n+1)^2/(n^2+6n+1), from pi_C = 1/(4n), pi_N = 1/(n+1)^2, pi_D = (n+1)^2/(16n^2)."""
    result = co.collusion(n, competition="cournot")
    assert result.critical_discount == pytest.approx((n + 1)**2 / (n**2 + 6 * n + 1))


@pytest.mark.parametrize("gamma", [0.1, 0.3, 0.5, 0.7, 0.73])
def test_differentiated_duopoly_closed_forms(gamma):
    """Singh-Vives duopoly, by hand from the profits in the Notes: Bertrand
    (pi_D - pi_C) = g^2/(16(1-g^2)), (pi_D - pi_N) = g^2(8-8g+g^2)/(16(1-g^2)(2-g)^2), so
    delta* = (2-g)^2/(8-8g+g^2) while the rival keeps sales (g <= sqrt(3) - 1); Cournot
    delta* = (2+g)^2/(8+8g+g^2)."""
    bertrand = co.collusion(2, competition="bertrand", substitutability=gamma)
    cournot = co.collusion(2, competition="cournot", substitutability=gamma)
    assert not bertrand.deviation_excludes_rivals
    assert bertrand.critical_discount == pytest.approx((2 - gamma)**2 / (8 - 8 * gamma + gamma**2))
    assert cournot.critical_discount == pytest.approx((2 + gamma)**2 / (8 + 8 * gamma + gamma**2))


def test_glove_game_shapley():
    """By hand: of the 3! = 6 orders, L completes a pair (adds 1) whenever it is not first (4
    orders), so phi_L = 4/6; R1 adds 1 only in the order (L, R1, R2), so phi_R1 = 1/6, and R2
    likewise."""
    pairs = {("L",): 0, ("R1",): 0, ("R2",): 0, ("L", "R1"): 1, ("L", "R2"): 1,
             ("R1", "R2"): 0, ("L", "R1", "R2"): 1}
    value = co.shapley_value(pairs, players=["L", "R1", "R2"])
    assert value.tolist() == pytest.approx([2 / 3, 1 / 6, 1 / 6])
    assert value.name == "shapley_value"


def test_airport_game_littlechild_owen():
    """Runway costs 3, 5, 10 for planes a, b, c: segment 3 shared by three, the next 2 by two,
    the last 5 by one: a pays 1, b pays 1 + 1 = 2, c pays 1 + 1 + 5 = 7."""
    cost = {"a": 3.0, "b": 5.0, "c": 10.0}
    value = co.shapley_value(lambda members: max(cost[p] for p in members),
                             players=["a", "b", "c"])
    assert value.tolist() == pytest.approx([1.0, 2.0, 7.0])


def test_pooling_two_equal_firms_by_hand():
    """beta = 1/2, volumes 4 and 4, unit cost 3: alone 3*2 + 3*2 = 12, pooled 3*sqrt(8) =
    8.4853; saving 3.5147, i.e. 1 - 2**-0.5 = 29.29 %, split equally."""
    result = co.pooling_savings(pd.Series({"A": 4.0, "B": 4.0}), scale_elasticity=0.5,
                                unit_cost=3.0)
    grand = result.coalitions.loc["A+B"]
    assert grand["stand_alone_cost"] == pytest.approx(12.0)
    assert grand["pooled_cost"] == pytest.approx(3 * math.sqrt(8))
    assert result.saving_share == pytest.approx(1 - 2**-0.5)
    assert result.firms["shapley_saving"].tolist() == pytest.approx([(12 - 3 * math.sqrt(8)) / 2] * 2)


def test_calibrated_elasticity_for_a_doubling_by_hand():
    """Two equal volumes pooled double throughput: 2**(beta - 1) = 0.85, beta = 1 + log2 0.85."""
    beta = co.calibrate_scale_elasticity([5.0, 5.0], saving=0.15)
    assert beta == pytest.approx(1 + math.log2(0.85), abs=1e-10)
    assert isinstance(beta, float)


def test_fit_recovers_a_noise_free_ricker_series_by_hand():
    """ln(x_{t+1}/x_t) = 0.5 - 0.05 x - 0.01 y and 0.3 - 0.03 y + 0.006 x exactly, so OLS
    returns r = (0.5, 0.3), K = (0.5/0.05, 0.3/0.03) = (10, 10), a_xy = -(-0.01)/(-0.05) =
    -0.2 and a_yx = -(0.006)/(-0.03) = 0.2."""
    x = [[1.0, 2.0]]
    for _ in range(11):
        a, b = x[-1]
        x.append([a * math.exp(0.5 - 0.05 * a - 0.01 * b), b * math.exp(0.3 - 0.03 * b + 0.006 * a)])
    series = pd.DataFrame(x, columns=["x", "y"], index=range(2000, 2012))
    fit = co.fit_lotka_volterra(series)
    assert fit.growth.tolist() == pytest.approx([0.5, 0.3], abs=1e-9)
    assert fit.capacity.tolist() == pytest.approx([10.0, 10.0], abs=1e-7)
    assert fit.interactions.loc["x", "y"] == pytest.approx(-0.2, abs=1e-8)
    assert fit.interactions.loc["y", "x"] == pytest.approx(0.2, abs=1e-8)
    assert fit.n_observations == 11
    model = fit.to_model()
    assert model.equilibria().regime == "stable coexistence"


# ============================================================================================
# 2. Identities and invariances
# ============================================================================================
@st.composite
def systems(draw, max_species=3):
    n = draw(st.integers(1, max_species))
    growth = draw(st.lists(st.floats(0.2, 3.0), min_size=n, max_size=n))
    capacity = draw(st.lists(st.floats(0.5, 10.0), min_size=n, max_size=n))
    inter = np.array(draw(st.lists(st.floats(-2.0, 0.9), min_size=n * n, max_size=n * n)))
    inter = inter.reshape(n, n)
    np.fill_diagonal(inter, 0.0)
    labels = [f"s{k}" for k in range(n)]
    return co.lotka_volterra(pd.Series(growth, index=labels), pd.Series(capacity, index=labels),
                             pd.DataFrame(inter, index=labels, columns=labels))


@SETTINGS
@given(systems())
def test_every_equilibrium_is_a_non_negative_fixed_point(model):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # a rare degenerate support is fine here
        table = model.equilibria().equilibria
    assert "none" in table.index  # the origin always is one
    for _, row in table.iterrows():
        sizes = row[list(model.species)].astype(float)
        assert (sizes >= 0).all()
        scale = 1.0 + float(sizes.max()) * float(model.growth.max())
        assert np.abs(model.rates(sizes).to_numpy()).max() <= 1e-9 * scale


@SETTINGS
@given(systems(), st.randoms(use_true_random=False))
def test_equilibria_do_not_depend_on_species_order(model, random):
    order = list(model.species)
    random.shuffle(order)
    shuffled = co.lotka_volterra(model.growth[order], model.capacity[order],
                                 model.interactions.loc[order, order])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        first, second = model.equilibria(), shuffled.equilibria()
    assert first.regime == second.regime and first.bounded == second.bounded
    key = list(model.species)
    sizes = first.equilibria[key].astype(float).round(9).sort_values(key).to_numpy()
    other = second.equilibria[key].astype(float).round(9).sort_values(key).to_numpy()
    assert np.allclose(sizes, other)


@pytest.mark.parametrize("seed", range(8))
def test_a_path_started_near_a_stable_equilibrium_converges_to_it(seed):
    rng = np.random.default_rng(seed)
    n = 2 + seed % 2
    labels = [f"f{k}" for k in range(n)]
    inter = rng.uniform(-0.6, 0.4, size=(n, n))
    np.fill_diagonal(inter, 0.0)
    model = co.lotka_volterra(pd.Series(rng.uniform(0.5, 2.0, n), index=labels),
                              pd.Series(rng.uniform(1.0, 5.0, n), index=labels),
                              pd.DataFrame(inter, index=labels, columns=labels))
    stable = model.equilibria().stable
    assert len(stable) >= 1
    for _, row in stable.iterrows():
        target = row[labels].astype(float).to_numpy()
        start = np.where(target > 0, target * (1 + rng.uniform(-0.05, 0.05, n)), 0.0)
        end = model.simulate(pd.Series(start, index=labels), t_max=200.0).path.iloc[-1]
        assert end.to_numpy() == pytest.approx(target, abs=1e-5)


def test_textbook_stable_equilibria_attract_nearby_paths():
    model = _rabbits_sheep()
    for name, target in (("rabbits", [3.0, 0.0]), ("sheep", [0.0, 2.0])):
        start = [max(v - 0.1, 0.0) + (0.05 if v == 0 else 0) for v in target]
        end = model.simulate(start, t_max=60.0).path.iloc[-1].to_numpy()
        assert end == pytest.approx(target, abs=1e-5), name


def test_simulation_is_deterministic_and_labelled():
    model = _rabbits_sheep()
    first = model.simulate(pd.Series({"sheep": 0.4, "rabbits": 0.5}), t_max=10.0, n_points=11)
    second = model.simulate(pd.Series({"rabbits": 0.5, "sheep": 0.4}), t_max=10.0, n_points=11)
    assert first.path.equals(second.path)
    assert list(first.path.columns) == ["rabbits", "sheep"] and first.path.index.name == "time"
    assert not first.exceeded_bound and "within the bound" in first.status
    assert first.summary().loc["rabbits", "start"] == 0.5


def test_jacobian_matches_finite_differences():
    model = _two(1.3, 0.7, 4.0, 3.0, -0.4, 0.3)
    x = np.array([1.5, 2.5])
    jac = model.jacobian(x).to_numpy()
    step = 1e-6
    numeric = np.column_stack([
        (model.rates(x + step * e).to_numpy() - model.rates(x - step * e).to_numpy()) / (2 * step)
        for e in np.eye(2)])
    assert jac == pytest.approx(numeric, abs=1e-7)


def test_community_matrix_and_regime_labels():
    independent = _two(1.0, 1.0, 2.0, 3.0, 0.0, 0.0).equilibria()
    assert independent.regime == "independent growth"
    assert independent.stable.index.tolist() == ["x+y"]
    m = _two(2.0, 1.0, 4.0, 5.0, -0.5, 0.2).community_matrix()
    assert m.to_numpy() == pytest.approx(np.array([[-0.5, -0.25], [0.04, -0.2]]))
    assert independent.summary().loc["growth", "value"] == "bounded"


def test_predator_prey_like_pair_has_a_stable_spiral_and_mixed_system_undetermined_growth():
    spiral = _two(1.0, 0.1, 1.0, 1.0, -0.5, 3.0).equilibria()  # x hurt by y, y helped by x
    assert spiral.equilibria.loc["x+y", "type"] == "stable spiral"
    assert spiral.regime == "stable coexistence"
    labels = ["a", "b", "c"]  # a and b help each other strongly; c competes with both
    inter = pd.DataFrame([[0, 1.2, -0.9], [1.2, 0, -1.1], [-0.7, -1.3, 0]], index=labels,
                         columns=labels, dtype=float)
    mixed = co.lotka_volterra([1.0] * 3, [1.0] * 3, inter).equilibria()
    assert mixed.bounded is False and mixed.unbounded_species == ("a", "b")


def test_may_leonard_cycle_has_no_stable_equilibrium():
    """Three species in a rock-paper-scissors ring (May and Leonard 1975): with
    alpha = 0.8, beta = 1.3 (alpha + beta > 2) the interior point is a saddle and no equilibrium
    is stable."""
    labels = ["a", "b", "c"]
    inter = -pd.DataFrame([[0, 0.8, 1.3], [1.3, 0, 0.8], [0.8, 1.3, 0]], index=labels,
                          columns=labels, dtype=float)
    result = co.lotka_volterra([1.0] * 3, [1.0] * 3, inter).equilibria()
    assert result.regime == "no stable equilibrium"
    assert result.equilibria.loc["a+b+c", "type"] == "saddle"


def test_identical_nullclines_are_reported_as_degenerate():
    with pytest.warns(UserWarning, match="continuum"):
        result = _two(1.0, 1.0, 1.0, 1.0, -1.0, -1.0).equilibria()
    assert result.degenerate_supports == ("x+y",)


def test_parallel_nullclines_have_no_interior_equilibrium_and_no_warning():
    """Strogatz exercise 6.4.1's form: x(3 - x - y), y(2 - x - y)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = _two(3.0, 2.0, 3.0, 2.0, -1.0, -1.0).equilibria()
    assert result.equilibria.index.tolist() == ["none", "x", "y"]
    assert result.regime == "competitive exclusion"
    assert result.equilibria.loc["y", "type"] == "saddle"


def test_numpy_inputs_are_labelled_zero_to_n():
    model = co.lotka_volterra(np.array([1.0, 1.0]), [2.0, 2.0], np.array([[0.0, -0.5],
                                                                          [-0.5, 0.0]]))
    assert model.species.tolist() == [0, 1]
    assert model.equilibria().stable.index.tolist() == ["0+1"]


def _numerical_profiles(n, competition, gamma, a=1.0, c=0.0):
    """Each firm's problem solved numerically from inverse demand p_i = a - q_i - g sum q_j."""
    def price(own, others_each, k_others):
        return a - own - gamma * others_each * k_others

    def cournot_br(others_each):
        res = optimize.minimize_scalar(lambda q: -(price(q, others_each, n - 1) - c) * q,
                                       bounds=(0, a), method="bounded",
                                       options={"xatol": 1e-12})
        return res.x, -res.fun

    q_c = optimize.minimize_scalar(lambda q: -n * (a - q * (1 + gamma * (n - 1)) - c) * q,
                                   bounds=(0, a), method="bounded",
                                   options={"xatol": 1e-12}).x
    p_m = a - q_c * (1 + gamma * (n - 1))
    collusive = (p_m - c) * q_c
    if competition == "cournot":
        q = optimize.brentq(lambda q: cournot_br(q)[0] - q, 0.0, a, xtol=1e-13)
        nash = (price(q, q, n - 1) - c) * q
        deviation = cournot_br(q_c)[1]
        return collusive, nash, deviation

    def deviant_profit(q_own, rival_price):
        # rivals at the common price sell q_r >= 0 with p = a - q_r - g(q_own + (n-2) q_r)
        q_r = np.maximum(0.0, (a - rival_price - gamma * q_own) / (1 + gamma * (n - 2)))
        return (a - q_own - gamma * (n - 1) * q_r - c) * q_own

    def bertrand_br(rival_price):
        grid = np.linspace(0, a / gamma, 2001)
        best = grid[np.argmax(deviant_profit(grid, rival_price))]
        step = grid[1] - grid[0]
        res = optimize.minimize_scalar(lambda q: -deviant_profit(q, rival_price),
                                       bounds=(max(best - step, 0), best + step),
                                       method="bounded", options={"xatol": 1e-13})
        q = res.x
        q_r = max(0.0, (a - rival_price - gamma * q) / (1 + gamma * (n - 2)))
        return a - q - gamma * (n - 1) * q_r, -res.fun

    p = optimize.brentq(lambda p: bertrand_br(p)[0] - p, c, a, xtol=1e-13)
    nash = (p - c) * (a - p) / (1 + gamma * (n - 1))
    return collusive, nash, bertrand_br(p_m)[1]


@pytest.mark.parametrize(("n", "competition", "gamma"), [
    (2, "bertrand", 0.4), (2, "bertrand", 0.9), (3, "bertrand", 0.6), (5, "bertrand", 0.8),
    (2, "cournot", 0.5), (4, "cournot", 1.0), (6, "cournot", 0.3)])
def test_profiles_agree_with_numerical_optimisation(n, competition, gamma):
    result = co.collusion(n, competition=competition, substitutability=gamma)
    expected = _numerical_profiles(n, competition, gamma)
    got = result.profiles.loc[["collusive", "nash", "deviation"], "profit"].to_numpy()
    assert got == pytest.approx(expected, rel=1e-6, abs=1e-9)


@SETTINGS
@given(st.integers(2, 30), st.sampled_from(["bertrand", "cournot"]), st.floats(0.01, 1.0),
       st.floats(0.0, 5.0), st.floats(0.1, 10.0), st.floats(0.1, 5.0))
def test_collusion_identities(n, competition, gamma, cost, markup, slope):
    result = co.collusion(n, competition=competition, substitutability=gamma,
                          intercept=cost + markup, marginal_cost=cost, slope=slope)
    profit = result.profiles["profit"]
    assert profit["deviation"] >= profit["collusive"] >= profit["nash"] >= 0
    assert 0 < result.critical_discount < 1
    # the threshold does not depend on the units of demand and cost
    base = co.collusion(n, competition=competition, substitutability=gamma)
    assert result.critical_discount == pytest.approx(base.critical_discount, rel=1e-9)
    below = result.critical_discount * 0.99
    above = min(result.critical_discount * 1.01, 0.999999)
    assert not result.sustainable(below)
    assert result.sustainable(above)
    row = result.summary().iloc[0]
    assert row["n_firms"] == n and row["critical_discount"] == result.critical_discount


def test_critical_discount_rises_with_the_number_of_firms():
    for competition in ("bertrand", "cournot"):
        thresholds = [co.collusion(n, competition=competition).critical_discount
                      for n in range(2, 12)]
        assert np.all(np.diff(thresholds) > 0)


def test_present_values_at_the_threshold_are_equal():
    result = co.collusion(3, competition="cournot", substitutability=0.6)
    values = result.present_values(result.critical_discount)
    assert values["collude"] == pytest.approx(values["deviate"], rel=1e-12)


def _worths(draw, players):
    worth = {}
    for size in range(1, len(players) + 1):
        for members in itertools.combinations(players, size):
            worth[frozenset(members)] = draw(st.floats(-10, 10))
    return worth


@st.composite
def games(draw, max_players=5, min_players=1):
    n = draw(st.integers(min_players, max_players))
    players = [f"p{k}" for k in range(n)]
    return players, _worths(draw, players)


@st.composite
def game_pairs(draw, max_players=4):
    """Two games on the same players."""
    players, worth = draw(games(max_players=max_players))
    return players, worth, _worths(draw, players)


@SETTINGS
@given(games())
def test_shapley_efficiency_and_order_invariance(game):
    players, worth = game
    value = co.shapley_value(worth, players=players)
    assert value.sum() == pytest.approx(worth[frozenset(players)], abs=1e-9)
    reversed_value = co.shapley_value(worth, players=players[::-1])
    assert reversed_value[players].to_numpy() == pytest.approx(value.to_numpy(), abs=1e-12)


@SETTINGS
@given(games(max_players=5, min_players=2))
def test_shapley_symmetry_and_null_player(game):
    players, worth = game
    first, second = players[:2]
    # make the first two players interchangeable: v(S + first) = v(S + second)
    symmetric = {}
    for coalition, value in worth.items():
        swapped = frozenset(second if p == first else first if p == second else p
                            for p in coalition)
        symmetric[coalition] = value + worth[swapped]
    value = co.shapley_value(symmetric, players=players)
    assert value[first] == pytest.approx(value[second], abs=1e-9)
    # a null player adds nothing to any coalition and gets nothing
    with_null = {frozenset(c | extra): v for c, v in worth.items()
                 for extra in (frozenset(), frozenset(["null"]))}
    with_null[frozenset(["null"])] = 0.0
    null_value = co.shapley_value(with_null, players=[*players, "null"])
    assert null_value["null"] == pytest.approx(0.0, abs=1e-9)
    assert null_value[players].to_numpy() == pytest.approx(
        co.shapley_value(worth, players=players).to_numpy(), abs=1e-9)


@SETTINGS
@given(game_pairs(max_players=4))
def test_shapley_is_additive(pair):
    players, worth, other = pair
    total = {c: worth[c] + other[c] for c in worth}
    assert co.shapley_value(total, players=players).to_numpy() == pytest.approx(
        (co.shapley_value(worth, players=players) + co.shapley_value(other, players=players))
        .to_numpy(), abs=1e-9)


@SETTINGS
@given(st.lists(st.floats(0.1, 100.0), min_size=2, max_size=6), st.floats(0.2, 1.0))
def test_pooling_shapley_is_in_the_core(volumes, beta):
    labels = [f"f{k}" for k in range(len(volumes))]
    result = co.pooling_savings(pd.Series(volumes, index=labels), scale_elasticity=beta)
    shapley = result.firms["shapley_saving"]
    assert shapley.sum() == pytest.approx(result.coalitions["saving"].iloc[-1], abs=1e-9)
    for coalition, row in result.coalitions.iterrows():
        assert row["saving"] >= -1e-9
        members = coalition.split("+")
        assert shapley[members].sum() >= row["saving"] - 1e-9
    assert result.firms["proportional_saving"].sum() == pytest.approx(shapley.sum())


@SETTINGS
@given(st.integers(2, 8), st.floats(0.1, 0.99))
def test_equal_firms_save_one_minus_k_to_the_beta_minus_one(k, beta):
    result = co.pooling_savings([2.0] * k, scale_elasticity=beta)
    assert result.saving_share == pytest.approx(1 - k ** (beta - 1))
    assert result.firms["shapley_saving"].to_numpy() == pytest.approx(
        result.firms["proportional_saving"].to_numpy())


@SETTINGS
@given(st.lists(st.floats(0.5, 50.0), min_size=2, max_size=5), st.floats(0.3, 0.95))
def test_calibration_inverts_pooling(volumes, beta):
    share = co.pooling_savings(volumes, scale_elasticity=beta).saving_share
    assert co.calibrate_scale_elasticity(volumes, saving=share) == pytest.approx(beta, abs=1e-8)


def test_fit_intervals_cover_the_truth_in_simulation():
    """60 noisy Ricker series (T = 100): the 95 % intervals of the four slopes should cover
    the true values about 95 % of the time (240 intervals: 0.88 is 5 binomial standard errors
    below 0.95)."""
    rng = np.random.default_rng(20240611)
    truth = {("x", "x"): -0.05, ("x", "y"): -0.02, ("y", "y"): -0.04, ("y", "x"): 0.01}
    covered, total = 0, 0
    for _ in range(60):
        x = [[5.0, 5.0]]
        for _ in range(99):
            a, b = x[-1]
            x.append([a * math.exp(0.6 - 0.05 * a - 0.02 * b + rng.normal(0, 0.05)),
                      b * math.exp(0.4 - 0.04 * b + 0.01 * a + rng.normal(0, 0.05))])
        table = co.fit_lotka_volterra(pd.DataFrame(x, columns=["x", "y"])).coefficients
        for key, value in truth.items():
            covered += bool(table.loc[key, "ci_low"] <= value <= table.loc[key, "ci_high"])
            total += 1
    assert 0.88 <= covered / total <= 0.99


def test_fit_relative_growth_and_warning_without_self_limitation():
    """a grows faster the larger it is: relative growth 0.05 a exactly, no self-limitation."""
    a = [1.0]
    for _ in range(9):
        a.append(a[-1] * (1 + 0.05 * a[-1]))
    series = pd.DataFrame({"a": a, "b": [2.0 + 0.1 * k + 0.05 * (-1) ** k for k in range(10)]},
                          index=range(2010, 2020))
    with pytest.warns(UserWarning, match="no self-limitation"):
        fit = co.fit_lotka_volterra(series, growth_measure="relative")
    assert fit.growth_measure == "relative"
    assert fit.coefficients.loc[("a", "a"), "estimate"] == pytest.approx(0.05)
    assert math.isnan(fit.capacity["a"]) and math.isnan(fit.interactions.loc["a", "b"])
    with pytest.raises(ValueError, match="not a Lotka–Volterra system"):
        fit.to_model()
    assert set(fit.summary().columns) >= {"growth", "capacity", "r_squared"}
    assert fit.to_frame().index.names == ["species", "term"]


# ============================================================================================
# 3. Error paths
# ============================================================================================
LABELS = ["a", "b"]
GOOD_INTER = pd.DataFrame([[0.0, -0.5], [-0.5, 0.0]], index=LABELS, columns=LABELS)
GOOD_R = pd.Series({"a": 1.0, "b": 1.0})


def test_lotka_volterra_rejects_bad_parameters():
    with pytest.raises(ValueError, match="`capacity` has zero or negative values"):
        co.lotka_volterra(GOOD_R, pd.Series({"a": -1.0, "b": 1.0}), GOOD_INTER)
    with pytest.raises(ValueError, match="`growth` has zero or negative values"):
        co.lotka_volterra(pd.Series({"a": 0.0, "b": 1.0}), GOOD_R, GOOD_INTER)
    with pytest.raises(ValueError, match="must be square"):
        co.lotka_volterra(GOOD_R, GOOD_R, GOOD_INTER.iloc[:, :1])
    mislabelled = GOOD_INTER.rename(columns={"b": "c"})
    with pytest.raises(ValueError, match="Labels of `interactions rows` and `interactions columns`"):
        co.lotka_volterra(GOOD_R, GOOD_R, mislabelled)
    with pytest.raises(ValueError, match="zero diagonal"):
        co.lotka_volterra(GOOD_R, GOOD_R, GOOD_INTER + np.eye(2))
    with pytest.raises(ValueError, match="are in `interactions labels` but not in `growth`"):
        co.lotka_volterra(pd.Series({"a": 1.0, "z": 1.0}), GOOD_R, GOOD_INTER)
    with pytest.raises(ValueError, match="one value per species"):
        co.lotka_volterra([1.0, 1.0, 1.0], GOOD_R, GOOD_INTER)
    with pytest.raises(ValueError, match="missing"):
        co.lotka_volterra(GOOD_R, GOOD_R, GOOD_INTER.replace(-0.5, np.nan))
    with pytest.raises(TypeError, match="must be a pandas DataFrame"):
        co.lotka_volterra(GOOD_R, GOOD_R, "matrix")
    big = pd.DataFrame(np.zeros((13, 13)))
    with pytest.raises(ValueError, match="at most 12"):
        co.lotka_volterra(np.ones(13), np.ones(13), big)


def test_model_methods_reject_bad_sizes_and_options(monkeypatch):
    model = co.lotka_volterra(GOOD_R, GOOD_R, GOOD_INTER)
    with pytest.raises(ValueError, match="`sizes` has negative values"):
        model.rates(pd.Series({"a": -1.0, "b": 1.0}))
    with pytest.raises(ValueError, match="`initial` has negative values"):
        model.simulate([-0.1, 0.5])
    with pytest.raises(ValueError, match="`t_max` must lie in"):
        model.simulate([0.1, 0.5], t_max=0.0)
    with pytest.raises(ValueError, match="`n_points` must be at least 2"):
        model.simulate([0.1, 0.5], n_points=1)
    with pytest.raises(ValueError, match="`bound` must lie in"):
        model.simulate([0.1, 0.5], bound=-1.0)
    with pytest.raises(ValueError, match="`rtol` must lie in"):
        model.simulate([0.1, 0.5], rtol=0.0)
    real_solver = co.integrate.solve_ivp

    def failing(*args, **kwargs):
        solution = real_solver(*args, **kwargs)
        solution.status, solution.message = -1, "Required step size is less than spacing"
        return solution

    monkeypatch.setattr(co.integrate, "solve_ivp", failing)
    with pytest.raises(ValueError, match="The solver failed: Required step size"):
        model.simulate([0.1, 0.5])


def test_fit_rejects_bad_series():
    series = pd.DataFrame({"a": [1.0, 2.0, 3.0, 4.0], "b": [1.0, 1.5, 2.0, 2.5]})
    with pytest.raises(ValueError, match="at least 5"):
        co.fit_lotka_volterra(series)
    longer = pd.DataFrame({"a": np.linspace(1, 2, 8), "b": np.linspace(2, 1, 8)})
    with pytest.raises(ValueError, match="zero or negative"):
        co.fit_lotka_volterra(longer - 1.5)
    with pytest.raises(ValueError, match="strictly increasing"):
        co.fit_lotka_volterra(longer.iloc[::-1])
    with pytest.raises(TypeError, match="indexed by observation times"):
        co.fit_lotka_volterra(longer.set_index(pd.Index(list("abcdefgh"))))
    with pytest.raises(ValueError, match="`growth_measure` must be one of"):
        co.fit_lotka_volterra(longer, growth_measure="level")
    with pytest.raises(ValueError, match="`alpha` must lie in"):
        co.fit_lotka_volterra(longer, alpha=1.5)


def test_fit_rejects_constant_and_collinear_series():
    """statsmodels fits a rank-deficient design by pseudo-inverse and only warns; the estimates
    are then arbitrary, so the fit must refuse it."""
    growing = pd.Series(np.exp(np.linspace(0.0, 1.0, 8)) + 0.1 * np.sin(np.arange(8)))
    constant = pd.DataFrame({"a": growing, "b": 3.0})
    with pytest.raises(ValueError, match=r"Series \['b'\] in `series` are constant"):
        co.fit_lotka_volterra(constant)
    # constant over the regression's times, changing only at the last one
    late = pd.DataFrame({"a": growing, "b": [3.0] * 7 + [4.0]})
    with pytest.raises(ValueError, match="are constant"):
        co.fit_lotka_volterra(late)
    proportional = pd.DataFrame({"a": growing, "b": 2.0 * growing})
    with pytest.raises(ValueError, match=r"Series \['a', 'b'\] in `series` are exact linear"):
        co.fit_lotka_volterra(proportional)
    affine = pd.DataFrame({"a": growing, "b": growing + 5.0, "c": growing[::-1].to_numpy()})
    with pytest.raises(ValueError, match=r"\['a', 'b'\] in `series` are exact linear"):
        co.fit_lotka_volterra(affine)


def test_collusion_rejects_bad_settings():
    with pytest.raises(ValueError, match="at least two firms"):
        co.collusion(1)
    with pytest.raises(TypeError, match="must be an integer"):
        co.collusion(2.5)
    with pytest.raises(ValueError, match="`competition` must be one of"):
        co.collusion(2, competition="stackelberg")
    with pytest.raises(ValueError, match=r"`substitutability` must lie in \(0, 1\]"):
        co.collusion(2, substitutability=0.0)
    with pytest.raises(ValueError, match="`slope` must lie in"):
        co.collusion(2, slope=0.0)
    with pytest.raises(ValueError, match="`marginal_cost` must be at least 0"):
        co.collusion(2, marginal_cost=-1.0)
    with pytest.raises(ValueError, match="must exceed `marginal_cost`"):
        co.collusion(2, intercept=1.0, marginal_cost=1.0)
    result = co.collusion(2)
    for bad in (0.0, 1.0, -0.2, 1.3):
        with pytest.raises(ValueError, match=r"`discount` must lie in \(0, 1\)"):
            result.sustainable(bad)
    with pytest.raises(TypeError, match="must be a real number"):
        result.present_values("0.9")


def test_shapley_rejects_bad_games():
    with pytest.raises(TypeError, match="mapping from coalitions"):
        co.shapley_value([1, 2, 3])
    with pytest.raises(ValueError, match="`players` is required"):
        co.shapley_value(lambda members: 1.0)
    with pytest.raises(ValueError, match="have no worth"):
        co.shapley_value({("a",): 1.0, ("a", "b"): 2.0})
    with pytest.raises(ValueError, match="not in `players`"):
        co.shapley_value({("a",): 1.0, ("b",): 1.0, ("a", "b"): 2.0}, players=["a"])
    with pytest.raises(ValueError, match="empty coalition must be worth 0"):
        co.shapley_value({(): 1.0, ("a",): 1.0})
    with pytest.raises(ValueError, match="repeats players"):
        co.shapley_value(lambda members: 1.0, players=["a", "a"])
    with pytest.raises(ValueError, match="at most 16"):
        co.shapley_value(lambda members: 1.0, players=list(range(17)))
    with pytest.raises(ValueError, match="finite"):
        co.shapley_value({("a",): math.inf})
    with pytest.raises(TypeError, match="must be a real number"):
        co.shapley_value({("a",): "one"})
    single = co.shapley_value({"solo": 4.0})
    assert single.tolist() == [4.0]


def test_pooling_rejects_bad_inputs():
    with pytest.raises(ValueError, match="zero or negative"):
        co.pooling_savings([1.0, 0.0], scale_elasticity=0.5)
    with pytest.raises(ValueError, match="at least 2"):
        co.pooling_savings([1.0], scale_elasticity=0.5)
    with pytest.raises(ValueError, match=r"`scale_elasticity` must lie in \(0, 1\]"):
        co.pooling_savings([1.0, 2.0], scale_elasticity=1.2)
    with pytest.raises(ValueError, match="`unit_cost` must lie in"):
        co.pooling_savings([1.0, 2.0], scale_elasticity=0.5, unit_cost=0.0)
    with pytest.raises(ValueError, match="at most 16"):
        co.pooling_savings(np.ones(17), scale_elasticity=0.5)
    with pytest.raises(ValueError, match=r"`saving` must lie in \(0, 1\)"):
        co.calibrate_scale_elasticity([1.0, 2.0], saving=1.5)
    with pytest.raises(ValueError, match="the most it can reach is 0.5"):
        co.calibrate_scale_elasticity([1.0, 1.0], saving=0.6)


def test_public_names_are_exported_flat():
    for name in co.__all__:
        assert getattr(cl, name) is getattr(co, name)
