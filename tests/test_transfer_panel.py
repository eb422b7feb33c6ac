"""Tests of the panel functions of clusterlib.transfer (dynamic shift-share, the break screen)
and of the capital-augmented industrial gradient coefficient.

No published worked example with printed results was at hand for the dynamic shift-share of
Barff & Knight (1988), the robust-z break screen or the capital-augmented coefficient (the
improved coefficient IGC' of 陈蕊 & 熊必琳 2007, whose factors are confirmed from a restatement but
whose product form LQ x CP x CCOR is clusterlib's assumption, see its docstring); each is checked
against a hand calculation whose arithmetic is written out in the test, against identities
(hypothesis) and against the classic form of ``cl.shift_share`` (which reproduces Krumme's
published table in ``test_transfer.py``).
"""

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

import clusterlib as cl

SETTINGS = settings(derandomize=True, deadline=None, max_examples=25,
                    suppress_health_check=[HealthCheck.too_slow])
MAD_NORMAL = 1.482602218505602  # 1 / Phi^{-1}(3/4), scipy's scale="normal"


def two_region_panel():
    """Hand case: regions r and s, industries a and b, years 0, 1, 2."""
    return pd.DataFrame({"year": [0, 0, 1, 1, 2, 2], "region": ["r", "s"] * 3,
                         "a": [10.0, 10.0, 12.0, 10.0, 12.0, 14.0],
                         "b": [10.0, 10.0, 10.0, 10.0, 11.0, 11.0]}).set_index(["year", "region"])


def as_panel(arrays_by_year, regions, industries):
    rows = []
    for year, values in enumerate(arrays_by_year):
        frame = pd.DataFrame(values, index=pd.Index(regions, name="region"), columns=industries)
        rows.append(frame.assign(year=year).set_index("year", append=True))
    return pd.concat(rows).reorder_levels(["year", "region"])


@st.composite
def panels(draw, min_years=2, max_years=4, positive=False):
    n_regions = draw(st.integers(2, 4))
    n_industries = draw(st.integers(1, 3))
    n_years = draw(st.integers(min_years, max_years))
    low = 1.0 if positive else 0.0
    values = [draw(arrays(float, (n_regions, n_industries),
                          elements=st.floats(low, 1000.0, allow_nan=False)))
              for _ in range(n_years)]
    for matrix in values:  # every industry present in every year (reference growth defined)
        matrix[0, :] = np.maximum(matrix[0, :], 1.0)
    return as_panel(values, [f"R{k}" for k in range(n_regions)],
                    [f"I{k}" for k in range(n_industries)])


# --- dynamic shift-share: hand case ----------------------------------------------------------
def test_dynamic_hand_case():
    # Step 0->1: reference a 20->22 (g_a = 0.1), b 20->20 (g_b = 0), total 40->42 (G = 0.05).
    #   r: national 20*0.05 = 1; mix 10*(0.1-0.05) + 10*(0-0.05) = 0; shift (12-11) + 0 = 1.
    # Step 1->2: a 22->26 (g_a = 4/22), b 20->22 (g_b = 0.1), total 42->48 (G = 6/42).
    #   r (12, 10): national 22*6/42; mix 12*(4/22-6/42) + 10*(0.1-6/42);
    #   shift 12 - 12*26/22 + 11 - 10*1.1 = -24/11.
    result = cl.dynamic_shift_share(two_region_panel())
    r = result.summary().loc["r"]
    assert r["national"] == pytest.approx(1 + 22 * 6 / 42, rel=1e-12)
    assert r["industry_mix"] == pytest.approx(12 * (4 / 22 - 6 / 42) + 10 * (0.1 - 6 / 42),
                                              rel=1e-12)
    assert r["competitive"] == pytest.approx(1 - 24 / 11, rel=1e-12)
    assert r["change"] == pytest.approx(3.0, rel=1e-12)
    annual = result.annual.loc[(1, "r", "a")]
    assert annual["competitive"] == pytest.approx(1.0, rel=1e-12)
    assert result.periods == [0, 1, 2]


