"""Tests of clusterlib.coupling_null, the null model of coupling and synergy of unrelated subsystems.

No published worked example of a permutation null for the coupling degree was found. The function
is checked instead against the exact permutation distribution (all n! orders enumerated, and the
same exact p-value from ``scipy.stats.permutation_test`` with ``permutation_type="pairings"``),
against the library's own coupling_coordination and synergy_degree on the observed data, on
constructed cases (independent stationary subsystems: no excess; a coupled system: excess;
independent *trending* subsystems: excess, which is the documented limitation), and for every
error it raises.
"""

import itertools

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import clusterlib as cl

SETTINGS = settings(derandomize=True, deadline=None, max_examples=25,
                    suppress_health_check=[HealthCheck.too_slow])
SMALL = pd.DataFrame({"trade": [0.2, 0.5, 0.4, 0.9], "clusters": [0.3, 0.45, 0.6, 0.8]},
                     index=[2020, 2021, 2022, 2023])


def _mean_coupling(a, b):
    return float(np.mean(2 * np.sqrt(a * b) / (a + b)))


def test_exact_permutation_distribution_and_scipy():
    """All 4! = 24 orders of the cluster levels, by enumeration and by scipy's exact test."""
    from scipy import stats

    a, b = SMALL["trade"].to_numpy(), SMALL["clusters"].to_numpy()
    observed = _mean_coupling(a, b)
    values = [_mean_coupling(a, b[list(p)]) for p in itertools.permutations(range(4))]
    exact = float(np.mean(np.array(values) >= observed - 1e-15))
    scipy_p = stats.permutation_test((a, b), _mean_coupling, permutation_type="pairings",
                                     alternative="greater").pvalue
    assert scipy_p == pytest.approx(exact, abs=1e-12)
    result = cl.coupling_null(SMALL, draws=20_000, rng=0)
    assert result.observed["mean_coupling"] == pytest.approx(observed, abs=1e-12)
    assert result.share_at_or_above["mean_coupling"] == pytest.approx(exact, abs=0.01)
    # the null draws take exactly the 24 enumerated values
    assert np.allclose(np.sort(np.unique(result.null["mean_coupling"].round(12))),
                       np.sort(np.unique(np.round(values, 12))))


@pytest.mark.parametrize("coupling", ["standard", "wang_2021"])
@pytest.mark.parametrize("base", ["chained", 2020, 2021])
def test_observed_statistics_are_those_of_the_library(coupling, base):
    result = cl.coupling_null(SMALL, draws=5, coupling=coupling, base=base, rng=1)
    cc = cl.coupling_coordination(SMALL, coupling=coupling)
    u = cl.synergy_degree(SMALL, base=base).synergy
    assert result.observed["mean_coupling"] == pytest.approx(cc.coupling.mean(), abs=1e-12)
    assert result.observed["mean_coordination"] == pytest.approx(cc.coordination.mean(), abs=1e-12)
    assert result.observed["mean_synergy"] == pytest.approx(u.mean(), abs=1e-12)
    assert result.observed["share_positive_synergy"] == pytest.approx((u > 0).mean(), abs=1e-12)


def test_weights_enter_coordination_only():
    equal = cl.coupling_null(SMALL, draws=50, rng=2)
    tilted = cl.coupling_null(SMALL, draws=50, rng=2, weights={"trade": 0.8, "clusters": 0.2})
    cc = cl.coupling_coordination(SMALL, weights={"trade": 0.8, "clusters": 0.2})
    assert tilted.observed["mean_coordination"] == pytest.approx(cc.coordination.mean(), abs=1e-12)
    pd.testing.assert_series_equal(equal.null["mean_coupling"], tilted.null["mean_coupling"])
    assert not np.allclose(equal.null["mean_coordination"], tilted.null["mean_coordination"])


def _stationary_pair(generator, n, coupled):
    first = generator.uniform(0.2, 0.9, n)
    second = first + generator.normal(0, 0.03, n) if coupled else generator.uniform(0.2, 0.9, n)
    return pd.DataFrame({"a": first, "b": np.clip(second, 0.05, 1.0)})


