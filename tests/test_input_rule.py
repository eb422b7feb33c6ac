"""Tests of the input rule across clusterlib (issue 14): no silent wrong number on bad input.

Each reproduction of issue 14 (from a probe of every public function with bad inputs) is a test
here: the call now raises a clear ``ValueError``/``TypeError`` naming the argument, or returns the
value of the exact (unscaled, correctly aligned) computation. The hypothesis tests at the end
(item 12) check, per function family, invariance to units where a measure is scale-free, to row
order and to the label order of dicts, and refusal of complex numbers, non-boolean flags and
repeated labels.
"""

import itertools
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import clusterlib as cl

SETTINGS = settings(derandomize=True, deadline=None, max_examples=25,
                    suppress_health_check=[HealthCheck.too_slow])


def _years_with_gap() -> list[int]:
    return list(range(1970, 1980)) + list(range(1981, 2021))


def _noise(rows: int, columns: int = 2, seed: int = 2) -> np.ndarray:
    return np.random.default_rng(seed).normal(size=(rows, columns))


# ------------------------------------------------------------------------------------------------
# 1. gaps in float or string year indexes
# ------------------------------------------------------------------------------------------------
def test_fit_var_refuses_a_gap_in_float_years():
    data = pd.DataFrame(_noise(50), columns=["a", "b"],
                        index=[float(year) for year in _years_with_gap()])
    with pytest.raises(ValueError, match="1979 is followed by 1981"):
        cl.fit_var(data, lags=1)


def test_unit_root_tests_refuse_a_gap_in_float_years():
    data = pd.DataFrame(_noise(50), columns=["a", "b"],
                        index=[float(year) for year in _years_with_gap()])
    with pytest.raises(ValueError, match="not equally spaced"):
        cl.unit_root_tests(data)


@pytest.mark.parametrize("years", [_years_with_gap(), list(range(1970, 2020))])
def test_string_years_are_refused_with_the_fix(years):
    data = pd.DataFrame(_noise(50), columns=["a", "b"], index=[str(year) for year in years])
    with pytest.raises(TypeError, match=r"reads as numbers.*astype\(int\)"):
        cl.unit_root_tests(data)
    with pytest.raises(TypeError, match="reads as numbers"):
        cl.fit_var(data, lags=1)


def test_whole_number_float_years_fit_as_integer_years():
    values = _noise(50)
    as_float = pd.DataFrame(values, columns=["a", "b"],
                            index=[float(year) for year in range(1970, 2020)])
    as_int = as_float.set_axis(range(1970, 2020), axis=0)
    fitted, expected = cl.fit_var(as_float, lags=1), cl.fit_var(as_int, lags=1)
    np.testing.assert_array_equal(fitted.params.to_numpy(), expected.params.to_numpy())
    assert list(fitted.resid.index) == list(range(1971, 2020))


def test_quarterly_float_times_are_equally_spaced_and_a_missing_quarter_is_found():
    times = 2000.0 + 0.25 * np.arange(40)
    data = pd.DataFrame(_noise(40), columns=["a", "b"], index=times)
    assert len(cl.unit_root_tests(data).verdict) == 2
    with pytest.raises(ValueError, match="not equally spaced"):
        cl.unit_root_tests(data.drop(index=times[10]))


# ------------------------------------------------------------------------------------------------
# 2. dicts are matched by label, never by position
# ------------------------------------------------------------------------------------------------
INTERACTIONS = pd.DataFrame([[0.0, -0.5], [-0.4, 0.0]], index=["A", "B"], columns=["A", "B"])


def test_lotka_volterra_reads_a_dict_by_label():
    model = cl.lotka_volterra({"B": 0.5, "A": 1.0}, pd.Series({"A": 10.0, "B": 8.0}),
                              INTERACTIONS)
    assert model.growth.to_dict() == {"A": 1.0, "B": 0.5}
    same = cl.lotka_volterra(pd.Series({"A": 1.0, "B": 0.5}), {"B": 8.0, "A": 10.0},
                             INTERACTIONS)
    pd.testing.assert_series_equal(model.capacity, same.capacity)


@pytest.mark.parametrize("growth", [{"B": 0.5, "C": 1.0}, {"A": 1.0}, {"A": 1.0, "B": 0.5,
                                                                         "C": 2.0}])
def test_lotka_volterra_refuses_unknown_or_missing_labels(growth):
    with pytest.raises(ValueError, match="do not match"):
        cl.lotka_volterra(growth, {"A": 10.0, "B": 8.0}, INTERACTIONS)


def test_rates_and_simulate_read_a_dict_by_label():
    model = cl.lotka_volterra({"A": 1.0, "B": 0.5}, {"A": 10.0, "B": 8.0}, INTERACTIONS)
    by_dict = model.rates({"B": 4.0, "A": 5.0})
    pd.testing.assert_series_equal(by_dict, model.rates(pd.Series({"A": 5.0, "B": 4.0})))
    assert by_dict.round(3).tolist() == [1.5, 0.5]
    path = model.simulate({"B": 4.0, "A": 1.0}, t_max=1.0, n_points=3).path
    assert path.iloc[0].to_dict() == {"A": 1.0, "B": 4.0}
    with pytest.raises(ValueError, match="not in `sizes`"):
        model.rates({"A": 5.0})
    with pytest.raises(ValueError, match="in `initial` but not"):
        model.simulate({"A": 1.0, "B": 4.0, "C": 2.0})


def test_smile_curve_reads_dict_positions_by_label():
    values = pd.Series([9.0, 4.0, 1.0, 2.0, 7.0], index=list("abcde"))
    positions = {"a": 1.0, "b": 2.0, "c": 3.0, "d": 4.0, "e": 5.0}
    expected = cl.smile_curve(values).vertex_position
    reordered = dict(reversed(list(positions.items())))
    assert cl.smile_curve(values, positions=reordered).vertex_position == pytest.approx(expected)
    as_array = cl.smile_curve(values.to_numpy(), positions={4: 5.0, 3: 4.0, 2: 3.0, 1: 2.0,
                                                            0: 1.0})
    assert as_array.vertex_position == pytest.approx(expected)
    with pytest.raises(ValueError, match="in `positions` but not"):
        cl.smile_curve(values, positions={**positions, "f": 6.0})
    with pytest.raises(ValueError, match="not in `positions`"):
        cl.smile_curve(values, positions={"a": 1.0, "b": 2.0, "c": 3.0, "d": 4.0})


