"""Tests of clusterlib.agglomeration: published worked examples, identities, every error path.

Sources of the published values (the R package REAT by T. Wieland reproduces the textbook
examples in its help pages, with the printed result; the numbers below were read there):

* Farhauer, O. & Kröll, A. (2013/2014). *Standorttheorien: Regional- und Stadtökonomik in
  Theorie und Praxis*. Wiesbaden: Springer Gabler. Worked examples of the location quotient, the
  Krugman specialisation coefficient, the Gini coefficient of spatial concentration and the
  Ellison–Glaeser index (REAT help pages ``locq``, ``krugman.spec2``, ``gini.conc``,
  ``ellison.a``).
* Dörsam, P. (2004). *Wirtschaftsstatistik anschaulich dargestellt*. Heidenau: PD-Verlag.
  Market-concentration example, four car makers (REAT help pages ``gini`` and ``herf``).
* Krumme, G. (University of Washington), "Coefficients of Localization (or Dispersion) and
  Specialization (or Diversification)", faculty.washington.edu/krumme/systems/localiz.html:
  table "Localization of an Industry".
* U.S. Department of Justice, Antitrust Division, "Herfindahl–Hirschman Index" (four firms with
  shares 30, 30, 20, 20 percent have an HHI of 2,600).

No published small table was found for the activity-weighted locational Gini or for the
concentration ratio; those are checked against independent calculations by hand (exact
fractions), as their docstrings say.
"""

from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from clusterlib import agglomeration as agg

SETTINGS = settings(derandomize=True, deadline=None, max_examples=50,
                    suppress_health_check=[HealthCheck.too_slow])
TEXTBOOK = pd.DataFrame({"textiles": [50.0, 10.0], "software": [50.0, 90.0]}, index=["A", "B"])


# --------------------------------------------------------------------------------------------
# strategies
# --------------------------------------------------------------------------------------------
@st.composite
def matrices(draw, min_rows=2, max_rows=8, min_cols=2, max_cols=6, max_value=1000):
    """Integer-valued region x industry matrices with no zero row or column."""
    rows = draw(st.integers(min_rows, max_rows))
    cols = draw(st.integers(min_cols, max_cols))
    values = draw(arrays(np.int64, (rows, cols), elements=st.integers(0, max_value)))
    values = values.astype(float)
    values[values.sum(axis=1) == 0, 0] = 1.0
    values[0, values.sum(axis=0) == 0] = 1.0
    return pd.DataFrame(values, index=[f"r{k}" for k in range(rows)],
                        columns=[f"i{k}" for k in range(cols)])


