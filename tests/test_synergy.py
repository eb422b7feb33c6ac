"""Tests of clusterlib.synergy: a published worked example, hand computations, identities, errors.

Published worked example (coupling coordination and its grade table):

* Li, H., He, Y. & Bi, X. (2022). 黄河流域兰州段生态环境与高质量发展耦合协调关系研究 (Coupling
  coordination of ecological environment and high-quality development in the Lanzhou section of
  the Yellow River Basin). *Arid Land Geography* (干旱区地理), accepted manuscript,
  ChinaXiv:202208.00078. Table 4 prints the two subsystem indices f(x), g(x) for 2010-2019,
  Table 5 the coupling degree C and coordination degree D (alpha = beta = 0.5), Table 6 the grade
  table, whose intervals are closed on the left, e.g. [0.20, 0.31).

No published worked example of the composite-system synergy degree (order degree between
bounds, subsystem order degree, U) with its input data was found: Zhang's document prints none,
and the papers we could read print results without their inputs. Those functions are checked on
small examples computed by hand, with the arithmetic written out in each test.
"""

import re
import unicodedata
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import clusterlib as cl
from clusterlib import synergy as sy

SETTINGS = settings(derandomize=True, deadline=None, max_examples=30,
                    suppress_health_check=[HealthCheck.too_slow])
SEED_002 = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "002_97a01bcbe56f1696.txt"

# Li, He & Bi (2022), Table 4 (inputs) and Table 5 (printed C and D), 2010-2019
LANZHOU = pd.DataFrame(
    {"ecology": [0.0863, 0.0444, 0.0414, 0.0496, 0.0788, 0.1021, 0.1561, 0.1349, 0.1357, 0.1708],
     "development": [0.1875, 0.0552, 0.0424, 0.0781, 0.0914, 0.1091, 0.0934, 0.1112, 0.0977,
                     0.1340]},
    index=pd.Index(range(2010, 2020), name="year"))
LANZHOU_C = [0.9293, 0.9941, 0.9999, 0.9747, 0.9972, 0.9994, 0.9680, 0.9954, 0.9867, 0.9927]
LANZHOU_D = [0.3567, 0.2225, 0.2046, 0.2494, 0.2913, 0.3249, 0.3475, 0.3499, 0.3393, 0.3890]
LANZHOU_GRADES = pd.DataFrame({  # Table 6, coordination degree column, left-closed intervals
    "lower": [0.00, 0.20, 0.31, 0.41, 0.51, 0.61, 0.71, 0.81],
    "upper": [0.20, 0.31, 0.41, 0.51, 0.61, 0.71, 0.81, 1.00],
    "closed": ["left"] * 8,
    "label": ["严重失调", "中度失调", "轻度失调", "濒临协调", "初级协调", "中级协调", "良好协调",
              "高级协调"],
})

PANEL = pd.DataFrame({"exports": [10.0, 12.0, 15.0], "cost": [5.0, 4.0, 4.5]},
                     index=pd.Index([2020, 2021, 2022], name="year"))
DIRECTIONS = {"exports": "+", "cost": "-"}


# --------------------------------------------------------------------------------------------
# 1. Published worked example: coupling coordination and grades (Li, He & Bi 2022)
# --------------------------------------------------------------------------------------------

def test_coupling_coordination_li_he_bi_2022_tables_4_and_5():
    """C and D of Table 5 from the indices of Table 4. Both tables are rounded to 4 decimals,
    so agreement is to 1.5e-4 (the rounding of the inputs moves C by up to about 1e-4)."""
    result = cl.coupling_coordination(LANZHOU)
    np.testing.assert_allclose(result.coupling, LANZHOU_C, rtol=0, atol=1.5e-4)
    np.testing.assert_allclose(result.coordination, LANZHOU_D, rtol=0, atol=1e-4)
    np.testing.assert_allclose(result.development, LANZHOU.mean(axis=1), rtol=0, atol=1e-15)
    assert result.coupling.name == "coupling_degree"
    assert result.coordination.name == "coordination_degree"
    assert list(result.coordination.index) == list(range(2010, 2020))


