"""Tests of clusterlib.agglomeration.lorenz_curve: published examples, identities, every error.

Published values used:

* Dörsam, P. (2004). *Wirtschaftsstatistik anschaulich dargestellt*. Heidenau: PD-Verlag.
  Sales of four car makers 20, 50, 20, 10 have a Gini coefficient of 0.3 (REAT help page
  ``gini``, which draws the Lorenz curve of the same data); the curve's points below are
  worked by hand from the same table.
* Farhauer, O. & Kröll, A. (2013). *Standorttheorien*. Springer Gabler, REAT help page
  ``gini.conc``: an industry with 500, 500, 1,000, 7,000, 1,000 jobs in five regions of 20,000,
  15,000, 20,000, 40,000 and 5,000 jobs. The activity-weighted locational Gini of these data is
  149/400 by hand (tests/test_agglomeration.py); the weighted Lorenz curve must give it too.

Convention tested throughout: G = 1 - 2 x (area under the curve) = twice the area between the
curve and the diagonal, without the n/(n-1) small-sample correction (as ``gini`` computes it).
"""

from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import clusterlib as cl
from clusterlib import agglomeration as agg

SETTINGS = settings(derandomize=True, deadline=None, max_examples=60,
                    suppress_health_check=[HealthCheck.too_slow])


def _gini_from_curve(curve: pd.DataFrame) -> float:
    """1 - 2 x trapezoid area under the polygon through the curve's points."""
    p = curve["population_share"].to_numpy()
    share = curve["value_share"].to_numpy()
    return float(1 - np.sum(np.diff(p) * (share[:-1] + share[1:])))


# --------------------------------------------------------------------------------------------
# 1. Published worked examples
# --------------------------------------------------------------------------------------------
def test_lorenz_curve_doersam_points_and_gini():
    """Dörsam (2004): sorted sales 10, 20, 20, 50 of a total 100 give the points
    (0, 0), (1/4, 0.1), (1/2, 0.3), (3/4, 0.5), (1, 1); 1 - 2 x area = 0.3, the published Gini."""
    sales = pd.Series([20.0, 50.0, 20.0, 10.0], index=["A", "B", "C", "D"])
    curve = cl.lorenz_curve(sales)
    np.testing.assert_allclose(curve["population_share"], [0, 0.25, 0.5, 0.75, 1.0])
    np.testing.assert_allclose(curve["value_share"], [0, 0.1, 0.3, 0.5, 1.0])
    assert curve["unit"].tolist()[1:] == ["D", "A", "C", "B"] and pd.isna(curve["unit"].iloc[0])
    assert curve.index.name == "rank" and curve.index.tolist() == [0, 1, 2, 3, 4]
    assert _gini_from_curve(curve) == pytest.approx(0.3)
    assert _gini_from_curve(curve) == pytest.approx(cl.gini(sales), abs=1e-15)


def test_weighted_lorenz_curve_is_the_locational_lorenz_curve_farhauer_kroell():
    """Farhauer & Kröll's five regions: LQs as values and regional jobs as weights give the
    locational Lorenz curve, whose Gini is the activity-weighted locational Gini 149/400."""
    industry = np.array([500.0, 500.0, 1000.0, 7000.0, 1000.0])
    regions = np.array([20000.0, 15000.0, 20000.0, 40000.0, 5000.0])
    matrix = pd.DataFrame({"industry": industry, "rest": regions - industry},
                          index=list("ABCDE"))
    lq = cl.location_quotient(matrix)["industry"]
    curve = cl.lorenz_curve(lq, weights=pd.Series(regions, index=list("ABCDE")))
    assert _gini_from_curve(curve) == pytest.approx(149 / 400, abs=1e-12)
    assert _gini_from_curve(curve) == pytest.approx(cl.locational_gini(matrix)["industry"],
                                                    abs=1e-12)
    # the x axis is the cumulative share of jobs, the y axis that of the industry, by LQ
    order = np.argsort(lq.to_numpy(), kind="stable")
    np.testing.assert_allclose(curve["population_share"].iloc[1:],
                               np.cumsum(regions[order]) / regions.sum())
    np.testing.assert_allclose(curve["value_share"].iloc[1:],
                               np.cumsum(industry[order]) / industry.sum())


