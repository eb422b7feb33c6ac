r"""Unit roots, vector autoregressions and Granger causality, over statsmodels (Chapter 3).

A thin layer over ``statsmodels.tsa``: every estimate comes from statsmodels and its own
results objects are returned (``VARResults``, ``LagOrderResults``, ``CausalityTestResults``,
``IRAnalysis``, ``FEVD``, ``ADFullerResult``, ``KPSSResult``), or small clusterlib results that
hold statsmodels' numbers. What this module adds are the
guardrails statsmodels lacks for the short annual series of regional studies:

* input checks that name the series at fault (unequal lengths, gaps, a missing year, text
  columns, constant series);
* a refusal to fit a VAR whose residual degrees of freedom would be zero or negative
  (statsmodels fits a VAR(3) of two series on 8 observations and prints numbers), a warning
  when they are small, and :func:`var_observations_needed` to say how many observations a lag
  order needs;
* ADF and KPSS run together with a plain-language verdict that says when they disagree, with
  the deterministic terms, a fixed or automatic lag and the critical-value tables stated, and a
  warning when an ADF regression has fewer than 10 residual degrees of freedom;
* tests in levels with a verdict: Engle–Granger and Johansen cointegration
  (:func:`engle_granger`, :func:`johansen_test`), the Zivot–Andrews unit-root test with one
  break (:func:`zivot_andrews_test`) and the Toda–Yamamoto Granger test (:func:`toda_yamamoto`);
* Granger tests with the equation's or the system's degrees of freedom, cumulative impulse
  responses (:func:`cumulative_impulse_responses`) and maximum-likelihood or df-corrected
  standard errors (:func:`var_standard_errors`);
* a Granger F-test vectorised over many replications (:func:`granger_f_test`) and a seeded
  Monte Carlo of its size and power (:func:`granger_monte_carlo`).

statsmodels is imported inside the functions, so ``import clusterlib`` stays fast for chapters
that do not use this module.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from clusterlib import _lazy
from clusterlib._validate import (
    MAX_COUNT,
    _listed,
    as_generator,
    as_time_series_frame,
    check_choice,
    check_comparable_scales,
    check_flag,
    check_integer,
    check_no_repeats,
    check_positive_int,
    check_real,
    check_not_collinear,
    check_real_between,
    check_varying,
    is_real_dtype,
    power_of_two_scale,
)

# Heavy dependencies, imported at first use so that `import clusterlib` stays fast (_lazy.py).
stats = _lazy.module("scipy.stats")

__all__ = [
    "TRENDS",
    "SMALL_RESIDUAL_DF",
    "unit_root_tests",
    "UnitRootResult",
    "var_observations_needed",
    "select_lag_order",
    "fit_var",
    "granger_causality",
    "impulse_responses",
    "variance_decomposition",
    "var_stability",
    "VARStabilityResult",
    "granger_f_test",
    "granger_monte_carlo",
    "GrangerMonteCarloResult",
    "ADF_CRITICAL_VALUES",
    "KPSS_CRITICAL_VALUES",
    "engle_granger",
    "CointegrationResult",
    "johansen_test",
    "JohansenResult",
    "zivot_andrews_test",
    "ZivotAndrewsResult",
    "toda_yamamoto",
    "TodaYamamotoResult",
    "cumulative_impulse_responses",
    "var_standard_errors",
]

#: Deterministic terms of a VAR equation, as statsmodels names them, and how many each adds.
TRENDS = {"n": 0, "c": 1, "ct": 2, "ctt": 3}
_TREND_WORDS = {"n": "no deterministic term", "c": "a constant", "ct": "a constant and a trend",
                "ctt": "a constant, a trend and a squared trend"}

#: Below this many residual degrees of freedom per equation a VAR is fitted with a warning.
SMALL_RESIDUAL_DF = 10

_ALPHAS = (0.01, 0.05, 0.1)  # the levels at which statsmodels reports critical values

#: The critical-value tables behind the unit-root decisions, as named in every result.
ADF_CRITICAL_VALUES = ("MacKinnon (2010) response surfaces, finite-sample (depend on the "
                       "number of observations)")
KPSS_CRITICAL_VALUES = "Kwiatkowski et al. (1992), Table 1, asymptotic"
_ADF_AUTOLAGS = {"aic": "AIC", "bic": "BIC", "t-stat": "t-stat"}


# ------------------------------------------------------------------------------------------------
# Shared helpers
# ------------------------------------------------------------------------------------------------

def _check_alpha(alpha: Any) -> None:
    """Raise unless `alpha` is one of the levels at which statsmodels reports critical values."""
    if alpha not in _ALPHAS:
        raise ValueError(f"`alpha` must be one of {list(_ALPHAS)}; received {alpha!r}.")


def _model_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame statsmodels gets: an equally spaced integer index (years) as a RangeIndex.

    statsmodels accepts a RangeIndex, a DatetimeIndex or a PeriodIndex with a frequency; any
    other integer index makes it warn that the index is unsupported. Years 1993, 1994, ... are
    kept as ``RangeIndex(1993, ...)``, so results stay labelled by year.
    """
    index = frame.index
    if (pd.api.types.is_integer_dtype(index) and not isinstance(index, pd.RangeIndex)
            and len(index) >= 2):
        step = int(index[1] - index[0])
        frame = frame.set_axis(pd.RangeIndex(int(index[0]), int(index[-1]) + step, step,
                                             name=index.name), axis=0)
    return frame


def _var_frame(data: Any, trend: str = "c") -> pd.DataFrame:
    frame = as_time_series_frame(data, name="data", min_rows=2, min_cols=2)
    check_varying(frame, name="data",
                  purpose=" A constant series makes the VAR's regressors collinear.")
    check_not_collinear(frame, name="data",
                        purpose=" Their lags would be collinear regressors: statsmodels would "
                                "fit the VAR and report NaN standard errors.")
    check_comparable_scales(frame, name="data", constant=TRENDS[trend] > 0)
    return _model_frame(frame)


def _residual_df(n_obs: int, n_series: int, lags: int, trend: str) -> int:
    """Residual degrees of freedom per equation of a VAR(lags) fitted to n_obs observations."""
    return n_obs - lags - (n_series * lags + TRENDS[trend])


def var_observations_needed(n_series: int, lags: int, *, trend: str = "c",
                            min_df: int = 1) -> int:
    r"""Observations a VAR needs for a given lag order and residual degrees of freedom.

    Parameters
    ----------
    n_series : int
        Number of series :math:`K` in the VAR (at least 1).
    lags : int
        Lag order :math:`p` (at least 1).
    trend : {"c", "n", "ct", "ctt"}, default "c"
        Deterministic terms of each equation, as in statsmodels: constant, none, constant and
        trend, constant and quadratic trend (:math:`d` = 1, 0, 2, 3 terms).
    min_df : int, default 1
        Residual degrees of freedom wanted per equation (at least 1).

    Returns
    -------
    int
        The smallest number of observations :math:`T` (periods, before the lags are used up).

    Raises
    ------
    TypeError
        If a count is not an integer.
    ValueError
        If a count is below 1 or `trend` is unknown.

    Notes
    -----
    A VAR(:math:`p`) on :math:`T` observations loses :math:`p` of them to the initial lags and
    estimates :math:`Kp + d` coefficients in every equation, leaving
    :math:`T - p - (Kp + d)` residual degrees of freedom [1]_. Hence
    :math:`T_{\min} = p(K + 1) + d + \text{min\_df}`.

    References
    ----------
    .. [1] Lütkepohl, H. (2005). *New Introduction to Multiple Time Series Analysis*. Berlin:
       Springer, section 3.2 (least-squares estimation of a VAR).

    Examples
    --------
    Two series, one lag, a constant: at least 5 observations for one residual degree of
    freedom; the document's 8 years leave 4.

    >>> var_observations_needed(2, 1), var_observations_needed(2, 3)
    (5, 11)
    >>> var_observations_needed(2, 1, min_df=SMALL_RESIDUAL_DF)
    14
    """
    n_series = check_positive_int(n_series, name="n_series")
    lags = check_positive_int(lags, name="lags")
    check_choice(trend, list(TRENDS), name="trend")
    min_df = check_positive_int(min_df, name="min_df")
    return lags * (n_series + 1) + TRENDS[trend] + min_df


def _describe_var(n_series: int, lags: int, trend: str, n_obs: int) -> str:
    return (f"A VAR({lags}) of {n_series} series with {_TREND_WORDS[trend]} on {n_obs} "
            f"observations")


def _check_var_room(n_obs: int, n_series: int, lags: int, trend: str, *, stacklevel: int,
                    what: str = "", need: int = 1, why: str = "") -> None:
    """Refuse a VAR with fewer than `need` residual degrees of freedom; warn when they are few.

    `need` is 1 for a fit (the coefficients exist) and the number of series for a comparison of
    information criteria, which need the log determinant of the residual covariance matrix.
    """
    df = _residual_df(n_obs, n_series, lags, trend)
    per_equation = n_series * lags + TRENDS[trend]
    needed = var_observations_needed(n_series, lags, trend=trend, min_df=need)
    comfortable = var_observations_needed(n_series, lags, trend=trend,
                                          min_df=max(need, SMALL_RESIDUAL_DF))
    largest = (n_obs - TRENDS[trend] - need) // (n_series + 1)
    if df < need:
        advice = (f"with {n_obs} observations use at most {largest} lag(s)" if largest >= 1
                  else f"{n_obs} observations are too few for any lag")
        wanted = "" if need == 1 else f" ({need} are needed{why})"
        raise ValueError(
            f"{_describe_var(n_series, lags, trend, n_obs)}{what} keeps {n_obs - lags} "
            f"observations after the {lags} initial lag(s) and estimates {per_equation} "
            f"coefficients per equation: its residual degrees of freedom would be {df}{wanted}. "
            f"It needs at least {needed} observations ({comfortable} for {SMALL_RESIDUAL_DF} "
            f"residual degrees of freedom); {advice}, or use more data."
        )
    if df < SMALL_RESIDUAL_DF:
        singular = ""
        if df < n_series:
            singular = (f" With fewer residual degrees of freedom than series ({n_series}) the "
                        f"residual covariance matrix is singular: the log likelihood, "
                        f"orthogonalised impulse responses and the variance decomposition are "
                        f"undefined.")
        warnings.warn(
            f"{_describe_var(n_series, lags, trend, n_obs)}{what} leaves {df} residual "
            f"degree(s) of freedom per equation (fewer than {SMALL_RESIDUAL_DF}): its "
            f"estimates, tests and impulse responses rest on very little information, and "
            f"statsmodels' standard errors are large-sample approximations.{singular} "
            f"{comfortable} observations would leave {SMALL_RESIDUAL_DF}.",
            UserWarning, stacklevel=stacklevel + 1,
        )


def _check_var_results(results: Any, *, name: str = "results") -> None:
    from statsmodels.tsa.vector_ar.var_model import VARResults, VARResultsWrapper

    if not isinstance(results, (VARResults, VARResultsWrapper)):
        raise TypeError(
            f"`{name}` must be a fitted VAR (the statsmodels VARResults returned by fit_var); "
            f"received {type(results).__name__}."
        )