def test_grade_table_li_he_bi_2022_table_6():
    """With the paper's own grade table (Table 6), 4 years are 中度失调 (2011-2014) and 6 are
    轻度失调, as the paper's conclusion (2) states. (Its section 3.2 calls 2012, D = 0.2046,
    严重失调, which its Table 6 places in [0.20, 0.31), 中度失调: the table is followed here.)"""
    result = cl.coupling_coordination(LANZHOU, grades=LANZHOU_GRADES)
    assert result.grade.value_counts()[["中度失调", "轻度失调"]].tolist() == [4, 6]
    assert result.grade.loc[2011:2014].tolist() == ["中度失调"] * 4
    summary = result.summary()
    assert summary["units"].sum() == 10 and list(summary.index) == LANZHOU_GRADES["label"].tolist()
    # the table leaves D = 1.0 unclassified ([0.81, 1.00) is open on the right): reported
    with pytest.raises(ValueError, match=r"fall in no grade.*\[0\.81, 1\)"):
        cl.classify(pd.Series([1.0]), LANZHOU_GRADES)


def test_closed_side_decides_boundary_values():
    """0.5 is 勉强协调 with the book's left-closed table, 濒临失调 with Tian et al.'s (2021,
    Table 1) right-closed one, (0.4, 0.5]."""
    right_closed = cl.coordination_grades().assign(closed=["neither"] + ["right"] * 9)
    right_closed.loc[0, "closed"] = "both"  # [0, 0.1], then (0.1, 0.2], ...
    values = pd.Series([0.0, 0.1, 0.5, 1.0])
    assert cl.classify(values, cl.coordination_grades()).tolist() == [
        "极度失调 extreme imbalance", "严重失调 serious imbalance", "勉强协调 barely coordinated",
        "优质协调 high-quality coordination"]
    assert cl.classify(values, right_closed).tolist() == [
        "极度失调 extreme imbalance", "极度失调 extreme imbalance",
        "濒临失调 verging on imbalance", "优质协调 high-quality coordination"]


def test_default_grade_tables_cover_zero_to_one_once():
    grid = pd.Series(np.linspace(0.0, 1.0, 1001))
    for table, count in ((cl.coordination_grades(), 10), (cl.evolution_stages(), 4)):
        labels = cl.classify(grid, table)
        assert labels.nunique() == count and labels.cat.ordered
        assert list(labels.cat.categories) == table["label"].tolist()
    stages = cl.classify(pd.Series([0.39, 0.4, 0.79, 0.8, 1.0]), cl.evolution_stages())
    assert [label.split()[0] for label in stages] == ["起步", "发展", "拓展", "成熟", "成熟"]


# --------------------------------------------------------------------------------------------
# 2. Hand computations: order degree, subsystem order degree, synergy degree, modified C
# --------------------------------------------------------------------------------------------

def test_order_degree_sample_bounds_by_hand():
    """exports (+): min 10, max 15 -> (10-10)/5 = 0, (12-10)/5 = 0.4, (15-10)/5 = 1.
    cost (-): min 4, max 5 -> (5-5)/1 = 0, (5-4)/1 = 1, (5-4.5)/1 = 0.5."""
    od = cl.order_degree(PANEL, directions=DIRECTIONS)
    np.testing.assert_allclose(od.order["exports"], [0.0, 0.4, 1.0], rtol=0, atol=1e-15)
    np.testing.assert_allclose(od.order["cost"], [0.0, 1.0, 0.5], rtol=0, atol=1e-15)
    assert od.bounds == "sample" and od.constant == ()
    assert od.lower.tolist() == [10.0, 4.0] and od.upper.tolist() == [15.0, 5.0]
    pd.testing.assert_frame_equal(od.order, cl.minmax_normalise(PANEL, directions=DIRECTIONS))
    assert od.summary().loc["cost", "direction"] == "-"


def test_order_degree_extended_bounds_by_hand():
    """Margin 0.1 of the range. exports: range 5, beta = 10 - 0.5 = 9.5, alpha = 15.5, so
    u = (10-9.5)/6 = 0.08333, (12-9.5)/6 = 0.41667, (15-9.5)/6 = 0.91667.
    cost: range 1, beta = 3.9, alpha = 5.1, u = (5.1-5)/1.2 = 0.08333, (5.1-4)/1.2 = 0.91667,
    (5.1-4.5)/1.2 = 0.5."""
    od = cl.order_degree(PANEL, directions=DIRECTIONS, bounds="extended")
    np.testing.assert_allclose(od.order["exports"], [0.5 / 6, 2.5 / 6, 5.5 / 6], rtol=0,
                               atol=1e-15)
    np.testing.assert_allclose(od.order["cost"], [0.1 / 1.2, 1.1 / 1.2, 0.6 / 1.2], rtol=0,
                               atol=1e-15)
    np.testing.assert_allclose(od.lower, [9.5, 3.9], rtol=0, atol=1e-15)
    np.testing.assert_allclose(od.upper, [15.5, 5.1], rtol=0, atol=1e-15)
    assert od.bounds == "extended (margin 0.1)"


