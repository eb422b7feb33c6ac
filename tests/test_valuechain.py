"""Tests of clusterlib.valuechain: published worked examples, identities, every error path.

Sources of the published values:

* Gereffi, G., Humphrey, J. & Sturgeon, T. (2005). The governance of global value chains.
  *Review of International Political Economy*, 12(1), 78–104: Table 1 (the five types) and the
  text beside it on the three other combinations.
* Gu, Q. (2007), the book's source document for Chapter 2 (中国产业集群 第6辑), section 二(二)1:
  the Logitech wireless mouse made in Suzhou (retail 40 dollars: Logitech 8, chips and sensors
  14, retail and wholesale 15, Suzhou 3) and the DVD player (12 dollars, 2.5 dollars royalty);
  section 二(一) for the Chinese terms of the upgrading taxonomies.
* NIST Statistical Reference Datasets, linear least squares, "Pontius" (load cell calibration,
  P. Pontius, NIST): 40 observations, model y = B0 + B1 x + B2 x^2, certified values
  B0 = 0.673565789473684E-03, B1 = 0.732059160401003E-06, B2 = -0.316081871345029E-14,
  residual standard deviation 0.205177424076185E-03, R^2 = 0.999999900178537.
"""

import math
import re
import unicodedata
from fractions import Fraction
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clusterlib import valuechain as vc

SETTINGS = settings(derandomize=True, deadline=None, max_examples=40,
                    suppress_health_check=[HealthCheck.too_slow])
SEED_003 = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "003_af95f37e52ae828d.txt"
MOUSE = {"Logitech": 8.0, "chips and sensors": 14.0, "retail and wholesale": 15.0, "Suzhou": 3.0}
LEVELS = [True, False, "high", "low", "HIGH", " Low "]


# ============================================================================================
# 1. Published worked examples
# ============================================================================================
@pytest.mark.parametrize("complexity, codifiability, capability, expected", [
    ("low", "high", "high", "market"),
    ("high", "high", "high", "modular"),
    ("high", "low", "high", "relational"),
    ("high", "high", "low", "captive"),
    ("high", "low", "low", "hierarchy"),
])
def test_governance_ghs_2005_table_1(complexity, codifiability, capability, expected):
    """Gereffi, Humphrey & Sturgeon (2005), Table 1: the five governance types."""
    assert vc.governance_type(complexity, codifiability, capability) == expected


@pytest.mark.parametrize("complexity, codifiability, capability, expected", [
    ("low", "low", "high", "unlikely"),
    ("low", "low", "low", "unlikely"),
    ("low", "high", "low", "excluded"),
])
def test_governance_ghs_2005_non_types(complexity, codifiability, capability, expected):
    """GHS (2005), text beside Table 1: low complexity with low codifiability is unlikely to
    occur (two combinations); low complexity, high codifiability and low supplier capability
    means exclusion from the chain. Neither is one of the five types."""
    outcome = vc.governance_type(complexity, codifiability, capability)
    assert outcome == expected and outcome not in vc.GOVERNANCE_TYPES


def test_governance_table_reproduces_table_1_in_order():
    """GHS (2005), Table 1, rows in order of rising explicit coordination and power asymmetry."""
    table = vc.governance_table()
    five = table.iloc[:5]
    assert five["governance"].tolist() == list(vc.GOVERNANCE_TYPES)
    assert five[["complexity", "codifiability", "capability"]].values.tolist() == [
        ["low", "high", "high"], ["high", "high", "high"], ["high", "low", "high"],
        ["high", "high", "low"], ["high", "low", "low"]]
    assert five["coordination"].tolist() == [f"{k} of 5" for k in range(1, 6)]
    # the document's Chinese names (Gu 2007, section 二(一))
    assert five["governance_zh"].tolist() == ["市场型", "模块型", "关系型", "领导型", "等级制"]
    assert sorted(table.iloc[5:]["governance"]) == ["excluded", "unlikely", "unlikely"]
    assert len(table.drop_duplicates(["complexity", "codifiability", "capability"])) == 8


def test_value_capture_logitech_mouse_gu_2007():
    """Gu (2007), section 二(二)1: of the mouse's 40-dollar retail price Logitech gets 8,
    chip and sensor makers 14, retail and wholesale 15, Suzhou 3; by hand 20 %, 35 %, 37.5 %,
    7.5 %, summing to 40 exactly."""
    shares = vc.value_capture(MOUSE, price=40.0)
    assert shares.to_dict() == {"Logitech": 0.2, "chips and sensors": 0.35,
                                "retail and wholesale": 0.375, "Suzhou": 0.075}
    assert shares.name == "value_capture_share"
    assert vc.value_capture(MOUSE).equals(shares)  # the parts are the whole price