def _check_residual_covariance(results: Any, *, what: str) -> None:
    """Refuse orthogonalised results of a VAR whose residual covariance matrix is singular.

    The rank is judged on the residual correlation matrix, so it does not depend on units. With
    fewer residual degrees of freedom than series (fit_var warns) the matrix is singular, its
    Cholesky factor does not exist and statsmodels returns numbers that mean nothing.
    """
    sigma = np.asarray(results.sigma_u, dtype=float)
    sd = np.sqrt(np.diag(sigma))
    singular = not (np.isfinite(sigma).all() and (sd > 0).all())
    if not singular:
        correlation = sigma / np.outer(sd, sd)
        singular = bool(np.linalg.eigvalsh(correlation).min() <= 1e-10)
    if singular:
        raise ValueError(
            f"The residual covariance matrix of this VAR is singular ({results.df_resid} "
            f"residual degree(s) of freedom for {results.neqs} series), so {what} "
            f"undefined: they need its Cholesky factor. Fit the VAR on more observations or "
            f"with fewer lags (see var_observations_needed)."
        )


def _check_series_names(names: Any, known: list[str], *, name: str) -> list[str]:
    listed = [names] if isinstance(names, str) else names
    if not isinstance(listed, (list, tuple)) or not listed:
        raise TypeError(
            f"`{name}` must be a series name or a non-empty list of names from {known}; "
            f"received {type(names).__name__} {names!r}."
        )
    unknown = [label for label in listed if label not in known]
    if unknown:
        raise ValueError(
            f"`{name}` names {_listed(unknown)}, which are not series of the VAR; its series "
            f"are {known}."
        )
    check_no_repeats(listed, name=name)
    return list(listed)


# ------------------------------------------------------------------------------------------------
# Unit roots
# ------------------------------------------------------------------------------------------------

_VERDICTS = {
    (True, False): "stationary: both tests agree",
    (False, True): "unit root: both tests agree",
    (False, False): "tests disagree: neither rejects (too little information to tell)",
    (True, True): "tests disagree: both reject (neither model fits: a break or a trend?)",
}


@dataclass(frozen=True)
class UnitRootResult:
    """ADF and KPSS tests of each series and a verdict that reads the two together.

    Returned by :func:`unit_root_tests`.

    Attributes
    ----------
    adf : dict
        Series name to statsmodels' ``ADFullerResult`` (statistic, p-value, lags, nobs,
        critical values).
    kpss : dict
        Series name to statsmodels' ``KPSSResult``.
    kpss_pvalue_note : pandas.Series
        ``"exact"``, or ``"at least"`` / ``"at most"`` when the KPSS statistic lies outside
        statsmodels' look-up table and the p-value printed is a bound.
    verdict : pandas.Series
        Plain-language reading of the two tests at level `alpha`, named ``"verdict"``.
    alpha : float
        Significance level of the decisions (0.01, 0.05 or 0.1).
    regression : str
        Deterministic terms of the ADF regression (``"n"``, ``"c"`` or ``"ct"``).
    kpss_regression : str
        Deterministic terms of the KPSS test (``"c"`` or ``"ct"``; ``"c"`` when the ADF has
        none, since the KPSS test always has at least a constant).
    adf_lag_choice : str
        How the ADF lag was set: ``"fixed"`` or the criterion and the largest lag searched,
        e.g. ``"AIC, 0 to 8"``.
    kpss_lag_choice : str
        ``"fixed"`` or the automatic rule (``"auto"``: Hobijn et al. 1998; ``"legacy"``:
        the integer part of 12 (T/100)^(1/4)).
    adf_critical_table, kpss_critical_table : str
        The tables the critical values come from (``ADF_CRITICAL_VALUES``,
        ``KPSS_CRITICAL_VALUES``).
    """

    adf: dict
    kpss: dict
    kpss_pvalue_note: pd.Series
    verdict: pd.Series
    alpha: float
    regression: str
    kpss_regression: str = "c"
    adf_lag_choice: str = "AIC"
    kpss_lag_choice: str = "auto"
    adf_critical_table: str = ADF_CRITICAL_VALUES
    kpss_critical_table: str = KPSS_CRITICAL_VALUES

    def adf_residual_df(self, name: Any) -> int:
        """Residual degrees of freedom of the ADF regression of series `name`."""
        adf = self.adf[name]
        return int(adf.nobs) - (1 + int(adf.lags) + TRENDS[self.regression])

    def to_frame(self) -> pd.DataFrame:
        """Every statistic, critical value, p-value and the verdict, one row per series."""
        level = f"{self.alpha:.0%}"
        rows = {}
        for name, adf in self.adf.items():
            kpss = self.kpss[name]
            rows[name] = {
                "n_obs": int(adf.nobs + adf.lags + 1),
                "adf_regression": self.regression,
                "adf_statistic": float(adf.statistic),
                "adf_critical": float(adf.critical_values[level]),
                "adf_pvalue": float(adf.pvalue),
                "adf_lags": int(adf.lags),
                "adf_lag_choice": self.adf_lag_choice,
                "adf_residual_df": self.adf_residual_df(name),
                "adf_critical_table": self.adf_critical_table,
                "kpss_regression": self.kpss_regression,
                "kpss_statistic": float(kpss.statistic),
                "kpss_critical": float(kpss.critical_values[level]),
                "kpss_pvalue": float(kpss.pvalue),
                "kpss_pvalue_note": self.kpss_pvalue_note[name],
                "kpss_lags": int(kpss.lags),
                "kpss_lag_choice": self.kpss_lag_choice,
                "kpss_critical_table": self.kpss_critical_table,
                "verdict": self.verdict[name],
            }
        table = pd.DataFrame.from_dict(rows, orient="index")
        table.index.name = "series"
        return table

    def summary(self) -> pd.DataFrame:
        """The deterministic terms, the decision of each test and the verdict, one row per
        series."""
        table = self.to_frame()
        return pd.DataFrame({
            "n_obs": table["n_obs"],
            "terms": table["adf_regression"],
            "ADF lags": table["adf_lags"],
            "ADF rejects unit root": table["adf_statistic"] < table["adf_critical"],
            "KPSS rejects stationarity": table["kpss_statistic"] > table["kpss_critical"],
            "verdict": table["verdict"],
        })