def test_extended_bounds_handle_zero_and_negative_minima():
    """Range-based margin: a zero minimum still gets room below it, a negative minimum is not
    moved into the data (minimum x 0.9 would give -0.9 > -1 for a minimum of -1)."""
    data = pd.DataFrame({"zero_min": [0.0, 5.0, 10.0], "negative_min": [-1.0, 0.0, 1.0]})
    od = cl.order_degree(data, bounds="extended", margin=0.25)
    assert od.lower.tolist() == [-2.5, -1.5] and od.upper.tolist() == [12.5, 1.5]
    assert (od.order > 0).all().all() and (od.order < 1).all().all()


def test_order_degree_user_bounds_by_hand():
    """exports in [0, 20]: 10/20 = 0.5, 12/20 = 0.6, 15/20 = 0.75.
    cost (-) in [0, 10]: (10-5)/10 = 0.5, (10-4)/10 = 0.6, (10-4.5)/10 = 0.55."""
    frame_bounds = pd.DataFrame({"lower": [0.0, 0.0], "upper": [20.0, 10.0]},
                                index=["exports", "cost"])
    for bounds in (frame_bounds, {"exports": (0, 20), "cost": (0.0, 10.0)}):
        od = cl.order_degree(PANEL, directions=DIRECTIONS, bounds=bounds)
        np.testing.assert_allclose(od.order["exports"], [0.5, 0.6, 0.75], rtol=0, atol=1e-15)
        np.testing.assert_allclose(od.order["cost"], [0.5, 0.6, 0.55], rtol=0, atol=1e-15)
        assert od.bounds == "user"


def test_subsystem_order_degree_by_hand():
    """u = exports (0, 0.4, 1), cost (0, 1, 0.5); weights 0.75 / 0.25.
    weighted sum: 0, 0.75*0.4 + 0.25*1 = 0.55, 0.75 + 0.125 = 0.875.
    geometric, equal weights: sqrt(0*0) = 0, sqrt(0.4*1) = 0.63246, sqrt(1*0.5) = 0.70711."""
    od = cl.order_degree(PANEL, directions=DIRECTIONS)
    summed = cl.subsystem_order_degree(od, weights={"exports": 0.75, "cost": 0.25})
    np.testing.assert_allclose(summed.order_degree, [0.0, 0.55, 0.875], rtol=0, atol=1e-15)
    geometric = cl.subsystem_order_degree(od, weights="equal", aggregation="geometric")
    np.testing.assert_allclose(geometric.order_degree, [0.0, np.sqrt(0.4), np.sqrt(0.5)],
                               rtol=0, atol=1e-15)
    assert summed.order_degree.name == "order_degree" and summed.aggregation == "weighted_sum"
    assert summed.to_frame().columns.tolist() == ["exports", "cost", "order_degree"]
    assert summed.summary().loc["exports", "weight"] == 0.75


def test_objective_weights_are_those_of_the_weights_module():
    """CRITIC of the order degrees = CRITIC of the raw data with directions (min-max inside);
    entropy = entropy_weights of the order degrees; both pooled over all periods."""
    rng = np.random.default_rng(7)
    data = pd.DataFrame(rng.lognormal(size=(9, 4)), columns=list("abcd"),
                        index=range(2010, 2019))
    directions = {"a": 1, "b": -1, "c": 1, "d": 1}
    for bounds in ("sample", "extended"):
        od = cl.order_degree(data, directions=directions, bounds=bounds)
        critic = cl.subsystem_order_degree(od, weights="critic").weights
        np.testing.assert_allclose(critic, cl.critic_weights(data, directions=directions),
                                   rtol=0, atol=1e-12)
        entropy = cl.subsystem_order_degree(od, weights="entropy").weights
        np.testing.assert_allclose(entropy, cl.entropy_weights(od.order), rtol=0, atol=1e-15)
        equal = cl.subsystem_order_degree(od, weights="equal").weights
        assert equal.tolist() == [0.25] * 4


