"""Tests of clusterlib.complexity: published reference values, identities, every error path.

Sources:

* Reference output of the Growth Lab's (Harvard CID) Stata package ``ecomplexity``, run on a
  given binary presence matrix (option ``bi``): 10 European exporters x 30 HS92 products,
  year 1995, stored as the test fixture ``tests/fixtures/stata_manual_mcp.csv`` of
  py-ecomplexity (github.com/cid-harvard/py-ecomplexity, commit 554cc5dc0d9f). The presence
  matrix, the ECI of every exporter, the PCI of every product and a sample of densities are
  copied below. Stata standardises over the 300 rows of its long table with divisor n - 1, so
  its ECI is ours times sqrt(299/300); its PCI is on the ECI's scale (we compare z-scores); its
  density leaves out each product's proximity to itself (our default ``include_self=False``).
* Hidalgo & Hausmann (2009, PNAS 106(26), Fig. 1) illustrate the method of reflections on a
  small network but print no values for it that could be checked; the reflections are
  therefore checked on a small network by hand (the arithmetic is in the test) and, on the
  Stata matrix, against the ECI they converge to.
* Proximity, density and the complexity outlook (Hidalgo et al. 2007; Hausmann et al. 2014):
  no published small example with printed values was found; they are checked by hand on a
  four-location example, through the Stata densities (which depend on every proximity), and
  against a loop-by-loop implementation of the Atlas formulas.
"""

import warnings
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

import clusterlib as cl
from clusterlib import complexity as cx

SETTINGS = settings(derandomize=True, deadline=None, max_examples=40,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])

STATA_PRODUCTS = ("1704 1806 1905 2007 2105 3208 3402 3917 3922 4008 4010 4905 5602 6804 6810 "
                  "7010 7307 7308 7309 7310 7325 7604 7608 7612 7616 8309 8431 8474 8530 "
                  "9403").split()
STATA_PRESENCE = {
    "aut": "000100011000110111001101101010",
    "blx": "111111100110001101011110000000",
    "che": "110101011011010010000111101010",
    "deu": "000001110110110110010001011110",
    "dnk": "101110000001101000000011000101",
    "esp": "100110100110110100111011110000",
    "gbr": "111101111011100011101001011110",
    "ita": "000000001000001110100000110101",
    "pol": "100010000000001001101000000001",
    "svn": "000001001110011000101110111001",
}
STATA_ECI = {"aut": 1.073207217992253, "blx": -.3159764634559932, "che": 1.06773721349865,
             "deu": 1.200861157616729, "dnk": -.9777046345252988, "esp": .0180390442936879,
             "gbr": .5359206138129307, "ita": -.421184002398617, "pol": -2.170709342895322,
             "svn": -.0101908039390183}
STATA_PCI = [-1.470491886427003, .9898334389413032, -1.28829614655021, .3359789984244054,
             -3.323137535581785, 1.211838680172189, .7575610835667231, 2.794806326517154,
             1.056227717927282, .3013836399410316, .9458555639215322, .2528276298920076,
             .7921553064524651, 1.794091102846822, -3.047699996853477, .5947683743763661,
             1.865519843983964, -1.177374641095858, -1.81300391183786, .5613061109624367,
             -.928657059139727, 1.071585041866113, -.590077081819932, 1.180674892441301,
             .7101505141850155, .4400665963872156, 2.140168306589086, -.1620847904245116,
             2.794806326517154, -3.434600369331548]
STATA_DENSITY = {("aut", "1704"): .4624999999999999, ("aut", "1806"): .483619344773791,
                 ("aut", "1905"): .37221269296741, ("aut", "2007"): .4942528735632183,
                 ("aut", "2105"): .3444055944055944, ("aut", "3208"): .5125284738041002,
                 ("blx", "2105"): .7132867132867133, ("che", "8530"): .6701708278580816,
                 ("deu", "8431"): .5841121495327103, ("dnk", "1704"): .4124999999999999,
                 ("esp", "7310"): .6880570409982174, ("gbr", "4905"): .8154657293497363,
                 ("ita", "9403"): .4595185995623632, ("pol", "9403"): .3698030634573304,
                 ("svn", "9403"): .6039387308533917}