# ------------------------------------------------------------------------------------------------
# 3. flags must be True or False
# ------------------------------------------------------------------------------------------------
MATRIX = pd.DataFrame({"textiles": [50.0, 10.0, 5.0], "software": [50.0, 90.0, 20.0]},
                      index=["A", "B", "C"])
BEFORE = pd.Series({"primary": 10.0, "secondary": 50.0, "tertiary": 40.0})
AFTER = pd.Series({"primary": 5.0, "secondary": 40.0, "tertiary": 55.0})


@pytest.mark.parametrize("flag", ["False", "True", 0, 1, None, 1.0])
def test_location_quotient_refuses_a_binary_flag_that_is_not_a_bool(flag):
    with pytest.raises(TypeError, match="`binary` must be True or False"):
        cl.location_quotient(MATRIX, binary=flag)


@pytest.mark.parametrize("flag", ["radians", "False", 0, None])
def test_moore_index_refuses_a_degrees_flag_that_is_not_a_bool(flag):
    with pytest.raises(TypeError, match="`degrees` must be True or False"):
        cl.moore_index(BEFORE, AFTER, degrees=flag)


def test_numpy_booleans_are_flags():
    pd.testing.assert_frame_equal(cl.location_quotient(MATRIX, binary=np.bool_(True)),
                                  cl.location_quotient(MATRIX, binary=True))
    radians = cl.moore_index(BEFORE, AFTER, degrees=np.False_)
    assert radians == pytest.approx(np.radians(cl.moore_index(BEFORE, AFTER)))


def test_density_refuses_an_include_self_flag_that_is_not_a_bool():
    presence = pd.DataFrame([[1, 0, 1], [0, 1, 1], [1, 1, 0]], index=list("xyz"),
                            columns=list("pqr"))
    with pytest.raises(TypeError, match="`include_self` must be True or False"):
        cl.density(presence, include_self="yes")


# ------------------------------------------------------------------------------------------------
# 4. complex numbers are refused by the shared numeric checks
# ------------------------------------------------------------------------------------------------
WIDE = pd.DataFrame({"gdp": [1.0, 2.0, 4.0, 3.0], "rd": [0.5, 0.9, 0.7, 0.2],
                     "port": [3.0, 1.0, 2.0, 5.0]}, index=list("abcd"))


def _complex_frame(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.astype(complex)
    out.iloc[0, 0] += 1j
    return out


def _complex_series(series: pd.Series) -> pd.Series:
    out = series.astype(complex)
    out.iloc[0] += 1j
    return out


COMPLEX_CALLS = {
    "gini": lambda: cl.gini(np.array([20 + 5j, 50, 20, 10])),
    "location_quotient": lambda: cl.location_quotient(_complex_frame(MATRIX)),
    "herfindahl": lambda: cl.herfindahl(_complex_frame(MATRIX)),
    "concentration_ratio": lambda: cl.concentration_ratio(_complex_frame(MATRIX), n=1),
    "krugman_index": lambda: cl.krugman_index(_complex_frame(MATRIX)),
    "hoover_coefficient": lambda: cl.hoover_coefficient(_complex_frame(MATRIX)),
    "locational_gini": lambda: cl.locational_gini(_complex_frame(MATRIX)),
    "minmax_normalise": lambda: cl.minmax_normalise(_complex_frame(WIDE)),
    "entropy_weights": lambda: cl.entropy_weights(_complex_frame(WIDE)),
    "critic_weights": lambda: cl.critic_weights(_complex_frame(WIDE)),
    "std_weights": lambda: cl.std_weights(_complex_frame(WIDE)),
    "composite_index": lambda: cl.composite_index(_complex_frame(WIDE),
                                                  cl.equal_weights(WIDE)),
    "composite_index weights": lambda: cl.composite_index(
        WIDE, _complex_series(cl.equal_weights(WIDE))),
    "weight_sensitivity": lambda: cl.weight_sensitivity(_complex_frame(WIDE)),
    "order_degree": lambda: cl.order_degree(_complex_frame(WIDE)),
    "value_capture": lambda: cl.value_capture({"design": 1 + 1j, "assembly": 2.0}, price=10.0),
    "smile_curve": lambda: cl.smile_curve([9.0, 4.0, 1.0, 2.0 + 0j, 7.0 + 1j]),
    "smile_curve positions": lambda: cl.smile_curve([9.0, 4.0, 1.0, 2.0],
                                                    positions=[1, 2, 3, 4 + 1j]),
    "moore_index": lambda: cl.moore_index(_complex_series(BEFORE), AFTER),
    "lilien_index": lambda: cl.lilien_index(BEFORE, _complex_series(AFTER)),
    "structure_advancement": lambda: cl.structure_advancement(_complex_series(BEFORE)),
    "shift_share": lambda: cl.shift_share(_complex_frame(MATRIX), MATRIX),
    "gradient_coefficient": lambda: cl.gradient_coefficient(_complex_frame(MATRIX), MATRIX),
    "pooling_savings": lambda: cl.pooling_savings([1.0 + 1j, 2.0], scale_elasticity=0.8),
    "pooling_savings elasticity": lambda: cl.pooling_savings([1.0, 2.0],
                                                             scale_elasticity=0.8 + 0j),
    "collusion": lambda: cl.collusion(2, substitutability=0.5 + 0j),
    "shapley_value": lambda: cl.shapley_value({("A",): 1 + 0j, ("B",): 1.0, ("A", "B"): 3.0}),
    "lotka_volterra": lambda: cl.lotka_volterra([1.0 + 1j, 1.0], [1.0, 1.0],
                                                [[0.0, 0.5], [0.5, 0.0]]),
    "granger_f_test": lambda: cl.granger_f_test(_noise(20, 1)[:, 0] + 1j, _noise(20, 1)[:, 0]),
    "fit_var": lambda: cl.fit_var(_complex_frame(pd.DataFrame(_noise(30))), lags=1),
    "unit_root_tests": lambda: cl.unit_root_tests(_complex_frame(pd.DataFrame(_noise(30)))),
    "economic_complexity": lambda: cl.economic_complexity(
        _complex_frame(pd.DataFrame([[1, 0, 1], [0, 1, 1], [1, 1, 0]]).astype(float))),
}


@pytest.mark.parametrize("call", list(COMPLEX_CALLS.values()), ids=list(COMPLEX_CALLS))
def test_complex_numbers_are_refused(call):
    with pytest.raises(TypeError, match="real|not numeric|numeric array"):
        call()


# ------------------------------------------------------------------------------------------------
# 5. repeated labels in a selection
# ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("sectors", [["primary", "primary", "tertiary"],
                                     ["primary", "secondary", "tertiary", "tertiary"]])