def test_geometric_mean_collapses_at_lower_bounds():
    """With sample bounds each indicator is 0 in its worst year; the geometric mean is 0 in
    every such year, the weighted sum is not. Extended bounds avoid the collapse."""
    rng = np.random.default_rng(3)
    data = pd.DataFrame(rng.normal(10, 2, size=(8, 3)), columns=list("xyz"))
    sample = cl.order_degree(data)
    geometric = cl.subsystem_order_degree(sample, weights="equal", aggregation="geometric")
    worst_rows = set(data.idxmin())
    assert set(geometric.order_degree[geometric.order_degree == 0].index) == worst_rows
    summed = cl.subsystem_order_degree(sample, weights="equal")
    assert (summed.order_degree.loc[list(worst_rows)] > 0).all()
    extended = cl.order_degree(data, bounds="extended")
    assert (cl.subsystem_order_degree(extended, weights="equal",
                                      aggregation="geometric").order_degree > 0).all()


def test_constant_indicator_gets_weight_zero_with_warning():
    data = PANEL.assign(flat=3.0)
    with pytest.warns(UserWarning, match=r"\['flat'\] have equal lower and upper bounds"):
        od = cl.order_degree(data, directions={**DIRECTIONS, "flat": "+"})
    assert od.constant == ("flat",) and od.order["flat"].isna().all()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no second warning downstream
        result = cl.subsystem_order_degree(od, weights="critic")
    assert result.weights["flat"] == 0.0 and result.weights.sum() == pytest.approx(1.0)
    without = cl.subsystem_order_degree(cl.order_degree(PANEL, directions=DIRECTIONS))
    np.testing.assert_allclose(result.order_degree, without.order_degree, rtol=0, atol=1e-15)


def test_synergy_degree_two_subsystems_by_hand():
    """trade 0.2 -> 0.4 -> 0.3, clusters 0.1 -> 0.5 -> 0.6.
    chained 2021: both rose, U = +sqrt(0.2 * 0.4) = +0.28284;
    chained 2022: trade fell (-0.1), clusters rose (+0.1): U = -sqrt(0.1 * 0.1) = -0.1;
    base 2020, 2022: changes +0.1 and +0.5, U = +sqrt(0.05) = 0.22361."""
    u = pd.DataFrame({"trade": [0.2, 0.4, 0.3], "clusters": [0.1, 0.5, 0.6]},
                     index=[2020, 2021, 2022])
    chained = cl.synergy_degree(u)
    np.testing.assert_allclose(chained.synergy, [np.sqrt(0.08), -0.1], rtol=0, atol=1e-15)
    assert chained.start.tolist() == [2020, 2021] and chained.base == "chained"
    np.testing.assert_allclose(chained.changes.loc[2022], [-0.1, 0.1], rtol=0, atol=1e-15)
    fixed = cl.synergy_degree(u, base=2020)
    np.testing.assert_allclose(fixed.synergy, [np.sqrt(0.08), np.sqrt(0.05)], rtol=0, atol=1e-15)
    assert fixed.start.tolist() == [2020, 2020]
    assert fixed.synergy.name == "synergy_degree"
    assert chained.to_frame().columns.tolist() == ["trade", "clusters", "synergy_degree", "start"]
    assert chained.summary()["periods"].tolist() == [1, 0, 1]


def test_synergy_degree_three_subsystems_and_later_base_by_hand():
    """Changes 0.1, 0.2, 0.4 (all up): U = (0.1 * 0.2 * 0.4) ** (1/3) = 0.008 ** (1/3) = 0.2.
    With base 2021 only 2022 is an end period."""
    u = pd.DataFrame({"a": [0.1, 0.2, 0.3], "b": [0.1, 0.3, 0.5], "c": [0.1, 0.5, 0.9]},
                     index=[2020, 2021, 2022])
    np.testing.assert_allclose(cl.synergy_degree(u, base=2020).synergy.loc[2021], 0.2,
                               rtol=0, atol=1e-15)
    assert cl.synergy_degree(u, base=2021).synergy.index.tolist() == [2022]


def test_synergy_degree_accepts_mapping_of_series_and_results():
    od = cl.order_degree(PANEL, directions=DIRECTIONS)
    first = cl.subsystem_order_degree(od, weights="equal")
    second = pd.Series([0.1, 0.2, 0.4], index=PANEL.index)
    result = cl.synergy_degree({"first": first, "second": second})
    assert result.changes.columns.tolist() == ["first", "second"]