TOY = pd.DataFrame({"shirts": [1, 1, 1, 0], "shoes": [1, 1, 0, 0], "chips": [0, 0, 1, 1]},
                   index=["A", "B", "C", "D"])


def _stata_presence() -> pd.DataFrame:
    rows = [[int(bit) for bit in bits] for bits in STATA_PRESENCE.values()]
    return pd.DataFrame(rows, index=list(STATA_PRESENCE), columns=STATA_PRODUCTS)


def _z(values) -> np.ndarray:
    values = np.asarray(values, dtype=float)
    return (values - values.mean()) / values.std()


def _quiet_complexity(presence):
    """economic_complexity, or None where it (rightly) refuses or warns."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = cl.economic_complexity(presence)
        except ValueError:
            return None
    return None if caught else result


# ============================================================================================
# 1. Published reference values and examples by hand
# ============================================================================================
def test_stata_reference_diversity_ubiquity_and_eci():
    """Growth Lab Stata ``ecomplexity``, 1995 fixture: diversities 14, 16, ... and the ECI of
    every exporter (Stata's = ours x sqrt(299/300), see the module docstring)."""
    result = cl.economic_complexity(_stata_presence())
    assert result.diversity.tolist() == [14, 16, 16, 15, 11, 16, 20, 9, 7, 14]
    assert result.ubiquity[["1704", "1806", "9403"]].tolist() == [6, 3, 4]
    expected = pd.Series(STATA_ECI)
    assert (result.eci * np.sqrt(299 / 300)).to_numpy() == pytest.approx(expected.to_numpy(),
                                                                          abs=1e-12)
    assert result.to_frame().loc["deu", "eci_rank"] == 1
    assert result.to_frame().loc["pol", "eci_rank"] == 10


def test_stata_reference_pci():
    """Growth Lab Stata ``ecomplexity``, 1995 fixture: PCI of all 30 products (compared as
    z-scores, because Stata puts PCI on the ECI's scale)."""
    result = cl.economic_complexity(_stata_presence())
    assert result.pci.to_numpy() == pytest.approx(_z(STATA_PCI), abs=1e-12)


def test_stata_reference_density():
    """Growth Lab Stata ``ecomplexity``, 1995 fixture: densities of a sample of cells, which
    depend on the proximities of every product pair."""
    dens = cl.density(_stata_presence())
    for (country, product), value in STATA_DENSITY.items():
        assert dens.loc[country, product] == pytest.approx(value, abs=1e-14)


def test_reflections_by_hand():
    """Three locations A, B, C present in (x, y, z), (x, y), (x):
    k_c0 = (3, 2, 1), k_p0 = (3, 2, 1);
    k_c1: A (3 + 2 + 1)/3 = 2, B (3 + 2)/2 = 2.5, C 3/1 = 3 (average ubiquity);
    k_p1: x (3 + 2 + 1)/3 = 2, y (3 + 2)/2 = 2.5, z 3/1 = 3 (average diversity);
    k_c2: A (2 + 2.5 + 3)/3 = 2.5, B (2 + 2.5)/2 = 2.25, C 2/1 = 2."""
    m = pd.DataFrame([[1, 1, 1], [1, 1, 0], [1, 0, 0]], index=list("ABC"), columns=list("xyz"))
    result = cl.method_of_reflections(m, iterations=2)
    assert result.locations.to_dict("list") == {"k_0": [3.0, 2.0, 1.0], "k_1": [2.0, 2.5, 3.0],
                                                "k_2": [2.5, 2.25, 2.0]}
    assert result.products["k_1"].tolist() == [2.0, 2.5, 3.0]
    assert result.to_frame().equals(result.locations) and result.iterations == 2


def test_reflections_converge_to_the_eci_ranking():
    """Hidalgo & Hausmann (2009): even reflections rank locations like the ECI, their limit."""
    presence = _stata_presence()
    reflections = cl.method_of_reflections(presence, iterations=40)
    eci = cl.economic_complexity(presence).eci
    assert reflections.locations["k_40"].rank().tolist() == eci.rank().tolist()
    summary = reflections.summary()
    assert summary.loc["k_0", "rank correlation with k_0"] == pytest.approx(1.0)
    assert summary.loc["k_40", "rank correlation with k_(n-2)"] == pytest.approx(1.0)


def test_eci_by_hand_on_a_nested_matrix():
    """A perfectly nested 4 x 4 matrix, exact fractions: M~ = D^-1 M U^-1 M^T has eigenvalue
    1/4 with eigenvector K = (2, 0, -2, -4), linear in diversity (4, 3, 2, 1) and orthogonal
    to the constant in the diversity-weighted sense (4 x 2 + 3 x 0 - 2 x 2 - 1 x 4 = 0), and
    1/9 next; so the z-scored ECI is (3, 1, -1, -3)/sqrt(5): ECI merely repeats diversity."""
    rows = [[1, 1, 1, 1], [1, 1, 1, 0], [1, 1, 0, 0], [0, 1, 0, 0]]
    k_c = [sum(r) for r in rows]
    k_p = [sum(col) for col in zip(*rows)]
    tilde = [[sum(Fraction(rows[c][p] * rows[d][p], k_c[c] * k_p[p]) for p in range(4))
              for d in range(4)] for c in range(4)]
    vector = [2, 0, -2, -4]
    assert [sum(tilde[c][d] * vector[d] for d in range(4)) for c in range(4)] == [
        Fraction(1, 4) * v for v in vector]
    result = cl.economic_complexity(pd.DataFrame(rows))
    assert result.eci.to_numpy() == pytest.approx(np.array([3, 1, -1, -3]) / np.sqrt(5),
                                                  abs=1e-12)
    assert result.eigenvalues == pytest.approx((1.0, 0.25, 1 / 9), abs=1e-12)


def test_proximity_and_density_by_hand():
    """TOY: shirts in A, B, C; shoes in A, B; chips in C, D. Co-occurrences: shirts-shoes 2,
    shirts-chips 1, shoes-chips 0; proximity = co-occurrence / max(ubiquities):
    2/max(3, 2) = 2/3, 1/max(3, 2) = 1/3, 0. Density of chips for A, self excluded:
    (1 x 1/3 + 1 x 0) / (1/3 + 0) = 1; self included: (1/3) / (1/3 + 0 + 1) = 1/4.
    Density of shirts for D: (0 x 2/3 + 1 x 1/3) / (2/3 + 1/3) = 1/3."""
    phi = cl.proximity(TOY)
    assert phi.loc["shirts", "shoes"] == pytest.approx(2 / 3)
    assert phi.loc["shirts", "chips"] == pytest.approx(1 / 3)
    assert phi.loc["shoes", "chips"] == 0.0 and phi.attrs["name"] == "proximity"
    dens = cl.density(TOY)
    assert dens.loc["A", "chips"] == pytest.approx(1.0)
    assert dens.loc["D", "shirts"] == pytest.approx(1 / 3)
    assert cl.density(TOY, include_self=True).loc["A", "chips"] == pytest.approx(1 / 4)


def test_complexity_outlook_by_hand():
    """TOY with PCI shirts 0, shoes -1, chips 1 (self excluded).
    COI_A = density(A, chips) x PCI(chips) = 1 x 1 = 1; COI_C = density(C, shoes) x (-1) = -1.
    COG_D,shirts: D lacks shirts and shoes; only q = shoes contributes (self excluded):
    phi(shirts, shoes) / (phi(shirts, shoes) + phi(chips, shoes)) x PCI(shoes) = 1 x (-1) = -1.
    COG_D,shoes: q = shirts: (2/3) / (2/3 + 1/3) x PCI(shirts) = 0. COG is 0 where present."""
    pci = pd.Series({"shirts": 0.0, "shoes": -1.0, "chips": 1.0})
    result = cl.complexity_outlook(TOY, pci=pci)
    assert result.outlook.to_dict() == pytest.approx({"A": 1.0, "B": 1.0, "C": -1.0, "D": 0.0})
    assert result.gain.loc["D", "shirts"] == pytest.approx(-1.0)
    assert result.gain.loc["D", "shoes"] == pytest.approx(0.0)
    assert (result.gain.to_numpy()[TOY.to_numpy() == 1] == 0).all()
    frame = result.to_frame()
    assert frame.loc["D", "largest_gain_product"] in {"shoes", "chips"}
    assert result.summary().loc["complexity_outlook_index", "count"] == 4


def test_negative_exports_are_refused_on_the_way_to_presence():
    """The presence matrix comes from Chapter 1's RCA, which refuses negative exports."""
    exports = pd.DataFrame({"toys": [10.0, -1.0], "chips": [5.0, 7.0]}, index=["A", "B"])
    with pytest.raises(ValueError, match="negative values"):
        cl.location_quotient(exports, binary=True)


# ============================================================================================
# 2. Identities and invariances
# ============================================================================================
@st.composite
def presence_matrices(draw, min_rows=3, max_rows=7, min_cols=3, max_cols=9):
    rows = draw(st.integers(min_rows, max_rows))
    cols = draw(st.integers(min_cols, max_cols))
    values = draw(arrays(np.int8, (rows, cols), elements=st.integers(0, 1))).astype(float)
    values[values.sum(axis=1) == 0, 0] = 1.0
    values[0, values.sum(axis=0) == 0] = 1.0
    return pd.DataFrame(values, index=[f"c{k}" for k in range(rows)],
                        columns=[f"p{k}" for k in range(cols)])


@SETTINGS
@given(presence_matrices(), st.integers(0, 2**32 - 1))
def test_eci_invariant_to_row_and_column_order(presence, seed):
    result = _quiet_complexity(presence)
    assume(result is not None)
    rng = np.random.default_rng(seed)
    shuffled = presence.iloc[rng.permutation(presence.shape[0]),
                             rng.permutation(presence.shape[1])]
    again = cl.economic_complexity(shuffled)
    assert again.eci.reindex(result.eci.index).to_numpy() == pytest.approx(
        result.eci.to_numpy(), abs=1e-9)
    assert again.pci.reindex(result.pci.index).to_numpy() == pytest.approx(
        result.pci.to_numpy(), abs=1e-9)


@SETTINGS
@given(presence_matrices())
def test_eci_conventions(presence):
    """z-scores; ECI correlates positively with diversity; PCI is consistent with ECI (the mean
    PCI of a location's products is an increasing linear function of its ECI); computing on
    the product side (the transposed matrix) gives the same pair up to sign."""
    result = _quiet_complexity(presence)
    assume(result is not None)
    for index in (result.eci, result.pci):
        assert index.mean() == pytest.approx(0.0, abs=1e-9)
        assert index.std(ddof=0) == pytest.approx(1.0)
    assert result.eci.corr(result.diversity) > 0
    m = presence.to_numpy()
    mean_pci = (m @ result.pci.to_numpy()) / m.sum(axis=1)
    assert np.corrcoef(mean_pci, result.eci)[0, 1] == pytest.approx(1.0)
    flipped = cl.economic_complexity(presence.T)
    assert abs(np.corrcoef(flipped.eci, result.pci)[0, 1]) == pytest.approx(1.0)
    assert abs(np.corrcoef(flipped.pci, result.eci)[0, 1]) == pytest.approx(1.0)


@SETTINGS
@given(presence_matrices(min_rows=1, min_cols=2))
def test_proximity_symmetric_unit_diagonal_in_unit_interval(presence):
    phi = cl.proximity(presence)
    values = phi.to_numpy()
    assert np.array_equal(values, values.T)
    assert np.array_equal(np.diagonal(values), np.ones(len(values)))
    assert ((values >= 0) & (values <= 1)).all()
    assert phi.index.equals(presence.columns) and phi.columns.equals(presence.columns)


@SETTINGS
@given(presence_matrices(min_rows=1, min_cols=2), st.booleans())
def test_density_in_unit_interval(presence, include_self):
    phi = cl.proximity(presence)
    off_diagonal = phi.to_numpy() - np.eye(len(phi))
    assume(include_self or (off_diagonal.sum(axis=0) > 0).all())
    dens = cl.density(presence, include_self=include_self)
    assert ((dens.to_numpy() >= 0) & (dens.to_numpy() <= 1 + 1e-12)).all()
    # passing the proximity explicitly changes nothing
    assert cl.density(presence, proximity=phi, include_self=include_self).equals(dens)


@SETTINGS
@given(presence_matrices(min_rows=1))
def test_reflections_identities(presence):
    """k_c1 is an average of ubiquities and k_p1 of diversities, so each lies between the
    smallest and largest of them; sum_c k_c0 k_c1 = sum_p k_p0^2 (both count every M_cp = 1
    weighted by its product's ubiquity)."""
    result = cl.method_of_reflections(presence, iterations=3)
    k_c, k_p = result.locations, result.products
    assert k_c["k_1"].between(k_p["k_0"].min(), k_p["k_0"].max()).all()
    assert k_p["k_1"].between(k_c["k_0"].min(), k_c["k_0"].max()).all()
    assert (k_c["k_0"] * k_c["k_1"]).sum() == pytest.approx((k_p["k_0"] ** 2).sum())


@SETTINGS
@given(presence_matrices(), st.booleans())
def test_outlook_matches_the_atlas_formulas_loop_by_loop(presence, include_self):
    phi = cl.proximity(presence).to_numpy()
    weights = phi.copy()
    if not include_self:
        np.fill_diagonal(weights, 0.0)
    assume((weights.sum(axis=0) > 0).all())
    rng = np.random.default_rng(len(presence))
    pci = pd.Series(rng.normal(size=presence.shape[1]), index=presence.columns)
    result = cl.complexity_outlook(presence, pci=pci, include_self=include_self)
    m, q = presence.to_numpy(), pci.to_numpy()
    n_loc, n_prod = m.shape
    col = weights.sum(axis=0)
    for c in range(n_loc):
        omega = [sum(m[c, k] * weights[k, p] for k in range(n_prod)) / col[p]
                 for p in range(n_prod)]
        coi = sum(omega[p] * (1 - m[c, p]) * q[p] for p in range(n_prod))
        assert result.outlook.iloc[c] == pytest.approx(coi, abs=1e-9)
        for p in range(n_prod):
            cog = (1 - m[c, p]) * sum(weights[p, k] / col[k] * (1 - m[c, k]) * q[k]
                                      for k in range(n_prod))
            assert result.gain.iloc[c, p] == pytest.approx(cog, abs=1e-9)


def test_booleans_and_arrays_are_accepted():
    boolean = TOY.astype(bool)
    assert cl.proximity(boolean).equals(cl.proximity(TOY))
    array = cl.proximity(TOY.to_numpy().astype(bool))
    assert array.to_numpy() == pytest.approx(cl.proximity(TOY).to_numpy())
    assert cl.economic_complexity(_stata_presence().to_numpy()).eci.index.tolist() == list(range(10))


def test_summary_and_to_frame_of_complexity():
    result = cl.economic_complexity(_stata_presence())
    summary = result.summary()["value"]
    assert summary["locations"] == 10 and summary["products"] == 30
    assert summary["correlation of ECI with diversity"] > 0
    products = result.to_frame(side="products")
    assert list(products.columns) == ["ubiquity", "pci", "pci_rank"]
    assert products["pci_rank"].min() == 1 and products["pci_rank"].dtype == np.int64


# ============================================================================================
# 3. Error paths
# ============================================================================================
@pytest.mark.parametrize("presence, error, match", [
    (pd.DataFrame({"a": [10.0, 2.0, 1.0], "b": [0.0, 1.0, 5.0], "c": [1.0, 1.0, 1.0]}),
     ValueError, r"binary presence matrix.*columns \['a', 'b'\].*location_quotient"),
    (pd.DataFrame({"a": [1.0, -1.0, 1.0], "b": [1.0, 1.0, 0.0], "c": [0.0, 1.0, 1.0]}),
     ValueError, "binary presence matrix"),
    (pd.DataFrame({"a": [1.0, np.nan, 1.0], "b": [1.0, 1.0, 0.0], "c": [0.0, 1.0, 1.0]}),
     ValueError, "missing"),
    (pd.DataFrame({"a": [1, 0, 1], "b": [1, 0, 0], "c": [0, 0, 1]}, index=["x", "y", "z"]),
     ValueError, r"locations \['y'\] with no product present"),
    (pd.DataFrame({"a": [1, 1, 1], "b": [0, 0, 0], "c": [0, 1, 1]}),
     ValueError, r"products \['b'\] that no location has"),
    (pd.DataFrame({"a": ["1", "0", "1"], "b": [1, 1, 0], "c": [0, 1, 1]}),
     TypeError, "must hold numbers only"),
    ([[1, 0], [0, 1]], TypeError, "must be a pandas DataFrame or a 2-D NumPy array"),
])
def test_presence_errors(presence, error, match):
    for function in (cl.economic_complexity, cl.proximity, cl.density,
                     cl.method_of_reflections, cl.complexity_outlook):
        with pytest.raises(error, match=match):
            function(presence)


def test_eci_too_small():
    with pytest.raises(ValueError, match=r"at least 3 row\(s\) and 3 column\(s\); received 2"):
        cl.economic_complexity(pd.DataFrame([[1, 1, 0], [0, 1, 1]]))


def test_eci_disconnected_network_names_a_group():
    blocks = pd.DataFrame([[1, 1, 0, 0], [1, 0, 0, 0], [0, 0, 1, 1], [0, 0, 1, 0], [0, 0, 0, 1]],
                          index=["A", "B", "C", "D", "E"], columns=list("wxyz"))
    with pytest.raises(ValueError, match=r"falls apart into 2 groups.*\['A', 'B'\]"):
        cl.economic_complexity(blocks)


def test_eci_repeated_eigenvalue():
    with pytest.raises(ValueError, match="second eigenvalue is repeated"):
        cl.economic_complexity(pd.DataFrame(np.ones((4, 5))))


def test_eci_sign_undetermined_when_diversity_is_constant():
    equal = pd.DataFrame([[0, 1, 1, 0, 0], [1, 0, 0, 1, 0], [0, 0, 0, 1, 1], [0, 1, 0, 0, 1]])
    with pytest.raises(ValueError, match="uncorrelated with diversity"):
        cl.economic_complexity(equal)


def test_eci_warns_when_the_spectral_gap_is_small():
    close = pd.DataFrame([[0, 1, 1, 1, 1, 1, 0], [1, 1, 0, 0, 1, 1, 1], [1, 0, 1, 1, 0, 0, 1],
                          [1, 1, 0, 0, 0, 1, 1], [1, 1, 1, 0, 0, 1, 0], [0, 1, 0, 1, 1, 1, 1]])
    with pytest.warns(UserWarning, match=r"relative gap 0\.17%"):
        result = cl.economic_complexity(close)
    assert result.relative_gap < cx.ECI_MIN_RELATIVE_GAP


def test_reflections_bad_iterations():
    with pytest.raises(ValueError, match="`iterations` must be at least 1"):
        cl.method_of_reflections(TOY, iterations=0)
    with pytest.raises(TypeError, match="`iterations` must be an integer"):
        cl.method_of_reflections(TOY, iterations=2.0)


def test_to_frame_bad_side():
    with pytest.raises(ValueError, match="`side` must be one of"):
        cl.economic_complexity(_stata_presence()).to_frame(side="countries")


def test_density_isolated_product_without_self():
    isolated = pd.DataFrame({"a": [1, 1, 0], "b": [1, 0, 0], "c": [0, 0, 1]},
                            index=["X", "Y", "Z"])
    with pytest.raises(ValueError, match=r"Products \['c'\] have proximity 0.*include_self=True"):
        cl.density(isolated)
    assert cl.density(isolated, include_self=True).loc["Z", "c"] == 1.0


@pytest.mark.parametrize("proximity, kwargs, error, match", [
    (cl.proximity(TOY).drop(index="chips", columns="chips"), {}, ValueError,
     r"\['chips'\] are in `presence columns` but not in `proximity rows`"),
    (cl.proximity(TOY) * 2, {}, ValueError, r"outside \[0\.0, 1\.0\]"),
    (cl.proximity(TOY).assign(chips=[0.5, 0.0, 1.0]), {}, ValueError, "must be symmetric"),
    (None, {"include_self": "yes"}, TypeError, "`include_self` must be True or False"),
    ("phi", {}, TypeError, "`proximity` must be a pandas DataFrame"),
])
def test_density_bad_proximity(proximity, kwargs, error, match):
    with pytest.raises(error, match=match):
        cl.density(TOY, proximity=proximity, **kwargs)
    with pytest.raises(error, match=match):
        cl.complexity_outlook(TOY, pci=pd.Series(0.0, index=TOY.columns), proximity=proximity,
                              **kwargs)


def test_outlook_pci_must_cover_the_products():
    with pytest.raises(ValueError, match=r"\['chips'\] are in `presence columns` but not in `pci`"):
        cl.complexity_outlook(TOY, pci=pd.Series({"shirts": 0.0, "shoes": 1.0}))


@SETTINGS
@given(presence_matrices(), st.integers(0, 2**32 - 1))
def test_outlook_gain_is_the_change_of_outlook_less_the_products_own_term(presence, seed):
    """Adding product p to location c (proximities and PCI held fixed, self excluded) changes
    COI_c by exactly COG_cp - omega_cp PCI_p: the gain through the other missing products, less
    p's own term, which leaves the COI once p is present."""
    weights = cl.proximity(presence)
    off_diagonal = weights.to_numpy() - np.eye(len(weights))
    assume((off_diagonal.sum(axis=0) > 0).all())
    absent = np.argwhere(presence.to_numpy() == 0)
    assume(len(absent) > 0)
    rng = np.random.default_rng(seed)
    c, p = absent[rng.integers(len(absent))]
    pci = pd.Series(rng.normal(size=presence.shape[1]), index=presence.columns)
    before = cl.complexity_outlook(presence, pci=pci, proximity=weights)
    omega = cl.density(presence, proximity=weights).iloc[c, p]
    added = presence.copy()
    added.iloc[c, p] = 1
    after = cl.complexity_outlook(added, pci=pci, proximity=weights)
    change = after.outlook.iloc[c] - before.outlook.iloc[c]
    assert change == pytest.approx(before.gain.iloc[c, p] - omega * pci.iloc[p], abs=1e-9)


# ============================================================================================
# complexity_sample: the Growth Lab's minimum-exports and minimum-population filters
# ============================================================================================
SAMPLE_EXPORTS = pd.DataFrame(
    {"toys": [50.0, 8.0, 1.0, 0.0], "chips": [50.0, 2.0, 0.0, 0.5], "rum": [0.0, 0.0, 3.0, 0.0]},
    index=["A", "B", "C", "D"])
SAMPLE_POPULATION = pd.Series({"A": 9e6, "B": 0.4e6, "C": 2e6, "D": 5e6, "WLD": 7e9})


def test_complexity_sample_hand_cases():
    """Totals by hand: A 100, B 10, C 4, D 0.5. Populations: A 9 m, B 0.4 m, C 2 m, D 5 m."""
    assert cx.complexity_sample(SAMPLE_EXPORTS).equals(SAMPLE_EXPORTS)  # no filter: all kept
    by_exports = cx.complexity_sample(SAMPLE_EXPORTS, min_exports=4.0)  # >= keeps C at exactly 4
    assert by_exports.index.tolist() == ["A", "B", "C"]
    assert by_exports.columns.tolist() == ["toys", "chips", "rum"]
    # above 4, C goes and with it rum, the one product only C exports
    above = cx.complexity_sample(SAMPLE_EXPORTS, min_exports=5.0)
    assert above.index.tolist() == ["A", "B"] and above.columns.tolist() == ["toys", "chips"]
    assert above.loc["B", "toys"] == 8.0  # values are passed through untouched
    by_people = cx.complexity_sample(SAMPLE_EXPORTS, population=SAMPLE_POPULATION,
                                     min_population=1e6)
    assert by_people.index.tolist() == ["A", "C", "D"]  # extra label WLD is ignored
    both = cx.complexity_sample(SAMPLE_EXPORTS, min_exports=1.0, population=SAMPLE_POPULATION,
                                min_population=1e6)
    assert both.index.tolist() == ["A", "C"]
    arr = cx.complexity_sample(SAMPLE_EXPORTS.to_numpy(), min_exports=5.0)  # arrays too
    assert arr.index.tolist() == [0, 1] and arr.shape == (2, 2)


@SETTINGS
@given(arrays(np.float64, st.tuples(st.integers(3, 7), st.integers(2, 6)),
              elements=st.floats(0.0, 100.0)),
       st.floats(0.0, 200.0), st.floats(0.0, 200.0), st.integers(0, 2**32 - 1))
def test_complexity_sample_filters_commute_and_nest(values, low, high, seed):
    """Both filters together = one after the other, in either order; a higher threshold keeps a
    subset; every retained row passes its thresholds and no retained product is all zero."""
    exports = pd.DataFrame(values, index=[f"c{k}" for k in range(values.shape[0])],
                           columns=[f"p{k}" for k in range(values.shape[1])])
    population = pd.Series(np.random.default_rng(seed).uniform(0, 10, len(exports)),
                           index=exports.index)
    low, high = min(low, high), max(low, high)

    def sample(frame, **kwargs):
        try:
            return cx.complexity_sample(frame, **kwargs)
        except ValueError as error:
            assert "pass the filters" in str(error)
            return None

    both = sample(exports, min_exports=low, population=population, min_population=5.0)
    first = sample(exports, min_exports=low)
    if both is not None:
        assert first is not None
        chained = sample(first, population=population, min_population=5.0)
        assert chained is not None and chained.equals(both)
        assert (both.sum(axis=0) > 0).all()
        assert (exports.loc[both.index].sum(axis=1) >= low).all()
        assert (population[both.index] >= 5.0).all()
    strict = sample(exports, min_exports=high)
    if strict is not None:
        assert first is not None and set(strict.index) <= set(first.index)


@pytest.mark.parametrize("exports, kwargs, error, match", [
    ([[1.0, 2.0]], {}, TypeError, "must be a pandas DataFrame"),
    (SAMPLE_EXPORTS.assign(toys=[1.0, -1.0, 0.0, 0.0]), {}, ValueError, "negative values"),
    (SAMPLE_EXPORTS.assign(toys=[1.0, np.nan, 0.0, 0.0]), {}, ValueError, "missing|finite|NaN"),
    (SAMPLE_EXPORTS, {"min_exports": -1.0}, ValueError, "must be at least 0"),
    (SAMPLE_EXPORTS, {"min_exports": "1e9"}, TypeError, "must be a real number"),
    (SAMPLE_EXPORTS, {"min_population": 1e6}, ValueError,
     "`min_population` was passed without `population`"),
    (SAMPLE_EXPORTS, {"population": SAMPLE_POPULATION}, ValueError,
     "`population` was passed without `min_population`"),
    (SAMPLE_EXPORTS, {"population": SAMPLE_POPULATION.drop(["C", "D"]), "min_population": 1.0},
     ValueError, r"no value for \['C', 'D'\]"),
    (SAMPLE_EXPORTS, {"population": SAMPLE_POPULATION.astype(str), "min_population": 1.0},
     TypeError, "must hold numbers"),
    (SAMPLE_EXPORTS, {"population": SAMPLE_POPULATION * -1, "min_population": 1.0},
     ValueError, "negative values"),
    (SAMPLE_EXPORTS, {"population": SAMPLE_POPULATION, "min_population": -5.0},
     ValueError, "must be at least 0"),
    (SAMPLE_EXPORTS, {"min_exports": 60.0}, ValueError,
     r"Only 1 location\(s\) and 2 exported product\(s\) pass the filters"),
])
def test_complexity_sample_errors(exports, kwargs, error, match):
    with pytest.raises(error, match=match):
        cx.complexity_sample(exports, **kwargs)
