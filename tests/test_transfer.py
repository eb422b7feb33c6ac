"""Tests of clusterlib.transfer: published worked examples, identities, every error path.

Sources of the published values:

* Krumme, G. (University of Washington), "Shift & Share Table with Excel Explanations",
  faculty.washington.edu/krumme/350/ssexcel.html: the region "Holukuluku", four industries,
  1985 and 1995, with the nation's 1985 structure and 1985-1995 growth; columns 8-12 print the
  expected employment, the total shift, the differential and the composition effects. The page
  prints magnitudes in its table; the signs follow from its own column definitions (total shift
  = col. 6 - col. 8, differential = col. 6 - col. 10, composition = col. 10 - col. 8) and from
  its totals (total shift 340 = differential 420 + composition -80). This is a course page, the
  only shift-share table with printed results found in the search; the REAT help page for
  ``shift`` (Farhauer & Kröll 2013) gives the inputs of three regions but prints no results, so
  it is used for a consistency check only.

No published worked example with printed results was found for the Esteban-Marquillas
allocation effect, the industrial gradient coefficient (戴宏伟 et al. 2003), the Moore angle,
the Lilien index or the two structure indices (干春晖 et al. 2011; 徐敏 & 姜勇 2015); they are
checked against hand calculations whose arithmetic is written out in each test.
"""

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

import clusterlib as cl
from clusterlib import transfer

SETTINGS = settings(derandomize=True, deadline=None, max_examples=25,
                    suppress_health_check=[HealthCheck.too_slow])
INDUSTRIES = ["I", "II", "III", "IV"]
HOLUKULUKU_1985 = pd.DataFrame([[500.0, 100.0, 200.0, 200.0]], index=["Holukuluku"],
                               columns=INDUSTRIES)
HOLUKULUKU_1995 = pd.DataFrame([[1000.0, 100.0, 250.0, 280.0]], index=["Holukuluku"],
                               columns=INDUSTRIES)
NATION_1985 = pd.Series([10.0, 20.0, 40.0, 30.0], index=INDUSTRIES)  # percent of employment
NATION_1995 = NATION_1985 * np.array([1.10, 1.20, 1.30, 1.40])  # national growth 10..40 %


# --------------------------------------------------------------------------------------------
# strategies and small builders
# --------------------------------------------------------------------------------------------
@st.composite
def year_pairs(draw, min_rows=1, max_rows=6, min_cols=2, max_cols=5, zeros=True):
    """Two integer-valued region x industry matrices with the same labels; no zero row."""
    rows = draw(st.integers(min_rows, max_rows))
    cols = draw(st.integers(min_cols, max_cols))
    low = 0 if zeros else 1
    start = draw(arrays(np.int64, (rows, cols), elements=st.integers(low, 10_000))).astype(float)
    end = draw(arrays(np.int64, (rows, cols), elements=st.integers(low, 10_000))).astype(float)
    start[start.sum(axis=1) == 0, 0] = 1.0
    end[end.sum(axis=1) == 0, 0] = 1.0
    index = [f"r{k}" for k in range(rows)]
    columns = [f"i{k}" for k in range(cols)]
    return (pd.DataFrame(start, index=index, columns=columns),
            pd.DataFrame(end, index=index, columns=columns))


