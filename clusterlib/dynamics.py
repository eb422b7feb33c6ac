r"""Unit roots, vector autoregressions and Granger causality, over statsmodels (Chapter 3).

A thin layer over ``statsmodels.tsa``: every estimate comes from statsmodels and its own
results objects are returned (``VARResults``, ``LagOrderResults``, ``CausalityTestResults``,
``IRAnalysis``, ``FEVD``, ``ADFullerResult``, ``KPSSResult``). What this module adds are the
guardrails statsmodels lacks for the short annual series of regional studies:

* input checks that name the series at fault (unequal lengths, gaps, a missing year, text
  columns, constant series);
* a refusal to fit a VAR whose residual degrees of freedom would be zero or negative
  (statsmodels fits a VAR(3) of two series on 8 observations and prints numbers), a warning
  when they are small, and :func:`var_observations_needed` to say how many observations a lag
  order needs;
* ADF and KPSS run together with a plain-language verdict that says when they disagree;
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
from scipy import stats

from clusterlib._validate import (
    MAX_COUNT,
    _listed,
    as_generator,
    as_time_series_frame,
    check_choice,
    check_comparable_scales,
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
]

#: Deterministic terms of a VAR equation, as statsmodels names them, and how many each adds.
TRENDS = {"n": 0, "c": 1, "ct": 2, "ctt": 3}
_TREND_WORDS = {"n": "no deterministic term", "c": "a constant", "ct": "a constant and a trend",
                "ctt": "a constant, a trend and a squared trend"}

#: Below this many residual degrees of freedom per equation a VAR is fitted with a warning.
SMALL_RESIDUAL_DF = 10

_ALPHAS = (0.01, 0.05, 0.1)  # the levels with finite-sample critical values in statsmodels


# ------------------------------------------------------------------------------------------------
# Shared helpers
# ------------------------------------------------------------------------------------------------

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
        Deterministic terms of both tests (``"c"`` or ``"ct"``).
    """

    adf: dict
    kpss: dict
    kpss_pvalue_note: pd.Series
    verdict: pd.Series
    alpha: float
    regression: str

    def to_frame(self) -> pd.DataFrame:
        """Every statistic, critical value, p-value and the verdict, one row per series."""
        level = f"{self.alpha:.0%}"
        rows = {}
        for name, adf in self.adf.items():
            kpss = self.kpss[name]
            rows[name] = {
                "n_obs": int(adf.nobs + adf.lags + 1),
                "adf_statistic": float(adf.statistic),
                "adf_critical": float(adf.critical_values[level]),
                "adf_pvalue": float(adf.pvalue),
                "adf_lags": int(adf.lags),
                "kpss_statistic": float(kpss.statistic),
                "kpss_critical": float(kpss.critical_values[level]),
                "kpss_pvalue": float(kpss.pvalue),
                "kpss_pvalue_note": self.kpss_pvalue_note[name],
                "kpss_lags": int(kpss.lags),
                "verdict": self.verdict[name],
            }
        table = pd.DataFrame.from_dict(rows, orient="index")
        table.index.name = "series"
        return table

    def summary(self) -> pd.DataFrame:
        """The decision of each test and the verdict, one row per series."""
        table = self.to_frame()
        return pd.DataFrame({
            "n_obs": table["n_obs"],
            "ADF rejects unit root": table["adf_statistic"] < table["adf_critical"],
            "KPSS rejects stationarity": table["kpss_statistic"] > table["kpss_critical"],
            "verdict": table["verdict"],
        })