def unit_root_tests(data: Any, *, regression: str = "c", alpha: float = 0.05,
                    maxlag: int | None = None, autolag: str = "AIC",
                    adf_lags: int | None = None,
                    kpss_lags: int | str = "auto") -> UnitRootResult:
    r"""Augmented Dickey–Fuller and KPSS tests of every series, read together.

    The ADF test's null hypothesis is a unit root; the KPSS test's is stationarity. Each can
    fail to reject for lack of information, so the two are run together and the verdict says
    whether they agree.

    Parameters
    ----------
    data : pandas.DataFrame, pandas.Series or dict of Series
        Periods in rows (equally spaced, in time order), one column per series.
    regression : {"c", "ct", "n"}, default "c"
        Deterministic terms: a constant, a constant and a linear trend, or none (ADF only;
        the KPSS test then uses a constant, and the result says so in ``kpss_regression``).
        The result records the terms used.
    alpha : {0.05, 0.01, 0.1}
        Level of both decisions; the levels at which statsmodels reports critical values.
    maxlag : int, optional
        Largest lag of the ADF regression searched by `autolag` (statsmodels' default,
        Schwert's rule :math:`12 (T/100)^{1/4}` capped by the sample, when omitted).
    autolag : {"AIC", "BIC", "t-stat"}, default "AIC"
        Criterion that chooses the ADF lag between 0 and `maxlag` (statsmodels' ``autolag``).
    adf_lags : int, optional
        A fixed number of lagged differences in the ADF regression instead of the automatic
        choice (as Stata's ``dfuller, lags()`` and R's ``urca::ur.df(lags=, selectlags="Fixed")``).
        Cannot be combined with `maxlag`.
    kpss_lags : int or {"auto", "legacy"}, default "auto"
        Bartlett-kernel lags of the KPSS long-run variance: a fixed number (as R's
        ``tseries::kpss.test`` or ``urca::ur.kpss(use.lag=)``), the data-dependent rule of
        Hobijn, Franses & Ooms (1998) (``"auto"``) or :math:`\lfloor 12 (T/100)^{1/4}\rfloor`
        (``"legacy"``).

    Returns
    -------
    UnitRootResult
        statsmodels' result objects, the verdicts, the deterministic terms, how each lag was
        chosen and which critical-value tables were used; ``summary()`` is a table.

    Raises
    ------
    ValueError
        Missing values (gaps), a time index that is not increasing or equally spaced, a
        constant series, an unknown `regression`, `autolag`, `kpss_lags` or `alpha`, both
        `maxlag` and `adf_lags`, a negative lag, or a series too short for the ADF
        regression or for the KPSS lags (statsmodels' message is passed on with the series'
        name).
    TypeError
        If `data` is not a DataFrame, Series or dict of Series, a series is not numeric or a
        lag is not an integer.

    Warns
    -----
    UserWarning
        When an ADF regression keeps fewer than ``SMALL_RESIDUAL_DF`` (10) residual degrees of
        freedom (the message names the series), and whatever statsmodels warns about other
        than the KPSS look-up table (that one becomes ``kpss_pvalue_note``).

    Notes
    -----
    ADF [1]_ [2]_ regresses :math:`\Delta y_t` on :math:`y_{t-1}`, the deterministic terms and
    :math:`k` lagged differences, and rejects a unit root when the t-statistic of
    :math:`y_{t-1}` is below the critical value; the regression keeps
    :math:`T - k - 1` observations and :math:`T - k - 1 - (1 + k + d)` residual degrees of
    freedom (:math:`d` = 0, 1, 2 deterministic terms). KPSS [3]_ rejects stationarity when the
    partial sums of the residuals from the deterministic terms wander too far.

    Critical values: the ADF decisions use MacKinnon's (2010) response surfaces [4]_, which
    depend on the number of observations (finite-sample); the ADF p-value statsmodels prints is
    MacKinnon's (1994) asymptotic approximation. The KPSS critical values (0.347, 0.463, 0.739
    with a constant) are the asymptotic ones of Kwiatkowski et al. (1992), Table 1, and the
    KPSS p-value is interpolated in that table and is only a bound outside it. The verdicts:

    =====================  ======================  =========================================
    ADF (H0: unit root)    KPSS (H0: stationary)   verdict
    =====================  ======================  =========================================
    rejects                does not reject         stationary: both tests agree
    does not reject        rejects                 unit root: both tests agree
    does not reject        does not reject         tests disagree: neither rejects
    rejects                rejects                 tests disagree: both reject
    =====================  ======================  =========================================

    On short series "neither rejects" is common: both tests have little power, so the data
    cannot tell a unit root from a persistent stationary process. With a trending series,
    test with ``regression="ct"``: without a trend term a trend-stationary series looks like a
    unit root to the ADF test and like non-stationarity to the KPSS test.

    References
    ----------
    .. [1] Dickey, D. A. & Fuller, W. A. (1979). Distribution of the estimators for
       autoregressive time series with a unit root. *Journal of the American Statistical
       Association*, 74(366), 427–431.
    .. [2] Said, S. E. & Dickey, D. A. (1984). Testing for unit roots in autoregressive-moving
       average models of unknown order. *Biometrika*, 71(3), 599–607.
    .. [3] Kwiatkowski, D., Phillips, P. C. B., Schmidt, P. & Shin, Y. (1992). Testing the null
       hypothesis of stationarity against the alternative of a unit root. *Journal of
       Econometrics*, 54(1–3), 159–178.
    .. [4] MacKinnon, J. G. (2010). Critical values for cointegration tests. Queen's Economics
       Department Working Paper 1227.

    Examples
    --------
    >>> rng = np.random.default_rng(7)
    >>> data = pd.DataFrame({"walk": rng.normal(size=80).cumsum(),
    ...                      "noise": rng.normal(size=80)})
    >>> unit_root_tests(data).verdict.tolist()
    ['unit root: both tests agree', 'stationary: both tests agree']
    >>> fixed = unit_root_tests(data, regression="ct", adf_lags=4, kpss_lags=3)
    >>> table = fixed.to_frame()
    >>> table.loc["walk", "adf_regression"], int(table.loc["walk", "adf_lags"])
    ('ct', 4)
    """
    from statsmodels.tools.sm_exceptions import InterpolationWarning
    from statsmodels.tsa.stattools import adfuller, kpss

    check_choice(regression, ["c", "ct", "n"], name="regression")
    if alpha not in _ALPHAS:
        raise ValueError(
            f"`alpha` must be one of {list(_ALPHAS)} (the levels at which statsmodels reports "
            f"critical values); received {alpha!r}."
        )
    if not isinstance(autolag, str) or autolag.lower() not in _ADF_AUTOLAGS:
        raise ValueError(
            f"`autolag` must be one of {list(_ADF_AUTOLAGS.values())} (the criterion that "
            f"chooses the ADF lag); received {autolag!r}. For a fixed lag pass `adf_lags`."
        )
    autolag = _ADF_AUTOLAGS[autolag.lower()]
    if maxlag is not None and adf_lags is not None:
        raise ValueError(
            f"Pass either `maxlag` (the largest lag searched by {autolag}) or `adf_lags` (a "
            f"fixed lag), not both; received maxlag={maxlag!r} and adf_lags={adf_lags!r}."
        )
    if maxlag is not None:
        maxlag = check_integer(maxlag, name="maxlag", minimum=0)
    if adf_lags is not None:
        adf_lags = check_integer(adf_lags, name="adf_lags", minimum=0)
    if isinstance(kpss_lags, str):
        check_choice(kpss_lags, ["auto", "legacy"], name="kpss_lags")
    else:
        kpss_lags = check_integer(kpss_lags, name="kpss_lags", minimum=0,
                                  hint='Or pass "auto" or "legacy" for an automatic rule.')
    kpss_regression = "c" if regression == "n" else regression
    frame = as_time_series_frame(data, name="data", min_rows=3)
    check_varying(frame, name="data", purpose=" A unit-root test of a constant is undefined.")
    level = f"{alpha:.0%}"
    adf_results, kpss_results, notes, verdicts = {}, {}, {}, {}
    for name in frame.columns:
        x = frame[name].to_numpy()
        peak = float(np.abs(x).max())
        if not 1e-6 <= peak <= 1e6:  # both statistics are scale-free: rescale exactly
            x = x * power_of_two_scale(peak)
        try:
            if adf_lags is None:
                adf = adfuller(x, maxlag=maxlag, regression=regression, autolag=autolag,
                               result_object=True)
            else:
                adf = adfuller(x, maxlag=adf_lags, regression=regression, autolag=None,
                               result_object=True)
        except ValueError as error:
            raise ValueError(
                f"The ADF test of series {name!r} cannot be run on {len(x)} observations with "
                f"regression={regression!r} (statsmodels: {error}). Use a longer series, fewer "
                f"lags or fewer deterministic terms."
            ) from error
        df_resid = int(adf.nobs) - (1 + int(adf.lags) + TRENDS[regression])
        if df_resid < SMALL_RESIDUAL_DF:
            warnings.warn(
                f"The ADF regression of series {name!r} ({len(x)} observations, "
                f"{int(adf.lags)} lagged difference(s), {_TREND_WORDS[regression]}) keeps "
                f"{int(adf.nobs)} observations and {df_resid} residual degree(s) of freedom "
                f"(fewer than {SMALL_RESIDUAL_DF}): its statistic rests on very little "
                f"information and its verdict should not be read as a finding. Use a longer "
                f"series or fewer lags (`adf_lags`).",
                UserWarning, stacklevel=2,
            )
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                result = kpss(x, regression=kpss_regression, nlags=kpss_lags,
                              result_object=True)
            except ValueError as error:
                raise ValueError(
                    f"The KPSS test of series {name!r} cannot be run on {len(x)} observations "
                    f"with kpss_lags={kpss_lags!r} (statsmodels: {error}). Use fewer lags."
                ) from error
        note = "exact"
        for warning in caught:
            if issubclass(warning.category, InterpolationWarning):
                note = "at least" if result.statistic < result.critical_values["10%"] else "at most"
            else:
                warnings.warn(warning.message, warning.category, stacklevel=2)
        adf_rejects = bool(adf.statistic < adf.critical_values[level])
        kpss_rejects = bool(result.statistic > result.critical_values[level])
        adf_results[name], kpss_results[name] = adf, result
        notes[name], verdicts[name] = note, _VERDICTS[(adf_rejects, kpss_rejects)]
    index = pd.Index(frame.columns, name="series")
    if adf_lags is not None:
        adf_choice = "fixed"
    elif maxlag is not None:
        adf_choice = f"{autolag}, 0 to {maxlag}"
    else:
        adf_choice = f"{autolag}, 0 to Schwert's rule (12 (T/100)^(1/4), capped by the sample)"
    return UnitRootResult(
        adf=adf_results, kpss=kpss_results,
        kpss_pvalue_note=pd.Series(notes, index=index, name="kpss_pvalue_note", dtype=str),
        verdict=pd.Series(verdicts, index=index, name="verdict", dtype=str),
        alpha=float(alpha), regression=regression, kpss_regression=kpss_regression,
        adf_lag_choice=adf_choice,
        kpss_lag_choice="fixed" if isinstance(kpss_lags, int) else kpss_lags,
    )


# ------------------------------------------------------------------------------------------------
# Vector autoregressions
# ------------------------------------------------------------------------------------------------

def select_lag_order(data: Any, *, maxlags: int | None = None, trend: str = "c"):
    r"""Information criteria of VAR(0) to VAR(`maxlags`) on a common sample (statsmodels).

    Parameters
    ----------
    data : pandas.DataFrame or dict of Series
        Periods in rows (equally spaced, in time order), two or more series in columns.
    maxlags : int, optional
        Largest lag order compared. By default statsmodels' rule
        :math:`\operatorname{round}(12 (T/100)^{1/4})`, capped at the largest order that keeps
        ``SMALL_RESIDUAL_DF`` (10) residual degrees of freedom, or, if no order does, at the
        largest whose residual covariance matrix is not singular (at least :math:`K` residual
        degrees of freedom, :math:`K` the number of series). See Notes.
    trend : {"c", "n", "ct", "ctt"}, default "c"
        Deterministic terms of each equation.

    Returns
    -------
    statsmodels.tsa.vector_ar.var_model.LagOrderResults
        statsmodels' own result: ``.ics`` (AIC, BIC, FPE, HQIC for each order),
        ``.selected_orders`` and ``.summary()``.

    Raises
    ------
    ValueError
        If the largest model would have fewer residual degrees of freedom than series (its
        residual covariance matrix would be singular; the message says how many observations it
        needs), gaps or a missing period, a constant series, series that are exact linear
        combinations of each other, or an unknown `trend`.
    TypeError
        If `data` is of the wrong kind or `maxlags` is not an integer.

    Warns
    -----
    UserWarning
        When the largest model leaves fewer than ``SMALL_RESIDUAL_DF`` residual degrees of
        freedom.

    Notes
    -----
    Every order is estimated on the same :math:`T - p_{\max}` observations. Why the default cap:
    as :math:`p` approaches the largest estimable order the residuals are fitted almost
    perfectly, :math:`\ln\lvert\tilde\Sigma_u(p)\rvert` plunges and every criterion can pick
    the largest order offered, an artefact of the tiny sample rather than a finding.

    statsmodels counts
    the :math:`K d` deterministic coefficients in its penalties, so its AIC is
    :math:`\ln\lvert\tilde\Sigma_u(p)\rvert + 2(pK^2 + Kd)/T`; Lütkepohl's [1]_ (and Stata's
    ``lutstats``) omit the :math:`Kd` term. The two differ by a constant, so they select the
    same order.

    References
    ----------
    .. [1] Lütkepohl, H. (2005). *New Introduction to Multiple Time Series Analysis*. Berlin:
       Springer, section 4.3 (order selection criteria).

    Examples
    --------
    >>> rng = np.random.default_rng(3)
    >>> data = pd.DataFrame(rng.normal(size=(60, 2)), columns=["trade", "upgrading"])
    >>> int(select_lag_order(data, maxlags=4).selected_orders["bic"])
    0
    """
    check_choice(trend, list(TRENDS), name="trend")
    frame = _var_frame(data, trend)
    n_obs, n_series = frame.shape
    room = {"stacklevel": 2, "need": n_series,
            "why": ": the criteria use the log determinant of the residual covariance matrix"}
    largest = (n_obs - TRENDS[trend] - n_series) // (n_series + 1)
    comfortable = (n_obs - TRENDS[trend] - max(n_series, SMALL_RESIDUAL_DF)) // (n_series + 1)
    if maxlags is None:
        maxlags = min(round(12 * (n_obs / 100.0) ** 0.25),
                      comfortable if comfortable >= 1 else largest)
        if maxlags < 1:
            _check_var_room(n_obs, n_series, 1, trend,
                            what=" (the smallest model of the comparison)", **room)
    maxlags = check_positive_int(maxlags, name="maxlags")
    _check_var_room(n_obs, n_series, maxlags, trend,
                    what=" (the largest model of the comparison)", **room)
    from statsmodels.tsa.vector_ar.var_model import VAR

    return VAR(frame).select_order(maxlags, trend=trend)