def test_structure_advancement_refuses_repeated_sectors(sectors):
    with pytest.raises(ValueError, match="`sectors` names .* more than once"):
        cl.structure_advancement(BEFORE, sectors=sectors)


def test_granger_causality_refuses_repeated_names():
    data = pd.DataFrame(_noise(50), columns=["x", "y"])
    results = cl.fit_var(data, lags=1)
    with pytest.raises(ValueError, match=r"`caused` names \['x'\] more than once"):
        cl.granger_causality(results, caused=["x", "x"], causing="y")
    with pytest.raises(ValueError, match=r"`causing` names \['y'\] more than once"):
        cl.granger_causality(results, caused="x", causing=["y", "y"])


def test_directions_and_bounds_cannot_repeat_an_indicator_through_a_series():
    directions = pd.Series([1, 1, -1, 1], index=["gdp", "rd", "port", "port"])
    with pytest.raises(ValueError, match="more than once|duplicated"):
        cl.minmax_normalise(WIDE, directions=directions)


def test_order_degree_bounds_cannot_repeat_an_indicator():
    bounds = pd.DataFrame({"lower": [0.0, 0.0, 0.0, 0.0], "upper": [10.0, 1.0, 6.0, 9.0]},
                          index=["gdp", "rd", "port", "port"])
    with pytest.raises(ValueError, match=r"`bounds` names \['port'\] more than once"):
        cl.order_degree(WIDE, bounds=bounds)


# ------------------------------------------------------------------------------------------------
# 7. results that do not depend on units: scale-free rank and collinearity tests
# ------------------------------------------------------------------------------------------------
def _granger_pair(seed: int = 4) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=40)
    y = np.zeros(40)
    y[1:] = 0.8 * x[:-1] + rng.normal(size=39)
    return y, x


@pytest.mark.parametrize("y_scale, x_scale", [(1e12, 1.0), (1e13, 1e13), (1e-12, 1e6),
                                              (1e200, 1e-200)])
def test_granger_f_test_does_not_depend_on_units(y_scale, x_scale):
    y, x = _granger_pair()
    expected = cl.granger_f_test(y, x)
    scaled = cl.granger_f_test(y * y_scale + 5.0 * y_scale, x * x_scale)
    np.testing.assert_allclose(scaled[["statistic", "pvalue"]].to_numpy(),
                               expected[["statistic", "pvalue"]].to_numpy(), rtol=1e-9)


def test_granger_f_test_still_refuses_a_constant_series_at_any_scale():
    y, x = _granger_pair()
    for level in (1.0, 1e13, 1e-200):
        with pytest.raises(ValueError, match="collinear regressors"):
            cl.granger_f_test(y, np.full_like(x, level))


@pytest.mark.parametrize("scale", [1e13, 1e-13, 1e200, 1e-200])
def test_unit_root_statistics_do_not_depend_on_units(scale):
    data = pd.DataFrame(_noise(60).cumsum(axis=0), columns=["gdp", "share"])
    expected = cl.unit_root_tests(data)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no SingularMatrixWarning or RuntimeWarning
        scaled = cl.unit_root_tests(data * scale)
    for name in data.columns:
        assert scaled.adf[name].statistic == pytest.approx(expected.adf[name].statistic,
                                                           rel=1e-9)
        assert scaled.kpss[name].statistic == pytest.approx(expected.kpss[name].statistic,
                                                            rel=1e-9)
    assert scaled.verdict.tolist() == expected.verdict.tolist()


def test_collinearity_rule_is_scale_free():
    base = pd.DataFrame(_noise(30, 3), columns=["a", "b", "c"])
    rescaled = base * [1e-150, 1.0, 1e150]
    with pytest.raises(ValueError, match="exact linear combinations"):
        cl.fit_var(rescaled.assign(c=rescaled["a"] * 3e150 + rescaled["b"]), lags=1,
                   trend="n")
    from clusterlib import _validate
    _validate.check_not_collinear(base * [1e200, 1.0, 1e-200])  # independent at any scale
    with pytest.raises(ValueError, match="exact linear combinations"):
        _validate.check_not_collinear(base.assign(c=(base["a"] + base["b"]) * 1e200))


def test_var_in_different_units_gives_the_same_test_or_a_clear_refusal():
    data = pd.DataFrame(_noise(50), columns=["gdp", "share"]) + [10.0, 0.2]
    expected = cl.granger_causality(cl.fit_var(data, lags=1), caused="share", causing="gdp")
    in_thousands = cl.fit_var(data * [1e4, 1.0], lags=1)
    test = cl.granger_causality(in_thousands, caused="share", causing="gdp")
    assert test.pvalue == pytest.approx(expected.pvalue, rel=1e-8)
    assert (cl.select_lag_order(data * [1e4, 1.0], maxlags=3).selected_orders
            == cl.select_lag_order(data, maxlags=3).selected_orders)
    for scale in (1e13, 1e-150):  # GDP in yuan; a unit that leaves tiny numbers
        for call in (lambda: cl.fit_var(data * [scale, 1.0], lags=1),
                     lambda: cl.select_lag_order(data * [scale, 1.0], maxlags=3)):
            with pytest.raises(ValueError, match="differ too much in scale.*Change the units"):
                call()


def test_fit_lotka_volterra_refuses_units_that_break_least_squares():
    rng = np.random.default_rng(4)
    sizes = pd.DataFrame(np.exp(rng.normal(size=(12, 2))).cumsum(axis=0) + 1.0,
                         columns=["A", "B"])
    expected = cl.fit_lotka_volterra(sizes)
    in_thousands = cl.fit_lotka_volterra(sizes * 1e3)
    np.testing.assert_allclose(in_thousands.capacity.to_numpy(),
                               expected.capacity.to_numpy() * 1e3, rtol=1e-8)
    for scale in (1e13, 1e-150):
        with pytest.raises(ValueError, match="differ too much in scale"):
            cl.fit_lotka_volterra(sizes * [scale, 1.0])


# ------------------------------------------------------------------------------------------------
# 8. overflow and underflow: rescale where the measure is scale-free, else refuse with the reason
# ------------------------------------------------------------------------------------------------
@pytest.fixture
def no_runtime_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        yield