def test_wang_2021_coupling_by_hand():
    """Two subsystems 0.2 and 0.4: sqrt((1 - 0.2) * 0.2/0.4) = sqrt(0.4) = 0.63246 (the standard
    C is 2 sqrt(0.08)/0.6 = 0.94281). Three subsystems 0.2, 0.4, 0.8: mean pairwise gap
    (0.2 + 0.6 + 0.4)/3 = 0.4; relative levels 0.25, 0.5, 1, product 0.125, ** (1/2) = 0.35355;
    C = sqrt(0.6 * 0.35355) = 0.46058."""
    two = cl.coupling_coordination(pd.DataFrame({"a": [0.2], "b": [0.4]}), coupling="wang_2021")
    assert two.coupling.iloc[0] == pytest.approx(np.sqrt(0.4), abs=1e-15)
    standard = cl.coupling_coordination(pd.DataFrame({"a": [0.2], "b": [0.4]}))
    assert standard.coupling.iloc[0] == pytest.approx(2 * np.sqrt(0.08) / 0.6, abs=1e-15)
    three = cl.coupling_coordination(pd.DataFrame({"a": [0.2], "b": [0.4], "c": [0.8]}),
                                     coupling="wang_2021")
    assert three.coupling.iloc[0] == pytest.approx(np.sqrt(0.6 * np.sqrt(0.125)), abs=1e-15)


def test_coupling_weights_enter_development_index_only():
    """T = 0.3 * 0.2 + 0.7 * 0.4 = 0.34; D = sqrt(C * 0.34)."""
    levels = pd.DataFrame({"a": [0.2], "b": [0.4]})
    result = cl.coupling_coordination(levels, weights={"a": 0.3, "b": 0.7})
    assert result.development.iloc[0] == pytest.approx(0.34, abs=1e-15)
    assert result.coordination.iloc[0] == pytest.approx(
        np.sqrt(result.coupling.iloc[0] * 0.34), abs=1e-15)


# --------------------------------------------------------------------------------------------
# 3. Identities and invariances (hypothesis)
# --------------------------------------------------------------------------------------------

unit = st.floats(0.0, 1.0, allow_nan=False)
positive_unit = st.floats(0.001, 1.0, allow_nan=False)


def _levels(data, k):
    return pd.DataFrame(np.asarray(data, dtype=float).reshape(-1, k),
                        columns=[f"s{j}" for j in range(k)])


@SETTINGS
@given(k=st.integers(2, 4), data=st.data())
def test_synergy_symmetric_bounded_and_signed(k, data):
    values = data.draw(st.lists(unit, min_size=3 * k, max_size=3 * k))
    frame = _levels(values, k)
    result = cl.synergy_degree(frame)
    u = result.synergy.to_numpy()
    assert (np.abs(u) <= 1).all()
    permuted = cl.synergy_degree(frame[frame.columns[::-1]])
    np.testing.assert_allclose(permuted.synergy, u, rtol=0, atol=1e-15)
    delta = result.changes.to_numpy()
    assert ((u > 0) == (delta > 0).all(axis=1)).all()  # positive exactly when every one rose
    assert (u[(delta == 0).any(axis=1)] == 0).all()


@SETTINGS
@given(k=st.integers(2, 4), data=st.data())
def test_static_subsystem_gives_zero_synergy(k, data):
    frame = _levels(data.draw(st.lists(unit, min_size=4 * k, max_size=4 * k)), k)
    frame["s0"] = data.draw(unit)
    assert (cl.synergy_degree(frame).synergy == 0).all()
    assert (cl.synergy_degree(frame, base=frame.index[0]).synergy == 0).all()


@SETTINGS
@given(data=st.lists(unit, min_size=10, max_size=10), order=st.permutations(range(5)))
def test_synergy_does_not_depend_on_row_order(data, order):
    frame = _levels(data, 2).set_axis([2001, 2002, 2003, 2004, 2005])
    shuffled = frame.iloc[list(order)]
    pd.testing.assert_series_equal(cl.synergy_degree(shuffled).synergy,
                                   cl.synergy_degree(frame).synergy)


@SETTINGS
@given(k=st.integers(2, 5), data=st.data(), method=st.sampled_from(["standard", "wang_2021"]))
def test_coupling_and_coordination_in_unit_interval(k, data, method):
    rows = data.draw(st.lists(positive_unit, min_size=3 * k, max_size=3 * k))
    result = cl.coupling_coordination(_levels(rows, k), coupling=method)
    for series in (result.coupling, result.development, result.coordination):
        assert ((series >= 0) & (series <= 1)).all()
    equal = cl.coupling_coordination(_levels([rows[0]] * k, k), coupling=method)
    assert equal.coupling.iloc[0] == pytest.approx(1.0, abs=1e-12)