def fit_var(data: Any, *, lags: int, trend: str = "c"):
    r"""Fit a VAR(`lags`) by least squares with statsmodels, refusing an impossible one.

    Parameters
    ----------
    data : pandas.DataFrame or dict of Series
        Periods in rows (equally spaced, in time order), two or more series in columns. An
        integer index of years is kept as the results' index.
    lags : int
        Lag order :math:`p` (at least 1).
    trend : {"c", "n", "ct", "ctt"}, default "c"
        Deterministic terms of each equation.

    Returns
    -------
    statsmodels.tsa.vector_ar.var_model.VARResults
        statsmodels' own fitted VAR (``.params``, ``.stderr``, ``.summary()``,
        ``.test_causality``, ``.irf``, ``.fevd``, ...).

    Raises
    ------
    ValueError
        If the residual degrees of freedom per equation would be zero or negative (the message
        gives the observations needed and the largest feasible lag order), series of unequal
        length (dict input), gaps, a missing period, a constant series, series that are exact
        linear combinations of each other (their standard errors would be NaN), fewer than two
        series, or an unknown `trend`.
    TypeError
        If `data` is of the wrong kind, a series is not numeric or `lags` is not an integer.

    Warns
    -----
    UserWarning
        When the residual degrees of freedom are positive but fewer than
        ``SMALL_RESIDUAL_DF`` (10).

    Notes
    -----
    The model is :math:`y_t = \nu + A_1 y_{t-1} + \dots + A_p y_{t-p} + u_t` for :math:`K`
    series; each equation is estimated by OLS on :math:`T - p` observations with :math:`Kp + d`
    coefficients [1]_. statsmodels itself estimates a model with negative residual degrees
    of freedom and reports numbers (and NaN or negative variances); here that raises. See
    :func:`var_observations_needed`.

    References
    ----------
    .. [1] Lütkepohl, H. (2005). *New Introduction to Multiple Time Series Analysis*. Berlin:
       Springer, section 3.2.

    Examples
    --------
    Eight annual observations, as in the Jimei study: a VAR(3) of two series is refused.

    >>> rng = np.random.default_rng(1)
    >>> eight = pd.DataFrame(rng.normal(size=(8, 2)), columns=["trade", "upgrading"],
    ...                      index=pd.RangeIndex(2015, 2023, name="year"))
    >>> fit_var(eight, lags=3)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: A VAR(3) of 2 series with a constant on 8 observations keeps 5 observations ...
    >>> long = pd.DataFrame(rng.normal(size=(40, 2)), columns=["trade", "upgrading"])
    >>> fit_var(long, lags=1).df_resid
    36
    """
    check_choice(trend, list(TRENDS), name="trend")
    lags = check_positive_int(lags, name="lags")
    frame = _var_frame(data, trend)
    _check_var_room(len(frame), frame.shape[1], lags, trend, stacklevel=2)
    from statsmodels.tsa.vector_ar.var_model import VAR

    return VAR(frame).fit(lags, trend=trend)


def granger_causality(results: Any, *, caused: Any, causing: Any, kind: str = "f",
                      signif: float = 0.05, denominator: str = "system"):
    r"""Granger-causality test in a fitted VAR (statsmodels ``test_causality``).

    Parameters
    ----------
    results : statsmodels VARResults
        A VAR fitted by :func:`fit_var`.
    caused : str or list of str
        The series whose equation(s) are tested.
    causing : str or list of str
        The series whose lags are excluded under the null hypothesis.
    kind : {"f", "wald"}, default "f"
        F-test or chi-squared Wald test.
    signif : float, default 0.05
        Significance level of the printed conclusion.
    denominator : {"system", "equation"}, default "system"
        Denominator degrees of freedom of the F-test: ``"system"`` is statsmodels' choice,
        :math:`K` times one equation's residual degrees of freedom; ``"equation"`` uses one
        equation's, as the single-equation F-test (statsmodels' ``grangercausalitytests``,
        Stata's ``vargranger`` small-sample option, EViews) does. Only for ``kind="f"`` and
        one caused series. In short samples the system df make the test oversized (Chapter 3
        measures it by simulation).

    Returns
    -------
    statsmodels.tsa.vector_ar.hypothesis_test_results.CausalityTestResults
        statsmodels' own result (``.test_statistic``, ``.pvalue``, ``.df``, ``.summary()``);
        with ``denominator="equation"`` the same statistic with the equation's df and the
        p-value and critical value from :math:`F(q, df)`.

    Raises
    ------
    TypeError
        If `results` is not a fitted VAR, or the names are not strings.
    ValueError
        If a name is not a series of the VAR, `caused` and `causing` overlap, `kind`,
        `signif` or `denominator` is invalid, or ``denominator="equation"`` is asked for a
        Wald test or several caused series.

    Notes
    -----
    :math:`H_0`: the lags of `causing` have zero coefficients in the equations of `caused`
    [1]_. statsmodels' F statistic is the Wald statistic divided by the number of restrictions,
    referred to :math:`F(q, K \cdot df)` where :math:`df` is the residual degrees of freedom of
    one equation. For one caused series this statistic equals the single-equation F-test of
    :func:`granger_f_test`; the reference distribution has :math:`K` times the denominator
    degrees of freedom (``denominator="system"`` there).

    References
    ----------
    .. [1] Granger, C. W. J. (1969). Investigating causal relations by econometric models and
       cross-spectral methods. *Econometrica*, 37(3), 424–438.

    Examples
    --------
    >>> rng = np.random.default_rng(2)
    >>> data = pd.DataFrame(rng.normal(size=(50, 2)), columns=["trade", "upgrading"])
    >>> test = granger_causality(fit_var(data, lags=1), caused="upgrading", causing="trade")
    >>> test.df  # (1 restriction, 2 equations x (49 - 3) residual degrees of freedom)
    (1, 92)
    >>> granger_causality(fit_var(data, lags=1), caused="upgrading", causing="trade",
    ...                   denominator="equation").df
    (1, 46)
    """
    _check_var_results(results)
    check_choice(kind, ["f", "wald"], name="kind")
    signif = check_real_between(signif, name="signif", low=0.0, high=1.0)
    names = list(results.names)
    caused = _check_series_names(caused, names, name="caused")
    causing = _check_series_names(causing, names, name="causing")
    both = [label for label in caused if label in causing]
    if both:
        raise ValueError(
            f"{_listed(both)} are both `caused` and `causing`; a series cannot Granger-cause "
            f"itself in this test. Name different series."
        )
    check_choice(denominator, ["system", "equation"], name="denominator")
    if denominator == "equation" and (kind != "f" or len(caused) != 1):
        raise ValueError(
            f"`denominator='equation'` applies to an F-test of one caused series; received "
            f"kind={kind!r} and caused={caused}. Use kind='f' and one caused series, or "
            f"denominator='system'."
        )
    test = results.test_causality(caused, causing, kind=kind, signif=signif)
    if denominator == "system":
        return test
    from statsmodels.tsa.vector_ar.hypothesis_test_results import CausalityTestResults

    df = (int(test.df[0]), int(results.df_resid))
    distribution = stats.f(*df)
    return CausalityTestResults(test.causing, test.caused, test.test_statistic,
                                distribution.ppf(1 - signif),
                                distribution.sf(test.test_statistic), df, signif,
                                test="granger", method=kind)


def impulse_responses(results: Any, *, periods: int = 10):
    r"""Impulse responses of a fitted VAR over `periods` steps (statsmodels ``irf``).

    Parameters
    ----------
    results : statsmodels VARResults
        A VAR fitted by :func:`fit_var`.
    periods : int, default 10
        Number of steps after the shock (at least 1).

    Returns
    -------
    statsmodels.tsa.vector_ar.irf.IRAnalysis
        statsmodels' own object: ``.irfs`` and ``.orth_irfs`` (steps x response x shock),
        ``.stderr()`` and ``.plot()``.

    Raises
    ------
    TypeError
        If `results` is not a fitted VAR or `periods` is not an integer.
    ValueError
        If `periods` is below 1 or above 10**6, or the VAR's residual covariance matrix is
        singular (fewer residual degrees of freedom than series).

    Notes
    -----
    The orthogonalised responses use the Cholesky factor of the residual covariance, so they
    depend on the order of the series [1]_; the asymptotic standard errors of
    ``stderr()`` are unreliable in short samples.

    References
    ----------
    .. [1] Sims, C. A. (1980). Macroeconomics and reality. *Econometrica*, 48(1), 1–48.

    Examples
    --------
    >>> rng = np.random.default_rng(2)
    >>> data = pd.DataFrame(rng.normal(size=(50, 2)), columns=["trade", "upgrading"])
    >>> impulse_responses(fit_var(data, lags=1), periods=5).irfs.shape
    (6, 2, 2)
    """
    _check_var_results(results)
    periods = check_positive_int(periods, name="periods", maximum=MAX_COUNT)
    _check_residual_covariance(results, what="the orthogonalised impulse responses are")
    return results.irf(periods)


def variance_decomposition(results: Any, *, periods: int = 10):
    r"""Forecast-error variance decomposition of a fitted VAR (statsmodels ``fevd``).

    Parameters
    ----------
    results : statsmodels VARResults
        A VAR fitted by :func:`fit_var`.
    periods : int, default 10
        Forecast horizons 1..`periods` (at least 1).

    Returns
    -------
    statsmodels.tsa.vector_ar.var_model.FEVD
        statsmodels' own object; ``.decomp`` is series x horizon x shock, each row summing
        to 1.

    Raises
    ------
    TypeError
        If `results` is not a fitted VAR or `periods` is not an integer.
    ValueError
        If `periods` is below 1 or above 10**6, or the VAR's residual covariance matrix is
        singular (fewer residual degrees of freedom than series).

    Notes
    -----
    The share of the :math:`h`-step forecast-error variance of series :math:`k` due to
    orthogonalised shock :math:`j` [1]_; like the orthogonalised impulse responses it depends
    on the order of the series.

    References
    ----------
    .. [1] Lütkepohl, H. (2005). *New Introduction to Multiple Time Series Analysis*. Berlin:
       Springer, section 2.3.3.

    Examples
    --------
    >>> rng = np.random.default_rng(2)
    >>> data = pd.DataFrame(rng.normal(size=(50, 2)), columns=["trade", "upgrading"])
    >>> shares = variance_decomposition(fit_var(data, lags=1), periods=4).decomp
    >>> shares.shape, bool(np.allclose(shares.sum(axis=2), 1.0))
    ((2, 4, 2), True)
    """
    _check_var_results(results)
    periods = check_positive_int(periods, name="periods", maximum=MAX_COUNT)
    _check_residual_covariance(results, what="the forecast-error variance decomposition is")
    return results.fevd(periods)


@dataclass(frozen=True)
class VARStabilityResult:
    """Stability of a fitted VAR: the moduli of its companion matrix's eigenvalues.

    Returned by :func:`var_stability`.

    Attributes
    ----------
    stable : bool
        True when every modulus is below 1 (statsmodels' ``is_stable()`` agrees).
    moduli : pandas.Series
        Moduli of the eigenvalues, largest first, named ``"modulus"``.
    """

    stable: bool
    moduli: pd.Series

    def to_frame(self) -> pd.DataFrame:
        """The moduli as a one-column table."""
        return self.moduli.to_frame()

    def summary(self) -> pd.DataFrame:
        """One row: stable or not, the largest modulus and the number of eigenvalues."""
        return pd.DataFrame({"stable": [self.stable],
                             "largest_modulus": [float(self.moduli.iloc[0])],
                             "eigenvalues": [len(self.moduli)]})


def var_stability(results: Any) -> VARStabilityResult:
    r"""Whether a fitted VAR is stable, with the moduli of its companion eigenvalues.

    Parameters
    ----------
    results : statsmodels VARResults
        A VAR fitted by :func:`fit_var`.

    Returns
    -------
    VARStabilityResult
        ``stable`` and the moduli, largest first.

    Raises
    ------
    TypeError
        If `results` is not a fitted VAR.

    Notes
    -----
    A VAR(:math:`p`) is stable when all eigenvalues of its companion matrix
    :math:`\mathbf{A} = \begin{pmatrix} A_1 & \cdots & A_{p-1} & A_p \\ I & & & 0 \\ & \ddots
    & & \vdots \\ 0 & & I & 0 \end{pmatrix}` lie inside the unit circle [1]_; then shocks die
    out and impulse responses converge to zero. A modulus near 1 signals a unit root the model
    was not told about.

    References
    ----------
    .. [1] Lütkepohl, H. (2005). *New Introduction to Multiple Time Series Analysis*. Berlin:
       Springer, section 2.1.1.

    Examples
    --------
    >>> rng = np.random.default_rng(2)
    >>> data = pd.DataFrame(rng.normal(size=(50, 2)), columns=["trade", "upgrading"])
    >>> var_stability(fit_var(data, lags=2)).stable
    True
    """
    _check_var_results(results)
    coefs = np.asarray(results.coefs)  # lags x K x K
    lags, k, _ = coefs.shape
    companion = np.zeros((k * lags, k * lags))
    companion[:k] = np.hstack(list(coefs))
    companion[k:, :-k] = np.eye(k * (lags - 1))
    moduli = np.sort(np.abs(np.linalg.eigvals(companion)))[::-1]
    series = pd.Series(moduli, index=pd.RangeIndex(1, len(moduli) + 1, name="eigenvalue"),
                       name="modulus")
    return VARStabilityResult(stable=bool((moduli < 1).all()), moduli=series)