def test_value_capture_dvd_royalty_gu_2007():
    """Gu (2007), section 二(二)1: a Chinese DVD player sold for 12 dollars in the US pays 2.5
    dollars to decoder patent holders: 2.5/12 = 5/24 of the price."""
    shares = vc.value_capture({"royalty": 2.5}, price=12.0, remainder="everyone else")
    assert shares["royalty"] == pytest.approx(float(Fraction(5, 24)), abs=1e-15)
    assert shares["everyone else"] == pytest.approx(float(Fraction(19, 24)), abs=1e-15)


PONTIUS_Y = [0.11019, 0.21956, 0.32949, 0.43899, 0.54803, 0.65694, 0.76562, 0.87487, 0.98292,
             1.09146, 1.20001, 1.30822, 1.41599, 1.52399, 1.63194, 1.73947, 1.84646, 1.95392,
             2.06128, 2.16844, 0.11052, 0.22018, 0.32939, 0.43886, 0.54798, 0.65739, 0.76596,
             0.87474, 0.98300, 1.09150, 1.20004, 1.30818, 1.41613, 1.52408, 1.63159, 1.73965,
             1.84696, 1.95445, 2.06177, 2.16829]
PONTIUS_X = [150_000.0 * k for k in range(1, 21)] * 2


def test_smile_curve_fit_nist_pontius():
    """NIST StRD "Pontius": the quadratic fit reproduces the certified coefficients, residual
    standard deviation and R^2. The curvature is negative (a frown, not a smile) and the vertex
    -B1 / (2 B2) lies far beyond the observed loads."""
    result = vc.smile_curve(PONTIUS_Y, positions=PONTIUS_X)
    certified = [0.673565789473684e-03, 0.732059160401003e-06, -0.316081871345029e-14]
    assert result.coefficients.tolist() == pytest.approx(certified, rel=1e-9)
    assert result.r_squared == pytest.approx(0.999999900178537, abs=1e-12)
    assert math.sqrt(result.fit.scale) == pytest.approx(0.205177424076185e-03, rel=1e-9)
    assert not result.is_smile and not result.vertex_inside
    assert result.vertex_position == pytest.approx(-certified[1] / (2 * certified[2]), rel=1e-8)


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


@pytest.mark.skipif(not SEED_003.is_file(), reason="../shared/seeds is not beside the repository")
def test_taxonomies_use_the_documents_terms():
    """Gu (2007), section 二(一): the four upgrading modes (流程升级、产品升级、功能升级和价值链升级)
    and the three strategies 贴牌制造, 自主设计制造, 自主品牌制造 appear verbatim in the document."""
    text = _squeeze(SEED_003.read_text(encoding="utf-8"))
    for term in [*vc.upgrading_types()["type_zh"], *vc.manufacturing_roles()["role_zh"],
                 *vc.governance_table()["governance_zh"].iloc[:5]]:
        assert term in text, term
    assert vc.upgrading_types().index.tolist() == ["process", "product", "functional", "chain"]
    assert vc.manufacturing_roles().index.tolist() == ["OEM", "ODM", "OBM"]


def test_manufacturing_roles_are_functional_upgrading_steps():
    """Humphrey & Schmitz (2002): the OEM -> ODM -> OBM steps add functions (design, then brand),
    i.e. both are functional upgrading in the taxonomy of upgrading_types()."""
    roles = vc.manufacturing_roles()
    assert roles.loc["ODM", "step_to_reach"].startswith("functional upgrading")
    assert roles.loc["OBM", "step_to_reach"].startswith("functional upgrading")
    controlled = [set(roles.loc[r, "functions_controlled"].split(", ")) for r in roles.index]
    assert controlled[0] < controlled[1] < controlled[2]


# ============================================================================================
# 2. Identities and invariances
# ============================================================================================
@SETTINGS
@given(st.tuples(*[st.sampled_from(LEVELS)] * 3))
def test_governance_accepts_booleans_and_words_alike(levels):
    as_bool = [v if isinstance(v, bool) else v.strip().lower() == "high" for v in levels]
    assert vc.governance_type(*levels) == vc.governance_type(*as_bool)


def test_each_governance_type_has_exactly_one_combination():
    table = vc.governance_table()
    counts = table["governance"].value_counts()
    assert all(counts[name] == 1 for name in vc.GOVERNANCE_TYPES)
    for row in table.itertuples():
        assert vc.governance_type(row.complexity, row.codifiability, row.capability) == row.governance