@SETTINGS
@given(data=st.lists(st.integers(-1000, 1000), min_size=12, max_size=12),
       margin=st.floats(0.0, 1.0), direction=st.sampled_from(["+", "-"]))
def test_order_degrees_in_unit_interval_and_ordered(data, margin, direction):
    frame = pd.DataFrame(np.asarray(data, dtype=float).reshape(6, 2), columns=["a", "b"])
    if (frame.max() == frame.min()).any():
        return
    od = cl.order_degree(frame, directions={"a": direction, "b": "+"}, bounds="extended",
                         margin=margin)
    assert ((od.order >= 0) & (od.order <= 1)).all().all()
    ranks = od.order["a"].rank(method="min") if direction == "+" else (-od.order["a"]).rank(
        method="min")
    pd.testing.assert_series_equal(ranks, frame["a"].rank(method="min"), check_names=False)
    summed = cl.subsystem_order_degree(od, weights="equal").order_degree
    assert ((summed >= 0) & (summed <= 1)).all()


# --------------------------------------------------------------------------------------------
# 4. Every error path
# --------------------------------------------------------------------------------------------

def test_order_degree_errors():
    with pytest.raises(ValueError, match=r"missing \(NaN\) values in columns \['exports'\] "
                                         r"\(rows \[2021\]\)"):
        cl.order_degree(PANEL.assign(exports=[10.0, np.nan, 15.0]))
    with pytest.raises(ValueError, match="at least 2 row"):
        cl.order_degree(PANEL.iloc[:1])
    with pytest.raises(TypeError, match="DataFrame or a 2-D NumPy array"):
        cl.order_degree([[1.0, 2.0], [3.0, 4.0]])
    with pytest.raises(ValueError, match=r"'cost' \(negative direction\)"):
        cl.order_degree(PANEL, directions=DIRECTIONS, bounds={"exports": (0, 20)})
    with pytest.raises(ValueError, match=r"Indicator 'exports' has values outside its bounds "
                                         r"\[0\.0, 14\.0\] in rows \[2022\]"):
        cl.order_degree(PANEL, directions=DIRECTIONS,
                        bounds={"exports": (0, 14), "cost": (0, 10)})
    with pytest.raises(ValueError, match=r"names indicators \['imports'\]"):
        cl.order_degree(PANEL, bounds={"exports": (0, 20), "cost": (0, 10), "imports": (0, 1)})
    with pytest.raises(ValueError, match="lower bound 20.0 above its upper bound 0.0"):
        cl.order_degree(PANEL, bounds={"exports": (20, 0), "cost": (0, 10)})
    with pytest.raises(TypeError, match=r"must be a \(lower, upper\) pair"):
        cl.order_degree(PANEL, bounds={"exports": 20, "cost": (0, 10)})
    with pytest.raises(ValueError, match="has no columns"):
        cl.order_degree(PANEL, bounds=pd.DataFrame({"low": [0.0]}))
    with pytest.raises(TypeError, match="`bounds` must be 'sample', 'extended'"):
        cl.order_degree(PANEL, bounds=[(0, 20), (0, 10)])
    with pytest.raises(ValueError, match=r"`bounds` must be one of \['sample', 'extended'\]"):
        cl.order_degree(PANEL, bounds="observed")
    with pytest.raises(ValueError, match="`margin` applies only to bounds='extended'"):
        cl.order_degree(PANEL, margin=0.1)
    with pytest.raises(ValueError, match="`margin` must be at least 0.0"):
        cl.order_degree(PANEL, bounds="extended", margin=-0.1)
    with pytest.raises(ValueError, match="Direction 'up' for indicator 'exports'"):
        cl.order_degree(PANEL, directions={"exports": "up", "cost": "-"})