def test_independent_stationary_systems_show_no_excess():
    """Under the null the share at or above is about uniform: p <= 0.05 in about 5 % of cases."""
    generator = np.random.default_rng(11)
    shares = np.array([cl.coupling_null(_stationary_pair(generator, 10, coupled=False),
                                        draws=199, rng=seed).share_at_or_above
                       for seed in range(200)])
    rejections = (shares <= 0.05).mean(axis=0)
    assert (rejections < 0.1).all()  # nominal 0.05; binomial sd with 200 cases is 0.015
    assert (shares.mean(axis=0)[:3] > 0.4).all()  # a uniform share has mean about 0.5


def test_coupled_system_shows_excess():
    """C detects the coupled pair every time; the U statistics, from 11 changes, most of the time."""
    generator = np.random.default_rng(12)
    shares = []
    for seed in range(20):
        result = cl.coupling_null(_stationary_pair(generator, 12, coupled=True), draws=499,
                                  rng=seed)
        assert result.share_at_or_above["mean_coupling"] <= 0.01
        assert result.observed["mean_coupling"] > result.quantiles.loc["mean_coupling", 0.95]
        shares.append(result.share_at_or_above)
    rejections = (pd.DataFrame(shares) <= 0.05).mean()
    # under no relation these would be about 0.05 (test above); joint rises give U > 0 more
    # often than chance pairing
    assert rejections["mean_synergy"] >= 0.6
    assert rejections["share_positive_synergy"] >= 0.6


def test_block_bootstrap_also_finds_the_coupled_system():
    generator = np.random.default_rng(13)
    result = cl.coupling_null(_stationary_pair(generator, 16, coupled=True), method="block",
                              block_length=2, draws=499, rng=3)
    assert result.method == "block (length 2)"
    assert result.share_at_or_above["mean_coupling"] <= 0.01


def test_independent_trending_systems_exceed_the_permutation_null():
    """The documented limitation: a shared upward trend, with no link, passes for coupling."""
    generator = np.random.default_rng(14)
    years = np.arange(12)
    levels = pd.DataFrame({"a": 0.1 + 0.07 * years + generator.normal(0, 0.02, 12),
                           "b": 0.1 + 0.07 * years + generator.normal(0, 0.02, 12)})
    result = cl.coupling_null(levels, draws=999, rng=4)
    assert result.share_at_or_above["mean_coupling"] <= 0.01
    assert result.share_at_or_above["share_positive_synergy"] <= 0.05


def test_a_block_of_all_periods_reproduces_the_data():
    result = cl.coupling_null(SMALL, method="block", block_length=4, draws=30, rng=5)
    assert np.allclose(result.null.to_numpy(), result.observed.to_numpy()[None, :])
    assert (result.share_at_or_above == 1.0).all()


def test_default_block_length_and_shuffled_subsystem():
    result = cl.coupling_null(SMALL, method="block", draws=10, rng=0)
    assert result.method == "block (length 2)"  # int(sqrt(4))
    assert result.shuffled == "clusters"
    assert cl.coupling_null(SMALL, shuffle="trade", draws=10, rng=0).shuffled == "trade"


def test_seeded_and_generator_reproducible():
    first = cl.coupling_null(SMALL, draws=100, rng=7)
    second = cl.coupling_null(SMALL, draws=100, rng=np.random.default_rng(7))
    pd.testing.assert_frame_equal(first.null, second.null)
    table = first.summary()
    assert list(table.columns) == ["observed", "null q0.05", "null q0.5", "null q0.95",
                                   "share_at_or_above"]
    pd.testing.assert_frame_equal(first.to_frame(), first.null)


def test_three_subsystems():
    levels = SMALL.assign(policy=[0.1, 0.3, 0.6, 0.7])
    result = cl.coupling_null(levels, shuffle="trade", draws=50, rng=0)
    cc = cl.coupling_coordination(levels)
    assert result.observed["mean_coupling"] == pytest.approx(cc.coupling.mean(), abs=1e-12)