@pytest.mark.parametrize("scale", [1e-310, 1e-200, 1e200, 1e300])
def test_std_and_critic_weights_at_extreme_magnitudes(scale, no_runtime_warning):
    for function in (cl.std_weights, cl.critic_weights):
        np.testing.assert_allclose(function(WIDE * scale).to_numpy(),
                                   function(WIDE).to_numpy(), rtol=1e-9)


def test_minmax_normalise_of_a_range_that_overflows(no_runtime_warning):
    data = pd.DataFrame({"a": [-1e308, 1e308, 0.0], "b": [1.0, 2.0, 3.0]})
    z = cl.minmax_normalise(data)
    assert z["a"].tolist() == [0.0, 1.0, 0.5]
    summed = cl.minmax_normalise(pd.DataFrame({"a": [1e308, 1.7e308, 1.5e308], "b": [1, 2, 4.0]}))
    assert summed["a"].tolist() == pytest.approx([0.0, 1.0, 5 / 7])


def test_shift_share_refuses_growth_from_a_base_near_zero(no_runtime_warning):
    start = MATRIX.assign(textiles=[1e-310, 1e-310, 1e-310])
    for method in ("classic", "esteban_marquillas"):
        with pytest.raises(ValueError, match="growth rates overflow float64"):
            cl.shift_share(start, MATRIX * 1.5, method=method)


def test_lilien_index_at_extreme_magnitudes(no_runtime_warning):
    expected = cl.lilien_index(BEFORE, AFTER)
    assert cl.lilien_index(BEFORE * 1e300, AFTER * 1e-300) == pytest.approx(expected, rel=1e-12)
    assert cl.lilien_index(BEFORE * 1e306, AFTER) == pytest.approx(expected, rel=1e-12)
    tiny = BEFORE.copy()
    tiny["primary"] = 1e-310
    shares = tiny / tiny.sum()
    exact = np.sqrt((AFTER / AFTER.sum() * (np.log(AFTER) - np.log(tiny)
                                            - np.log(AFTER.sum() / tiny.sum())) ** 2).sum())
    assert np.isfinite(shares).all()
    assert cl.lilien_index(tiny, AFTER) == pytest.approx(float(exact), rel=1e-9)


def test_collusion_scales_profits_or_refuses_them(no_runtime_warning):
    base = cl.collusion(2, substitutability=0.5)
    big = cl.collusion(2, substitutability=0.5, intercept=1e100)
    assert big.critical_discount == pytest.approx(base.critical_discount, rel=1e-12)
    np.testing.assert_allclose(big.profiles["profit"].to_numpy(),
                               base.profiles["profit"].to_numpy() * 1e200, rtol=1e-12)
    for intercept in (1e200, 1e-200):
        with pytest.raises(ValueError, match="outside the range of float64"):
            cl.collusion(2, intercept=intercept)


def test_pooling_savings_at_extreme_volumes(no_runtime_warning):
    expected = cl.pooling_savings([1.0, 2.0], scale_elasticity=0.8)
    for scale in (1e200, 1e-300):
        result = cl.pooling_savings([1.0 * scale, 2.0 * scale], scale_elasticity=0.8)
        assert result.saving_share == pytest.approx(expected.saving_share, rel=1e-12)
        np.testing.assert_allclose(result.firms["shapley_saving_share"].to_numpy(),
                                   expected.firms["shapley_saving_share"].to_numpy(), rtol=1e-12)
    with pytest.raises(ValueError, match="`volumes` is too large to pool"):
        cl.pooling_savings([1e308, 1e308], scale_elasticity=0.8)


def test_simulate_transfer_names_the_overflowing_sum(no_runtime_warning):
    chain = pd.DataFrame({"sector": ["tertiary", "secondary"], "value_added": [1e308, 1e308],
                          "employment": [1.0, 2.0]}, index=["design", "production"])
    economy = pd.DataFrame({"value_added": [100.0, 1e308, 1e307], "employment": [1.0, 2.0, 3.0]},
                           index=["primary", "secondary", "tertiary"])
    with pytest.raises(ValueError, match="`chain \\+ source or destination` is too large"):
        cl.simulate_transfer(chain, source=economy, destination=economy, mode="complete")


def test_coupling_and_synergy_of_tiny_levels(no_runtime_warning):
    levels = pd.DataFrame({"a": [0.2, 0.5, 0.7], "b": [0.3, 0.4, 0.9]})
    expected = cl.coupling_coordination(levels).coupling  # the standard C is scale-free
    tiny = cl.coupling_coordination(levels * 1e-200).coupling
    np.testing.assert_allclose(tiny.to_numpy(), expected.to_numpy(), rtol=1e-12)
    # Wang et al.'s variant subtracts absolute gaps (not scale-free); its ratio term no longer
    # underflows: for tiny equal levels the gap is 0 and C is 1
    equal = cl.coupling_coordination(pd.DataFrame({"a": [1e-200], "b": [1e-200], "c": [1e-200]}),
                                     coupling="wang_2021").coupling
    assert equal.tolist() == [1.0]
    synergy = cl.synergy_degree(levels).synergy
    np.testing.assert_allclose(cl.synergy_degree(levels * 1e-200).synergy.to_numpy() * 1e200,
                               synergy.to_numpy(), rtol=1e-12)


def test_krugman_index_without_cancellation(no_runtime_warning):
    matrix = pd.DataFrame({"x": [1.0, 1e300], "y": [3.0, 1e300]}, index=["A", "B"])
    assert cl.krugman_index(matrix).tolist() == pytest.approx([0.5, 0.5])


# ------------------------------------------------------------------------------------------------
# 9. clear errors instead of errors from inside dependencies
# ------------------------------------------------------------------------------------------------
def test_collusion_refuses_substitutability_too_close_to_zero():
    for value in (1e-12, 1e-8, 1e-4):
        with pytest.raises(ValueError, match="`substitutability` .* too close to 0"):
            cl.collusion(2, substitutability=value)
    near = cl.collusion(2, substitutability=1e-3).critical_discount
    assert near == pytest.approx(0.5, abs=1e-4)  # the limit as substitutability goes to 0


def test_calibrate_scale_elasticity_below_its_bracket_is_explained():
    with pytest.raises(ValueError, match="needs a scale elasticity below 1e-12"):
        cl.calibrate_scale_elasticity([1.0, 2.0], saving=0.5 - 1e-15)
    beta = cl.calibrate_scale_elasticity([1.0, 2.0], saving=0.1)
    assert cl.pooling_savings([1.0, 2.0], scale_elasticity=beta).saving_share == pytest.approx(0.1)
    huge = cl.calibrate_scale_elasticity([1e308, 1e308], saving=0.1)  # scale-free
    assert huge == pytest.approx(cl.calibrate_scale_elasticity([1.0, 1.0], saving=0.1))