parts_strategy = st.lists(st.floats(0.0, 1e6, allow_nan=False), min_size=1, max_size=6).filter(
    lambda values: sum(values) > 0)


@SETTINGS
@given(parts_strategy, st.floats(0.01, 1e3))
def test_value_capture_shares_sum_to_one_and_scale_free(values, scale):
    parts = pd.Series(values, index=[f"p{k}" for k in range(len(values))])
    shares = vc.value_capture(parts)
    assert shares.sum() == pytest.approx(1.0)
    assert (shares >= 0).all() and shares.index.tolist() == parts.index.tolist()
    assert vc.value_capture(parts * scale).to_numpy() == pytest.approx(shares.to_numpy())
    price = float(parts.sum()) * 1.5
    with_rest = vc.value_capture(parts, price=price, remainder="rest")
    assert with_rest.sum() == pytest.approx(1.0) and with_rest["rest"] == pytest.approx(1 / 3)


@SETTINGS
@given(st.floats(0.1, 5.0), st.floats(-10.0, 10.0), st.floats(-3.0, 3.0),
       st.floats(-50.0, 50.0), st.floats(0.5, 20.0))
def test_smile_curve_recovers_a_quadratic_and_its_vertex(curvature, vertex, shift, offset, scale):
    """An exact quadratic is recovered; adding a constant or scaling the values leaves the vertex
    where it is; shifting the positions shifts the vertex by the same amount."""
    positions = np.linspace(vertex - 4.0, vertex + 4.0, 7)
    values = curvature * (positions - vertex) ** 2 + 1.0
    result = vc.smile_curve(values, positions=positions)
    assert result.vertex_position == pytest.approx(vertex, abs=1e-6)
    assert result.is_smile and result.vertex_inside and result.r_squared == pytest.approx(1.0)
    moved = vc.smile_curve(scale * values + offset, positions=positions + shift)
    assert moved.vertex_position == pytest.approx(vertex + shift, abs=1e-6)
    frown = vc.smile_curve(-values, positions=positions)
    assert not frown.is_smile and frown.vertex_position == pytest.approx(vertex, abs=1e-6)


def test_smile_curve_labels_default_positions_and_summary():
    stages = pd.Series([9.0, 4.0, 1.0, 2.0, 7.0],
                       index=["R&D", "parts", "assembly", "logistics", "brand"])
    result = vc.smile_curve(stages)
    frame = result.to_frame()
    assert frame.index.tolist() == stages.index.tolist()
    assert frame["position"].tolist() == [1.0, 2.0, 3.0, 4.0, 5.0]
    assert frame["residual"].sum() == pytest.approx(0.0, abs=1e-12)  # OLS with an intercept
    # by hand: the normal equations give c = 12/7, b = -381/35, so x* = 381/120 = 3.175
    assert result.vertex_position == pytest.approx(381 / 120)
    summary = result.summary()["value"]
    assert summary["observations"] == 5 and summary["smile (U shape)"] is True
    by_label = vc.smile_curve(stages, positions=pd.Series(
        {"brand": 5.0, "logistics": 4.0, "assembly": 3.0, "parts": 2.0, "R&D": 1.0}))
    assert by_label.vertex_position == pytest.approx(result.vertex_position)


def test_smile_curve_straight_line_has_no_vertex_inside():
    """Values on a straight line: the fitted curvature is zero up to rounding, so any vertex
    lies far outside the chain (or is None if the curvature is exactly zero)."""
    result = vc.smile_curve([2.0, 4.0, 6.0, 8.0])
    assert result.coefficients["quadratic"] == pytest.approx(0.0, abs=1e-12)
    assert not result.vertex_inside
    assert result.vertex_position is None or abs(result.vertex_position) > 1e6


# ============================================================================================
# 3. Error paths
# ============================================================================================
@pytest.mark.parametrize("value, error, match", [
    (1, TypeError, "must be True/False or the string 'high'/'low'; received int 1"),
    (0.5, TypeError, "received float"),
    (None, TypeError, "received NoneType"),
    ("medium", ValueError, "must be 'high' or 'low'.*received 'medium'"),
    ("", ValueError, "must be 'high' or 'low'"),
])
def test_governance_rejects_non_boolean_inputs(value, error, match):
    with pytest.raises(error, match=match):
        vc.governance_type(value, "high", "high")
    with pytest.raises(error, match="`capability`"):
        vc.governance_type("high", "high", value)