@SETTINGS
@given(st.lists(st.tuples(st.floats(0.01, 1.0), st.floats(0.01, 1.0)), min_size=3, max_size=9),
       st.sampled_from(["permute", "block"]), st.integers(0, 2**32 - 1))
def test_null_statistics_stay_in_their_ranges(pairs, method, seed):
    levels = pd.DataFrame(pairs, columns=["a", "b"])
    result = cl.coupling_null(levels, method=method, draws=40, rng=seed)
    null = result.null
    assert ((null["mean_coupling"] >= 0) & (null["mean_coupling"] <= 1)).all()
    assert ((null["mean_synergy"] >= -1) & (null["mean_synergy"] <= 1)).all()
    assert ((result.share_at_or_above >= 0) & (result.share_at_or_above <= 1)).all()
    q = result.quantiles
    assert (q[0.05] <= q[0.5] + 1e-12).all() and (q[0.5] <= q[0.95] + 1e-12).all()
    if method == "permute":  # a permutation keeps the values, so the mean of T is unchanged
        assert result.null["mean_coordination"].max() <= np.sqrt(levels.mean(axis=1).mean()) + 1e-12


# ------------------------------------------------------------------------------------------------
# Every error
# ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("kwargs", "error", "match"), [
    ({"shuffle": "ports"}, ValueError, "shuffle"),
    ({"method": "bootstrap"}, ValueError, "method"),
    ({"block_length": 2}, ValueError, "method='block' only"),
    ({"method": "block", "block_length": 5}, ValueError, "at most 4"),
    ({"method": "block", "block_length": 0}, ValueError, "at least 1"),
    ({"method": "block", "block_length": 2.0}, TypeError, "integer"),
    ({"draws": 0}, ValueError, "draws"),
    ({"draws": 10.0}, TypeError, "integer"),
    ({"quantiles": (0.5, 1.5)}, ValueError, "quantiles"),
    ({"quantiles": ("median",)}, TypeError, "quantiles"),
    ({"draws": True}, TypeError, "integer"),
    ({"base": 2023}, ValueError, "last period"),
    ({"base": 1999}, ValueError, "1999"),
    ({"base": True}, TypeError, "boolean|period label"),
    ({"coupling": "misprinted"}, ValueError, "coupling"),
    ({"weights": {"trade": 0.5, "clusters": 0.6}}, ValueError, "sum"),
    ({"weights": {"trade": 0.5, "ports": 0.5}}, ValueError, "ports|clusters"),
])
def test_errors(kwargs, error, match):
    with pytest.raises(error, match=match):
        cl.coupling_null(SMALL, **{"draws": 10, **kwargs})


def test_too_few_periods():
    with pytest.raises(ValueError, match="at least three periods"):
        cl.coupling_null(SMALL.iloc[:2], draws=10)


def test_levels_outside_unit_interval_and_wrong_kind():
    with pytest.raises(ValueError, match=r"\[0, 1\]|order degrees"):
        cl.coupling_null(SMALL.assign(trade=[0.2, 1.5, 0.4, 0.9]), draws=10)
    with pytest.raises(TypeError):
        cl.coupling_null("levels", draws=10)


def test_zero_levels_that_a_draw_could_pair():
    levels = pd.DataFrame({"a": [0.0, 0.5, 0.9], "b": [0.3, 0.0, 0.7]})
    with pytest.raises(ValueError, match="0/0"):
        cl.coupling_null(levels, draws=10)
    # a zero in one subsystem only is fine: C is 0 in that period, not 0/0
    ok = cl.coupling_null(pd.DataFrame({"a": [0.0, 0.5, 0.9], "b": [0.3, 0.2, 0.7]}), draws=10, rng=0)
    assert ok.null["mean_coupling"].min() >= 0


def test_every_level_zero_in_a_period():
    with pytest.raises(ValueError, match="0/0"):
        cl.coupling_null(pd.DataFrame({"a": [0.0, 0.5, 0.9], "b": [0.0, 0.2, 0.7]}), draws=10)