def test_equilibria_with_capacities_near_the_float_limit(no_runtime_warning):
    competing = cl.lotka_volterra([1.0, 1.0], [1e308, 1e308], [[0.0, -0.5], [-0.5, 0.0]])
    ordinary = cl.lotka_volterra([1.0, 1.0], [1.0, 1.0], [[0.0, -0.5], [-0.5, 0.0]])
    big, small = competing.equilibria().equilibria, ordinary.equilibria().equilibria
    assert big["type"].tolist() == small["type"].tolist()
    np.testing.assert_allclose(big[[0, 1]].to_numpy(dtype=float) / 1e308,
                               small[[0, 1]].to_numpy(dtype=float), rtol=1e-12)
    helping = cl.lotka_volterra([1.0, 1.0], [1e308, 1e308], [[0.0, 0.5], [0.5, 0.0]])
    with pytest.raises(ValueError, match="beyond float64's range"):
        helping.equilibria()


def test_simulate_default_bound_never_blames_the_caller(no_runtime_warning):
    model = cl.lotka_volterra([1.0, 1.0], [1e308, 1e308], [[0.0, -0.5], [-0.5, 0.0]])
    path = model.simulate([1e300, 1e300], t_max=1.0, n_points=3)
    assert not path.exceeded_bound and np.isfinite(path.path.to_numpy()).all()
    with pytest.raises(ValueError, match="too large to integrate"):
        model.simulate([1.7e308, 1.7e308], t_max=1.0)


def test_simulate_refuses_a_horizon_without_practical_limit():
    model = cl.lotka_volterra([1.0, 1.0], [1.0, 1.0], [[0.0, -0.5], [-0.5, 0.0]])
    with pytest.raises(ValueError, match="`t_max`=1e\\+08"):
        model.simulate([0.1, 0.2], t_max=1e8)


@pytest.mark.parametrize("function", [cl.entropy_weights, cl.critic_weights, cl.std_weights])
def test_time_given_as_a_list_is_refused_by_name(function):
    data = WIDE.assign(year=[1, 1, 2, 2])
    with pytest.raises(TypeError, match="`time` must be the name of one index level or column"):
        function(data, time=["year"])


@pytest.mark.parametrize("rng, error", [("seed", TypeError), (1.5, TypeError), (True, TypeError),
                                        (-1, ValueError)])
def test_rng_of_the_wrong_kind_is_refused_by_name(rng, error):
    with pytest.raises(error, match="`rng`"):
        cl.granger_monte_carlo(n_obs=[20], effects=[0.0], replications=10, rng=rng)


def test_the_same_rng_seed_or_generator_gives_the_same_result():
    first = cl.granger_monte_carlo(n_obs=[20], effects=[0.0], replications=50, rng=3)
    again = cl.granger_monte_carlo(n_obs=[20], effects=[0.0], replications=50,
                                   rng=np.random.default_rng(3))
    pd.testing.assert_frame_equal(first.table, again.table)


def test_counts_without_practical_limit_are_refused_by_name():
    results = cl.fit_var(pd.DataFrame(_noise(50), columns=["x", "y"]), lags=1)
    presence = pd.DataFrame([[1, 0, 1], [0, 1, 1], [1, 1, 0]], index=list("xyz"),
                            columns=list("pqr"))
    model = cl.lotka_volterra([1.0, 1.0], [1.0, 1.0], [[0.0, 0.5], [0.5, 0.0]])
    calls = {
        "periods": lambda: cl.impulse_responses(results, periods=2**63),
        "periods ": lambda: cl.variance_decomposition(results, periods=2**40),
        "replications": lambda: cl.granger_monte_carlo(replications=2**63, rng=1),
        "n_obs": lambda: cl.granger_monte_carlo(n_obs=[2**40], replications=10, rng=1),
        "burn_in": lambda: cl.granger_monte_carlo(burn_in=2**40, replications=10, rng=1),
        "n_points": lambda: model.simulate([0.1, 0.2], n_points=2**40),
        "iterations": lambda: cl.method_of_reflections(presence, iterations=2**63),
    }
    for name, call in calls.items():
        with pytest.raises(ValueError, match=f"`{name.strip()}` must be at least"):
            call()
    with pytest.raises(ValueError, match="simulated values"):
        cl.granger_monte_carlo(n_obs=[100_000], replications=1_000, rng=1)


# ------------------------------------------------------------------------------------------------
# 10. results the caller cannot use are refused
# ------------------------------------------------------------------------------------------------
def test_orthogonalised_results_of_a_var_with_singular_residual_covariance_are_refused():
    with pytest.warns(UserWarning, match="singular"):
        results = cl.fit_var(pd.DataFrame(_noise(6, 3, seed=1), columns=list("abc")), lags=1)
    with pytest.raises(ValueError, match="residual covariance matrix of this VAR is singular"):
        cl.impulse_responses(results, periods=3)
    with pytest.raises(ValueError, match="variance decomposition is undefined"):
        cl.variance_decomposition(results, periods=3)


def test_orthogonalised_results_of_a_var_in_any_units_are_kept():
    data = pd.DataFrame(_noise(50), columns=["x", "y"])
    expected = cl.impulse_responses(cl.fit_var(data, lags=1), periods=4).irfs
    rescaled = cl.impulse_responses(cl.fit_var(data * [1e4, 1e-4], lags=1), periods=4).irfs
    np.testing.assert_allclose(rescaled[:, 0, 1] * 1e-8, expected[:, 0, 1], rtol=1e-8)


def test_simulate_bound_below_the_starting_total_is_refused():
    model = cl.lotka_volterra([1.0, 1.0], [1.0, 1.0], [[0.0, 0.5], [0.5, 0.0]])
    with pytest.raises(ValueError, match=r"`bound` \(0.2\) must exceed the starting total"):
        model.simulate([0.1, 0.2], bound=0.2)