def _shuffled(frame: pd.DataFrame, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    return frame.iloc[rng.permutation(frame.shape[0]), rng.permutation(frame.shape[1])]


def _krumme() -> transfer.ShiftShareResult:
    return cl.shift_share(HOLUKULUKU_1985, HOLUKULUKU_1995, reference_start=NATION_1985,
                          reference_end=NATION_1995)


CHAIN = pd.DataFrame({"sector": ["tertiary", "secondary", "secondary", "tertiary"],
                      "value_added": [10.0, 20.0, 12.0, 18.0],
                      "employment": [0.5, 4.0, 3.0, 1.5]},
                     index=["design", "production", "assembly", "branding"])
SOURCE = pd.DataFrame({"value_added": [100.0, 1000.0, 1500.0],
                       "employment": [20.0, 100.0, 100.0]}, index=["primary", "secondary",
                                                                    "tertiary"])
DESTINATION = pd.DataFrame({"value_added": [300.0, 400.0, 500.0],
                            "employment": [150.0, 80.0, 100.0]}, index=["primary", "secondary",
                                                                        "tertiary"])


def _simulate(**kwargs) -> transfer.TransferResult:
    options = {"source": SOURCE, "destination": DESTINATION, "mode": "complete", **kwargs}
    return cl.simulate_transfer(CHAIN, **options)


# ============================================================================================
# 1. Published worked examples and hand calculations
# ============================================================================================
def test_shift_share_krumme_holukuluku():
    """Krumme (UW), Holukuluku 1985-1995: regional growth 630 = national growth effect 290
    + composition (industry-mix) effect -80 + differential (competitive) effect 420; per
    industry the composition effects are -95, -9, 2, 22 and the differential effects 450, -20,
    -10, 0; expected employment at the national rate 645, 129, 258, 258 and at the industries'
    rates 550, 120, 260, 280 (cols. 8 and 10)."""
    result = _krumme()
    assert result.national_growth == pytest.approx(0.29)
    np.testing.assert_allclose(result.industry_growth, [0.1, 0.2, 0.3, 0.4])
    row = "Holukuluku"
    np.testing.assert_allclose(result.national.loc[row], [145.0, 29.0, 58.0, 58.0])
    np.testing.assert_allclose(result.industry_mix.loc[row], [-95.0, -9.0, 2.0, 22.0],
                               atol=1e-9)
    np.testing.assert_allclose(result.competitive.loc[row], [450.0, -20.0, -10.0, 0.0],
                               atol=1e-9)
    expected_national_rate = result.start + result.national
    np.testing.assert_allclose(expected_national_rate.loc[row], [645.0, 129.0, 258.0, 258.0])
    expected_industry_rate = result.start + result.national + result.industry_mix
    np.testing.assert_allclose(expected_industry_rate.loc[row], [550.0, 120.0, 260.0, 280.0])
    total_shift = result.end - expected_national_rate
    np.testing.assert_allclose(total_shift.loc[row], [355.0, -29.0, -8.0, 22.0], atol=1e-9)
    summary = result.summary().loc[row]
    assert summary["change"] == pytest.approx(630.0)
    assert summary["national"] == pytest.approx(290.0)
    assert summary["industry_mix"] == pytest.approx(-80.0)
    assert summary["competitive"] == pytest.approx(420.0)
    assert result.allocation is None and result.method == "classic"


def test_esteban_marquillas_by_hand_on_krumme_table():
    """No published EM example with printed results was found; by hand on Krumme's table:
    homothetic 1985 employment = 1000 x (0.1, 0.2, 0.4, 0.3) = 100, 200, 400, 300; own minus
    national industry growth r - g = 1.0 - 0.1, 0.0 - 0.2, 0.25 - 0.3, 0.4 - 0.4 = 0.9, -0.2,
    -0.05, 0; competitive = 100(0.9), 200(-0.2), 400(-0.05), 300(0) = 90, -40, -20, 0 (sum 30);
    allocation = (500-100)(0.9), (100-200)(-0.2), (200-400)(-0.05), (200-300)(0) = 360, 20, 10,
    0 (sum 390); 30 + 390 = 420, Krumme's differential effect."""
    result = cl.shift_share(HOLUKULUKU_1985, HOLUKULUKU_1995, method="esteban_marquillas",
                            reference_start=NATION_1985, reference_end=NATION_1995)
    row = "Holukuluku"
    np.testing.assert_allclose(result.homothetic.loc[row], [100.0, 200.0, 400.0, 300.0])
    np.testing.assert_allclose(result.competitive.loc[row], [90.0, -40.0, -20.0, 0.0], atol=1e-9)
    np.testing.assert_allclose(result.allocation.loc[row], [360.0, 20.0, 10.0, 0.0], atol=1e-9)
    assert result.summary().loc[row, "allocation"] == pytest.approx(390.0)
    np.testing.assert_allclose(result.regional_shift.loc[row], [450.0, -20.0, -10.0, 0.0],
                               atol=1e-9)
    np.testing.assert_allclose(result.industry_mix, _krumme().industry_mix)


def test_shift_share_farhauer_kroell_nation_is_the_sum_of_its_regions():
    """Farhauer & Kröll (2013), REAT ``shift`` help: regions A, B, C and nation X (four
    industries) at t and t+1; X is exactly A + B + C, so the default reference (the sum of the
    regions) reproduces the explicit one. The page prints no results."""
    start = pd.DataFrame([[90, 20, 10, 60], [60, 30, 30, 40], [250, 100, 110, 300]],
                         index=list("ABC"), columns=INDUSTRIES, dtype=float)
    end = pd.DataFrame([[100, 40, 10, 55], [85, 55, 40, 35], [255, 115, 85, 390]],
                       index=list("ABC"), columns=INDUSTRIES, dtype=float)
    nation_t = pd.Series([400.0, 150.0, 150.0, 400.0], index=INDUSTRIES)
    nation_t1 = pd.Series([440.0, 210.0, 135.0, 480.0], index=INDUSTRIES)
    explicit = cl.shift_share(start, end, reference_start=nation_t, reference_end=nation_t1)
    default = cl.shift_share(start, end)
    pd.testing.assert_frame_equal(explicit.to_frame(), default.to_frame())
    # by hand for A, industry 1: G = 1265/1100 - 1 = 0.15, g_1 = 440/400 - 1 = 0.10
    assert explicit.national.loc["A", "I"] == pytest.approx(90 * 0.15)
    assert explicit.industry_mix.loc["A", "I"] == pytest.approx(90 * (0.10 - 0.15))
    assert explicit.competitive.loc["A", "I"] == pytest.approx(100 - 90 * 1.10)


def test_shift_share_zero_base_year_cell_is_all_regional_shift():
    """A region that starts an industry from zero (stated convention): national and mix
    components 0, the whole change (here 7) is regional shift."""
    start = pd.DataFrame({"shoes": [0.0, 50.0], "bags": [10.0, 40.0]}, index=["Suzhou", "Wenzhou"])
    end = pd.DataFrame({"shoes": [7.0, 45.0], "bags": [12.0, 44.0]}, index=["Suzhou", "Wenzhou"])
    result = cl.shift_share(start, end)
    assert result.national.loc["Suzhou", "shoes"] == 0.0
    assert result.industry_mix.loc["Suzhou", "shoes"] == 0.0
    assert result.competitive.loc["Suzhou", "shoes"] == 7.0
    # an industry no region has in the base year: its growth rate is undefined (NaN), the
    # components are not: the whole end value is regional shift
    new_industry = cl.shift_share(start.assign(toys=0.0), end.assign(toys=[3.0, 1.0]))
    assert np.isnan(new_industry.industry_growth["toys"])
    assert new_industry.competitive["toys"].tolist() == [3.0, 1.0]
    assert new_industry.industry_mix["toys"].tolist() == [0.0, 0.0]


def test_shift_share_result_object():
    result = _krumme()
    frame = result.to_frame()
    assert list(frame.columns) == ["start", "end", "change", "national", "industry_mix",
                                   "competitive"]
    assert frame.index.names == ["region", "industry"] and len(frame) == 4
    assert result.summary().columns.name == "sum over industries"
    assert result.national.attrs["name"] == "national"
    assert result.industry_growth.name == "industry_growth"
    em = cl.shift_share(HOLUKULUKU_1985, HOLUKULUKU_1995, method="esteban_marquillas")
    assert list(em.to_frame().columns)[-1] == "allocation"
    with pytest.raises(AttributeError):
        result.method = "other"


def test_gradient_coefficient_by_hand():
    """By hand (no published small table found). Output coast 60/140, inland 40/60; workers
    coast 3/7, inland 8/6. LQ shoes: coast (60/200)/(100/300) = 0.9, inland (40/100)/(1/3) =
    1.2; relative productivity shoes: coast (60/100)/(3/11) = 2.2, inland (40/100)/(8/11) =
    0.55; gradients 1.98 and 0.66. Services: LQ 1.05 and 0.9, CP (140/200)/(7/13) = 1.3 and
    (60/200)/(6/13) = 0.65, gradients 1.365 and 0.585."""
    output = pd.DataFrame({"shoes": [60.0, 40.0], "services": [140.0, 60.0]},
                          index=["coast", "inland"])
    workers = pd.DataFrame({"shoes": [3.0, 8.0], "services": [7.0, 6.0]},
                           index=["coast", "inland"])
    result = cl.gradient_coefficient(output, workers)
    np.testing.assert_allclose(result.location_quotient, [[0.9, 1.05], [1.2, 0.9]])
    np.testing.assert_allclose(result.relative_productivity, [[2.2, 1.3], [0.55, 0.65]])
    np.testing.assert_allclose(result.gradient, [[1.98, 1.365], [0.66, 0.585]])
    summary = result.summary()
    assert summary.loc["shoes", "highest region"] == "coast"
    assert summary.loc["shoes", "lowest gradient"] == pytest.approx(0.66)
    assert list(result.to_frame().columns) == ["location_quotient", "relative_productivity",
                                               "gradient"]
    assert result.gradient.attrs["name"] == "gradient_coefficient"


def test_moore_index_by_hand():
    """Shares (0.1, 0.5, 0.4) and (0.05, 0.4, 0.55): dot product 0.005 + 0.2 + 0.22 = 0.425,
    squared norms 0.42 and 0.465, cos = 0.425 / sqrt(0.1953) = 0.96169, angle 15.91 degrees.
    Two structures with no sector in common are 90 degrees apart."""
    before = pd.Series({"primary": 10.0, "secondary": 50.0, "tertiary": 40.0})
    after = pd.Series({"primary": 5.0, "secondary": 40.0, "tertiary": 55.0})
    expected = math.degrees(math.acos(0.425 / math.sqrt(0.42 * 0.465)))
    assert cl.moore_index(before, after) == pytest.approx(expected)
    assert cl.moore_index(before, after) == pytest.approx(15.91, abs=5e-3)
    assert cl.moore_index(before, after, degrees=False) == pytest.approx(math.radians(expected))
    apart = cl.moore_index(pd.Series({"a": 1.0, "b": 0.0}), pd.Series({"a": 0.0, "b": 3.0}))
    assert apart == pytest.approx(90.0)
    assert isinstance(apart, float)


def test_lilien_index_by_hand():
    """Totals 100 and 100 (aggregate log growth 0); sector log growth ln 0.5, ln 0.8,
    ln 1.375; end-year shares 0.05, 0.4, 0.55: sigma^2 = 0.05(0.4805) + 0.4(0.0498) +
    0.55(0.1014) = 0.0997, sigma = 0.3158."""
    before = pd.Series({"primary": 10.0, "secondary": 50.0, "tertiary": 40.0})
    after = pd.Series({"primary": 5.0, "secondary": 40.0, "tertiary": 55.0})
    by_hand = math.sqrt(0.05 * math.log(0.5) ** 2 + 0.4 * math.log(0.8) ** 2
                        + 0.55 * math.log(1.375) ** 2)
    assert cl.lilien_index(before, after) == pytest.approx(by_hand)
    assert by_hand == pytest.approx(0.3158, abs=5e-5)


def test_structure_advancement_by_hand():
    """Ratio (干春晖 et al. 2011): 40/50 = 0.8 and 58/40 = 1.45. Weighted (徐敏 & 姜勇 2015):
    1(0.10) + 2(0.50) + 3(0.40) = 2.3 and 1(0.02) + 2(0.40) + 3(0.58) = 2.56."""
    city = pd.DataFrame({"primary": [10.0, 2.0], "secondary": [50.0, 40.0],
                         "tertiary": [40.0, 58.0]}, index=[2007, 2017])
    ratio = cl.structure_advancement(city)
    np.testing.assert_allclose(ratio, [0.8, 1.45])
    assert ratio.name == "advancement_ratio" and ratio.index.tolist() == [2007, 2017]
    weighted = cl.structure_advancement(city, method="weighted")
    np.testing.assert_allclose(weighted, [2.3, 2.56])
    assert weighted.name == "advancement_weighted"
    one = cl.structure_advancement(city.loc[2007], method="weighted")
    assert isinstance(one, float) and one == pytest.approx(2.3)
    # columns in another order are put in the order of `sectors`
    np.testing.assert_allclose(cl.structure_advancement(city[["tertiary", "primary",
                                                              "secondary"]]), [0.8, 1.45])


def test_structure_rationalisation_by_hand():
    """Output shares 0.1, 0.5, 0.4; employment shares 0.4, 0.3, 0.3:
    TL = 0.1 ln(0.25) + 0.5 ln(5/3) + 0.4 ln(4/3) = -0.1386 + 0.2554 + 0.1151 = 0.2319."""
    output = pd.Series({"primary": 10.0, "secondary": 50.0, "tertiary": 40.0})
    workers = pd.Series({"primary": 40.0, "secondary": 30.0, "tertiary": 30.0})
    by_hand = 0.1 * math.log(0.25) + 0.5 * math.log(5 / 3) + 0.4 * math.log(4 / 3)
    assert cl.structure_rationalisation(output, workers) == pytest.approx(by_hand)
    assert by_hand == pytest.approx(0.2319, abs=5e-5)


def test_structure_rationalisation_zero_conventions():
    """A sector with neither output nor employment, or employment but no output, contributes 0:
    output (0, 60, 40) on employment (0, 30, 70) is 0.6 ln 2 + 0.4 ln(4/7); adding a sector
    with workers but no output changes the employment shares only."""
    output = pd.DataFrame({"mining": [0.0], "industry": [60.0], "services": [40.0]})
    workers = pd.DataFrame({"mining": [0.0], "industry": [30.0], "services": [70.0]})
    expected = 0.6 * math.log(2) + 0.4 * math.log(4 / 7)
    assert cl.structure_rationalisation(output, workers).iloc[0] == pytest.approx(expected)
    workers2 = workers.assign(mining=100.0)
    expected2 = 0.6 * math.log(0.6 / 0.15) + 0.4 * math.log(0.4 / 0.35)
    assert cl.structure_rationalisation(output, workers2).iloc[0] == pytest.approx(expected2)


def test_simulate_complete_transfer_by_hand():
    """The whole chain (value added 60, 9 workers; secondary 32/7, tertiary 28/2) moves.
    Source after = its own economy: advancement ratio 1500/1000 = 1.5 (before
    (1500+28)/(1000+32) = 1.4806). Destination after: secondary 400+32, tertiary 500+28."""
    result = _simulate()
    table = result.to_frame()
    assert table.loc[("before", "source"), "advancement_ratio"] == pytest.approx(1528 / 1032)
    assert table.loc[("after", "source"), "advancement_ratio"] == pytest.approx(1.5)
    assert table.loc[("after", "destination"), "advancement_ratio"] == pytest.approx(528 / 432)
    assert table.loc[("after", "source"), "cluster_value_added"] == 0.0
    assert np.isnan(table.loc[("after", "source"), "cluster_productivity"])
    assert table.loc[("after", "destination"), "cluster_productivity"] == pytest.approx(60 / 9)
    assert result.stages["after"].eq("destination").all()
    assert result.output.loc[("after", "destination"), "secondary"] == 432.0
    assert result.employment.loc[("after", "destination"), "tertiary"] == 102.0


def test_simulate_incomplete_transfer_with_assumptions_by_hand():
    """Production and assembly move (secondary, 32 value added, 7 workers). Half of the 7
    released workers join the source's tertiary sector at 1500/100 = 15 per worker (+52.5);
    all 7 arriving jobs come out of the destination's agriculture at 300/150 = 2 per worker
    (-14); the destination's own industry gains 10 % through spillovers (400 -> 440)."""
    result = _simulate(mode="incomplete", reemployment=0.5, labour_from_primary=1.0,
                       spillover=0.1)
    out, emp = result.output, result.employment
    assert out.loc[("after", "source"), "tertiary"] == pytest.approx(1500 + 28 + 52.5)
    assert emp.loc[("after", "source"), "tertiary"] == pytest.approx(100 + 2 + 3.5)
    assert out.loc[("after", "destination"), "primary"] == pytest.approx(300 - 14)
    assert emp.loc[("after", "destination"), "primary"] == pytest.approx(150 - 7)
    assert out.loc[("after", "destination"), "secondary"] == pytest.approx(440 + 32)
    assert result.stages.loc["design", "after"] == "source"
    assert result.stages.loc["assembly", "after"] == "destination"
    assert result.cluster.loc[("after", "source"), "value_added"] == pytest.approx(28.0)


def test_simulate_replicating_transfer_by_hand():
    """The source keeps the chain; the destination gets a half-size copy (30 value added,
    4.5 workers) on top of its own economy."""
    result = _simulate(mode="replicating", scale=0.5)
    table = result.to_frame()
    pd.testing.assert_series_equal(table.loc[("after", "source")], table.loc[("before", "source")],
                                   check_names=False)
    assert table.loc[("after", "destination"), "value_added"] == pytest.approx(1200 + 30)
    assert table.loc[("after", "destination"), "employment"] == pytest.approx(330 + 4.5)
    assert result.stages["after"].eq("source + destination copy").all()


def test_simulate_result_object():
    result = _simulate(mode="incomplete", moved=["production"])
    table = result.to_frame()
    assert table.index.names == ["time", "region"]
    assert list(table.columns) == ["value_added", "employment", "productivity",
                                   "secondary_share", "tertiary_share", "advancement_ratio",
                                   "advancement_weighted", "rationalisation",
                                   "cluster_value_added", "cluster_productivity"]
    summary = result.summary()
    assert summary.index.tolist() == ["source", "destination"]
    assert "cluster_productivity" not in summary.columns
    assert summary.loc["source", "value_added"] == pytest.approx(-20.0)
    assert summary.columns.name == "after - before"
    assert list(result.stages.columns) == ["sector", "value_added", "employment",
                                           "productivity", "before", "after"]
    with pytest.raises(AttributeError):
        result.mode = "complete"


def test_book_dataset_runs_through_the_simulator():
    """The chapter's SYNTHETIC chain and regions are valid simulator input."""
    chain = cl.data.load("synthetic_value_chain").set_index("stage")
    regions = cl.data.load("synthetic_transfer_regions")
    source = regions[regions["region"] == "source"].set_index("sector")
    destination = regions[regions["region"] == "destination"].set_index("sector")
    assert chain.attrs["kind"] == "synthetic" and regions.attrs["kind"] == "synthetic"
    chain_value_added = chain["value_added"].sum()
    for mode in cl.TRANSFER_MODES:
        result = cl.simulate_transfer(chain, source=source, destination=destination, mode=mode)
        frame = result.to_frame()
        # every indicator is defined, except the cluster's productivity where it has no stage
        defined = frame.drop(columns="cluster_productivity")
        assert defined.notna().all().all()
        assert frame["cluster_productivity"].isna().tolist() == (
            frame["cluster_value_added"] == 0).tolist()
        # without assumptions, moving conserves value added; replicating adds one copy
        total = frame["value_added"].groupby(level="time").sum()
        added = chain_value_added if mode == "replicating" else 0.0
        assert total["after"] == pytest.approx(total["before"] + added, rel=1e-12)


# ============================================================================================
# 2. Identities and invariances
# ============================================================================================
@SETTINGS
@given(year_pairs(), st.sampled_from(["classic", "esteban_marquillas"]))
def test_shift_share_components_add_up(pair, method):
    start, end = pair
    if method == "esteban_marquillas":
        start = start + 1.0  # the EM variant needs positive base-year cells
    result = cl.shift_share(start, end, method=method)
    parts = result.national + result.industry_mix + result.competitive
    if result.allocation is not None:
        parts = parts + result.allocation
    scale = max(1.0, float(np.abs(end.to_numpy()).max()))
    np.testing.assert_allclose(parts.to_numpy(), (end - start).to_numpy(), rtol=0,
                               atol=1e-9 * scale)
    summary = result.summary()
    np.testing.assert_allclose(summary.drop(columns="change").sum(axis=1), summary["change"],
                               rtol=0, atol=1e-8 * scale)


@SETTINGS
@given(year_pairs(min_rows=2))
def test_shift_shares_against_the_sum_of_regions_cancel(pair):
    """With the regions as the reference economy, each industry's regional shifts sum to zero
    over regions (for industries present in the base year; a new industry's whole end value is
    regional shift) and the industry-mix components to zero over everything (less the end
    values of such new industries)."""
    start, end = pair
    result = cl.shift_share(start, end)
    scale = max(1.0, float(end.to_numpy().max()))
    present = start.sum(axis=0) > 0
    np.testing.assert_allclose(result.competitive.loc[:, present].sum(axis=0), 0.0,
                               atol=1e-8 * scale)
    pd.testing.assert_series_equal(result.competitive.loc[:, ~present].sum(axis=0),
                                   end.loc[:, ~present].sum(axis=0))
    assert result.industry_mix.to_numpy().sum() == pytest.approx(
        -end.loc[:, ~present].to_numpy().sum(), abs=1e-8 * scale * start.size)


def _components(result: transfer.ShiftShareResult, like: pd.DataFrame) -> np.ndarray:
    """Every component matrix in the row and column order of `like`, stacked."""
    parts = [result.national, result.industry_mix, result.competitive]
    if result.allocation is not None:
        parts.append(result.allocation)
    return np.stack([part.loc[like.index, like.columns].to_numpy() for part in parts])


@settings(SETTINGS, max_examples=15)
@given(year_pairs(zeros=False), st.integers(0, 2**32 - 1), st.floats(0.01, 1000.0))
def test_shift_share_order_and_reference_scale_invariance(pair, seed, factor):
    start, end = pair
    reference_start = start.sum(axis=0) + 5.0
    reference_end = end.sum(axis=0) + 7.0
    for method in ("classic", "esteban_marquillas"):
        base = _components(cl.shift_share(start, end, method=method,
                                          reference_start=reference_start,
                                          reference_end=reference_end), start)
        shuffled = cl.shift_share(_shuffled(start, seed), _shuffled(end, seed + 1),
                                  method=method, reference_start=reference_start[::-1],
                                  reference_end=reference_end * 1.0)
        np.testing.assert_allclose(_components(shuffled, start), base, rtol=1e-12, atol=1e-9)
        scaled = cl.shift_share(start, end, method=method,
                                reference_start=reference_start * factor,
                                reference_end=reference_end * factor)
        np.testing.assert_allclose(_components(scaled, start), base, rtol=1e-9, atol=1e-9)


@SETTINGS
@given(year_pairs(zeros=False))
def test_esteban_marquillas_splits_the_classic_shift(pair):
    start, end = pair
    classic = cl.shift_share(start, end)
    em = cl.shift_share(start, end, method="esteban_marquillas")
    pd.testing.assert_frame_equal(em.regional_shift, classic.competitive, rtol=1e-9, atol=1e-9,
                                  check_flags=False)
    pd.testing.assert_frame_equal(em.national, classic.national)
    np.testing.assert_allclose(em.homothetic.sum(axis=1), start.sum(axis=1), rtol=1e-12)


def test_numpy_input_gives_labelled_output():
    result = cl.shift_share(HOLUKULUKU_1985.to_numpy(), HOLUKULUKU_1995.to_numpy(),
                            reference_start=NATION_1985.to_numpy(),
                            reference_end=NATION_1995.to_numpy())
    np.testing.assert_allclose(result.competitive.to_numpy(), _krumme().competitive.to_numpy())
    assert result.competitive.index.tolist() == [0]
    gradient = cl.gradient_coefficient(np.array([[1.0, 2.0], [3.0, 1.0]]),
                                       np.array([[1.0, 1.0], [1.0, 1.0]]))
    assert isinstance(gradient.gradient, pd.DataFrame)


@SETTINGS
@given(year_pairs(min_rows=2, zeros=False), st.floats(0.01, 100.0), st.floats(0.01, 100.0))
def test_gradient_identities(pair, output_factor, labour_factor):
    output, workers = pair
    result = cl.gradient_coefficient(output, workers)
    pd.testing.assert_frame_equal(result.gradient,
                                  result.location_quotient * result.relative_productivity,
                                  check_flags=False)
    # the employment-weighted mean of relative productivity is 1 in every industry
    weights = workers / workers.sum(axis=0)
    np.testing.assert_allclose((weights * result.relative_productivity).sum(axis=0), 1.0,
                               rtol=1e-12)
    scaled = cl.gradient_coefficient(output * output_factor, workers * labour_factor)
    pd.testing.assert_frame_equal(scaled.gradient, result.gradient, rtol=1e-9,
                                  check_flags=False)
    # equal productivity everywhere: relative productivity 1, gradient = LQ
    same = cl.gradient_coefficient(output, output * 0.5)
    np.testing.assert_allclose(same.relative_productivity, 1.0, rtol=1e-12)


@SETTINGS
@given(year_pairs(zeros=False), st.floats(0.01, 100.0), st.integers(0, 2**32 - 1))
def test_moore_and_lilien_identities(pair, factor, seed):
    start, end = pair
    moore = cl.moore_index(start, end)
    assert ((moore >= 0) & (moore <= 90)).all() and moore.name == "moore_index"
    pd.testing.assert_series_equal(cl.moore_index(end, start), moore, rtol=1e-9, atol=1e-12)
    pd.testing.assert_series_equal(cl.moore_index(start * factor, end), moore, rtol=1e-9,
                                   atol=1e-12)
    np.testing.assert_allclose(cl.moore_index(start, start * factor), 0.0, atol=1e-12)
    lilien = cl.lilien_index(start, end)
    assert (lilien >= 0).all() and lilien.name == "lilien_index"
    pd.testing.assert_series_equal(cl.lilien_index(start * factor, end), lilien, rtol=1e-9,
                                   atol=1e-12)
    np.testing.assert_allclose(cl.lilien_index(start, start * factor), 0.0, atol=1e-7)
    shuffled = _shuffled(start, seed)
    back = cl.moore_index(shuffled, end.loc[shuffled.index, shuffled.columns])
    pd.testing.assert_series_equal(back.loc[moore.index], moore, rtol=1e-9, atol=1e-12)
    first = start.index[0]
    assert cl.moore_index(start.loc[first], end.loc[first]) == pytest.approx(moore[first])
    assert cl.lilien_index(start.loc[first], end.loc[first]) == pytest.approx(lilien[first])


@SETTINGS
@given(arrays(np.int64, (5, 3), elements=st.integers(0, 1000)), st.floats(0.01, 100.0))
def test_structure_advancement_bounds_and_scale(values, factor):
    values = values.astype(float) + np.array([0.0, 1.0, 0.0])  # secondary positive
    frame = pd.DataFrame(values, columns=list(cl.SECTORS))
    weighted = cl.structure_advancement(frame, method="weighted")
    assert ((weighted >= 1 - 1e-12) & (weighted <= 3 + 1e-12)).all()
    pd.testing.assert_series_equal(cl.structure_advancement(frame * factor, method="weighted"),
                                   weighted, rtol=1e-12)
    pd.testing.assert_series_equal(cl.structure_advancement(frame * factor),
                                   cl.structure_advancement(frame), rtol=1e-12)
    corners = pd.DataFrame(np.eye(3), columns=list(cl.SECTORS))
    np.testing.assert_allclose(cl.structure_advancement(corners, method="weighted"), [1, 2, 3])


@SETTINGS
@given(year_pairs(zeros=False), st.floats(0.01, 100.0))
def test_structure_rationalisation_identities(pair, factor):
    output, workers = pair
    tl = cl.structure_rationalisation(output, workers)
    assert (tl >= -1e-12).all() and tl.name == "rationalisation"
    pd.testing.assert_series_equal(cl.structure_rationalisation(output * factor, workers), tl,
                                   rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(cl.structure_rationalisation(output, output * factor), 0.0,
                               atol=1e-12)
    w = output.div(output.sum(axis=1), axis=0)
    v = workers.div(workers.sum(axis=1), axis=0)
    np.testing.assert_allclose(tl, (w * np.log(w / v)).sum(axis=1), rtol=1e-9, atol=1e-12)


@settings(SETTINGS, max_examples=15)
@given(st.lists(st.tuples(st.sampled_from(["secondary", "tertiary"]), st.integers(1, 100),
                          st.integers(1, 50)), min_size=2, max_size=6),
       st.sampled_from(cl.TRANSFER_MODES), st.floats(0.1, 3.0))
def test_simulator_conserves_value_added_without_assumptions(stages, mode, scale):
    """With no re-employment, no labour drawn from agriculture and no spillover, a complete
    or incomplete transfer moves value added and jobs without creating or destroying any; a
    replication adds exactly `scale` times the chain to the destination."""
    chain = pd.DataFrame(stages, columns=["sector", "value_added", "employment"],
                         index=[f"s{k}" for k in range(len(stages))]).astype(
        {"value_added": float, "employment": float})
    kwargs = {}
    if mode == "incomplete":
        kwargs["moved"] = [chain.index[0]]
    if mode == "replicating":
        kwargs["scale"] = scale
    result = cl.simulate_transfer(chain, source=SOURCE, destination=DESTINATION, mode=mode,
                                  **kwargs)
    totals = result.output.sum(axis=1)
    jobs = result.employment.sum(axis=1)
    added = scale * chain["value_added"].sum() if mode == "replicating" else 0.0
    added_jobs = scale * chain["employment"].sum() if mode == "replicating" else 0.0
    assert totals["after"].sum() == pytest.approx(totals["before"].sum() + added)
    assert jobs["after"].sum() == pytest.approx(jobs["before"].sum() + added_jobs)
    cluster = result.cluster["value_added"]
    assert cluster["after"].sum() == pytest.approx(cluster["before"].sum() + added)
    assert result.output.loc[("before", "destination")].tolist() == DESTINATION[
        "value_added"].tolist()


# ============================================================================================
# 3. Error paths
# ============================================================================================
TWO_CITIES = pd.DataFrame({"primary": [1.0, 2.0], "secondary": [5.0, 6.0]},
                          index=["Xiamen", "Hefei"])


@pytest.mark.parametrize("end, error, match", [
    (TWO_CITIES.rename(index={"Hefei": "Changsha"}), ValueError,
     r"\['Hefei'\] are in `start rows \(regions\)` but not in `end rows \(regions\)`; "
     r"\['Changsha'\] are in `end rows"),
    (TWO_CITIES.drop(columns="secondary"), ValueError,
     r"\['secondary'\] are in `start columns \(industries\)`"),
    (TWO_CITIES.assign(primary=[-1.0, 2.0]), ValueError, r"`end` has negative values"),
    (TWO_CITIES.assign(primary=[np.nan, 2.0]), ValueError, r"`end` has missing"),
    (TWO_CITIES.to_numpy().tolist(), TypeError, "DataFrame or a 2-D NumPy array"),
])
def test_shift_share_bad_years(end, error, match):
    with pytest.raises(error, match=match):
        cl.shift_share(TWO_CITIES, end)


@pytest.mark.parametrize("kwargs, match", [
    ({"method": "dunn"}, r"`method` must be one of \['classic', 'esteban_marquillas'\]"),
    ({"reference_start": TWO_CITIES.sum()}, "Pass both `reference_start` and `reference_end`"),
    ({"reference_start": pd.Series({"primary": 1.0, "tertiary": 1.0}),
      "reference_end": TWO_CITIES.sum()}, r"\['secondary'\] are in `matrix columns"),
    ({"reference_start": pd.Series({"primary": -1.0, "secondary": 1.0}),
      "reference_end": TWO_CITIES.sum()}, "`reference_start` has negative values"),
    ({"reference_start": pd.Series({"primary": 0.0, "secondary": 0.0}),
      "reference_end": TWO_CITIES.sum()}, "reference economy is zero in the base year"),
    ({"reference_start": pd.Series({"primary": 0.0, "secondary": 9.0}),
      "reference_end": TWO_CITIES.sum()},
     r"`reference_start` is zero for industries \['primary'\]"),
])
def test_shift_share_bad_options(kwargs, match):
    with pytest.raises(ValueError, match=match):
        cl.shift_share(TWO_CITIES, TWO_CITIES * 2, **kwargs)


def test_esteban_marquillas_rejects_zero_base_year_cells():
    start = TWO_CITIES.assign(primary=[0.0, 2.0])
    with pytest.raises(ValueError, match=r"cells \(region, industry\) \[\('Xiamen', 'primary'\)\]"
                                         r".*method='classic'"):
        cl.shift_share(start, TWO_CITIES, method="esteban_marquillas")


def test_shift_share_overflow_raises():
    with pytest.raises(ValueError, match="`start` is too large to sum"):
        cl.shift_share(TWO_CITIES * 2e307, TWO_CITIES)


@pytest.mark.parametrize("workers, match", [
    (TWO_CITIES.assign(primary=[0.0, 1.0]),
     r"`employment` is zero where `output` is positive, in cells \(region, industry\) "
     r"\[\('Xiamen', 'primary'\)\]"),
    (TWO_CITIES.rename(index={"Hefei": "Changsha"}), r"\['Hefei'\] are in `output rows"),
    (TWO_CITIES.assign(primary=[-1.0, 1.0]), "`employment` has negative values"),
])
def test_gradient_bad_employment(workers, match):
    with pytest.raises(ValueError, match=match):
        cl.gradient_coefficient(TWO_CITIES, workers)


def test_gradient_rejects_empty_cells_and_one_region():
    output = TWO_CITIES.assign(primary=[0.0, 2.0])
    workers = TWO_CITIES.assign(primary=[0.0, 1.0])
    with pytest.raises(ValueError, match=r"\[\('Xiamen', 'primary'\)\] have neither `output` "
                                         r"nor `employment`"):
        cl.gradient_coefficient(output, workers)
    with pytest.raises(ValueError, match=r"at least 2 row\(s\)"):
        cl.gradient_coefficient(TWO_CITIES.iloc[:1], TWO_CITIES.iloc[:1])
    with pytest.raises(ValueError, match=r"`output` has columns \['primary'\] that sum to zero"):
        cl.gradient_coefficient(TWO_CITIES.assign(primary=0.0), TWO_CITIES)


@pytest.mark.parametrize("function", [cl.moore_index, cl.lilien_index])
def test_structural_change_errors(function):
    series = TWO_CITIES.loc["Xiamen"]
    with pytest.raises(TypeError, match="both be Series .* or both DataFrames"):
        function(series, TWO_CITIES)
    with pytest.raises(ValueError, match=r"\['Hefei'\] are in `start rows"):
        function(TWO_CITIES, TWO_CITIES.rename(index={"Hefei": "Fuzhou"}))
    with pytest.raises(ValueError, match="`end` has negative values"):
        function(TWO_CITIES, TWO_CITIES.assign(primary=[-1.0, 1.0]))
    with pytest.raises(ValueError, match=r"at least 1 row\(s\) and 2 column\(s\)"):
        function(TWO_CITIES[["primary"]], TWO_CITIES[["primary"]])
    with pytest.raises(TypeError, match="must hold numbers"):
        function(TWO_CITIES.assign(primary=["a", "b"]), TWO_CITIES)


def test_moore_rejects_zero_rows_and_lilien_zero_cells():
    zero_row = TWO_CITIES.assign(primary=[0.0, 2.0], secondary=[0.0, 6.0])
    with pytest.raises(ValueError, match=r"rows \['Xiamen'\] that sum to zero"):
        cl.moore_index(zero_row, TWO_CITIES)
    zero_cell = TWO_CITIES.assign(primary=[0.0, 2.0])
    with pytest.raises(ValueError, match=r"`start` has zero or negative values in cells "
                                         r"\(row, column\) \[\('Xiamen', 'primary'\)\].*logs"):
        cl.lilien_index(zero_cell, TWO_CITIES)


@pytest.mark.parametrize("matrix, kwargs, error, match", [
    (TWO_CITIES, {}, ValueError, r"\['tertiary'\] are in `sectors` but not in `matrix columns`"),
    (TWO_CITIES.assign(tertiary=1.0, mining=1.0), {}, ValueError,
     r"\['mining'\] are in `matrix columns` but not in `sectors`"),
    (TWO_CITIES.assign(tertiary=1.0, secondary=[0.0, 1.0]), {}, ValueError,
     r"zero 'secondary' value added in rows \['Xiamen'\].*method='weighted'"),
    (TWO_CITIES.assign(tertiary=1.0), {"method": "share"}, ValueError, "`method` must be one of"),
    (TWO_CITIES.assign(tertiary=[-1.0, 1.0]), {}, ValueError, "negative"),
    (TWO_CITIES.assign(tertiary=0.0, primary=0.0, secondary=[0.0, 1.0]),
     {"method": "weighted"}, ValueError, r"rows \['Xiamen'\] that sum to zero"),
    ([[1.0, 2.0, 3.0]], {}, TypeError, "DataFrame or a 2-D NumPy array"),
    # a row total that overflows made every share 0 and the weighted index 0.0 (not in [1, 3])
    (TWO_CITIES.assign(primary=1e308, secondary=1e308, tertiary=1e308), {"method": "weighted"},
     ValueError, "`matrix` is too large to sum in float64"),
    # a ratio that overflows was returned as inf
    (TWO_CITIES.assign(primary=1.0, secondary=1e-320, tertiary=1e308), {}, ValueError,
     "`matrix` is too large to divide in float64"),
])
def test_structure_advancement_errors(matrix, kwargs, error, match):
    with pytest.raises(error, match=match):
        cl.structure_advancement(matrix, **kwargs)


def test_structure_rationalisation_errors():
    output = pd.Series({"primary": 1.0, "secondary": 2.0})
    with pytest.raises(ValueError, match=r"labour productivity is infinite"):
        cl.structure_rationalisation(output, pd.Series({"primary": 1.0, "secondary": 0.0}))
    with pytest.raises(ValueError, match=r"\['secondary'\] are in `output columns"):
        cl.structure_rationalisation(output, pd.Series({"primary": 1.0, "tertiary": 1.0}))
    with pytest.raises(TypeError, match="both be Series"):
        cl.structure_rationalisation(output, output.to_frame().T)
    with pytest.raises(ValueError, match=r"`output` has rows \[0\] that sum to zero"):
        cl.structure_rationalisation(pd.DataFrame([[0.0, 0.0]], columns=output.index),
                                     pd.DataFrame([[1.0, 1.0]], columns=output.index))


@pytest.mark.parametrize("kwargs, error, match", [
    ({"mode": "partial"}, ValueError, r"`mode` must be one of \['complete', 'incomplete', "
                                      r"'replicating'\]"),
    ({"moved": ["design"]}, ValueError, "`moved` applies to mode='incomplete' only"),
    ({"mode": "incomplete", "moved": ["marketing"]}, ValueError,
     r"`moved` names stages \['marketing'\] that are not in `chain`"),
    ({"mode": "incomplete", "moved": []}, ValueError, "moves some stages, not none and not all"),
    ({"mode": "incomplete", "moved": list(CHAIN.index)}, ValueError, "mode='complete'"),
    ({"mode": "incomplete", "moved": "design"}, TypeError, "list of stage labels"),
    # a repeated stage used to arrive twice in the destination (its value added counted twice)
    ({"mode": "incomplete", "moved": ["production", "production"]}, ValueError,
     r"`moved` names stages \['production'\] more than once"),
    ({"scale": 2.0}, ValueError, "`scale` applies to mode='replicating' only"),
    ({"mode": "replicating", "scale": 0.0}, ValueError, "`scale` must be positive"),
    ({"mode": "replicating", "scale": -1.0}, ValueError, "`scale` must be at least 0.0"),
    ({"reemployment": 1.5}, ValueError, "`reemployment` must be a fraction between 0 and 1"),
    ({"labour_from_primary": -0.1}, ValueError, "`labour_from_primary` must be at least 0.0"),
    ({"spillover": -0.1}, ValueError, "`spillover` must be at least 0.0"),
    ({"spillover": "high"}, TypeError, "`spillover` must be a real number"),
    ({"mode": "replicating", "scale": 200.0, "labour_from_primary": 1.0}, ValueError,
     r"would move 1800 workers out of the destination's primary sector, which has 150"),
])
def test_simulator_bad_options(kwargs, error, match):
    with pytest.raises(error, match=match):
        _simulate(**kwargs)


@pytest.mark.parametrize("chain, error, match", [
    (CHAIN.drop(columns="sector"), ValueError, r"`chain` has no columns \['sector'\]"),
    (CHAIN.assign(sector=["tertiary", "secondary", "mining", "tertiary"]), ValueError,
     r"`chain` has sectors \['mining'\]"),
    (CHAIN.assign(employment=[0.5, 0.0, 3.0, 1.5]), ValueError,
     r"`chain` has zero or negative values in cells \(row, column\) "
     r"\[\('production', 'employment'\)\]"),
    (CHAIN.to_dict(), TypeError, "`chain` must be a pandas DataFrame"),
])
def test_simulator_bad_chain(chain, error, match):
    with pytest.raises(error, match=match):
        cl.simulate_transfer(chain, source=SOURCE, destination=DESTINATION, mode="complete")


@pytest.mark.parametrize("region, error, match", [
    (SOURCE.drop(index="primary"), ValueError, r"\['primary'\] are in `sectors`"),
    (SOURCE.drop(columns="employment"), ValueError, r"`source` has no columns \['employment'\]"),
    (SOURCE.assign(employment=[0.0, 100.0, 100.0]), ValueError,
     r"`source\['employment'\]` is zero where `source\['value_added'\]` is positive, in cells "
     r"\(region, industry\) \[\('source', 'primary'\)\]"),
    (SOURCE.assign(value_added=[-1.0, 1.0, 1.0]), ValueError, "`source` has negative values"),
    (SOURCE.to_numpy(), TypeError, "`source` must be a pandas DataFrame"),
    (SOURCE.assign(value_added=[1e308, 1e308, 1.0]), ValueError,
     "`source` is too large to sum in float64"),
])
def test_simulator_bad_region(region, error, match):
    with pytest.raises(error, match=match):
        cl.simulate_transfer(CHAIN, source=region, destination=DESTINATION, mode="complete")


def test_simulator_reemployment_needs_tertiary_jobs_in_the_source():
    no_services = SOURCE.assign(value_added=[100.0, 1000.0, 0.0], employment=[20.0, 100.0, 0.0])
    with pytest.raises(ValueError, match="`source` has no tertiary employment"):
        cl.simulate_transfer(CHAIN, source=no_services, destination=DESTINATION,
                             mode="complete", reemployment=0.5)