def test_grouped_data_by_hand_in_exact_fractions():
    """Three income groups (per-person income 1, 4, 2; 50, 10, 40 persons): by hand the curve
    passes (0.5, 50/170) and (0.9, 130/170), and G = 1 - sum (p_k - p_k-1)(L_k-1 + L_k)."""
    curve = cl.lorenz_curve([1.0, 4.0, 2.0], weights=[50.0, 10.0, 40.0])
    total = Fraction(50 * 1 + 10 * 4 + 40 * 2)
    p = [Fraction(0), Fraction(1, 2), Fraction(9, 10), Fraction(1)]
    share = [Fraction(0), Fraction(50) / total, Fraction(130) / total, Fraction(1)]
    np.testing.assert_allclose(curve["population_share"], [float(v) for v in p], rtol=1e-15)
    np.testing.assert_allclose(curve["value_share"], [float(v) for v in share], rtol=1e-15)
    expected = 1 - sum((p[k] - p[k - 1]) * (share[k - 1] + share[k]) for k in range(1, 4))
    assert _gini_from_curve(curve) == pytest.approx(float(expected), abs=1e-15)
    assert curve["unit"].tolist()[1:] == [0, 2, 1]


# --------------------------------------------------------------------------------------------
# 2. Identities and invariances
# --------------------------------------------------------------------------------------------
@SETTINGS
@given(st.lists(st.floats(0, 1e6), min_size=2, max_size=40).filter(lambda v: sum(v) > 0),
       st.integers(0, 2**32 - 1), st.floats(1e-3, 1e3))
def test_area_identity_with_gini_shape_and_invariance(values, seed, factor):
    """G = 1 - 2 x area under the curve equals gini() (no n/(n-1) correction); the curve starts
    at (0, 0), ends at (1, 1), rises, is convex (slopes increase) and lies on or below the
    diagonal; it does not depend on the order or the scale of the values."""
    curve = cl.lorenz_curve(values)
    p, share = curve["population_share"].to_numpy(), curve["value_share"].to_numpy()
    assert (p[0], share[0]) == (0.0, 0.0) and p[-1] == 1.0 and share[-1] == pytest.approx(1.0)
    assert len(curve) == len(values) + 1
    assert (np.diff(p) > 0).all() and (np.diff(share) >= -1e-15).all()
    assert (share <= p + 1e-12).all()
    slopes = np.diff(share) / np.diff(p)
    assert (np.diff(slopes) >= -1e-9 * max(1.0, slopes.max())).all()
    assert _gini_from_curve(curve) == pytest.approx(cl.gini(values), abs=1e-12)
    permuted = np.random.default_rng(seed).permutation(np.asarray(values))
    again = cl.lorenz_curve(permuted * factor)
    np.testing.assert_allclose(again["value_share"], share, atol=1e-12)
    np.testing.assert_allclose(again["population_share"], p, atol=1e-15)


@SETTINGS
@given(st.lists(st.tuples(st.integers(0, 1000), st.integers(1, 6)), min_size=2, max_size=12)
       .filter(lambda pairs: sum(v for v, _ in pairs) > 0))
def test_integer_weights_equal_repeated_values(pairs):
    """Grouped data: a value with weight m gives the same Gini as the value repeated m times,
    and the grouped curve's points lie on the curve of the repeated values."""
    values = [float(v) for v, _ in pairs]
    weights = [float(m) for _, m in pairs]
    repeated = np.repeat(values, [m for _, m in pairs])
    grouped = cl.lorenz_curve(values, weights=weights)
    full = cl.lorenz_curve(repeated)
    assert _gini_from_curve(grouped) == pytest.approx(cl.gini(repeated), abs=1e-12)
    on_full = np.interp(grouped["population_share"], full["population_share"],
                        full["value_share"])
    np.testing.assert_allclose(grouped["value_share"], on_full, atol=1e-12)


@SETTINGS
@given(st.integers(2, 8).flatmap(lambda rows: st.tuples(
    st.lists(st.integers(1, 1000), min_size=rows, max_size=rows),
    st.lists(st.integers(0, 1000), min_size=rows, max_size=rows).filter(any))))
def test_weighted_curve_reproduces_locational_gini(columns):
    """For any two-industry matrix, the Lorenz curve of an industry's LQs weighted by the
    regions' totals has the Gini that locational_gini returns (twice the area between curve
    and diagonal)."""
    first, second = (np.asarray(c, dtype=float) for c in columns)
    matrix = pd.DataFrame({"focal": first, "rest": second})
    totals = matrix.sum(axis=1)
    curve = cl.lorenz_curve(cl.location_quotient(matrix)["focal"], weights=totals)
    assert _gini_from_curve(curve) == pytest.approx(cl.locational_gini(matrix)["focal"],
                                                    abs=1e-12)