def test_simulate_transfer_refuses_a_result_whose_table_would_be_undefined():
    chain = pd.DataFrame({"sector": ["tertiary", "secondary"], "value_added": [10.0, 20.0],
                          "employment": [0.5, 4.0]}, index=["design", "production"])
    source = pd.DataFrame({"value_added": [100.0, 1000.0, 1500.0],
                           "employment": [20.0, 100.0, 100.0]},
                          index=["primary", "secondary", "tertiary"])
    destination = source.copy()
    destination.loc["secondary"] = [0.0, 0.0]
    for mode, moved in (("complete", None), ("incomplete", ["design"]), ("replicating", None)):
        with pytest.raises(ValueError, match=r"Secondary value added is zero.*'destination'"):
            cl.simulate_transfer(chain, source=source, destination=destination, mode=mode,
                                 moved=moved)
    result = cl.simulate_transfer(chain, source=source, destination=source, mode="complete")
    table = result.to_frame()
    structure = ["advancement_ratio", "advancement_weighted", "rationalisation"]
    assert np.isfinite(table[structure].to_numpy()).all()


# ------------------------------------------------------------------------------------------------
# 6. contradictory or malformed games
# ------------------------------------------------------------------------------------------------
def test_shapley_value_refuses_one_coalition_with_two_worths():
    game = {("A",): 1.0, ("B",): 1.0, ("A", "B"): 3.0, ("B", "A"): 4.0}
    with pytest.raises(ValueError, match="the same players"):
        cl.shapley_value(game)
    consistent = {("A",): 1.0, ("B",): 1.0, ("A", "B"): 3.0, ("B", "A"): 3.0}
    assert cl.shapley_value(consistent).tolist() == [1.5, 1.5]


def test_shapley_value_refuses_a_player_listed_twice_in_a_coalition():
    with pytest.raises(ValueError, match=r"\('A', 'A'\) of `game` lists a player more than once"):
        cl.shapley_value({("A", "A"): 1.0})


def test_shapley_value_reads_a_single_player_given_alone():
    by_number = cl.shapley_value({1: 1.0, 2: 2.0, (1, 2): 6.0})
    assert by_number.to_dict() == {1: 2.5, 2: 3.5}
    assert cl.shapley_value({"firm": 2.0}).tolist() == [2.0]


def test_shapley_value_refuses_players_given_as_a_string():
    game = {"a": 1.0, "b": 1.0, ("a", "b"): 3.0}
    with pytest.raises(TypeError, match="a string would be split into letters"):
        cl.shapley_value(game, players="ab")
    assert cl.shapley_value(game, players=["b", "a"]).to_dict() == {"b": 1.5, "a": 1.5}


# ------------------------------------------------------------------------------------------------
# 11. reference options regional studies use
# ------------------------------------------------------------------------------------------------
# EconGeo's example vectors (hoover_index / Hoover.Gini help pages: ind <- c(0, 10, 10, 30, 50),
# pop <- c(10, 15, 20, 25, 30)); its pages print no value, so the index is computed by hand:
# shares of ind 0, .1, .1, .3, .5 and of pop .1, .15, .2, .25, .3 differ by .1, .05, .1, .05, .2,
# whose half-sum is 0.25.
ECONGEO_IND = pd.DataFrame({"ind": [0.0, 10.0, 10.0, 30.0, 50.0]}, index=list("abcde"))
ECONGEO_POP = pd.Series([10.0, 15.0, 20.0, 25.0, 30.0], index=list("abcde"))


def test_hoover_coefficient_against_a_separate_reference_distribution():
    assert cl.hoover_coefficient(ECONGEO_IND, reference=ECONGEO_POP)["ind"] == pytest.approx(0.25)
    shuffled = ECONGEO_POP.sample(frac=1.0, random_state=0).to_dict()
    assert cl.hoover_coefficient(ECONGEO_IND, reference=shuffled)["ind"] == pytest.approx(0.25)
    in_thousands = cl.hoover_coefficient(ECONGEO_IND, reference=ECONGEO_POP * 1e3)
    assert in_thousands["ind"] == pytest.approx(0.25)


def test_reference_equal_to_the_row_sums_gives_the_default():
    pd.testing.assert_series_equal(cl.hoover_coefficient(MATRIX, reference=MATRIX.sum(axis=1)),
                                   cl.hoover_coefficient(MATRIX), rtol=1e-12)
    pd.testing.assert_series_equal(cl.locational_gini(MATRIX, reference=MATRIX.sum(axis=1)),
                                   cl.locational_gini(MATRIX), rtol=1e-12)


def test_locational_gini_against_a_reference_by_hand():
    # LQs against population shares: 0/.1, .1/.15, .1/.2, .3/.25, .5/.3 = 0, .67, .5, 1.2, 1.67;
    # sorted by LQ (a, c, b, d, e), G = sum_k (s_k X_{k-1} - x_k Y_{k-1}) (Krugman's Lorenz curve)
    s = np.array([0.0, 0.1, 0.1, 0.3, 0.5])
    x = np.array([0.1, 0.2, 0.15, 0.25, 0.3])
    expected = float((s * np.concatenate([[0], np.cumsum(x)[:-1]])
                      - x * np.concatenate([[0], np.cumsum(s)[:-1]])).sum())
    result = cl.locational_gini(ECONGEO_IND, reference=ECONGEO_POP)
    assert result["ind"] == pytest.approx(expected)


def test_reference_errors():
    with pytest.raises(ValueError, match="not both"):
        cl.hoover_coefficient(MATRIX, total=MATRIX.sum(axis=1), reference=MATRIX.sum(axis=1))
    with pytest.raises(ValueError, match="do not match"):
        cl.hoover_coefficient(MATRIX, reference={"A": 1.0, "B": 2.0, "Z": 3.0})
    with pytest.raises(ValueError, match="negative"):
        cl.hoover_coefficient(MATRIX, reference={"A": 1.0, "B": -2.0, "C": 3.0})
    with pytest.raises(ValueError, match="zero for every region"):
        cl.hoover_coefficient(MATRIX, reference={"A": 0.0, "B": 0.0, "C": 0.0})
    with pytest.raises(ValueError, match="zero or negative"):
        cl.locational_gini(MATRIX, reference={"A": 0.0, "B": 2.0, "C": 3.0})


def test_location_quotient_accepts_totals_short_by_rounding_with_a_warning():
    matrix = pd.DataFrame({"textiles": [50.0, 10.0], "software": [50.0, 90.0]},
                          index=["A", "B"])
    published = pd.Series({"A": 99.95, "B": 100.0})  # 0.05 % below A's row sum of 100
    with pytest.warns(UserWarning, match=r"\['A'\] by at most 0.050%"):
        result = cl.location_quotient(matrix, total=published)
    pd.testing.assert_frame_equal(result, cl.location_quotient(matrix))
    with pytest.raises(ValueError, match=r"regions \['A'\] .*by more than the 0.1%"):
        cl.location_quotient(matrix, total=pd.Series({"A": 99.0, "B": 100.0}))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # within 1e-9: no warning
        cl.location_quotient(matrix, total=pd.Series({"A": 100.0 * (1 - 1e-12), "B": 100.0}))