# ------------------------------------------------------------------------------------------------
# Tests in levels: cointegration, a break, Toda–Yamamoto; cumulative responses; ML errors
# ------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class CointegrationResult:
    """A cointegration test with its decision in plain language.

    Returned by :func:`engle_granger`.

    Attributes
    ----------
    method : str
        ``"Engle–Granger"``.
    statistic : float
        The test statistic (the ADF t-statistic of the residuals of the levels regression).
    pvalue : float
        MacKinnon's (1994, 2010) approximate p-value (asymptotic).
    critical_values : pandas.Series
        Critical values at 1 %, 5 % and 10 % (MacKinnon 2010, for the sample size).
    alpha : float
        Level of the decision.
    trend : str
        Deterministic terms of the levels regression.
    dependent : str
        The series the levels regression is normalised on (the first column).
    verdict : str
        ``"cointegrated"`` or ``"no evidence of cointegration"``, with the level.
    """

    method: str
    statistic: float
    pvalue: float
    critical_values: pd.Series
    alpha: float
    trend: str
    dependent: str
    verdict: str

    def summary(self) -> pd.DataFrame:
        """One row: statistic, critical value at `alpha`, p-value and verdict."""
        return pd.DataFrame({"method": [self.method], "dependent": [self.dependent],
                             "terms": [self.trend], "statistic": [self.statistic],
                             f"critical {self.alpha:.0%}":
                                 [float(self.critical_values[f"{self.alpha:.0%}"])],
                             "pvalue": [self.pvalue], "verdict": [self.verdict]})


def engle_granger(data: Any, *, trend: str = "c", alpha: float = 0.05,
                  maxlag: int | None = None, autolag: str | None = "aic") -> CointegrationResult:
    r"""Engle–Granger two-step test of no cointegration (statsmodels ``coint``).

    Parameters
    ----------
    data : pandas.DataFrame or dict of Series
        Periods in rows, two or more series in levels; the first column is regressed on the
        others (the test depends on this normalisation: run it both ways).
    trend : {"c", "ct"}, default "c"
        Deterministic terms of the levels (cointegrating) regression.
    alpha : {0.05, 0.01, 0.1}
        Level of the verdict.
    maxlag : int, optional
        Largest lag of the ADF regression of the residuals.
    autolag : {"aic", "bic", "t-stat"} or None, default "aic"
        Criterion choosing that lag; None uses exactly `maxlag` lags.

    Returns
    -------
    CointegrationResult
        Statistic, p-value, critical values and verdict.

    Raises
    ------
    ValueError
        Fewer than two series, gaps, a constant series, series that are exact linear
        combinations of each other, an unknown `trend`, `autolag` or `alpha`, `autolag=None`
        without `maxlag`, or a sample too short (statsmodels' message is passed on).
    TypeError
        If `data` is of the wrong kind or `maxlag` is not an integer.

    Notes
    -----
    Step 1 regresses :math:`y_{1t}` on the other series and the deterministic terms by OLS;
    step 2 runs an ADF test without deterministic terms on the residuals [1]_. :math:`H_0`: no
    cointegration (the residuals have a unit root). The residuals are estimated, so the
    critical values are not the ADF ones but MacKinnon's (2010) for :math:`N` series [2]_.

    References
    ----------
    .. [1] Engle, R. F. & Granger, C. W. J. (1987). Co-integration and error correction:
       representation, estimation, and testing. *Econometrica*, 55(2), 251–276.
    .. [2] MacKinnon, J. G. (2010). Critical values for cointegration tests. Queen's Economics
       Department Working Paper 1227.

    Examples
    --------
    >>> rng = np.random.default_rng(5)
    >>> common = rng.normal(size=200).cumsum()
    >>> data = pd.DataFrame({"y": common + rng.normal(size=200),
    ...                      "x": common + rng.normal(size=200)})
    >>> engle_granger(data).verdict
    'cointegrated at the 5% level'
    """
    from statsmodels.tsa.stattools import coint

    check_choice(trend, ["c", "ct"], name="trend")
    _check_alpha(alpha)
    if autolag is not None:
        check_choice(autolag, ["aic", "bic", "t-stat"], name="autolag")
    if maxlag is not None:
        maxlag = check_integer(maxlag, name="maxlag", minimum=0)
    elif autolag is None:
        raise ValueError("With `autolag=None` pass `maxlag`, the fixed number of lags of the "
                         "ADF regression of the residuals; received maxlag=None.")
    frame = _var_frame(data)
    try:
        result = coint(frame.iloc[:, 0].to_numpy(), frame.iloc[:, 1:].to_numpy(), trend=trend,
                       maxlag=maxlag, autolag=autolag)
    except ValueError as error:
        raise ValueError(
            f"The Engle–Granger test cannot be run on {len(frame)} observations (statsmodels: "
            f"{error}). Use a longer sample or fewer lags."
        ) from error
    critical = pd.Series(np.asarray(result[2], dtype=float), index=["1%", "5%", "10%"],
                         name="critical_value")
    level = f"{alpha:.0%}"
    rejects = bool(result[0] < critical[level])
    verdict = (f"cointegrated at the {level} level" if rejects
               else f"no evidence of cointegration at the {level} level")
    return CointegrationResult(method="Engle–Granger", statistic=float(result[0]),
                               pvalue=float(result[1]), critical_values=critical,
                               alpha=float(alpha), trend=trend, dependent=str(frame.columns[0]),
                               verdict=verdict)


@dataclass(frozen=True)
class JohansenResult:
    """Johansen's trace and maximum-eigenvalue tests of the cointegration rank.

    Returned by :func:`johansen_test`.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per null hypothesis ``rank <= r``: ``trace``, ``trace_critical``,
        ``max_eigenvalue``, ``max_eigenvalue_critical`` (at `alpha`), and the eigenvalue.
    rank_trace, rank_max_eigenvalue : int
        The rank chosen by each test: the first :math:`r` whose null is not rejected.
    alpha : float
        Level of the decisions (critical values of Osterwald-Lenum 1992, via statsmodels).
    det_order : int
        -1 no deterministic terms, 0 a constant, 1 a constant and a linear trend.
    k_ar_diff : int
        Lagged differences in the vector error-correction model.
    verdict : str
        The two ranks in words.
    results : object
        statsmodels' ``JohansenTestResult``.
    """

    table: pd.DataFrame
    rank_trace: int
    rank_max_eigenvalue: int
    alpha: float
    det_order: int
    k_ar_diff: int
    verdict: str
    results: Any = field(repr=False, default=None)

    def summary(self) -> pd.DataFrame:
        """The test table (a copy)."""
        return self.table.copy()


def johansen_test(data: Any, *, det_order: int = 0, k_ar_diff: int = 1,
                  alpha: float = 0.05) -> JohansenResult:
    r"""Johansen's cointegration rank tests, trace and maximum eigenvalue (statsmodels).

    Parameters
    ----------
    data : pandas.DataFrame or dict of Series
        Periods in rows, two or more series in levels.
    det_order : {-1, 0, 1}, default 0
        Deterministic terms: none, a constant, a constant and a linear trend (statsmodels'
        ``coint_johansen``).
    k_ar_diff : int, default 1
        Number of lagged differences (a VAR in levels of order ``k_ar_diff + 1``).
    alpha : {0.05, 0.01, 0.1}
        Level of the decisions.

    Returns
    -------
    JohansenResult
        The test table, the rank each test selects and a verdict.

    Raises
    ------
    ValueError
        Too few observations for the model (the message says how many are needed), gaps, a
        constant series, collinear series, an unknown `det_order` or `alpha`.
    TypeError
        If `data` is of the wrong kind or `k_ar_diff` is not an integer.

    Warns
    -----
    UserWarning
        When the equivalent levels VAR leaves fewer than ``SMALL_RESIDUAL_DF`` residual degrees
        of freedom; the critical values are asymptotic and the tests oversized in small
        samples.

    Notes
    -----
    In the error-correction form :math:`\Delta y_t = \Pi y_{t-1} + \sum_i \Gamma_i
    \Delta y_{t-i} + u_t`, the rank of :math:`\Pi` is the number of cointegrating relations.
    With ordered eigenvalues :math:`\hat\lambda_i` of the reduced-rank problem, the trace
    statistic for :math:`H_0: \text{rank} \le r` is :math:`-T\sum_{i>r}\ln(1-\hat\lambda_i)` and
    the maximum-eigenvalue statistic :math:`-T\ln(1-\hat\lambda_{r+1})` [1]_. Both are tested
    sequentially from :math:`r = 0`.

    References
    ----------
    .. [1] Johansen, S. (1991). Estimation and hypothesis testing of cointegration vectors in
       Gaussian vector autoregressive models. *Econometrica*, 59(6), 1551–1580.

    Examples
    --------
    >>> rng = np.random.default_rng(5)
    >>> common = rng.normal(size=200).cumsum()
    >>> data = pd.DataFrame({"y": common + rng.normal(size=200),
    ...                      "x": common + rng.normal(size=200)})
    >>> johansen_test(data).rank_trace
    1
    """
    from statsmodels.tsa.vector_ar.vecm import coint_johansen

    if isinstance(det_order, bool) or det_order not in (-1, 0, 1):
        raise ValueError(f"`det_order` must be -1 (none), 0 (constant) or 1 (constant and "
                         f"trend); received {det_order!r}.")
    k_ar_diff = check_integer(k_ar_diff, name="k_ar_diff", minimum=0)
    _check_alpha(alpha)
    frame = _var_frame(data)
    n_obs, n_series = frame.shape
    trend = {-1: "n", 0: "c", 1: "ct"}[det_order]
    _check_var_room(n_obs, n_series, k_ar_diff + 1, trend, stacklevel=2,
                    what=" (the levels form of the error-correction model)")
    result = coint_johansen(frame.to_numpy(), det_order, k_ar_diff)
    column = {0.1: 0, 0.05: 1, 0.01: 2}[alpha]
    table = pd.DataFrame({
        "eigenvalue": np.asarray(result.eig, dtype=float),
        "trace": np.asarray(result.lr1, dtype=float),
        "trace_critical": np.asarray(result.cvt, dtype=float)[:, column],
        "max_eigenvalue": np.asarray(result.lr2, dtype=float),
        "max_eigenvalue_critical": np.asarray(result.cvm, dtype=float)[:, column],
    }, index=pd.Index([f"rank <= {r}" for r in range(n_series)], name="null hypothesis"))

    def chosen(statistic: str) -> int:
        rejected = (table[statistic] > table[f"{statistic}_critical"]).to_numpy()
        return int(np.argmin(rejected)) if not rejected.all() else n_series

    rank_trace, rank_max = chosen("trace"), chosen("max_eigenvalue")
    level = f"{alpha:.0%}"
    words = {0: "no cointegrating relation", 1: "one cointegrating relation"}
    verdict = (f"trace test: {words.get(rank_trace, f'{rank_trace} cointegrating relations')}; "
               f"maximum-eigenvalue test: "
               f"{words.get(rank_max, f'{rank_max} cointegrating relations')} "
               f"(at the {level} level)")
    return JohansenResult(table=table, rank_trace=rank_trace, rank_max_eigenvalue=rank_max,
                          alpha=float(alpha), det_order=int(det_order), k_ar_diff=k_ar_diff,
                          verdict=verdict, results=result)