def test_dynamic_exclude_self_hand_case():
    # Excluding itself, r's reference is s: step 0->1 s grows a 10->10, b 10->10 (G = 0), so
    # r's whole change of 2 (a +2) is competitive shift; step 1->2 s: a 10->14 (0.4),
    # b 10->11 (0.1), total 20->25 (G = 0.25). r (12, 10): national 22*0.25 = 5.5,
    # mix 12*0.15 + 10*(-0.15) = 0.3, shift (12 - 16.8) + (11 - 11) = -4.8.
    result = cl.dynamic_shift_share(two_region_panel(), exclude_self=True)
    r = result.summary().loc["r"]
    assert r["national"] == pytest.approx(5.5, rel=1e-12)
    assert r["industry_mix"] == pytest.approx(0.3, rel=1e-12)
    assert r["competitive"] == pytest.approx(2.0 - 4.8, rel=1e-12)
    assert result.exclude_self is True


def test_dynamic_time_as_column_and_level_order():
    panel = two_region_panel()
    by_level = cl.dynamic_shift_share(panel).to_frame()
    by_column = cl.dynamic_shift_share(panel.reset_index().set_index("region")).to_frame()
    swapped = cl.dynamic_shift_share(panel.swaplevel()).to_frame()
    pd.testing.assert_frame_equal(by_level, by_column)
    pd.testing.assert_frame_equal(by_level, swapped)


# --- dynamic shift-share: identities -----------------------------------------------------------
@SETTINGS
@given(panels())
def test_dynamic_components_add_up_every_step_and_over_the_period(panel):
    result = cl.dynamic_shift_share(panel)
    annual = result.annual
    parts = annual[["national", "industry_mix", "competitive"]].sum(axis=1)
    np.testing.assert_allclose(parts, annual["change"], rtol=1e-9, atol=1e-9)
    total = result.to_frame()
    expected = (result.end - result.start).stack()
    np.testing.assert_allclose(total["change"].to_numpy(), expected.to_numpy(), rtol=1e-9,
                               atol=1e-9)


@SETTINGS
@given(panels(min_years=2, max_years=2))
def test_dynamic_over_one_step_is_the_classic_form(panel):
    years = sorted(panel.index.get_level_values("year").unique())
    start, end = (panel.xs(year, level="year") for year in years)
    classic = cl.shift_share(start, end).to_frame()
    dynamic = cl.dynamic_shift_share(panel).to_frame()
    for column in ["change", "national", "industry_mix", "competitive"]:
        np.testing.assert_allclose(dynamic[column].to_numpy(), classic[column].to_numpy(),
                                   rtol=1e-9, atol=1e-9)


@SETTINGS
@given(panels(min_years=2, max_years=2, positive=True))
def test_exclude_self_over_one_step_is_classic_with_the_rest_as_reference(panel):
    years = sorted(panel.index.get_level_values("year").unique())
    start, end = (panel.xs(year, level="year") for year in years)
    dynamic = cl.dynamic_shift_share(panel, exclude_self=True).summary()
    for region in start.index:
        rest0 = start.drop(region).sum()
        rest1 = end.drop(region).sum()
        classic = cl.shift_share(start.loc[[region]], end.loc[[region]], reference_start=rest0,
                                 reference_end=rest1).summary().loc[region]
        np.testing.assert_allclose(dynamic.loc[region, classic.index].to_numpy(),
                                   classic.to_numpy(), rtol=1e-9, atol=1e-9)


def test_dynamic_with_reference_matches_classic_with_reference():
    panel = two_region_panel().loc[[0, 1]]
    reference = pd.DataFrame({"a": [100.0, 130.0], "b": [50.0, 55.0]}, index=[0, 1])
    dynamic = cl.dynamic_shift_share(panel, reference=reference).summary()
    classic = cl.shift_share(panel.xs(0), panel.xs(1), reference_start=reference.loc[0],
                             reference_end=reference.loc[1]).summary()
    np.testing.assert_allclose(dynamic[classic.columns].to_numpy(), classic.to_numpy(),
                               rtol=1e-12)