@pytest.mark.parametrize("parts, kwargs, error, match", [
    (MOUSE, {"price": 30.0}, ValueError, r"add up to 40, more than the whole \(30\)"),
    ({"royalty": 2.5}, {"price": 12.0}, ValueError, r"less than the price \(12\).*remainder="),
    (MOUSE, {"remainder": "rest"}, ValueError, "needs a `price`"),
    ({"a": 1.0, "b": -1.0}, {}, ValueError, "negative values"),
    ({"a": 0.0, "b": 0.0}, {}, ValueError, "All parts are zero"),
    ({"a": float("nan")}, {}, ValueError, "missing"),
    ({}, {}, ValueError, "at least 1 value"),
    ("forty", {}, TypeError, "must be a pandas Series"),
    (MOUSE, {"price": 0.0}, ValueError, "`price` must be positive"),
    (MOUSE, {"price": "40"}, TypeError, "`price` must be a real number"),
    ({"royalty": 2.5}, {"price": 12.0, "remainder": "royalty"}, ValueError, "already a participant"),
    ({"a": "3", "b": 2.0}, {}, TypeError, "must hold numbers"),
    ({"a": True, "b": 2.0}, {}, TypeError, "must hold numbers"),
    ({"a": True, "b": False}, {}, TypeError, "must hold numbers"),
    ({"royalty": 2.5}, {"price": 12.0, "remainder": 5}, TypeError,
     "`remainder` must be a string label.*received int 5"),
])
def test_value_capture_errors(parts, kwargs, error, match):
    with pytest.raises(error, match=match):
        vc.value_capture(parts, **kwargs)


@pytest.mark.parametrize("values, kwargs, error, match", [
    ([1.0, 2.0, 3.0], {}, ValueError, "at least four observations.*received 3"),
    ([1.0, 2.0, 3.0, 4.0], {"positions": [1.0, 1.0, 2.0, 2.0]}, ValueError, "at 2 position"),
    ([1.0, 2.0, 3.0, 4.0], {"positions": [1.0, 2.0, 3.0]}, ValueError, "has 3 values but"),
    ([1.0, float("nan"), 3.0, 4.0], {}, ValueError, "missing"),
    ([1.0, 1.0, 1.0, 1.0], {}, ValueError, r"All 4 values are equal \(1\)"),
    (["a", "b", "c", "d"], {}, TypeError, "must hold numbers"),
    ([1.0, 2.0, 3.0, 4.0], {"positions": "stages"}, TypeError, "`positions` must be"),
    (pd.Series([1.0, 2.0, 3.0, 4.0], index=list("abcd")),
     {"positions": pd.Series([1.0, 2.0, 3.0, 4.0], index=list("abce"))}, ValueError,
     r"\['d'\] are in `values` but not in `positions`"),
])
def test_smile_curve_errors(values, kwargs, error, match):
    with pytest.raises(error, match=match):
        vc.smile_curve(values, **kwargs)


@SETTINGS
@given(st.lists(st.floats(-100.0, 100.0), min_size=4, max_size=8).filter(
           lambda v: max(v) - min(v) > 1e-3),
       st.integers(-10**6, 10**6))
def test_smile_curve_fit_does_not_depend_on_where_positions_start(values, shift):
    """Shifting every position by a constant leaves R^2, the fitted values, the curvature and
    its p-value unchanged and moves the vertex by the same constant (the fit is on centred
    positions; on raw positions 1..n + 10^6 the squared column is ill-conditioned)."""
    positions = np.arange(1.0, len(values) + 1.0)
    base = vc.smile_curve(values, positions=positions)
    moved = vc.smile_curve(values, positions=positions + shift)
    assert moved.r_squared == pytest.approx(base.r_squared, abs=1e-9)
    assert moved.to_frame()["fitted"].to_numpy() == pytest.approx(
        base.to_frame()["fitted"].to_numpy(), abs=1e-7)
    assert moved.coefficients["quadratic"] == pytest.approx(base.coefficients["quadratic"],
                                                            rel=1e-9, abs=1e-9)
    assert float(moved.fit.pvalues["quadratic"]) == pytest.approx(
        float(base.fit.pvalues["quadratic"]), rel=1e-6, abs=1e-9)
    if base.vertex_position is not None and abs(base.coefficients["quadratic"]) > 1e-6:
        assert moved.vertex_position == pytest.approx(base.vertex_position + shift, abs=1e-6)
        assert moved.is_smile == base.is_smile and moved.vertex_inside == base.vertex_inside