@dataclass(frozen=True)
class ZivotAndrewsResult:
    """Zivot–Andrews unit-root test allowing one break at an unknown date.

    Returned by :func:`zivot_andrews_test`.

    Attributes
    ----------
    statistic, pvalue : float
        The minimum t-statistic over the candidate break dates and its p-value (interpolated
        in the critical values).
    critical_values : pandas.Series
        At 1 %, 5 % and 10 % (Zivot & Andrews 1992, Tables 2–4, asymptotic).
    lags : int
        Lagged differences in the regression.
    break_position : int
        Position (0-based) of the break date in the series, as statsmodels reports it.
    break_period : object
        The index label at that position (a year).
    regression : str
        ``"c"`` (break in the intercept), ``"t"`` (in the trend) or ``"ct"`` (both).
    alpha : float
        Level of the verdict.
    verdict : str
        Whether the unit root is rejected in favour of stationarity with a break.
    """

    statistic: float
    pvalue: float
    critical_values: pd.Series
    lags: int
    break_position: int
    break_period: Any
    regression: str
    alpha: float
    verdict: str

    def summary(self) -> pd.DataFrame:
        """One row: statistic, critical value at `alpha`, p-value, break date and verdict."""
        return pd.DataFrame({"statistic": [self.statistic],
                             f"critical {self.alpha:.0%}":
                                 [float(self.critical_values[f"{self.alpha:.0%}"])],
                             "pvalue": [self.pvalue], "lags": [self.lags],
                             "break": [self.break_period], "verdict": [self.verdict]})


def zivot_andrews_test(series: Any, *, regression: str = "c", trim: float = 0.15,
                       maxlag: int | None = None, autolag: str | None = "AIC",
                       alpha: float = 0.05) -> ZivotAndrewsResult:
    r"""Zivot–Andrews test of a unit root against stationarity with one break (statsmodels).

    Parameters
    ----------
    series : pandas.Series or one-column pandas.DataFrame
        Periods in rows, equally spaced; its index labels the break date.
    regression : {"c", "t", "ct"}, default "c"
        Where the break may be: intercept, trend, or both.
    trim : float, default 0.15
        Share of the sample at each end excluded as a break date (below 1/3).
    maxlag : int, optional
        Largest lag of the regression (statsmodels' default when omitted).
    autolag : {"AIC", "BIC", "t-stat"} or None, default "AIC"
        Lag criterion; None uses exactly `maxlag` lags.
    alpha : {0.05, 0.01, 0.1}
        Level of the verdict.

    Returns
    -------
    ZivotAndrewsResult
        Statistic, p-value, critical values, break date and verdict.

    Raises
    ------
    ValueError
        Gaps, a constant series, more than one series, an unknown `regression`, `autolag` or
        `alpha`, `trim` outside [0, 1/3), `autolag=None` without `maxlag`, or a series too
        short (statsmodels' message is passed on).
    TypeError
        If `series` is of the wrong kind or `maxlag` is not an integer.

    Notes
    -----
    For every candidate break date :math:`T_B` the ADF regression is augmented with a shift
    dummy (and/or a trend-shift dummy) from :math:`T_B` on; the statistic is the smallest
    t-statistic of :math:`y_{t-1}` over all dates [1]_. A break that the plain ADF test ignores
    biases it towards not rejecting a unit root [2]_. The critical values are asymptotic.

    References
    ----------
    .. [1] Zivot, E. & Andrews, D. W. K. (1992). Further evidence on the great crash, the
       oil-price shock, and the unit-root hypothesis. *Journal of Business & Economic
       Statistics*, 10(3), 251–270.
    .. [2] Perron, P. (1989). The great crash, the oil price shock, and the unit root
       hypothesis. *Econometrica*, 57(6), 1361–1401.

    Examples
    --------
    >>> rng = np.random.default_rng(3)
    >>> level = np.r_[np.zeros(40), np.full(40, 5.0)] + rng.normal(size=80)
    >>> result = zivot_andrews_test(pd.Series(level, index=pd.RangeIndex(1941, 2021)))
    >>> result.verdict, 1975 <= result.break_period <= 1985
    ('unit root rejected at the 5% level: stationary with a break', True)
    """
    from statsmodels.tsa.stattools import zivot_andrews

    check_choice(regression, ["c", "t", "ct"], name="regression")
    trim = check_real(trim, name="trim", minimum=0.0)
    if trim >= 1 / 3:
        raise ValueError(f"`trim` must be at least 0 and below 1/3; received {trim!r}.")
    if autolag is not None:
        check_choice(autolag, ["AIC", "BIC", "t-stat"], name="autolag")
    if maxlag is not None:
        maxlag = check_integer(maxlag, name="maxlag", minimum=0)
    elif autolag is None:
        raise ValueError("With `autolag=None` pass `maxlag`, the fixed number of lags; "
                         "received maxlag=None.")
    _check_alpha(alpha)
    frame = as_time_series_frame(series, name="series", min_rows=3)
    if frame.shape[1] != 1:
        raise ValueError(f"`series` must be one series; received {frame.shape[1]} columns "
                         f"{_listed(list(frame.columns))}. Test each separately.")
    check_varying(frame, name="series", purpose=" A unit-root test of a constant is undefined.")
    from statsmodels.tools.sm_exceptions import SingularMatrixWarning

    try:
        with warnings.catch_warnings():  # a rank-deficient regression gives no valid statistic
            warnings.simplefilter("error", SingularMatrixWarning)
            statistic, pvalue, critical, lags, position = zivot_andrews(
                frame.iloc[:, 0].to_numpy(), trim=trim, maxlag=maxlag, regression=regression,
                autolag=autolag)
    except (ValueError, np.linalg.LinAlgError, SingularMatrixWarning) as error:
        raise ValueError(
            f"The Zivot–Andrews test cannot be run on {len(frame)} observations (statsmodels: "
            f"{error}). Use a longer series or fewer lags."
        ) from error
    critical = pd.Series({key: float(val) for key, val in critical.items()},
                         name="critical_value")
    level = f"{alpha:.0%}"
    rejects = bool(statistic < critical[level])
    verdict = (f"unit root rejected at the {level} level: stationary with a break" if rejects
               else f"unit root not rejected at the {level} level, even allowing a break")
    return ZivotAndrewsResult(statistic=float(statistic), pvalue=float(pvalue),
                              critical_values=critical, lags=int(lags),
                              break_position=int(position),
                              break_period=frame.index[int(position)], regression=regression,
                              alpha=float(alpha), verdict=verdict)


@dataclass(frozen=True)
class TodaYamamotoResult:
    """Toda–Yamamoto Wald test of Granger non-causality in a VAR in levels.

    Returned by :func:`toda_yamamoto`.

    Attributes
    ----------
    caused, causing : str
        The series tested.
    statistic, pvalue : float
        Wald statistic and its chi-squared p-value.
    df : int
        Degrees of freedom (the number of restricted lags, `lags`).
    lags, extra_lags : int
        The VAR order :math:`p` and the additional lags :math:`d_{\\max}`.
    var : object
        statsmodels' ``VARResults`` of the VAR(:math:`p + d_{\\max}`) in levels.
    """

    caused: str
    causing: str
    statistic: float
    pvalue: float
    df: int
    lags: int
    extra_lags: int
    var: Any = field(repr=False, default=None)

    def summary(self) -> pd.DataFrame:
        """One row: the hypothesis, the statistic, df and p-value."""
        return pd.DataFrame({"statistic": [self.statistic], "df": [self.df],
                             "pvalue": [self.pvalue], "VAR order": [self.lags + self.extra_lags]},
                            index=pd.Index([f"{self.causing} → {self.caused}"],
                                           name="hypothesis: no Granger causality"))


def toda_yamamoto(data: Any, *, caused: str, causing: str, lags: int, extra_lags: int = 1,
                  trend: str = "c") -> TodaYamamotoResult:
    r"""Toda–Yamamoto (1995) Granger-causality test in levels, for series of uncertain order.

    Parameters
    ----------
    data : pandas.DataFrame or dict of Series
        Periods in rows, two or more series in levels (not differenced).
    caused, causing : str
        The series whose equation is tested and the series whose lags are excluded.
    lags : int
        The VAR order :math:`p` (chosen for the levels VAR, e.g. by :func:`select_lag_order`).
    extra_lags : int, default 1
        :math:`d_{\max}`, the largest order of integration suspected (1 for I(1) series).
    trend : {"c", "n", "ct", "ctt"}, default "c"
        Deterministic terms of the VAR.

    Returns
    -------
    TodaYamamotoResult
        The Wald test and the fitted levels VAR.

    Raises
    ------
    ValueError
        Names that are not series, the same series as `caused` and `causing`, too few
        observations for a VAR(`lags` + `extra_lags`), or the errors of :func:`fit_var`.
    TypeError
        If a name is not a string or a lag is not an integer.

    Warns
    -----
    UserWarning
        The warnings of :func:`fit_var` (few residual degrees of freedom).

    Notes
    -----
    Fit a VAR(:math:`p + d_{\max}`) in levels by OLS and test with a Wald statistic that the
    coefficients of the first :math:`p` lags of `causing` in the equation of `caused` are zero;
    the extra :math:`d_{\max}` lags are left unrestricted. The statistic is asymptotically
    :math:`\chi^2(p)` whether the series are I(0), I(1) or cointegrated [1]_, so no unit-root
    or cointegration pre-test decides the model. The price is some power (the extra lags are
    estimated), and the distribution is asymptotic. The covariance is statsmodels'
    ``cov_params()`` (degrees-of-freedom corrected); with ``extra_lags=0`` the test equals
    statsmodels' ``test_causality(kind="wald")``.

    References
    ----------
    .. [1] Toda, H. Y. & Yamamoto, T. (1995). Statistical inference in vector autoregressions
       with possibly integrated processes. *Journal of Econometrics*, 66(1–2), 225–250.

    Examples
    --------
    >>> rng = np.random.default_rng(8)
    >>> x = rng.normal(size=120).cumsum()
    >>> y = np.r_[0.0, 0.9 * x[:-1]] + rng.normal(size=120)
    >>> data = pd.DataFrame({"x": x, "y": y})
    >>> bool(toda_yamamoto(data, caused="y", causing="x", lags=1).pvalue < 0.01)
    True
    """
    lags = check_positive_int(lags, name="lags")
    extra_lags = check_integer(extra_lags, name="extra_lags", minimum=0)
    for value, label in ((caused, "caused"), (causing, "causing")):
        if not isinstance(value, str):
            raise TypeError(f"`{label}` must be the name of one series (a string); received "
                            f"{type(value).__name__}.")
    if caused == causing:
        raise ValueError(f"{caused!r} is both `caused` and `causing`; name different series.")
    frame = _var_frame(data)
    names = [str(name) for name in frame.columns]
    for value, label in ((caused, "caused"), (causing, "causing")):
        if value not in names:
            raise ValueError(f"`{label}` names {value!r}, which is not a series of `data`; its "
                             f"series are {names}.")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        var = fit_var(frame, lags=lags + extra_lags, trend=trend)
    for warning in caught:
        warnings.warn(warning.message, warning.category, stacklevel=2)
    k = var.neqs
    deterministic = var.k_exog
    caused_index, causing_index = names.index(caused), names.index(causing)
    restriction = np.zeros((lags, k * deterministic + k * k * var.k_ar))
    for j in range(lags):
        restriction[j, k * deterministic + caused_index + k * causing_index + k * k * j] = 1.0
    estimate = restriction @ np.asarray(var.params).reshape(-1)  # vec(B), B = params.T
    middle = np.linalg.inv(restriction @ np.asarray(var.cov_params()) @ restriction.T)
    statistic = float(estimate @ middle @ estimate)
    return TodaYamamotoResult(caused=caused, causing=causing, statistic=statistic,
                              pvalue=float(stats.chi2.sf(statistic, lags)), df=lags,
                              lags=lags, extra_lags=extra_lags, var=var)