@SETTINGS
@given(panels(), st.floats(0.01, 100.0))
def test_dynamic_scales_with_the_data(panel, factor):
    base = cl.dynamic_shift_share(panel).to_frame()
    scaled = cl.dynamic_shift_share(panel * factor).to_frame()
    np.testing.assert_allclose(scaled.to_numpy(), factor * base.to_numpy(), rtol=1e-9,
                               atol=1e-9 * factor)


# --- dynamic shift-share: errors ---------------------------------------------------------------
def test_dynamic_errors():
    panel = two_region_panel()
    with pytest.raises(TypeError, match="DataFrame"):
        cl.dynamic_shift_share(panel.to_numpy())
    with pytest.raises(ValueError, match="neither an index level nor a column"):
        cl.dynamic_shift_share(panel, time="period")
    with pytest.raises(ValueError, match="exactly two row-index levels"):
        cl.dynamic_shift_share(panel.reset_index().set_index(["year", "region", "b"]))
    with pytest.raises(ValueError, match="more than once"):
        doubled = pd.concat([panel, panel.loc[[(0, "r")]]])
        cl.dynamic_shift_share(doubled)
    with pytest.raises(ValueError, match="regions of"):
        cl.dynamic_shift_share(panel.drop(index=(2, "s")))
    with pytest.raises(ValueError, match="at least 2 periods"):
        cl.dynamic_shift_share(panel.loc[[0]])
    bad = panel.copy()
    bad.iloc[0, 0] = -1.0
    with pytest.raises(ValueError, match="negative"):
        cl.dynamic_shift_share(bad)
    bad.iloc[0, 0] = np.nan
    with pytest.raises(ValueError):
        cl.dynamic_shift_share(bad)
    with pytest.raises(TypeError, match="True or False"):
        cl.dynamic_shift_share(panel, exclude_self="yes")
    with pytest.raises(TypeError):
        cl.dynamic_shift_share(panel.astype(str))


def test_dynamic_reference_errors():
    panel = two_region_panel()
    reference = pd.DataFrame({"a": [30.0, 30.0, 30.0], "b": [30.0, 30.0, 30.0]}, index=[0, 1, 2])
    with pytest.raises(ValueError, match="no row for periods"):
        cl.dynamic_shift_share(panel, reference=reference.loc[[0, 1]])
    with pytest.raises(ValueError, match="reference columns"):
        cl.dynamic_shift_share(panel, reference=reference.rename(columns={"b": "c"}))
    with pytest.raises(ValueError, match="zero in period"):
        cl.dynamic_shift_share(panel, reference=reference * 0)
    with pytest.raises(ValueError, match="the region has"):
        cl.dynamic_shift_share(panel, reference=reference.assign(b=[0.0, 30.0, 30.0]))
    with pytest.raises(ValueError, match="must contain each region"):
        cl.dynamic_shift_share(panel, reference=reference / 10, exclude_self=True)
    with pytest.raises(ValueError, match="negative"):
        cl.dynamic_shift_share(panel, reference=reference.assign(a=[-1.0, 30.0, 30.0]))
    with pytest.raises(ValueError, match="duplicated row labels"):
        cl.dynamic_shift_share(panel, reference=pd.concat([reference, reference.loc[[0]]]))
    # a region that is the whole reference in an industry leaves nothing to compare with
    alone = panel.assign(b=[10.0, 0.0, 10.0, 0.0, 11.0, 0.0])
    with pytest.raises(ValueError, match="the region has"):
        cl.dynamic_shift_share(alone, exclude_self=True)