def test_subsystem_order_degree_errors():
    od = cl.order_degree(PANEL, directions=DIRECTIONS)
    with pytest.raises(TypeError, match="result of order_degree or a DataFrame"):
        cl.subsystem_order_degree([0.1, 0.2])
    with pytest.raises(ValueError, match=r"values outside \[0\.0, 1\.0\] in columns \['a'\]"):
        cl.subsystem_order_degree(pd.DataFrame({"a": [0.5, 1.5], "b": [0.1, 0.2]}))
    with pytest.raises(ValueError, match=r"\['cost'\] are in `order columns` but not in `weights`"):
        cl.subsystem_order_degree(od, weights={"exports": 1.0})
    with pytest.raises(ValueError, match="must sum to 1"):
        cl.subsystem_order_degree(od, weights={"exports": 0.5, "cost": 0.6})
    with pytest.raises(TypeError, match="`weights` must hold numbers"):
        cl.subsystem_order_degree(od, weights={"exports": "0.5", "cost": 0.5})
    with pytest.raises(ValueError, match="`weights` must be one of"):
        cl.subsystem_order_degree(od, weights="ahp")
    with pytest.raises(ValueError, match="`aggregation` must be one of"):
        cl.subsystem_order_degree(od, aggregation="median")
    with pytest.warns(UserWarning, match="equal lower and upper bounds"):
        flat = cl.order_degree(PANEL.assign(flat=1.0))
    with pytest.raises(ValueError, match=r"\['flat'\] never move .* positive weight"):
        cl.subsystem_order_degree(flat, weights={"exports": 0.4, "cost": 0.3, "flat": 0.3})
    with pytest.warns(UserWarning, match="equal lower and upper bounds"):
        all_flat = cl.order_degree(pd.DataFrame({"a": [1.0, 1.0], "b": [2.0, 2.0]}))
    with pytest.raises(ValueError, match="Every indicator of `order` is constant"):
        cl.subsystem_order_degree(all_flat)
    one_moves = cl.order_degree(PANEL[["exports"]])
    with pytest.raises(ValueError, match="CRITIC weights are undefined"):
        cl.subsystem_order_degree(one_moves, weights="critic")


def test_synergy_degree_errors():
    u = pd.DataFrame({"trade": [0.2, 0.4, 0.3], "clusters": [0.1, 0.5, 0.6]},
                     index=[2020, 2021, 2022])
    with pytest.raises(ValueError, match=r"\[2019\] are in `order_degrees\['trade'\]` but not"):
        cl.synergy_degree({"trade": pd.Series([0.1, 0.2, 0.3], index=[2019, 2020, 2021]),
                           "clusters": pd.Series([0.1, 0.2, 0.3], index=[2020, 2021, 2022])})
    with pytest.raises(ValueError, match=r"`base`=2015 is not a label of `order_degrees`"):
        cl.synergy_degree(u, base=2015)
    with pytest.raises(ValueError, match=r"`base`=2022 is the last period"):
        cl.synergy_degree(u, base=2022)
    with pytest.raises(ValueError, match=r"missing \(NaN\) values in columns \['clusters'\] "
                                         r"\(rows \[2021\]\)"):
        cl.synergy_degree(u.assign(clusters=[0.1, np.nan, 0.6]))
    with pytest.raises(ValueError, match=r"values outside \[0\.0, 1\.0\]"):
        cl.synergy_degree(u.assign(trade=[0.2, 1.4, 0.3]))
    with pytest.raises(ValueError, match="at least two periods"):
        cl.synergy_degree(u.iloc[:1])
    with pytest.raises(ValueError, match="at least 1 row"):
        cl.synergy_degree(u.iloc[:0])
    with pytest.raises(ValueError, match="and 2 column"):
        cl.synergy_degree(u[["trade"]])
    with pytest.raises(ValueError, match="needs at least 2 series"):
        cl.synergy_degree({"trade": u["trade"]})
    with pytest.raises(TypeError, match=r"`order_degrees\['clusters'\]` must be a pandas Series"):
        cl.synergy_degree({"trade": u["trade"], "clusters": [0.1, 0.5, 0.6]})
    with pytest.raises(TypeError, match=r"`base` must be 'chained' or a period label; received "
                                        r"the boolean True"):
        cl.synergy_degree(u.set_axis([0, 1, 2]), base=True)  # True == 1, but not a period
    with pytest.raises(TypeError, match=r"periods of `order_degrees` cannot be put in order"):
        cl.synergy_degree(u.set_axis([2020, "2021", 2022]))