def cumulative_impulse_responses(results: Any, *, periods: int = 10,
                                 orthogonalised: bool = True) -> pd.DataFrame:
    r"""Cumulative impulse responses of a fitted VAR, with asymptotic standard errors.

    In a VAR of first differences the cumulative response of :math:`\Delta y` is the response
    of the level of :math:`y`.

    Parameters
    ----------
    results : statsmodels VARResults
        A VAR fitted by :func:`fit_var`.
    periods : int, default 10
        Steps after the shock (at least 1).
    orthogonalised : bool, default True
        Responses to orthogonalised (Cholesky) shocks of one standard deviation, or to unit
        shocks of the reduced-form residuals.

    Returns
    -------
    pandas.DataFrame
        Indexed by (``step``, ``response``, ``shock``): ``cumulative_response`` and
        ``stderr`` (statsmodels' ``orth_cum_effects`` / ``cum_effects`` and
        ``cum_effect_stderr``).

    Raises
    ------
    TypeError
        If `results` is not a fitted VAR, `periods` is not an integer or `orthogonalised`
        not a bool.
    ValueError
        If `periods` is below 1.

    Notes
    -----
    With responses :math:`\Theta_i` at step :math:`i`, the cumulative response at step
    :math:`h` is :math:`\sum_{i=0}^{h}\Theta_i` [1]_; for a stable VAR it converges to the
    long-run effect :math:`(I - A_1 - \dots - A_p)^{-1} P`.

    References
    ----------
    .. [1] Lütkepohl, H. (2005). *New Introduction to Multiple Time Series Analysis*. Berlin:
       Springer, section 2.3.2.

    Examples
    --------
    >>> rng = np.random.default_rng(2)
    >>> data = pd.DataFrame(rng.normal(size=(50, 2)), columns=["trade", "upgrading"])
    >>> table = cumulative_impulse_responses(fit_var(data, lags=1), periods=3)
    >>> table.shape
    (16, 2)
    """
    _check_var_results(results)
    periods = check_positive_int(periods, name="periods")
    orthogonalised = check_flag(orthogonalised, name="orthogonalised")
    irf = results.irf(periods)
    effects = irf.orth_cum_effects if orthogonalised else irf.cum_effects
    errors = irf.cum_effect_stderr(orth=orthogonalised)
    names = list(results.names)
    index = pd.MultiIndex.from_product([range(periods + 1), names, names],
                                       names=["step", "response", "shock"])
    return pd.DataFrame({"cumulative_response": np.asarray(effects).reshape(-1),
                         "stderr": np.asarray(errors).reshape(-1)}, index=index)


def var_standard_errors(results: Any, *, covariance: str = "df") -> pd.DataFrame:
    r"""Standard errors of a fitted VAR's coefficients, df-corrected or maximum likelihood.

    Parameters
    ----------
    results : statsmodels VARResults
        A VAR fitted by :func:`fit_var`.
    covariance : {"df", "ml"}, default "df"
        Residual covariance behind the errors: ``"df"`` divides the residual cross-products by
        the residual degrees of freedom :math:`T - Kp - d` (statsmodels' ``stderr``, R's
        ``vars``, Stata's ``var, dfk``); ``"ml"`` divides by :math:`T`, the maximum-likelihood
        estimate (Stata's ``var`` default, Lütkepohl's :math:`\tilde\Sigma_u`).

    Returns
    -------
    pandas.DataFrame
        Same shape and labels as ``results.params``.

    Raises
    ------
    TypeError
        If `results` is not a fitted VAR.
    ValueError
        If `covariance` is unknown.

    Notes
    -----
    The coefficient covariance is :math:`(Z'Z)^{-1} \otimes \hat\Sigma_u`, so the ML errors are
    the df-corrected ones times :math:`\sqrt{(T - Kp - d)/T}` [1]_.

    References
    ----------
    .. [1] Lütkepohl, H. (2005). *New Introduction to Multiple Time Series Analysis*. Berlin:
       Springer, section 3.2.

    Examples
    --------
    >>> rng = np.random.default_rng(2)
    >>> data = pd.DataFrame(rng.normal(size=(50, 2)), columns=["trade", "upgrading"])
    >>> fitted = fit_var(data, lags=1)
    >>> ratio = var_standard_errors(fitted, covariance="ml") / var_standard_errors(fitted)
    >>> bool(np.allclose(ratio, np.sqrt(46 / 49)))
    True
    """
    _check_var_results(results)
    check_choice(covariance, ["df", "ml"], name="covariance")
    errors = pd.DataFrame(np.asarray(results.stderr), index=results.params.index,
                          columns=results.params.columns)
    if covariance == "ml":
        errors = errors * np.sqrt(results.df_resid / results.nobs)
    return errors


# ------------------------------------------------------------------------------------------------
# Granger F-test vectorised over replications, and its Monte Carlo
# ------------------------------------------------------------------------------------------------

def _as_replications(values: Any, *, name: str) -> np.ndarray:
    if isinstance(values, (pd.Series, pd.DataFrame)):
        values = values.to_numpy()
    if not isinstance(values, np.ndarray):
        raise TypeError(
            f"`{name}` must be a NumPy array (replications x periods, or one series) or a "
            f"pandas Series; received {type(values).__name__}."
        )
    if values.ndim not in (1, 2) or not is_real_dtype(values.dtype):
        raise TypeError(
            f"`{name}` must be a numeric array with one (periods) or two (replications x "
            f"periods) dimensions; received dtype {values.dtype} with {values.ndim} dimension(s)."
        )
    values = np.atleast_2d(values).astype(float)
    if not np.isfinite(values).all():
        rows = np.flatnonzero(~np.isfinite(values).all(axis=1)).tolist()
        raise ValueError(
            f"`{name}` has missing or infinite values in replications {_listed(rows)}; expected "
            f"complete series."
        )
    return values


def _standardised(values: np.ndarray) -> np.ndarray:
    """Each row minus its mean, divided by its standard deviation (a constant row is left at 0,
    for the rank test to refuse). Rows are first brought to unit size by a power of two, so
    neither 1e200 nor 1e-200 overflows or underflows."""
    values = values * power_of_two_scale(np.abs(values).max(axis=1))[:, None]
    centred = values - values.mean(axis=1, keepdims=True)
    spread = centred.std(axis=1, keepdims=True)
    return centred / np.where(spread > 0, spread, 1.0)


def _lagged(values: np.ndarray, lags: int) -> np.ndarray:
    """Replications x (T - lags) x lags array of lags 1..lags."""
    t = values.shape[1]
    return np.stack([values[:, lags - lag:t - lag] for lag in range(1, lags + 1)], axis=2)