def _shuffled(frame: pd.DataFrame, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    return frame.iloc[rng.permutation(frame.shape[0]), rng.permutation(frame.shape[1])]


def _region_share(frame: pd.DataFrame) -> pd.Series:
    totals = frame.sum(axis=1)
    return totals / totals.sum()


# ============================================================================================
# 1. Published worked examples
# ============================================================================================
def test_location_quotient_farhauer_kroell():
    """Farhauer & Kröll (2013), as printed in REAT's ``locq`` help: an industry with 1,714 jobs
    in a region of 79,006 jobs, 879,213 jobs nationally out of 15,593,224: LQ = 0.3847623."""
    region, industry, total, national_industry = 1714, 79006, 15593224, 879213
    matrix = pd.DataFrame(
        {"industry": [region, national_industry - region],
         "rest": [industry - region, total - industry - (national_industry - region)]},
        index=["region", "rest_of_country"],
    )
    lq = agg.location_quotient(matrix)
    assert lq.loc["region", "industry"] == pytest.approx(0.3847623, abs=5e-8)
    assert agg.location_quotient(matrix, binary=True).loc["region", "industry"] == 0


def _krumme_matrix() -> pd.DataFrame:
    """Krumme's table: focal industry 15/35/30/20 % in regions A-D, which hold 35/30/20/15 % of
    all manufacturing employment (here per mille: 1,000 jobs in all)."""
    focal = np.array([15.0, 35.0, 30.0, 20.0])
    all_jobs = np.array([350.0, 300.0, 200.0, 150.0])
    return pd.DataFrame({"focal": focal, "other": all_jobs - focal}, index=list("ABCD"))


def test_location_quotient_krumme_table():
    """Krumme (UW), 'Localization of an Industry': LQs .43, 1.17, 1.5, 1.33."""
    lq = agg.location_quotient(_krumme_matrix())["focal"]
    assert lq.round(2).tolist() == [0.43, 1.17, 1.5, 1.33]


def test_hoover_coefficient_krumme_table():
    """Krumme (UW): 'The focal industry has a coefficient of localization of .2'."""
    assert agg.hoover_coefficient(_krumme_matrix())["focal"] == pytest.approx(0.2)


def test_location_quotient_and_hoover_with_regional_totals_krumme():
    """Krumme (UW), 'Localization of an Industry': the focal industry alone, divided by each
    region's total manufacturing employment (350, 300, 200, 150 per mille), which is not the sum
    of the industries listed: LQs .43, 1.17, 1.5, 1.33 and a coefficient of localization of .2,
    as printed. No published table dividing by GDP or population was found; total employment
    plays the same role (a regional total beyond the listed industries)."""
    krumme = _krumme_matrix()
    focal = krumme[["focal"]]
    total = krumme.sum(axis=1)
    assert agg.location_quotient(focal, total=total)["focal"].round(2).tolist() == [
        0.43, 1.17, 1.5, 1.33]
    assert agg.hoover_coefficient(focal, total=total)["focal"] == pytest.approx(0.2)
    assert agg.location_quotient(focal, total=total, binary=True)["focal"].tolist() == [
        0, 1, 1, 1]


def test_location_quotient_with_regional_totals_farhauer_kroell():
    """Farhauer & Kröll (2013), REAT ``locq`` help: 1,714 jobs in the industry out of the
    region's 79,006 jobs in all industries; 879,213 of 15,593,224 nationally: LQ = 0.3847623.
    Here the matrix lists the industry only and the regional totals come from `total`."""
    industry = pd.DataFrame({"industry": [1714.0, 879213.0 - 1714.0]},
                            index=["region", "rest_of_country"])
    total = pd.Series({"region": 79006.0, "rest_of_country": 15593224.0 - 79006.0})
    lq = agg.location_quotient(industry, total=total)
    assert lq.loc["region", "industry"] == pytest.approx(0.3847623, abs=5e-8)


def test_herfindahl_doersam():
    """Dörsam (2004), REAT ``herf`` help: sales 20, 50, 20, 10 give HHI 0.34, normalised 0.12."""
    sales = pd.DataFrame({"sales": [20.0, 50.0, 20.0, 10.0]}, index=list("ABCD"))
    result = agg.herfindahl(sales, across="regions")
    assert result.index["sales"] == pytest.approx(0.34)
    assert result.normalised["sales"] == pytest.approx(0.12)
    assert result.equivalent_number["sales"] == pytest.approx(1 / 0.34)
    assert result.n_units == 4
    # the same firms as the industries of one region
    by_region = agg.herfindahl(sales.T, across="industries")
    assert by_region.index["sales"] == pytest.approx(0.34)


def test_herfindahl_department_of_justice():
    """US DOJ Antitrust Division: shares 30, 30, 20, 20 % give an HHI of 2,600 (0.26)."""
    shares = pd.DataFrame({"market": [30.0, 30.0, 20.0, 20.0]})
    assert agg.herfindahl(shares).index["market"] * 10_000 == pytest.approx(2600)


def test_gini_doersam():
    """Dörsam (2004), REAT ``gini`` help: sales 20, 50, 20, 10 give G = 0.3, and 0.4 after the
    n/(n-1) standardisation."""
    value = agg.gini([20.0, 50.0, 20.0, 10.0])
    assert value == pytest.approx(0.3)
    assert value * 4 / 3 == pytest.approx(0.4)
    assert isinstance(value, float)


def test_gini_of_location_quotients_farhauer_kroell():
    """Farhauer & Kröll (2013), REAT ``gini.conc`` help: an industry with 500, 500, 1,000,
    7,000, 1,000 jobs in five regions of 20,000, 15,000, 20,000, 40,000, 5,000 jobs has a Gini
    coefficient of spatial concentration of 0.4068966. Their measure is the unweighted Gini of
    the LQs, so it is reproduced as gini(location_quotient(...)); the activity-weighted
    locational Gini of the same data is 0.3725 (by hand: 149/400)."""
    industry = np.array([500.0, 500.0, 1000.0, 7000.0, 1000.0])
    regions = np.array([20000.0, 15000.0, 20000.0, 40000.0, 5000.0])
    matrix = pd.DataFrame({"industry": industry, "rest": regions - industry})
    lq = agg.location_quotient(matrix)["industry"]
    assert agg.gini(lq) == pytest.approx(0.4068966, abs=5e-8)
    assert agg.locational_gini(matrix)["industry"] == pytest.approx(149 / 400)


def test_krugman_index_farhauer_kroell_nordic():
    """Farhauer & Kröll (2013), REAT ``krugman.spec2`` help: Sweden's specialisation against
    Norway, Denmark, Finland and Iceland (jobs in five industries) is 0.1595. The textbook
    compares with the unweighted mean of the other countries' industry shares, passed here as
    `reference`."""
    jobs = pd.DataFrame(
        [[45000, 15000, 32000, 10000, 30000],
         [35000, 12000, 30000, 8000, 22000],
         [40000, 10000, 25000, 9000, 18000],
         [30000, 11000, 18000, 3000, 13000],
         [40000, 6000, 11000, 2000, 12000]],
        index=["Sweden", "Norway", "Denmark", "Finland", "Iceland"],
        columns=["i1", "i2", "i3", "i4", "i5"], dtype=float,
    )
    shares = jobs.div(jobs.sum(axis=1), axis=0)
    reference = shares.drop(index="Sweden").mean()
    k = agg.krugman_index(jobs, reference=reference)
    assert k["Sweden"] == pytest.approx(0.1595, abs=5e-5)


def test_krugman_index_style_example():
    """The book's STYLE.md example: two regions, each 0.8 from the other."""
    assert agg.krugman_index(TEXTBOOK).round(2).tolist() == [0.8, 0.8]


def _farhauer_kroell_plants() -> pd.DataFrame:
    return pd.DataFrame({
        "industry": ["steel"] * 10,
        "region": ["Wien"] * 5 + ["Linz"] * 4 + ["Graz"],
        "employment": [200, 650, 12000, 100, 50, 16000, 13000, 1500, 1500, 25000],
    })


def test_ellison_glaeser_farhauer_kroell():
    """Farhauer & Kröll (2014), REAT ``ellison.a`` help: ten plants in Vienna, Linz and Graz
    (regional employment 500,000, 400,000, 100,000) give gamma = 0.05990628."""
    plants = _farhauer_kroell_plants()
    matrix = plants.pivot_table(index="region", columns="industry", values="employment",
                                aggfunc="sum")
    total = pd.Series({"Wien": 500_000, "Linz": 400_000, "Graz": 100_000})
    result = agg.ellison_glaeser(matrix, plant_herfindahl=agg.plant_herfindahl(plants),
                                 total=total)
    assert result.gamma["steel"] == pytest.approx(0.05990628, abs=5e-9)
    assert result.summary().loc["highly localised (gamma > 0.05)", "industries"] == 1


def test_plant_herfindahl_by_hand():
    """Independent calculation by hand (no printed value in the source): the Farhauer & Kröll
    plants give H = sum z^2 / (sum z)^2 = 1,198,975,000 / 70,000^2."""
    h = agg.plant_herfindahl(_farhauer_kroell_plants())
    assert h["steel"] == pytest.approx(float(Fraction(1_198_975_000, 70_000**2)))
    assert h.name == "plant_herfindahl" and h.index.name == "industry"


def _lorenz_gini_by_hand(industry, totals) -> Fraction:
    """Trapezoid areas under the Lorenz curve, in exact fractions (regions sorted by LQ)."""
    industry = [Fraction(int(v)) for v in industry]
    totals = [Fraction(int(v)) for v in totals]
    s = [v / sum(industry) for v in industry]
    x = [v / sum(totals) for v in totals]
    order = sorted(range(len(s)), key=lambda k: s[k] / x[k])
    area, y_before = Fraction(0), Fraction(0)
    for k in order:
        area += x[k] * (2 * y_before + s[k]) / 2
        y_before += s[k]
    return 1 - 2 * area


def test_locational_gini_by_hand():
    """No published small table was found for the activity-weighted locational Gini: checked
    against an independent trapezoid computation in exact fractions (G = 1 - 2 x area under
    the Lorenz curve) on Krumme's table and on a five-region matrix."""
    krumme = _krumme_matrix()
    expected = _lorenz_gini_by_hand(krumme["focal"], krumme.sum(axis=1))
    assert agg.locational_gini(krumme)["focal"] == pytest.approx(float(expected))
    matrix = pd.DataFrame([[100, 0, 5], [0, 15, 70], [3, 20, 20], [7, 25, 5], [1, 40, 5]],
                          columns=["I1", "I2", "I3"], dtype=float)
    result = agg.locational_gini(matrix)
    for column in matrix.columns:
        expected = _lorenz_gini_by_hand(matrix[column], matrix.sum(axis=1))
        assert result[column] == pytest.approx(float(expected), abs=1e-12)


def test_locational_gini_is_twice_econgeo_area():
    """EconGeo's ``locational_gini`` (R, P.-A. Balland) returns the area between the Lorenz curve
    and the diagonal by the shoelace formula; ours is the Gini ratio, twice that area. Its
    algorithm is re-implemented here independently of ours."""
    matrix = pd.DataFrame([[100, 0, 0, 0, 0], [0, 15, 5, 70, 10], [0, 20, 10, 20, 50],
                           [0, 25, 30, 5, 40], [0, 40, 55, 5, 0]], dtype=float)
    matrix = matrix.drop(columns=0).iloc[1:]  # EconGeo's R1 / I1 make a zero line here
    region_share = matrix.sum(axis=1) / matrix.to_numpy().sum()
    for column in matrix.columns:
        industry = matrix[column].to_numpy()
        order = np.argsort(industry / region_share.to_numpy(), kind="stable")
        cum_industry = np.cumsum(industry[order]) / industry.sum()
        cum_pop = np.cumsum(region_share.to_numpy()[order])
        area = (np.sum(cum_industry[1:] * cum_pop[:-1])
                - np.sum(cum_industry[:-1] * cum_pop[1:])) / 2
        assert agg.locational_gini(matrix)[column] == pytest.approx(2 * area)


def test_concentration_ratio_by_hand():
    """No published table used: Dörsam's sales 20, 50, 20, 10 by hand give CR1 = 0.5,
    CR2 = 0.7, CR3 = 0.9, CR4 = 1."""
    sales = pd.DataFrame({"sales": [20.0, 50.0, 20.0, 10.0]})
    for n, expected in [(1, 0.5), (2, 0.7), (3, 0.9), (4, 1.0)]:
        result = agg.concentration_ratio(sales, n=n)
        assert result["sales"] == pytest.approx(expected)
        assert result.name == f"CR{n}"


def test_location_quotient_exact_tie_counts_as_present():
    """A constructed exact tie: region A's row is 3/7 of the rest of the country, column by
    column, so every LQ of A is exactly 1 (x_Ai * x.. == x_A. * x.i in integers), with totals
    large enough that the products exceed 2**53."""
    rest = np.array([[123_456_789, 98_765_431, 55_555_555], [987_654_321, 11_111_111, 7]])
    column_sums = rest.sum(axis=0)
    row_a = column_sums * 3
    values = np.vstack([row_a, rest * 7])
    exact = [int(values[0, i]) * int(values.sum()) == int(values[0].sum()) * int(values[:, i].sum())
             for i in range(3)]
    assert all(exact)
    assert int(values[0, 0]) * int(values.sum()) > 2**53
    frame = pd.DataFrame(values.astype(float), index=["A", "B", "C"], columns=["x", "y", "z"])
    binary = agg.location_quotient(frame, binary=True)
    assert binary.loc["A"].tolist() == [1, 1, 1]
    assert binary.dtypes.map(pd.api.types.is_integer_dtype).all()


def test_location_quotient_small_exact_tie():
    """Smallest case: two regions with identical structure are exact ties everywhere."""
    frame = pd.DataFrame({"a": [1.0, 3.0], "b": [2.0, 6.0]})
    assert agg.location_quotient(frame, binary=True).to_numpy().tolist() == [[1, 1], [1, 1]]


# ============================================================================================
# 2. Identities and invariances
# ============================================================================================
@SETTINGS
@given(matrices(), st.integers(-20, 20), st.floats(0.001, 1000.0))
def test_location_quotient_scale_invariant(frame, power, factor):
    """Scaling by a power of two is exact in floating point, so results are identical; any
    other positive factor changes the LQs only by rounding."""
    for binary in (False, True):
        pd.testing.assert_frame_equal(agg.location_quotient(frame * 2.0**power, binary=binary),
                                      agg.location_quotient(frame, binary=binary), check_exact=True)
    pd.testing.assert_frame_equal(agg.location_quotient(frame * factor),
                                  agg.location_quotient(frame), rtol=1e-9)


@SETTINGS
@given(matrices(), st.integers(0, 2**32 - 1))
def test_location_quotient_order_invariant(frame, seed):
    shuffled = _shuffled(frame, seed)
    for binary in (False, True):
        back = agg.location_quotient(shuffled, binary=binary).loc[frame.index, frame.columns]
        pd.testing.assert_frame_equal(back, agg.location_quotient(frame, binary=binary),
                                      rtol=1e-12)


@SETTINGS
@given(matrices())
def test_location_quotient_weighted_mean_is_one(frame):
    lq = agg.location_quotient(frame)
    weighted = lq.mul(_region_share(frame), axis=0).sum(axis=0)
    np.testing.assert_allclose(weighted.to_numpy(), 1.0, rtol=1e-12)
    assert lq.attrs["name"] == "location_quotient"


@SETTINGS
@given(matrices(max_value=10**7))
def test_binary_location_quotient_matches_exact_integer_arithmetic(frame):
    values = frame.to_numpy().astype(np.int64)
    total = int(values.sum())
    expected = [[int(int(values[r, i]) * total >= int(values[r].sum()) * int(values[:, i].sum()))
                 for i in range(values.shape[1])] for r in range(values.shape[0])]
    assert agg.location_quotient(frame, binary=True).to_numpy().tolist() == expected


@SETTINGS
@given(matrices(), st.sampled_from(["regions", "industries"]))
def test_herfindahl_bounds(frame, across):
    result = agg.herfindahl(frame, across=across)
    n = frame.shape[0] if across == "regions" else frame.shape[1]
    assert result.n_units == n
    tol = 1e-12
    assert ((result.index >= 1 / n - tol) & (result.index <= 1 + tol)).all()
    assert ((result.normalised >= -tol) & (result.normalised <= 1 + tol)).all()
    assert ((result.equivalent_number >= 1 - tol) & (result.equivalent_number <= n + tol)).all()
    np.testing.assert_allclose(result.equivalent_number, 1 / result.index, rtol=1e-12)
    np.testing.assert_allclose(result.normalised, (result.index - 1 / n) / (1 - 1 / n),
                               atol=1e-12)


@SETTINGS
@given(matrices())
def test_herfindahl_across_industries_is_transpose(frame):
    by_region = agg.herfindahl(frame, across="industries").to_frame()
    pd.testing.assert_frame_equal(by_region, agg.herfindahl(frame.T, across="regions").to_frame())


def test_herfindahl_equal_units_exact_and_results_object():
    frame = pd.DataFrame({"even": [5.0, 5.0, 5.0], "lumpy": [9.0, 0.0, 1.0]})
    result = agg.herfindahl(frame)
    assert result.index["even"] == 1 / 3
    assert result.normalised["even"] == 0.0
    assert result.equivalent_number["even"] == 3.0
    frame_out = result.to_frame()
    assert list(frame_out.columns) == ["herfindahl", "normalised_herfindahl", "equivalent_number"]
    summary = result.summary()
    assert list(summary.columns) == ["count", "mean", "min", "median", "max"]
    assert summary.columns.name == "over 3 regions"
    assert summary.loc["herfindahl", "max"] == pytest.approx(0.82)
    with pytest.raises(AttributeError):
        result.n_units = 4


@SETTINGS
@given(matrices(), st.sampled_from(["regions", "industries"]))
def test_concentration_ratio_monotone_and_complete(frame, across):
    n_units = frame.shape[0] if across == "regions" else frame.shape[1]
    ratios = [agg.concentration_ratio(frame, n=n, across=across) for n in range(1, n_units + 1)]
    for smaller, larger in zip(ratios, ratios[1:]):
        assert (larger.to_numpy() >= smaller.to_numpy() - 1e-12).all()
    np.testing.assert_allclose(ratios[-1].to_numpy(), 1.0, rtol=1e-12)
    for n, ratio in enumerate(ratios, start=1):
        assert (ratio.to_numpy() >= n / n_units - 1e-12).all()


@SETTINGS
@given(matrices(), st.integers(0, 2**32 - 1))
def test_krugman_bounds_and_order(frame, seed):
    k = agg.krugman_index(frame)
    assert ((k >= 0) & (k <= 2 + 1e-12)).all()
    shuffled = agg.krugman_index(_shuffled(frame, seed)).loc[frame.index]
    pd.testing.assert_series_equal(shuffled, k, rtol=1e-12)


def test_krugman_extremes():
    disjoint = pd.DataFrame({"a": [20.0, 0.0], "b": [10.0, 0.0], "c": [0.0, 60.0]})
    assert agg.krugman_index(disjoint).tolist() == [2.0, 2.0]
    proportional = pd.DataFrame({"a": [1.0, 3.0, 5.0], "b": [2.0, 6.0, 10.0]})
    np.testing.assert_allclose(agg.krugman_index(proportional), 0.0, atol=1e-15)


@SETTINGS
@given(matrices(min_rows=1), st.integers(0, 2**32 - 1))
def test_krugman_reference_is_rescaled_and_reordered(frame, seed):
    reference = frame.sum(axis=0)
    k = agg.krugman_index(frame, reference=reference)
    rescaled = (reference * 1000).iloc[np.random.default_rng(seed).permutation(len(reference))]
    pd.testing.assert_series_equal(agg.krugman_index(frame, reference=rescaled), k, rtol=1e-12)
    assert ((k >= 0) & (k <= 2)).all() and k.name == "krugman_index"


@SETTINGS
@given(matrices(), st.integers(0, 2**32 - 1))
def test_hoover_bounds_and_order(frame, seed):
    hc = agg.hoover_coefficient(frame)
    bound = 1 - _region_share(frame).min()
    assert ((hc >= 0) & (hc <= bound + 1e-12) & (hc < 1)).all()
    shuffled = agg.hoover_coefficient(_shuffled(frame, seed)).loc[frame.columns]
    pd.testing.assert_series_equal(shuffled, hc, rtol=1e-12, atol=1e-15)


@SETTINGS
@given(st.lists(st.integers(1, 1000), min_size=2, max_size=8),
       st.lists(st.integers(1, 1000), min_size=2, max_size=5))
def test_rank_one_matrix_has_no_localisation(row_weights, col_weights):
    """x_ri = a_r b_i: every industry is spread like total activity."""
    frame = pd.DataFrame(np.outer(row_weights, col_weights).astype(float))
    np.testing.assert_allclose(agg.hoover_coefficient(frame), 0.0, atol=1e-12)
    np.testing.assert_allclose(agg.locational_gini(frame), 0.0, atol=1e-12)
    np.testing.assert_allclose(agg.location_quotient(frame), 1.0, rtol=1e-12)


@SETTINGS
@given(st.lists(st.floats(0, 1e6), min_size=2, max_size=40).filter(lambda v: sum(v) > 0),
       st.integers(0, 2**32 - 1), st.floats(1e-3, 1e3))
def test_gini_bounds_naive_formula_and_invariance(values, seed, factor):
    g = agg.gini(values)
    n = len(values)
    y = np.asarray(values)
    naive = np.abs(y[:, None] - y[None, :]).sum() / (2 * n**2 * y.mean())
    assert g == pytest.approx(naive, abs=1e-12)
    assert -1e-12 <= g <= 1 - 1 / n + 1e-12
    permuted = np.random.default_rng(seed).permutation(y)
    assert agg.gini(pd.Series(permuted)) == pytest.approx(g, abs=1e-12)
    assert agg.gini(y * factor) == pytest.approx(g, abs=1e-12)


def test_gini_extremes():
    assert agg.gini(np.array([7.0, 7.0, 7.0])) == 0.0
    assert agg.gini([0.0, 0.0, 0.0, 5.0]) == pytest.approx(0.75)


@SETTINGS
@given(matrices(), st.integers(0, 2**32 - 1))
def test_locational_gini_weighted_mean_difference_bounds_and_order(frame, seed):
    g = agg.locational_gini(frame)
    x = _region_share(frame).to_numpy()
    lq = agg.location_quotient(frame).to_numpy()
    for k, column in enumerate(frame.columns):
        pairs = np.abs(lq[:, k][:, None] - lq[:, k][None, :])
        naive = 0.5 * (x[:, None] * x[None, :] * pairs).sum()
        assert g[column] == pytest.approx(naive, abs=1e-12)
    assert ((g >= -1e-12) & (g <= 1 - x.min() + 1e-12)).all()
    shuffled = agg.locational_gini(_shuffled(frame, seed)).loc[frame.columns]
    pd.testing.assert_series_equal(shuffled, g, rtol=1e-9, atol=1e-12)


@SETTINGS
@given(matrices())
def test_locational_gini_equal_regions_is_gini_of_lq(frame):
    """With equally large regions the weighted form reduces to gini() of the LQs."""
    values = frame.to_numpy()
    values = values / values.sum(axis=1, keepdims=True) * 100.0
    equal = pd.DataFrame(values, index=frame.index, columns=frame.columns)
    lq = agg.location_quotient(equal)
    g = agg.locational_gini(equal)
    for column in equal.columns:
        assert g[column] == pytest.approx(agg.gini(lq[column]), abs=1e-12)


def test_locational_gini_maximum():
    """An industry entirely in one region r reaches 1 - x_r."""
    frame = pd.DataFrame({"mine": [0.0, 0.0, 10.0], "rest": [500.0, 300.0, 190.0]})
    assert agg.locational_gini(frame)["mine"] == pytest.approx(1 - 200 / 1000)


@SETTINGS
@given(st.lists(st.integers(1, 1000), min_size=2, max_size=8),
       st.lists(st.integers(1, 1000), min_size=2, max_size=5),
       st.lists(st.floats(0.0, 0.95), min_size=5, max_size=5))
def test_ellison_glaeser_proportional_industries(row_weights, col_weights, h_values):
    """Shares equal to total shares: G = 0 and gamma = -H / (1 - H)."""
    frame = pd.DataFrame(np.outer(row_weights, col_weights).astype(float))
    h = pd.Series(h_values[: frame.shape[1]], index=frame.columns)
    result = agg.ellison_glaeser(frame, plant_herfindahl=h)
    np.testing.assert_allclose(result.raw_concentration, 0.0, atol=1e-12)
    np.testing.assert_allclose(result.gamma, -h / (1 - h), atol=1e-10)


@SETTINGS
@given(matrices(), st.integers(0, 2**32 - 1))
def test_ellison_glaeser_identities(frame, seed):
    x = _region_share(frame).to_numpy()
    zero_h = pd.Series(0.0, index=frame.columns)
    result = agg.ellison_glaeser(frame, plant_herfindahl=zero_h)
    s = (frame / frame.sum(axis=0)).to_numpy()
    raw = ((s - x[:, None]) ** 2).sum(axis=0)
    np.testing.assert_allclose(result.raw_concentration, raw, atol=1e-12)
    np.testing.assert_allclose(result.gamma, raw / (1 - (x**2).sum()), atol=1e-12)
    h = pd.Series(np.random.default_rng(seed).uniform(0, 0.9, frame.shape[1]),
                  index=frame.columns)
    full = agg.ellison_glaeser(frame, plant_herfindahl=h).to_frame()
    back = agg.ellison_glaeser(_shuffled(frame, seed),
                               plant_herfindahl=h.iloc[::-1]).to_frame().loc[frame.columns]
    pd.testing.assert_frame_equal(back, full, rtol=1e-9, atol=1e-12)
    # `total` equal to the row sums changes nothing
    with_total = agg.ellison_glaeser(frame, plant_herfindahl=h, total=frame.sum(axis=1))
    pd.testing.assert_frame_equal(with_total.to_frame(), full)


def test_ellison_glaeser_dartboard_mean_gamma_is_zero():
    """EG (1997) Proposition 1: plants thrown at regions with probabilities x_r give
    E[G] = (1 - sum x^2) H, i.e. E[gamma] = 0. 4,000 simulated industries, seeded."""
    rng = np.random.default_rng(20240611)
    x = np.array([0.5, 0.3, 0.15, 0.05])
    sizes = np.array([40.0, 25.0, 15.0, 10.0, 5.0, 5.0])
    n_sims = 4000
    regions = rng.choice(x.size, size=(n_sims, sizes.size), p=x)
    matrix = np.zeros((x.size, n_sims))
    np.add.at(matrix, (regions, np.arange(n_sims)[:, None]), sizes)
    h = (sizes**2).sum() / sizes.sum() ** 2
    result = agg.ellison_glaeser(pd.DataFrame(matrix), plant_herfindahl=np.full(n_sims, h),
                                 total=x * 1e9)
    gamma = result.gamma.to_numpy()
    standard_error = gamma.std() / np.sqrt(n_sims)
    assert abs(gamma.mean()) < 4 * standard_error
    assert result.raw_concentration.mean() == pytest.approx((1 - (x**2).sum()) * h, rel=0.05)


def test_ellison_glaeser_results_object():
    frame = pd.DataFrame({"a": [90.0, 5.0, 5.0], "b": [30.0, 40.0, 30.0], "c": [1.0, 1.0, 98.0]},
                         index=["r1", "r2", "r3"])
    h = pd.Series({"c": 0.1, "a": 0.1, "b": 0.1})
    result = agg.ellison_glaeser(frame, plant_herfindahl=h)
    assert list(result.to_frame().columns) == ["gamma", "raw_concentration", "plant_herfindahl"]
    assert result.plant_herfindahl.index.tolist() == ["a", "b", "c"]
    summary = result.summary()
    assert summary["industries"].sum() == 3
    assert summary["share"].sum() == pytest.approx(1.0)
    assert summary.index.tolist()[0] == "not very localised (gamma < 0.02)"
    with pytest.raises(AttributeError):
        result.gamma = None


def test_plant_herfindahl_groups_and_sorts():
    plants = pd.DataFrame({"sector": ["b", "a", "b", "a", "a"],
                           "workers": [1.0, 2.0, 1.0, 2.0, 0.0]}, index=[0, 0, 1, 1, 2])
    h = agg.plant_herfindahl(plants, industry="sector", size="workers")
    assert h.index.tolist() == ["a", "b"]
    np.testing.assert_allclose(h.to_numpy(), [0.5, 0.5])


@pytest.mark.parametrize("function", [
    agg.location_quotient, agg.hoover_coefficient, agg.locational_gini, agg.krugman_index,
    lambda m: agg.herfindahl(m).index, lambda m: agg.concentration_ratio(m, n=1),
])
def test_numpy_input_gives_labelled_output(function):
    array = TEXTBOOK.to_numpy()
    result = function(array)
    expected = function(TEXTBOOK)
    np.testing.assert_allclose(np.asarray(result, dtype=float), np.asarray(expected, dtype=float))
    assert isinstance(result, (pd.Series, pd.DataFrame))


def test_output_names():
    assert agg.hoover_coefficient(TEXTBOOK).name == "hoover_coefficient"
    assert agg.locational_gini(TEXTBOOK).name == "locational_gini"
    assert agg.krugman_index(TEXTBOOK).name == "krugman_index"
    assert agg.concentration_ratio(TEXTBOOK, n=2).name == "CR2"
    assert agg.herfindahl(TEXTBOOK).index.name == "herfindahl"


def test_location_quotient_is_fast_on_a_large_matrix():
    import time

    rng = np.random.default_rng(7)
    matrix = pd.DataFrame(rng.integers(1, 10_000, size=(5000, 500)).astype(float))
    start = time.perf_counter()
    agg.location_quotient(matrix)
    agg.location_quotient(matrix, binary=True)
    assert time.perf_counter() - start < 1.0


@SETTINGS
@given(matrices(min_cols=3), st.integers(1, 2), st.integers(0, 2**32 - 1))
def test_regional_totals_equal_the_full_matrix(frame, kept, seed):
    """Dropping industries but passing the full row sums as `total` changes nothing for the
    industries kept; `total` equal to the row sums is the default; the total-weighted mean LQ
    of every industry is 1."""
    columns = list(np.random.default_rng(seed).permutation(frame.columns)[:kept])
    full_lq = agg.location_quotient(frame)
    full_hc = agg.hoover_coefficient(frame)
    total = frame.sum(axis=1)
    part = frame[columns]
    if (part.sum(axis=0) == 0).any():
        return
    lq = agg.location_quotient(part, total=total)
    pd.testing.assert_frame_equal(lq, full_lq[columns], rtol=1e-12)
    pd.testing.assert_series_equal(agg.hoover_coefficient(part, total=total), full_hc[columns],
                                   rtol=1e-12, atol=1e-15)
    assert (agg.location_quotient(part, total=total, binary=True).to_numpy()
            == agg.location_quotient(frame, binary=True)[columns].to_numpy()).all()
    pd.testing.assert_frame_equal(agg.location_quotient(frame, total=total), full_lq,
                                  rtol=1e-12)
    weighted = lq.mul(total / total.sum(), axis=0).sum(axis=0)
    np.testing.assert_allclose(weighted.to_numpy(), 1.0, rtol=1e-12)


def test_regional_totals_allow_a_region_without_the_industry():
    frame = pd.DataFrame({"shoes": [30.0, 0.0, 10.0]}, index=["Wenzhou", "Hefei", "Suzhou"])
    total = pd.Series({"Wenzhou": 100.0, "Hefei": 200.0, "Suzhou": 100.0})
    lq = agg.location_quotient(frame, total=total)["shoes"]
    # shares 0.3, 0, 0.1 of regional totals against 40 / 400 = 0.1 overall
    np.testing.assert_allclose(lq.to_numpy(), [3.0, 0.0, 1.0])
    # Hoover: 0.5 * (|0.75 - 0.25| + |0 - 0.5| + |0.25 - 0.25|) = 0.5
    assert agg.hoover_coefficient(frame, total=total)["shoes"] == pytest.approx(0.5)


@SETTINGS
@given(matrices(min_rows=1, max_rows=4), st.integers(0, 2**32 - 1))
def test_krugman_reference_accepts_industries_absent_from_a_region(frame, seed):
    """With a reference, K is defined when an industry is zero in a region or in all listed
    regions: the absent industry contributes its reference share."""
    rng = np.random.default_rng(seed)
    zeroed = frame.copy()
    column = zeroed.columns[rng.integers(zeroed.shape[1])]
    zeroed[column] = 0.0
    zeroed[zeroed.columns[0 if column != zeroed.columns[0] else 1]] += 1.0  # rows stay positive
    reference = pd.Series(rng.integers(1, 100, zeroed.shape[1]).astype(float),
                          index=zeroed.columns)
    k = agg.krugman_index(zeroed, reference=reference)
    shares = zeroed.div(zeroed.sum(axis=1), axis=0)
    expected = (shares - reference / reference.sum()).abs().sum(axis=1)
    pd.testing.assert_series_equal(k, expected.rename("krugman_index"), rtol=1e-12)
    assert ((k >= 0) & (k <= 2)).all()


def test_krugman_reference_zero_industry_by_hand():
    """One region with textiles only, against a 30/70 national structure:
    K = |1 - 0.3| + |0 - 0.7| = 1.4. Without a reference the zero column still raises."""
    region = pd.DataFrame({"textiles": [5.0], "software": [0.0]}, index=["Lanshan"])
    national = pd.Series({"software": 70.0, "textiles": 30.0})
    assert agg.krugman_index(region, reference=national)["Lanshan"] == pytest.approx(1.4)
    two = pd.DataFrame({"textiles": [5.0, 3.0], "software": [0.0, 0.0]})
    with pytest.raises(ValueError, match=r"columns \['software'\] that sum to zero"):
        agg.krugman_index(two)


# ============================================================================================
# 3. Error paths
# ============================================================================================
MATRIX_FUNCTIONS = {
    "location_quotient": agg.location_quotient,
    "herfindahl": agg.herfindahl,
    "concentration_ratio": agg.concentration_ratio,
    "krugman_index": agg.krugman_index,
    "hoover_coefficient": agg.hoover_coefficient,
    "locational_gini": agg.locational_gini,
    "ellison_glaeser": lambda m: agg.ellison_glaeser(m, plant_herfindahl=np.full(
        np.shape(m)[1] if np.ndim(m) == 2 else 1, 0.1)),
}


def _bad(value, where=(0, 0)):
    frame = TEXTBOOK.copy()
    frame.iloc[where] = value
    return frame


@pytest.mark.parametrize("name", MATRIX_FUNCTIONS)
@pytest.mark.parametrize("matrix, error, match", [
    (_bad(np.nan), ValueError, r"missing \(NaN\).*'textiles'"),
    (_bad(np.inf), ValueError, "infinite"),
    (_bad(-1.0), ValueError, "negative"),
    (_bad(0.0, (0, slice(None))), ValueError, r"rows \['A'\] that sum to zero"),
    (_bad(0.0, (slice(None), 1)), ValueError, r"columns \['software'\] that sum to zero"),
    (TEXTBOOK.iloc[:0], ValueError, "at least"),
    (TEXTBOOK.assign(software=["x", "y"]), TypeError, "not numeric"),
    (TEXTBOOK.to_numpy().tolist(), TypeError, "DataFrame or a 2-D NumPy array"),
    (np.array([1.0, 2.0]), ValueError, "two-dimensional"),
    (TEXTBOOK.rename(index={"B": "A"}), ValueError, "duplicated row labels"),
])
def test_matrix_errors(name, matrix, error, match):
    with pytest.raises(error, match=match):
        MATRIX_FUNCTIONS[name](matrix)


@pytest.mark.parametrize("name", ["location_quotient", "herfindahl", "concentration_ratio",
                                  "krugman_index", "hoover_coefficient", "locational_gini",
                                  "ellison_glaeser"])
def test_one_region_is_rejected(name):
    with pytest.raises(ValueError, match=r"at least 2 row\(s\).*received 1 row\(s\)"):
        MATRIX_FUNCTIONS[name](TEXTBOOK.iloc[:1])


@pytest.mark.parametrize("function", [
    agg.location_quotient, agg.krugman_index, agg.hoover_coefficient, agg.locational_gini,
    lambda m: agg.herfindahl(m, across="industries"),
    lambda m: agg.concentration_ratio(m, across="industries"),
])
def test_one_industry_is_rejected(function):
    with pytest.raises(ValueError, match=r"2 column\(s\); received 2 row\(s\) x 1 column"):
        function(TEXTBOOK[["textiles"]])


def test_ellison_glaeser_one_industry_without_total_is_rejected():
    with pytest.raises(ValueError, match=r"single industry \['textiles'\].*Pass each region's"):
        agg.ellison_glaeser(TEXTBOOK[["textiles"]],
                            plant_herfindahl=pd.Series({"textiles": 0.1}))


@pytest.mark.parametrize("across", ["region", "cities", None, 1])
def test_bad_across(across):
    with pytest.raises(ValueError, match="`across` must be one of"):
        agg.herfindahl(TEXTBOOK, across=across)
    with pytest.raises(ValueError, match="`across` must be one of"):
        agg.concentration_ratio(TEXTBOOK, across=across)


@pytest.mark.parametrize("n, error, match", [
    (0, ValueError, "at least 1 and at most 2"),
    (3, ValueError, "at least 1 and at most 2; received 3"),
    (-1, ValueError, "at least 1"),
    (1.0, TypeError, "must be an integer"),
    (True, TypeError, "must be an integer"),
    ("4", TypeError, "must be an integer"),
])
def test_concentration_ratio_bad_n(n, error, match):
    with pytest.raises(error, match=match):
        agg.concentration_ratio(TEXTBOOK, n=n)


@pytest.mark.parametrize("reference, error, match", [
    (pd.Series({"textiles": 1.0, "cars": 1.0}), ValueError, r"\['software'\] are in `matrix"),
    (pd.Series({"textiles": 1.0}), ValueError, "do not match"),
    (pd.Series({"textiles": -1.0, "software": 2.0}), ValueError, "negative"),
    (pd.Series({"textiles": 0.0, "software": 0.0}), ValueError, "sums to zero"),
    (pd.Series({"textiles": np.nan, "software": 1.0}), ValueError, "missing"),
    (pd.Series({"textiles": "a", "software": "b"}), TypeError, "must hold numbers"),
    ({"textiles": "1", "software": 1.0}, TypeError, "must hold numbers"),
    ("textiles", TypeError, "pandas Series, a dict"),
])
def test_krugman_bad_reference(reference, error, match):
    with pytest.raises(error, match=match):
        agg.krugman_index(TEXTBOOK, reference=reference)


@pytest.mark.parametrize("values, error, match", [
    ([], ValueError, "at least 2 value"),
    ([3.0], ValueError, "at least 2 value"),
    ([1.0, -2.0], ValueError, "negative"),
    ([0.0, 0.0, 0.0], ValueError, "all zero"),
    ([1.0, np.nan], ValueError, "missing"),
    ([1.0, np.inf], ValueError, "infinite"),
    (pd.Series(["a", "b"]), TypeError, "must hold numbers"),
    (np.ones((2, 2)), ValueError, "one-dimensional"),
    (TEXTBOOK, TypeError, "pandas Series"),
    (5.0, TypeError, "pandas Series"),
])
def test_gini_errors(values, error, match):
    with pytest.raises(error, match=match):
        agg.gini(values)


@pytest.mark.parametrize("h, match", [
    (pd.Series({"textiles": 1.0, "software": 0.1}), r"outside \[0.0, 1.0\).*single plant"),
    (pd.Series({"textiles": 1.5, "software": 0.1}), r"outside \[0.0, 1.0\)"),
    (pd.Series({"textiles": -0.1, "software": 0.1}), r"outside .*\['textiles'\]"),
    (pd.Series({"textiles": 0.1, "cars": 0.1}), "do not match"),
    (pd.Series({"textiles": np.nan, "software": 0.1}), "missing"),
])
def test_ellison_glaeser_bad_plant_herfindahl(h, match):
    with pytest.raises(ValueError, match=match):
        agg.ellison_glaeser(TEXTBOOK, plant_herfindahl=h)


@pytest.mark.parametrize("total, match", [
    (pd.Series({"A": 1000.0, "C": 1000.0}), "do not match"),
    (pd.Series({"A": 1000.0, "B": 0.0}), "zero for regions"),
    (pd.Series({"A": 1000.0, "B": -5.0}), "negative"),
    (pd.Series({"A": 1000.0, "B": 50.0}), r"smaller than the matrix's row sum for regions \['B'\]"),
])
def test_ellison_glaeser_bad_total(total, match):
    with pytest.raises(ValueError, match=match):
        agg.ellison_glaeser(TEXTBOOK, plant_herfindahl=pd.Series({"textiles": 0.1,
                                                                  "software": 0.1}), total=total)


def test_ellison_glaeser_total_allows_zero_rows_and_one_industry():
    frame = pd.DataFrame({"shoes": [10.0, 0.0, 5.0]}, index=["a", "b", "c"])
    total = pd.Series({"a": 100.0, "b": 50.0, "c": 50.0})
    result = agg.ellison_glaeser(frame, plant_herfindahl=pd.Series({"shoes": 0.2}), total=total)
    x = np.array([0.5, 0.25, 0.25])
    s = np.array([2 / 3, 0.0, 1 / 3])
    raw = ((s - x) ** 2).sum()
    spread = 1 - (x**2).sum()
    assert result.gamma["shoes"] == pytest.approx((raw - spread * 0.2) / (spread * 0.8))
    with pytest.raises(ValueError, match=r"columns \['shoes'\] that sum to zero"):
        agg.ellison_glaeser(frame * 0, plant_herfindahl=pd.Series({"shoes": 0.2}), total=total)


def test_ellison_glaeser_requires_plant_herfindahl():
    with pytest.raises(TypeError, match="plant_herfindahl"):
        agg.ellison_glaeser(TEXTBOOK)


@pytest.mark.parametrize("plants, kwargs, error, match", [
    ([("a", 1.0)], {}, TypeError, "must be a pandas DataFrame"),
    (pd.DataFrame({"industry": ["a"], "jobs": [1.0]}), {}, ValueError,
     r"no columns \['employment'\]"),
    (pd.DataFrame({"industry": [], "employment": []}), {}, ValueError, "no rows"),
    (pd.DataFrame({"industry": ["a", None], "employment": [1.0, 2.0]}), {}, ValueError,
     r"missing industry labels .*\[1\]"),
    (pd.DataFrame({"industry": ["a", "b"], "employment": ["1", "2"]}), {}, TypeError,
     "must hold numbers"),
    (pd.DataFrame({"industry": ["a", "b"], "employment": [1.0, -2.0]}), {}, ValueError,
     "negative"),
    (pd.DataFrame({"industry": ["a", "b"], "employment": [1.0, np.nan]}), {}, ValueError,
     "missing"),
    (pd.DataFrame({"industry": ["a", "b", "b"], "employment": [1.0, 0.0, 0.0]}), {}, ValueError,
     r"Industries \['b'\] have plant sizes summing to zero"),
    (pd.DataFrame({"sector": ["a"], "employment": [1.0]}), {"industry": "branch"}, ValueError,
     r"no columns \['branch'\]"),
])
def test_plant_herfindahl_errors(plants, kwargs, error, match):
    with pytest.raises(error, match=match):
        agg.plant_herfindahl(plants, **kwargs)


@pytest.mark.parametrize("function", [
    lambda m, t: agg.location_quotient(m, total=t),
    lambda m, t: agg.location_quotient(m, total=t, binary=True),
    lambda m, t: agg.hoover_coefficient(m, total=t),
])
@pytest.mark.parametrize("total, error, match", [
    (pd.Series({"A": 1000.0, "C": 1000.0}), ValueError, r"\['B'\] are in `matrix rows`"),
    (pd.Series({"A": 1000.0, "B": 0.0}), ValueError, r"zero for regions \['B'\]"),
    (pd.Series({"A": 1000.0, "B": -5.0}), ValueError, "negative"),
    (pd.Series({"A": 1000.0, "B": 50.0}), ValueError,
     r"smaller than the matrix's row sum for regions \['B'\] \('B': 50 < 100\)"),
    (pd.Series({"A": 1000.0, "B": np.nan}), ValueError, "missing"),
    ([1000.0, 1000.0], ValueError, "do not match"),
    ("1000", TypeError, "pandas Series"),
])
def test_regional_total_errors(function, total, error, match):
    with pytest.raises(error, match=match):
        function(TEXTBOOK, total)


def test_regional_totals_still_reject_an_industry_absent_everywhere():
    frame = TEXTBOOK.assign(software=0.0)
    with pytest.raises(ValueError, match=r"columns \['software'\] that sum to zero"):
        agg.location_quotient(frame, total=pd.Series({"A": 500.0, "B": 500.0}))


HUGE = 1e308


@pytest.mark.parametrize("call, match", [
    (lambda: agg.gini([HUGE, HUGE]), r"`values` is too large to sum"),
    (lambda: agg.gini([HUGE / 2, HUGE / 2, HUGE / 2]), r"`values` is too large to sum"),
    (lambda: agg.location_quotient(TEXTBOOK * 1e306), r"`matrix` is too large to sum"),
    (lambda: agg.location_quotient(TEXTBOOK * 1e152, binary=True),
     r"`matrix` is too large to multiply"),
    (lambda: agg.location_quotient(TEXTBOOK[["textiles"]],
                                   total=pd.Series({"A": HUGE, "B": HUGE})),
     r"`total` is too large to sum"),
    (lambda: agg.hoover_coefficient(TEXTBOOK * 1e306), r"`matrix` is too large to sum"),
    (lambda: agg.concentration_ratio(TEXTBOOK * 1.5e306, n=1),
     r"`matrix` is too large to sum"),
    (lambda: agg.krugman_index(TEXTBOOK * 1e306), r"`matrix` is too large to sum"),
    (lambda: agg.krugman_index(TEXTBOOK, reference=pd.Series({"textiles": HUGE,
                                                               "software": HUGE})),
     r"`reference` is too large to sum"),
    (lambda: agg.locational_gini(TEXTBOOK * 1e306), r"`matrix` is too large to sum"),
    (lambda: agg.ellison_glaeser(TEXTBOOK * 1e306, plant_herfindahl=np.full(2, 0.1)),
     r"`matrix` is too large to sum"),
    (lambda: agg.ellison_glaeser(TEXTBOOK, plant_herfindahl=np.full(2, 0.1),
                                 total=pd.Series({"A": HUGE, "B": HUGE})),
     r"`total` is too large to sum"),
])
def test_overflowing_totals_raise_instead_of_returning_wrong_numbers(call, match):
    """Before the guard, gini([1e308, 1e308]) returned nan and the LQs of a matrix near 1e308
    returned 0 or nan without a word; every such total now raises and asks to rescale."""
    with pytest.raises(ValueError, match=match):
        call()


@pytest.mark.parametrize("scale", [1.5e306, 1e160, 1e-200, 1e-310])
def test_herfindahl_is_scale_free_at_any_magnitude(scale):
    """Issue 14, item 8: the Herfindahl indices are scale-free, so values whose sum or squares
    overflow (1e306, 1e160) or underflow (1e-200) are rescaled exactly, not refused or NaN."""
    pd.testing.assert_frame_equal(agg.herfindahl(TEXTBOOK * scale).to_frame(),
                                  agg.herfindahl(TEXTBOOK).to_frame(), rtol=1e-12)
    plants = pd.DataFrame({"industry": ["a", "a", "b", "b"], "employment": [1.0, 3.0, 2.0, 2.0]})
    expected = agg.plant_herfindahl(plants)
    for sizes in ([scale, 3 * scale, 2.0, 2.0], [HUGE, HUGE, 1.0, 1.0]):
        result = agg.plant_herfindahl(plants.assign(employment=sizes))
        assert result["a"] == pytest.approx(0.625 if sizes[0] != HUGE else 0.5, rel=1e-12)
        assert result["b"] == pytest.approx(expected["b"], rel=1e-12)


def test_large_values_below_overflow_still_work():
    """Values near 1e150 square without overflow; the results equal those of rescaled input."""
    big = TEXTBOOK * 2.0**500
    pd.testing.assert_frame_equal(agg.herfindahl(big).to_frame(),
                                  agg.herfindahl(TEXTBOOK).to_frame())
    assert agg.gini([1e300, 3e300]) == pytest.approx(agg.gini([1.0, 3.0]))


def test_krugman_reference_as_dict_is_read_as_series():
    reference = {"textiles": 1.0, "software": 3.0}
    assert agg.krugman_index(TEXTBOOK, reference=reference).equals(
        agg.krugman_index(TEXTBOOK, reference=pd.Series(reference)))