def test_coupling_coordination_errors():
    levels = pd.DataFrame({"a": [0.0, 0.2], "b": [0.0, 0.4]}, index=[2020, 2021])
    with pytest.raises(ValueError, match=r"Every subsystem level is 0 in rows \[2020\]"):
        cl.coupling_coordination(levels)
    with pytest.raises(ValueError, match="`coupling` must be one of"):
        cl.coupling_coordination(levels.iloc[1:], coupling="traditional")
    with pytest.raises(ValueError, match="must sum to 1"):
        cl.coupling_coordination(levels.iloc[1:], weights={"a": 0.5, "b": 0.6})
    with pytest.raises(TypeError, match="`weights` must hold numbers"):
        cl.coupling_coordination(levels.iloc[1:], weights={"a": True, "b": 0.0})
    with pytest.raises(ValueError, match=r"\['c'\] are in `weights` but not in `levels columns`"):
        cl.coupling_coordination(levels.iloc[1:], weights={"a": 0.5, "b": 0.3, "c": 0.2})
    with pytest.raises(ValueError, match=r"values outside \[0\.0, 1\.0\]"):
        cl.coupling_coordination(levels.iloc[1:] * 5)
    narrow = cl.coordination_grades().iloc[:3]
    with pytest.raises(ValueError, match=r"fall in no grade .* \[0, 0\.1\) \[0\.1, 0\.2\)"):
        cl.coupling_coordination(levels.iloc[1:], grades=narrow)


def test_grade_table_errors():
    good = cl.coordination_grades()
    with pytest.raises(TypeError, match="must be a pandas DataFrame"):
        cl.classify(pd.Series([0.5]), good.to_dict())
    with pytest.raises(ValueError, match="has no columns"):
        cl.classify(pd.Series([0.5]), good.drop(columns="closed"))
    with pytest.raises(ValueError, match="expected one of"):
        cl.classify(pd.Series([0.5]), good.assign(closed="open"))
    with pytest.raises(ValueError, match="unique, non-empty text label"):
        cl.classify(pd.Series([0.5]), good.assign(label="same"))
    with pytest.raises(ValueError, match="lower >= upper"):
        cl.classify(pd.Series([0.5]), good.assign(upper=good["lower"]))
    both = good.assign(closed="both")
    with pytest.raises(ValueError, match="share the boundary 0.1 closed on both sides"):
        cl.classify(pd.Series([0.5]), both)
    with pytest.raises(ValueError, match="overlap"):
        cl.classify(pd.Series([0.5]), good.iloc[::-1])
    with pytest.raises(ValueError, match="has no rows"):
        cl.classify(pd.Series([0.5]), good.iloc[:0])
    gap = good.drop(index=4)
    with pytest.raises(ValueError, match=r"Values \[0\.45\] \(rows \[1\]\) fall in no grade"):
        cl.classify(pd.Series([0.3, 0.45]), gap)
    with pytest.raises(ValueError, match=r"missing \(NaN\) values"):
        cl.classify(pd.Series([0.3, np.nan]), good)


# --------------------------------------------------------------------------------------------
# 5. The chapter's data: the indicator system as the document prints it
# --------------------------------------------------------------------------------------------

def test_indicator_system_counts_match_the_document():
    indicators = cl.data.load("synergy_indicators")
    facts = cl.data.load("seed_facts").set_index("id")["value"]
    counts = indicators.groupby("group_zh", sort=False).size()
    assert counts.tolist() == facts.loc[["GZ-019", "GZ-020", "GZ-021", "GZ-022",
                                         "GZ-023"]].astype(int).tolist()
    assert indicators["id"].is_unique and len(indicators) == 35
    assert set(indicators["direction"]) == {"+"}  # the document keeps positive (slow) parameters


@pytest.mark.skipif(not SEED_002.is_file(), reason="../shared/seeds is not beside the repository")
def test_indicator_names_and_units_are_verbatim():
    text = re.sub(r"\s+", "", unicodedata.normalize("NFC", SEED_002.read_text(encoding="utf-8")))
    indicators = cl.data.load("synergy_indicators")
    missing = [row.id for row in indicators.itertuples()
               if f"{row.name_zh}/{row.unit_zh}" not in text]
    assert missing == []


def test_real_panel_columns_are_mapped_and_synthetic_covers_every_indicator():
    indicators = cl.data.load("synergy_indicators")
    real = cl.data.load("guangzhou_synergy_real")
    mapped = indicators.loc[indicators["real_column"] != "", "real_column"]
    assert sorted(mapped) == sorted(real.columns.drop("year"))
    synthetic = cl.data.load("synthetic_guangzhou_synergy")
    assert synthetic.attrs["kind"] == "synthetic"
    assert list(synthetic.columns.drop("year")) == indicators["id"].tolist()
    assert (synthetic.drop(columns="year").nunique() > 1).all()  # no constant indicator