def _nested_residual_ss(design: np.ndarray, target: np.ndarray,
                        restricted: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Residual sums of squares of batched OLS fits on all columns of `design` and on its first
    `restricted` columns (one QR serves both: the leading columns of Q span the leading columns
    of the design), and whether each design has full column rank."""
    q, r = np.linalg.qr(design)
    diagonal = np.abs(np.diagonal(r, axis1=1, axis2=2))
    scale = np.maximum(diagonal.max(axis=1, keepdims=True), np.finfo(float).tiny)
    full_rank = (diagonal > 1e-10 * scale).all(axis=1)
    coef = np.einsum("rti,rt->ri", q, target)
    small = target - np.einsum("rti,ri->rt", q[:, :, :restricted], coef[:, :restricted])
    large = small - np.einsum("rti,ri->rt", q[:, :, restricted:], coef[:, restricted:])
    return (np.einsum("rt,rt->r", small, small), np.einsum("rt,rt->r", large, large),
            full_rank)


def granger_f_test(caused: Any, causing: Any, *, lags: int = 1,
                   denominator: str = "equation") -> pd.DataFrame:
    r"""Granger F-test that `causing` does not help predict `caused`, for many series at once.

    Batched least squares: each row of `caused` and `causing` is one replication (one pair of
    series), and all are tested in a few NumPy array operations. Used by
    :func:`granger_monte_carlo`; one pair gives the test of statsmodels'
    ``grangercausalitytests`` (``ssr_ftest``).

    Parameters
    ----------
    caused : numpy.ndarray or pandas.Series
        Replications x periods (or one series of periods): the series whose equation is tested.
    causing : numpy.ndarray or pandas.Series
        Same shape: the series whose lags are excluded under the null hypothesis.
    lags : int, default 1
        Lag order :math:`p` of both series in the equation.
    denominator : {"equation", "system"}, default "equation"
        Denominator degrees of freedom of the F distribution: ``"equation"`` uses the
        equation's residual degrees of freedom :math:`n - 2p - 1`, as
        ``grangercausalitytests`` does; ``"system"`` uses twice that, as statsmodels'
        ``VARResults.test_causality`` does in a two-series VAR.

    Returns
    -------
    pandas.DataFrame
        One row per replication: ``statistic``, ``pvalue``, ``df_num``, ``df_denom``.

    Raises
    ------
    ValueError
        Shapes that differ, missing values, too few periods for `lags` (the message says how
        many are needed), an unknown `denominator`, or a replication whose regressors are
        collinear (e.g. a constant series), for which the test is undefined.
    TypeError
        If the inputs are not numeric arrays or Series, or `lags` is not an integer.

    Notes
    -----
    With :math:`n = T - p` usable periods, the unrestricted equation regresses :math:`y_t` on a
    constant, :math:`y_{t-1..t-p}` and :math:`x_{t-1..t-p}`; the restricted one drops the lags
    of :math:`x`. With residual sums of squares :math:`S_r` and :math:`S_u`,

    .. math:: F = \frac{(S_r - S_u)/p}{S_u/(n - 2p - 1)} ,

    referred to :math:`F(p, n - 2p - 1)` [1]_. Each regression is solved by a batched QR
    decomposition (no normal equations). Under normal errors and strictly exogenous regressors
    the distribution is exact; with lagged dependent variables it holds only asymptotically,
    which is why its size must be checked by simulation in short samples.

    References
    ----------
    .. [1] Granger, C. W. J. (1969). Investigating causal relations by econometric models and
       cross-spectral methods. *Econometrica*, 37(3), 424–438.

    Examples
    --------
    >>> rng = np.random.default_rng(4)
    >>> x = rng.normal(size=(3, 40))
    >>> y = np.zeros_like(x)
    >>> y[:, 1:] = 0.8 * x[:, :-1] + rng.normal(size=(3, 39))
    >>> result = granger_f_test(y, x)
    >>> (result["pvalue"] < 0.01).tolist(), result["df_denom"].tolist()
    ([True, True, True], [36, 36, 36])
    """
    check_choice(denominator, ["equation", "system"], name="denominator")
    lags = check_positive_int(lags, name="lags")
    y = _as_replications(caused, name="caused")
    x = _as_replications(causing, name="causing")
    if y.shape != x.shape:
        raise ValueError(
            f"`caused` and `causing` must have the same shape (replications x periods); "
            f"received {y.shape} and {x.shape}."
        )
    periods = y.shape[1]
    needed = var_observations_needed(2, lags)
    if periods < needed:
        raise ValueError(
            f"A Granger F-test with {lags} lag(s) needs at least {needed} periods (one residual "
            f"degree of freedom); received {periods}. Use fewer lags or longer series."
        )
    # the F statistic does not depend on the units or the means of the two series: standardise
    # each replication, so that the rank test below compares columns of the same scale
    y, x = _standardised(y), _standardised(x)
    n = periods - lags
    target = y[:, lags:]
    design = np.concatenate([np.ones((y.shape[0], n, 1)), _lagged(y, lags), _lagged(x, lags)],
                            axis=2)
    ss_restricted, ss_unrestricted, full_rank = _nested_residual_ss(design, target, lags + 1)
    bad = ~full_rank | ~(ss_unrestricted > 0)
    if bad.any():
        raise ValueError(
            f"Replications {_listed(np.flatnonzero(bad).tolist())} have collinear regressors "
            f"or a perfect fit (e.g. a constant series), so the F-test is undefined for them. "
            f"Drop them or check how they were generated."
        )
    df_resid = n - (2 * lags + 1)
    df_denom = df_resid if denominator == "equation" else 2 * df_resid
    statistic = ((ss_restricted - ss_unrestricted) / lags) / (ss_unrestricted / df_resid)
    statistic = np.maximum(statistic, 0.0)  # nested fits: rounding only can make it negative
    table = pd.DataFrame({
        "statistic": statistic,
        "pvalue": stats.f.sf(statistic, lags, df_denom),
        "df_num": np.full(len(statistic), lags, dtype="int64"),
        "df_denom": np.full(len(statistic), df_denom, dtype="int64"),
    })
    table.index.name = "replication"
    return table


@dataclass(frozen=True)
class GrangerMonteCarloResult:
    """Rejection rates of the Granger F-test in simulated samples, with Monte Carlo errors.

    Returned by :func:`granger_monte_carlo`.

    Attributes
    ----------
    table : pandas.DataFrame
        Indexed by (``n_obs``, ``effect``): ``rejection_rate``, ``mc_standard_error`` and
        ``replications``. With ``effect`` 0 the rejection rate estimates the test's size,
        otherwise its power.
    alpha : float
        Nominal level of the test.
    lags : int
        Lag order of the test.
    denominator : str
        ``"equation"`` or ``"system"`` (see :func:`granger_f_test`).
    dgp : dict
        Parameters of the data-generating process.
    """

    table: pd.DataFrame
    alpha: float
    lags: int
    denominator: str
    dgp: dict = field(default_factory=dict)

    def to_frame(self) -> pd.DataFrame:
        """The rejection rates and their Monte Carlo standard errors (a copy)."""
        return self.table.copy()

    def summary(self) -> pd.DataFrame:
        """Each rate labelled size or power, with its 95 % Monte Carlo interval."""
        table = self.table.copy()
        half = 1.96 * table["mc_standard_error"]
        effects = table.index.get_level_values("effect")
        table.insert(0, "measures", np.where(effects == 0, "size", "power"))
        table["mc_low"] = (table["rejection_rate"] - half).clip(lower=0.0)
        table["mc_high"] = (table["rejection_rate"] + half).clip(upper=1.0)
        return table


def granger_monte_carlo(*, n_obs: Any = (8, 40), effects: Any = (0.0, 0.5),
                        replications: int = 2000, lags: int = 1, own_lag: float = 0.5,
                        cause_persistence: float = 0.5, alpha: float = 0.05,
                        burn_in: int = 100, denominator: str = "equation",
                        rng: Any = None) -> GrangerMonteCarloResult:
    r"""Size and power of the Granger F-test by simulation, for several sample lengths.

    Parameters
    ----------
    n_obs : sequence of int, default (8, 40)
        Sample lengths :math:`T` (periods of each simulated series).
    effects : sequence of float, default (0.0, 0.5)
        True causal coefficients :math:`\beta`; 0 measures the size, others the power.
    replications : int, default 2000
        Simulated samples per (length, effect).
    lags : int, default 1
        Lag order of the test (the process itself has one lag).
    own_lag : float, default 0.5
        :math:`\phi_y`, persistence of the caused series; :math:`|\phi_y| < 1`.
    cause_persistence : float, default 0.5
        :math:`\phi_x`, persistence of the causing series; :math:`|\phi_x| < 1`.
    alpha : float, default 0.05
        Nominal level of the test.
    burn_in : int, default 100
        Simulated periods discarded before each sample, so that it starts near the stationary
        distribution.
    denominator : {"equation", "system"}, default "equation"
        F distribution of the test; see :func:`granger_f_test`.
    rng : int, numpy.random.Generator or None
        Seed or generator (``numpy.random.default_rng(rng)``).

    Returns
    -------
    GrangerMonteCarloResult
        Rejection rates and Monte Carlo standard errors; ``summary()`` labels size and power.

    Raises
    ------
    ValueError
        A sample length too short for `lags` (the message names it), a length or effect given
        twice, persistence outside (-1, 1), non-finite effects, `alpha` outside (0, 1), or an
        unknown `denominator`.
    TypeError
        If a count is not an integer or a sequence is not a list or tuple.

    Notes
    -----
    The data-generating process is

    .. math::

       x_t &= \phi_x x_{t-1} + u_t, \\
       y_t &= \phi_y y_{t-1} + \beta x_{t-1} + v_t,

    with independent standard normal :math:`u_t, v_t`, starting at zero, the first `burn_in`
    periods discarded. :math:`x` Granger-causes :math:`y` exactly when :math:`\beta \neq 0`.
    For each length, all effects use the same shocks (common random numbers), so differences
    between effects are not blurred by different draws. A rejection rate :math:`\hat r` from
    :math:`R` replications has Monte Carlo standard error :math:`\sqrt{\hat r(1-\hat r)/R}`.

    Examples
    --------
    >>> result = granger_monte_carlo(n_obs=[40], effects=[0.0], replications=400, rng=1)
    >>> rate = result.table.loc[(40, 0.0), "rejection_rate"]
    >>> bool(abs(rate - 0.05) < 4 * result.table.loc[(40, 0.0), "mc_standard_error"])
    True
    """
    check_choice(denominator, ["equation", "system"], name="denominator")
    lags = check_positive_int(lags, name="lags")
    replications = check_positive_int(replications, name="replications", maximum=MAX_COUNT)
    burn_in = check_integer(burn_in, name="burn_in", minimum=0, maximum=MAX_COUNT)
    alpha = check_real_between(alpha, name="alpha", low=0.0, high=1.0)
    for value, name in ((own_lag, "own_lag"), (cause_persistence, "cause_persistence")):
        check_real_between(value, name=name, low=-1.0, high=1.0,
                           hint="The simulated process must be stationary.")
    if isinstance(n_obs, (str, bytes)) or not isinstance(n_obs, (list, tuple)) or not n_obs:
        raise TypeError(f"`n_obs` must be a non-empty list of sample lengths; received {n_obs!r}.")
    if isinstance(effects, (str, bytes)) or not isinstance(effects, (list, tuple)) or not effects:
        raise TypeError(
            f"`effects` must be a non-empty list of coefficients; received {effects!r}."
        )
    lengths = [check_positive_int(n, name="n_obs", maximum=MAX_COUNT) for n in n_obs]
    cells = replications * (burn_in + max(lengths))
    if cells > 50 * MAX_COUNT:
        raise ValueError(
            f"`replications` x (`burn_in` + the longest of `n_obs`) = {cells:,} simulated values "
            f"per sample length, more than {50 * MAX_COUNT:,} (about 400 MB); use fewer "
            f"replications or shorter samples."
        )
    betas = [check_real(beta, name="effects") for beta in effects]
    for values, name in ((lengths, "n_obs"), (betas, "effects")):
        repeated = sorted({v for v in values if values.count(v) > 1})
        if repeated:
            raise ValueError(
                f"`{name}` repeats {_listed(repeated)}; each value labels one row of the "
                f"results table. Pass each value once."
            )
    needed = var_observations_needed(2, lags)
    short = [n for n in lengths if n < needed]
    if short:
        raise ValueError(
            f"Sample lengths {_listed(short)} are too short for a Granger test with {lags} "
            f"lag(s): it needs at least {needed} periods. Pass longer lengths in `n_obs`."
        )
    generator = as_generator(rng)
    effect = np.asarray(betas)[:, None]
    rows = []
    for n in lengths:
        total = burn_in + n
        # time-major shocks (period, replication): each step reads contiguous rows
        u = generator.standard_normal((total, replications))
        v = generator.standard_normal((total, replications))
        # only the current state and the n kept periods are stored (the burn-in is not: a few
        # MB instead of hundreds at 10,000 replications), replication-major for the test
        x_now = np.zeros(replications)
        y_now = np.zeros((len(betas), replications))  # every effect on the same shocks
        causing = np.empty((replications, n))
        caused = np.empty((len(betas), replications, n))
        if burn_in == 0:  # the first kept period is the zero start
            causing[:, 0], caused[:, :, 0] = x_now, y_now
        for t in range(1, total):
            y_now = own_lag * y_now + effect * x_now + v[t]
            x_now = cause_persistence * x_now + u[t]
            if t >= burn_in:
                causing[:, t - burn_in], caused[:, :, t - burn_in] = x_now, y_now
        for e, beta in enumerate(betas):
            test = granger_f_test(caused[e], causing, lags=lags, denominator=denominator)
            rate = float((test["pvalue"] < alpha).mean())
            rows.append({"n_obs": n, "effect": beta, "rejection_rate": rate,
                         "mc_standard_error": float(np.sqrt(rate * (1 - rate) / replications)),
                         "replications": replications})
    table = pd.DataFrame(rows).set_index(["n_obs", "effect"])
    dgp = {"own_lag": float(own_lag), "cause_persistence": float(cause_persistence),
           "burn_in": burn_in, "shocks": "independent standard normal"}
    return GrangerMonteCarloResult(table=table, alpha=alpha, lags=lags, denominator=denominator,
                                   dgp=dgp)