# ------------------------------------------------------------------------------------------------
# 12. property tests per function family (hypothesis)
# ------------------------------------------------------------------------------------------------
SCALES = st.sampled_from([1e-200, 1e-12, 1e-3, 7.0, 1e4, 1e13, 1e200])
POSITIVE = st.floats(min_value=0.5, max_value=100.0, allow_nan=False, allow_infinity=False)


@st.composite
def region_industry(draw, min_regions=2, max_regions=6, min_industries=2, max_industries=4):
    rows = draw(st.integers(min_regions, max_regions))
    cols = draw(st.integers(min_industries, max_industries))
    values = draw(st.lists(st.lists(POSITIVE, min_size=cols, max_size=cols), min_size=rows,
                           max_size=rows))
    return pd.DataFrame(values, index=[f"r{i}" for i in range(rows)],
                        columns=[f"i{j}" for j in range(cols)])


def _permuted(frame: pd.DataFrame, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    return frame.iloc[rng.permutation(frame.shape[0]), rng.permutation(frame.shape[1])]


AGGLOMERATION = {
    "location_quotient": lambda m: cl.location_quotient(m),
    "herfindahl": lambda m: cl.herfindahl(m).to_frame(),
    "krugman_index": lambda m: cl.krugman_index(m),
    "hoover_coefficient": lambda m: cl.hoover_coefficient(m),
    "locational_gini": lambda m: cl.locational_gini(m),
}


@SETTINGS
@given(matrix=region_industry(), scale=SCALES, seed=st.integers(0, 100))
def test_agglomeration_measures_do_not_depend_on_units_or_order(matrix, scale, seed):
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        for name, measure in AGGLOMERATION.items():
            expected = measure(matrix)
            scaled = measure(matrix * scale)
            reordered = measure(_permuted(matrix, seed))
            np.testing.assert_allclose(np.asarray(scaled, dtype=float),
                                       np.asarray(expected, dtype=float), rtol=1e-9,
                                       atol=1e-12, err_msg=name)
            if isinstance(expected, pd.DataFrame):
                reordered = reordered.loc[expected.index, expected.columns]
            else:
                reordered = reordered.loc[expected.index]
            np.testing.assert_allclose(np.asarray(reordered, dtype=float),
                                       np.asarray(expected, dtype=float), rtol=1e-9,
                                       err_msg=name)
        values = matrix.iloc[:, 0].to_numpy()
        assert cl.gini(values * scale) == pytest.approx(cl.gini(values), rel=1e-9)


@SETTINGS
@given(matrix=region_industry(), seed=st.integers(0, 100))
def test_hoover_reference_is_read_by_label(matrix, seed):
    reference = pd.Series(np.arange(1.0, len(matrix) + 1.0), index=matrix.index)
    shuffled = reference.sample(frac=1.0, random_state=seed)
    pd.testing.assert_series_equal(cl.hoover_coefficient(matrix, reference=shuffled.to_dict()),
                                   cl.hoover_coefficient(matrix, reference=reference))


# Units by exact powers of two (2**-664 is about 1e-200): the scaled data are then the same
# numbers in other units, without the rounding of a decimal factor, which an entropy weight near 0
# (1 - e of two numbers near 1) would amplify beyond any fixed tolerance.
EXACT_SCALES = st.sampled_from([2.0 ** -664, 2.0 ** -40, 2.0 ** -10, 2.0 ** 10, 2.0 ** 40, 2.0 ** 664])


@SETTINGS
@given(data=region_industry(min_regions=3, max_regions=8, min_industries=2, max_industries=4),
       scale=EXACT_SCALES, seed=st.integers(0, 100))
def test_weights_do_not_depend_on_units_or_row_order(data, scale, seed):
    rng = np.random.default_rng(seed)
    # a seeded perturbation: no indicator is constant and no two are perfectly correlated
    data = data + rng.uniform(0.0, 1.0, size=data.shape)
    rows = data.iloc[rng.permutation(len(data))]
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        for function in (cl.critic_weights, cl.std_weights, cl.entropy_weights):
            expected = function(data)
            # the logarithms inside entropy weights still round differently in other units, and
            # another row order sums in another order (rounding 1e-16); a weight near 0 amplifies
            # both: weights (all in [0, 1]) compared to 1e-7 relative or 1e-9 absolute
            np.testing.assert_allclose(function(data * scale).to_numpy(), expected.to_numpy(),
                                       rtol=1e-7, atol=1e-9, err_msg=function.__name__)
            np.testing.assert_allclose(function(rows).to_numpy(), expected.to_numpy(),
                                       rtol=1e-7, atol=1e-9, err_msg=function.__name__)
        z = cl.minmax_normalise(data * scale)
        np.testing.assert_allclose(z.to_numpy(), cl.minmax_normalise(data).to_numpy(),
                                   rtol=1e-9, atol=1e-12)


@SETTINGS
@given(levels=st.lists(st.lists(st.floats(0.01, 1.0), min_size=3, max_size=3), min_size=2,
                       max_size=5),
       scale=st.sampled_from([1e-200, 1e-12, 1e-3, 0.5]), seed=st.integers(0, 100))
def test_coupling_degree_does_not_depend_on_units_or_row_order(levels, scale, seed):
    frame = pd.DataFrame(levels, columns=["economy", "environment", "society"])
    expected = cl.coupling_coordination(frame).coupling
    np.testing.assert_allclose(cl.coupling_coordination(frame * scale).coupling.to_numpy(),
                               expected.to_numpy(), rtol=1e-9)
    rows = frame.sample(frac=1.0, random_state=seed)
    pd.testing.assert_series_equal(cl.coupling_coordination(rows).coupling.loc[expected.index],
                                   expected)


@SETTINGS
@given(start=st.lists(POSITIVE, min_size=3, max_size=3), end=st.lists(POSITIVE, min_size=3,
                                                                       max_size=3),
       scale=SCALES, seed=st.integers(0, 100))
def test_structure_indices_do_not_depend_on_units_or_sector_order(start, end, scale, seed):
    sectors = ["primary", "secondary", "tertiary"]
    before, after = pd.Series(start, index=sectors), pd.Series(end, index=sectors)
    order = list(np.random.default_rng(seed).permutation(sectors))
    for index in (cl.moore_index, cl.lilien_index):
        expected = index(before, after)
        assert index(before * scale, after) == pytest.approx(expected, rel=1e-9, abs=1e-12)
        assert index(before[order], after[order]) == pytest.approx(expected, rel=1e-12,
                                                                   abs=1e-12)
    assert cl.structure_advancement(before * scale) == pytest.approx(
        cl.structure_advancement(before), rel=1e-12)


@SETTINGS
@given(y_scale=SCALES, x_scale=SCALES, shift=st.floats(-1e3, 1e3), seed=st.integers(0, 50))
def test_granger_f_test_does_not_depend_on_units_or_means(y_scale, x_scale, shift, seed):
    y, x = _granger_pair(seed)
    expected = cl.granger_f_test(y, x)["statistic"].to_numpy()
    scaled = cl.granger_f_test((y + shift) * y_scale, x * x_scale)["statistic"].to_numpy()
    np.testing.assert_allclose(scaled, expected, rtol=1e-7)


@SETTINGS
@given(growth=st.lists(st.floats(0.1, 3.0), min_size=3, max_size=3),
       capacity=st.lists(st.floats(1.0, 50.0), min_size=3, max_size=3), seed=st.integers(0, 100))
def test_lotka_volterra_reads_dicts_by_label_in_any_order(growth, capacity, seed):
    labels = ["A", "B", "C"]
    interactions = pd.DataFrame([[0.0, -0.2, 0.1], [-0.3, 0.0, 0.0], [0.1, 0.0, 0.0]],
                                index=labels, columns=labels)
    order = list(np.random.default_rng(seed).permutation(labels))
    as_dict = cl.lotka_volterra({k: growth[labels.index(k)] for k in order},
                                {k: capacity[labels.index(k)] for k in order}, interactions)
    as_series = cl.lotka_volterra(pd.Series(growth, index=labels),
                                  pd.Series(capacity, index=labels), interactions)
    pd.testing.assert_series_equal(as_dict.growth, as_series.growth)
    pd.testing.assert_series_equal(as_dict.capacity, as_series.capacity)
    sizes = {k: float(i + 1) for i, k in enumerate(order)}
    pd.testing.assert_series_equal(as_dict.rates(sizes),
                                   as_series.rates(pd.Series(sizes).reindex(labels)))


@SETTINGS
@given(worths=st.lists(st.floats(0.0, 10.0), min_size=7, max_size=7), seed=st.integers(0, 100))
def test_shapley_value_does_not_depend_on_how_coalitions_are_written(worths, seed):
    rng = np.random.default_rng(seed)
    players = ["A", "B", "C"]
    coalitions = [c for size in (1, 2, 3) for c in itertools.combinations(players, size)]
    game = dict(zip(coalitions, worths))
    written = {tuple(rng.permutation(list(c))): v for c, v in reversed(list(game.items()))}
    pd.testing.assert_series_equal(cl.shapley_value(written, players=players),
                                   cl.shapley_value(game, players=players))


@SETTINGS
@given(volumes=st.lists(POSITIVE, min_size=2, max_size=5), scale=SCALES)
def test_pooling_shares_do_not_depend_on_units(volumes, scale):
    expected = cl.pooling_savings(volumes, scale_elasticity=0.7)
    scaled = cl.pooling_savings([v * scale for v in volumes], scale_elasticity=0.7)
    assert scaled.saving_share == pytest.approx(expected.saving_share, rel=1e-9, abs=1e-15)


@SETTINGS
@given(values=st.lists(st.floats(0.5, 10.0), min_size=5, max_size=5).filter(
    lambda v: len(set(v)) > 1), seed=st.integers(0, 100))
def test_smile_curve_reads_dict_positions_by_label_in_any_order(values, seed):
    stages = list("abcde")
    series = pd.Series(values, index=stages)
    positions = {stage: float(i) for i, stage in enumerate(stages)}
    order = list(np.random.default_rng(seed).permutation(stages))
    shuffled = {stage: positions[stage] for stage in order}
    assert cl.smile_curve(series, positions=shuffled).r_squared == pytest.approx(
        cl.smile_curve(series).r_squared, rel=1e-9, abs=1e-12)


# refusals shared by every family: complex numbers, flags that are not booleans, repeated labels
@SETTINGS
@given(real=POSITIVE, imaginary=st.floats(-5.0, 5.0).filter(lambda v: v != 0.0),
       call=st.sampled_from(sorted(COMPLEX_CALLS)))
def test_complex_input_is_refused_by_every_family(real, imaginary, call):
    with pytest.raises(TypeError, match="real|not numeric|numeric array"):
        COMPLEX_CALLS[call]()
    with pytest.raises(TypeError, match="real|numbers"):
        cl.gini(np.array([real, complex(real, imaginary), 1.0]))


NOT_A_FLAG = st.one_of(st.text(max_size=6), st.integers(), st.floats(allow_nan=False),
                       st.none(), st.lists(st.booleans(), max_size=2))


@SETTINGS
@given(flag=NOT_A_FLAG)
def test_flags_refuse_anything_but_a_bool(flag):
    with pytest.raises(TypeError, match="must be True or False"):
        cl.location_quotient(MATRIX, binary=flag)
    with pytest.raises(TypeError, match="must be True or False"):
        cl.moore_index(BEFORE, AFTER, degrees=flag)


@SETTINGS
@given(repeat=st.sampled_from(["primary", "secondary", "tertiary"]),
       where=st.integers(0, 3))
def test_repeated_labels_in_a_selection_are_refused(repeat, where):
    sectors = ["primary", "secondary", "tertiary"]
    sectors.insert(where, repeat)
    with pytest.raises(ValueError, match="more than once"):
        cl.structure_advancement(BEFORE, sectors=sectors)
    with pytest.raises(ValueError, match="more than once"):
        cl.minmax_normalise(WIDE, directions=pd.Series(1, index=["gdp", "rd", "port", "rd"]))


def test_value_capture_and_composite_index_at_extreme_magnitudes(no_runtime_warning):
    assert cl.value_capture({"design": 1e308, "assembly": 1e308}).tolist() == [0.5, 0.5]
    wide = pd.DataFrame({"x": [-1e308, 1e308, 0.0], "y": [1.0, 2.0, 3.0]})
    ordinary = pd.DataFrame({"x": [-1.0, 1.0, 0.0], "y": [1.0, 2.0, 3.0]})
    weights = {"x": 0.5, "y": 0.5}
    pd.testing.assert_series_equal(cl.composite_index(wide, weights),
                                   cl.composite_index(ordinary, weights))