def test_extremes_and_weights_as_shares():
    equal = cl.lorenz_curve([3.0, 3.0, 3.0])
    np.testing.assert_allclose(equal["value_share"], equal["population_share"])
    assert _gini_from_curve(equal) == pytest.approx(0.0, abs=1e-15)
    one = cl.lorenz_curve([0.0, 0.0, 0.0, 5.0])
    assert _gini_from_curve(one) == pytest.approx(0.75)  # 1 - 1/n, not 1
    counts = cl.lorenz_curve([1.0, 4.0, 2.0], weights=[50.0, 10.0, 40.0])
    shares = cl.lorenz_curve([1.0, 4.0, 2.0], weights=[0.5, 0.1, 0.4])
    pd.testing.assert_frame_equal(counts, shares, rtol=1e-12)


def test_series_weights_are_matched_by_label():
    values = pd.Series({"a": 1.0, "b": 4.0, "c": 2.0})
    by_label = cl.lorenz_curve(values, weights=pd.Series({"c": 40.0, "a": 50.0, "b": 10.0}))
    by_position = cl.lorenz_curve(values, weights=[50.0, 10.0, 40.0])
    pd.testing.assert_frame_equal(by_label, by_position)
    assert cl.lorenz_curve is agg.lorenz_curve and "lorenz_curve" in cl.__all__


# --------------------------------------------------------------------------------------------
# 3. Every error path
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("call, error, match", [
    (lambda: cl.lorenz_curve("abc"), TypeError, "must be a pandas Series"),
    (lambda: cl.lorenz_curve(pd.Series(["1", "2"])), TypeError, "must hold numbers"),
    (lambda: cl.lorenz_curve([1.0, 2.0], weights="ab"), TypeError, "`weights` must be a pandas"),
    (lambda: cl.lorenz_curve([5.0]), ValueError, r"at least 2 value\(s\); received 1"),
    (lambda: cl.lorenz_curve(np.ones((2, 2))), ValueError, "one-dimensional"),
    (lambda: cl.lorenz_curve([1.0, np.nan]), ValueError, r"missing \(NaN\)"),
    (lambda: cl.lorenz_curve([1.0, np.inf]), ValueError, "infinite"),
    (lambda: cl.lorenz_curve([1.0, -2.0]), ValueError, "negative values"),
    (lambda: cl.lorenz_curve([0.0, 0.0]), ValueError, "all zero"),
    (lambda: cl.lorenz_curve([0.0, 0.0], weights=[1.0, 2.0]), ValueError, "all zero"),
    (lambda: cl.lorenz_curve([1.0, 2.0], weights=[1.0, 0.0]), ValueError,
     "`weights` has zero or negative values"),
    (lambda: cl.lorenz_curve([1.0, 2.0], weights=[1.0, -1.0]), ValueError,
     "`weights` has zero or negative values"),
    (lambda: cl.lorenz_curve([1.0, 2.0], weights=[1.0, np.nan]), ValueError, r"missing \(NaN\)"),
    (lambda: cl.lorenz_curve([1.0, 2.0], weights=[1.0, 2.0, 3.0]), ValueError,
     "3 weights for 2 values"),
    (lambda: cl.lorenz_curve(pd.Series({"a": 1.0, "b": 2.0}),
                             weights=pd.Series({"a": 1.0, "c": 2.0})), ValueError,
     "Labels of `values` and `weights` do not match"),
    (lambda: cl.lorenz_curve(pd.Series([1.0, 2.0], index=["a", "a"])), ValueError,
     "duplicated labels"),
    (lambda: cl.lorenz_curve([1e308, 1e308]), ValueError, "too large to sum"),
    (lambda: cl.lorenz_curve([1e200, 1.0], weights=[1e200, 1.0]), ValueError,
     "too large to weight"),
    (lambda: cl.lorenz_curve([0.5, 0.5], weights=[1e308, 1e308]), ValueError,
     "`weights` is too large to sum"),
])
def test_lorenz_curve_errors(call, error, match):
    with pytest.raises(error, match=match):
        call()