def unit_root_tests(data: Any, *, regression: str = "c", alpha: float = 0.05,
                    maxlag: int | None = None) -> UnitRootResult:
    r"""Augmented Dickey–Fuller and KPSS tests of every series, read together.

    The ADF test's null hypothesis is a unit root; the KPSS test's is stationarity. Each can
    fail to reject for lack of information, so the two are run together and the verdict says
    whether they agree.

    Parameters
    ----------
    data : pandas.DataFrame, pandas.Series or dict of Series
        Periods in rows (equally spaced, in time order), one column per series.
    regression : {"c", "ct"}, default "c"
        Deterministic terms of both tests: a constant, or a constant and a linear trend.
    alpha : {0.05, 0.01, 0.1}
        Level of both decisions; these are the levels with finite-sample critical values.
    maxlag : int, optional
        Largest lag of the ADF regression; the lag is then chosen by AIC (statsmodels'
        default, Schwert's rule :math:`12 (T/100)^{1/4}` capped by the sample, when omitted).

    Returns
    -------
    UnitRootResult
        statsmodels' result objects and the verdicts; ``summary()`` is a table.

    Raises
    ------
    ValueError
        Missing values (gaps), a time index that is not increasing or equally spaced, a
        constant series, an unknown `regression` or `alpha`, or a series too short for the
        ADF regression (statsmodels' message is passed on with the series' name).
    TypeError
        If `data` is not a DataFrame, Series or dict of Series, or a series is not numeric.

    Warns
    -----
    UserWarning
        Whatever statsmodels warns about other than the KPSS look-up table (that one becomes
        ``kpss_pvalue_note``).

    Notes
    -----
    ADF [1]_ regresses :math:`\Delta y_t` on :math:`y_{t-1}`, the deterministic terms and
    lagged differences, and rejects a unit root when the t-statistic of :math:`y_{t-1}` is below
    the critical value. KPSS [2]_ rejects stationarity when the partial sums of the residuals
    from the deterministic terms wander too far. Decisions use the finite-sample critical
    values statsmodels reports (MacKinnon's response surfaces for ADF); the ADF p-value
    statsmodels prints is asymptotic, and the KPSS p-value is interpolated in a table and is only
    a bound outside it. The verdicts:

    =====================  ======================  =========================================
    ADF (H0: unit root)    KPSS (H0: stationary)   verdict
    =====================  ======================  =========================================
    rejects                does not reject         stationary: both tests agree
    does not reject        rejects                 unit root: both tests agree
    does not reject        does not reject         tests disagree: neither rejects
    rejects                rejects                 tests disagree: both reject
    =====================  ======================  =========================================

    On short series "neither rejects" is common: both tests have little power, so the data
    cannot tell a unit root from a persistent stationary process.

    References
    ----------
    .. [1] Dickey, D. A. & Fuller, W. A. (1979). Distribution of the estimators for
       autoregressive time series with a unit root. *Journal of the American Statistical
       Association*, 74(366), 427–431.
    .. [2] Kwiatkowski, D., Phillips, P. C. B., Schmidt, P. & Shin, Y. (1992). Testing the null
       hypothesis of stationarity against the alternative of a unit root. *Journal of
       Econometrics*, 54(1–3), 159–178.

    Examples
    --------
    >>> rng = np.random.default_rng(7)
    >>> data = pd.DataFrame({"walk": rng.normal(size=80).cumsum(),
    ...                      "noise": rng.normal(size=80)})
    >>> unit_root_tests(data).verdict.tolist()
    ['unit root: both tests agree', 'stationary: both tests agree']
    """
    from statsmodels.tools.sm_exceptions import InterpolationWarning
    from statsmodels.tsa.stattools import adfuller, kpss

    check_choice(regression, ["c", "ct"], name="regression")
    if alpha not in _ALPHAS:
        raise ValueError(
            f"`alpha` must be one of {list(_ALPHAS)} (the levels with finite-sample critical "
            f"values); received {alpha!r}."
        )
    if maxlag is not None:
        maxlag = check_integer(maxlag, name="maxlag", minimum=0)
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
            adf = adfuller(x, maxlag=maxlag, regression=regression, autolag="AIC",
                           result_object=True)
        except ValueError as error:
            raise ValueError(
                f"The ADF test of series {name!r} cannot be run on {len(x)} observations with "
                f"regression={regression!r} (statsmodels: {error}). Use a longer series or "
                f"regression='c'."
            ) from error
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            result = kpss(x, regression=regression, nlags="auto", result_object=True)
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
    return UnitRootResult(
        adf=adf_results, kpss=kpss_results,
        kpss_pvalue_note=pd.Series(notes, index=index, name="kpss_pvalue_note", dtype=str),
        verdict=pd.Series(verdicts, index=index, name="verdict", dtype=str),
        alpha=float(alpha), regression=regression,
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
                      signif: float = 0.05):
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

    Returns
    -------
    statsmodels.tsa.vector_ar.hypothesis_test_results.CausalityTestResults
        statsmodels' own result (``.test_statistic``, ``.pvalue``, ``.df``, ``.summary()``).

    Raises
    ------
    TypeError
        If `results` is not a fitted VAR, or the names are not strings.
    ValueError
        If a name is not a series of the VAR, `caused` and `causing` overlap, or `kind` or
        `signif` is invalid.

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
    return results.test_causality(caused, causing, kind=kind, signif=signif)


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

    .. math:: x_t = \phi_x x_{t-1} + u_t, \qquad
              y_t = \phi_y y_{t-1} + \beta x_{t-1} + v_t,

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
        # time-major arrays (period, replication): each step reads and writes contiguous rows
        u = generator.standard_normal((total, replications))
        v = generator.standard_normal((total, replications))
        x = np.zeros((total, replications))
        y = np.zeros((total, len(betas), replications))  # every effect on the same shocks
        for t in range(1, total):
            x[t] = cause_persistence * x[t - 1] + u[t]
            y[t] = own_lag * y[t - 1] + effect * x[t - 1] + v[t]
        causing = np.ascontiguousarray(x[burn_in:].T)
        for e, beta in enumerate(betas):
            test = granger_f_test(np.ascontiguousarray(y[burn_in:, e].T), causing, lags=lags,
                                  denominator=denominator)
            rate = float((test["pvalue"] < alpha).mean())
            rows.append({"n_obs": n, "effect": beta, "rejection_rate": rate,
                         "mc_standard_error": float(np.sqrt(rate * (1 - rate) / replications)),
                         "replications": replications})
    table = pd.DataFrame(rows).set_index(["n_obs", "effect"])
    dgp = {"own_lag": float(own_lag), "cause_persistence": float(cause_persistence),
           "burn_in": burn_in, "shocks": "independent standard normal"}
    return GrangerMonteCarloResult(table=table, alpha=alpha, lags=lags, denominator=denominator,
                                   dgp=dgp)