# --- break screen --------------------------------------------------------------------------------
def test_screen_hand_case():
    # One step, four regions of 100 growing to 110, 120, 130, 200: reference 400 -> 560 (+40 %),
    # excess -0.3, -0.2, -0.1, +0.6; median -0.15; |deviations| 0.15, 0.05, 0.05, 0.75 with
    # median 0.10; scaled MAD 0.10 * 1.4826; z of the last (0.6 + 0.15) / 0.14826 = 5.06.
    panel = as_panel([[[100.0]] * 4, [[110.0], [120.0], [130.0], [200.0]]],
                     ["A", "B", "C", "D"], ["x"])
    table = cl.screen_breaks(panel, include_total=False)
    assert len(table) == 4  # every row kept
    np.testing.assert_allclose(table["excess"], [-0.3, -0.2, -0.1, 0.6], atol=1e-12)
    np.testing.assert_allclose(table["robust_z"],
                               np.array([-0.15, -0.05, 0.05, 0.75]) / (0.10 * MAD_NORMAL),
                               rtol=1e-12)
    assert table["flagged"].tolist() == [False, False, False, True]
    assert table.index[3] == (1, "D", "x")
    assert (table["base_year"] == 0).all()
    # the cut-off is the stated one: at 6 nothing is flagged
    assert not cl.screen_breaks(panel, include_total=False, threshold=6)["flagged"].any()


def test_screen_total_and_exclude_self():
    panel = as_panel([[[100.0, 50.0]] * 4, [[110.0, 55.0], [120.0, 50.0], [130.0, 60.0],
                                            [200.0, 70.0]]], ["A", "B", "C", "D"], ["x", "y"])
    table = cl.screen_breaks(panel)
    total = table.xs("all industries", level="industry")
    # region D: 150 -> 270, growth 0.8; reference 600 -> 795, growth 0.325
    assert total.loc[(1, "D"), "growth"] == pytest.approx(0.8, rel=1e-12)
    assert total.loc[(1, "D"), "reference_growth"] == pytest.approx(0.325, rel=1e-12)
    alone = cl.screen_breaks(panel, exclude_self=True)
    # without itself, D's reference is A + B + C: 450 -> 525
    assert alone.loc[(1, "D", "all industries"), "reference_growth"] == pytest.approx(75 / 450)
    assert len(table) == len(alone) == 4 * 3


@SETTINGS
@given(panels(min_years=3, positive=True), st.floats(0.01, 100.0))
def test_screen_is_scale_free_and_keeps_every_row(panel, factor):
    try:
        base = cl.screen_breaks(panel)
    except ValueError as error:  # no spread in a drawn industry: said, not hidden
        assert "no spread" in str(error)
        return
    scaled = cl.screen_breaks(panel * factor)
    n_years = panel.index.get_level_values("year").nunique()
    n_regions = panel.index.get_level_values("region").nunique()
    assert len(base) == (n_years - 1) * n_regions * (panel.shape[1] + 1)
    np.testing.assert_allclose(scaled["excess"], base["excess"], rtol=1e-9, atol=1e-12)
    assert (base["flagged"] == (base["robust_z"].abs() > 3.5)).all()


def test_screen_errors():
    panel = as_panel([[[100.0]] * 4, [[110.0], [120.0], [130.0], [200.0]]],
                     ["A", "B", "C", "D"], ["x"])
    zero = panel.copy()
    zero.iloc[0, 0] = 0.0
    with pytest.raises(ValueError, match="zero in period"):
        cl.screen_breaks(zero)
    with pytest.raises(ValueError, match="rename it"):
        cl.screen_breaks(panel.rename(columns={"x": "all industries"}))
    with pytest.raises(ValueError, match="positive"):
        cl.screen_breaks(panel, threshold=0)
    with pytest.raises(TypeError):
        cl.screen_breaks(panel, threshold="3.5")
    with pytest.raises(TypeError, match="True or False"):
        cl.screen_breaks(panel, include_total=1)
    with pytest.raises(TypeError, match="True or False"):
        cl.screen_breaks(panel, exclude_self=None)
    with pytest.raises(ValueError, match="at least three"):
        cl.screen_breaks(panel.iloc[[0, 1, 4, 5]], include_total=False)
    flat = as_panel([[[100.0]] * 4, [[110.0]] * 4], ["A", "B", "C", "D"], ["x"])
    with pytest.raises(ValueError, match="no spread"):
        cl.screen_breaks(flat, include_total=False)
    reference = pd.DataFrame({"x": [0.0, 10.0]}, index=[0, 1])
    with pytest.raises(ValueError, match="reference is zero"):
        cl.screen_breaks(panel, reference=reference, include_total=False)


# --- capital-augmented gradient coefficient ------------------------------------------------------
OUTPUT = pd.DataFrame({"shoes": [60.0, 40.0], "services": [140.0, 60.0]}, index=["coast", "inland"])
WORKERS = pd.DataFrame({"shoes": [3.0, 8.0], "services": [7.0, 6.0]}, index=["coast", "inland"])
CAPITAL = pd.DataFrame({"shoes": [50.0, 50.0], "services": [100.0, 100.0]},
                       index=["coast", "inland"])


def test_capital_gradient_hand_case():
    # coast, shoes: LQ = (60/200)/(100/300) = 0.9; CP = (60/100)/(3/11) = 2.2;
    # CCOR = (60/100)/(50/100) = 1.2; IGC' = 0.9 * 2.2 * 1.2 = 2.376.
    # inland, services: LQ = (60/100)/(200/300) = 0.9; CP = (60/200)/(6/13) = 0.65;
    # CCOR = (60/200)/(100/200) = 0.6; IGC' = 0.9 * 0.65 * 0.6 = 0.351.
    result = cl.gradient_coefficient(OUTPUT, WORKERS, CAPITAL)
    assert result.relative_capital_productivity.loc["coast", "shoes"] == pytest.approx(1.2)
    assert result.gradient.loc["coast", "shoes"] == pytest.approx(0.9 * 2.2 * 1.2, rel=1e-12)
    assert result.gradient.loc["inland", "services"] == pytest.approx(0.9 * 0.65 * 0.6,
                                                                      rel=1e-12)
    frame = result.to_frame()
    assert list(frame.columns) == ["location_quotient", "relative_productivity",
                                   "relative_capital_productivity", "gradient"]
    np.testing.assert_allclose(frame.iloc[:, :3].prod(axis=1), frame["gradient"], rtol=1e-12)


def test_capital_gradient_identities():
    plain = cl.gradient_coefficient(OUTPUT, WORKERS)
    assert plain.relative_capital_productivity is None
    # capital proportional to output in every industry: CCOR = 1, the plain coefficient
    same = cl.gradient_coefficient(OUTPUT, WORKERS, OUTPUT * 3.0)
    pd.testing.assert_frame_equal(same.gradient, plain.gradient, check_exact=False, rtol=1e-12)
    # capital is a ratio of shares: its scale (and column order) does not matter
    scaled = cl.gradient_coefficient(OUTPUT, WORKERS, CAPITAL[["services", "shoes"]] * 7.0)
    pd.testing.assert_frame_equal(scaled.gradient,
                                  cl.gradient_coefficient(OUTPUT, WORKERS, CAPITAL).gradient,
                                  check_exact=False, rtol=1e-12)


def test_capital_gradient_errors():
    with pytest.raises(ValueError, match="capital rows"):
        cl.gradient_coefficient(OUTPUT, WORKERS, CAPITAL.rename(index={"inland": "west"}))
    with pytest.raises(ValueError, match="negative"):
        cl.gradient_coefficient(OUTPUT, WORKERS, CAPITAL.assign(shoes=[-1.0, 50.0]))
    with pytest.raises(ValueError, match="`capital` is zero where `output` is positive"):
        cl.gradient_coefficient(OUTPUT, WORKERS, CAPITAL.assign(shoes=[0.0, 50.0]))
    with pytest.raises(TypeError):
        cl.gradient_coefficient(OUTPUT, WORKERS, "capital")
    with pytest.raises(ValueError):
        cl.gradient_coefficient(OUTPUT, WORKERS, CAPITAL.assign(shoes=[np.inf, 50.0]))
    empty_out = OUTPUT.assign(extra=[0.0, 5.0])
    empty_workers = WORKERS.assign(extra=[1.0, 1.0])
    with pytest.raises(ValueError, match="neither"):
        cl.gradient_coefficient(empty_out, empty_workers, CAPITAL.assign(extra=[0.0, 1.0]))
