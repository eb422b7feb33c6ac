r"""Composite-system synergy and coupling coordination (复合系统协同度, 耦合协调度).

A *composite system* is made of subsystems (here: digital trade and industrial clusters), each
described by indicators observed over the same periods. The calculation has four steps, one
function each:

1. :func:`order_degree`: each indicator's **order degree** (有序度) in [0, 1] between explicit
   bounds (sample range, an extended range or user-given bounds);
2. :func:`subsystem_order_degree`: each subsystem's order degree, a weighted sum (weights from
   :func:`~clusterlib.weights.critic_weights`, :func:`~clusterlib.weights.entropy_weights` or
   equal, pooled over all periods) or a weighted geometric mean of its indicators;
3. :func:`synergy_degree`: the **synergy degree** (协同度) :math:`U \in [-1, 1]` of the composite
   system between two periods, against a fixed base period or chained period to period;
4. :func:`coupling_coordination`: the **coupling degree** :math:`C`, the comprehensive
   development index :math:`T` and the **coupling coordination degree** :math:`D = \sqrt{CT}`
   of each period, graded by a table (:func:`coordination_grades`).

Grades and stages are data: :func:`coordination_grades` and :func:`evolution_stages` return
tables of intervals whose ``closed`` column says which side of each boundary belongs to the grade,
and :func:`classify` assigns a value to its row.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from clusterlib._validate import (
    _listed,
    as_aligned_frame,
    as_bounds,
    as_frame,
    as_series,
    check_aligned,
    check_choice,
    check_directions,
    check_grade_table,
    check_in_range,
    check_integer,
    check_label_in,
    check_positive_int,
    check_real,
    check_real_between,
    check_weights,
    check_within_bounds,
    row_geometric_mean,
)
from clusterlib.weights import (
    _anchor_span,
    critic_weights,
    entropy_weights,
    minmax_normalise,
)

__all__ = [
    "OrderDegreeResult",
    "SubsystemOrderResult",
    "SynergyResult",
    "CouplingCoordinationResult",
    "CouplingNullResult",
    "order_degree",
    "subsystem_order_degree",
    "synergy_degree",
    "coupling_coordination",
    "coupling_null",
    "coordination_grades",
    "evolution_stages",
    "classify",
]

_DEFAULT_MARGIN = 0.1


# ------------------------------------------------------------------------------------------------
# Result objects
# ------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class OrderDegreeResult:
    """Order degrees of the indicators of one subsystem, with the bounds that produced them.

    Attributes
    ----------
    order : pandas.DataFrame
        Periods × indicators, values in [0, 1]; NaN only in the columns of `constant` (their
        order degree is 0/0).
    lower, upper : pandas.Series
        The bounds :math:`\\beta_i \\le e_i \\le \\alpha_i` of every indicator.
    directions : pandas.Series
        +1 (positive: larger is more ordered) or -1 (negative) per indicator.
    bounds : str
        How the bounds were set: ``"sample"``, ``"extended (margin m)"`` or ``"user"``.
    constant : tuple
        Indicators whose bounds coincide (the indicator never moved); they get weight 0.
    """

    order: pd.DataFrame
    lower: pd.Series
    upper: pd.Series
    directions: pd.Series
    bounds: str
    constant: tuple

    def to_frame(self) -> pd.DataFrame:
        """The order degrees, periods × indicators."""
        return self.order.copy()

    def summary(self) -> pd.DataFrame:
        """One row per indicator: direction, bounds, lowest and highest order degree."""
        return pd.DataFrame({
            "direction": self.directions.map({1.0: "+", -1.0: "-"}),
            "lower": self.lower,
            "upper": self.upper,
            "min_order": self.order.min(),
            "max_order": self.order.max(),
            "constant": [label in self.constant for label in self.order.columns],
        }).rename_axis("indicator")


@dataclass(frozen=True)
class SubsystemOrderResult:
    """Order degree of one subsystem per period, and the indicator weights used.

    Attributes
    ----------
    order_degree : pandas.Series
        One value in [0, 1] per period, named ``"order_degree"``.
    weights : pandas.Series
        One weight per indicator, summing to 1 (0 for a constant indicator).
    indicators : pandas.DataFrame
        The indicator order degrees that were aggregated (periods × indicators).
    aggregation : str
        ``"weighted_sum"`` or ``"geometric"``.
    """

    order_degree: pd.Series
    weights: pd.Series
    indicators: pd.DataFrame
    aggregation: str

    def to_frame(self) -> pd.DataFrame:
        """Indicator order degrees and the subsystem order degree, periods in rows."""
        return self.indicators.assign(order_degree=self.order_degree)

    def summary(self) -> pd.DataFrame:
        """One row per indicator: weight, mean and range of its order degree."""
        return pd.DataFrame({
            "weight": self.weights,
            "mean_order": self.indicators.mean(),
            "min_order": self.indicators.min(),
            "max_order": self.indicators.max(),
        }).rename_axis("indicator")


@dataclass(frozen=True)
class SynergyResult:
    """Synergy degree of a composite system, with the order-degree changes behind it.

    Attributes
    ----------
    synergy : pandas.Series
        :math:`U` for every end period, named ``"synergy_degree"``, in [-1, 1].
    changes : pandas.DataFrame
        End periods × subsystems: the change :math:`\\Delta u_j` of each subsystem's order
        degree since the start period.
    start : pandas.Series
        The start period of each end period (the base, or the previous period when chained).
    base : object
        The base period, or ``"chained"``.
    """

    synergy: pd.Series
    changes: pd.DataFrame
    start: pd.Series
    base: Any

    def to_frame(self) -> pd.DataFrame:
        """Start period, subsystem changes and synergy degree, one row per end period."""
        return self.changes.assign(synergy_degree=self.synergy).join(self.start)

    def summary(self) -> pd.DataFrame:
        """How many periods show positive, zero and negative synergy, with shares."""
        classes = pd.Series(np.sign(self.synergy.to_numpy()), index=self.synergy.index)
        names = {1.0: "positive (U > 0)", 0.0: "zero (U = 0)", -1.0: "negative (U < 0)"}
        counts = classes.map(names).value_counts().reindex(list(names.values()), fill_value=0)
        return pd.DataFrame({"periods": counts, "share": counts / len(classes)}).rename_axis(
            "synergy")


@dataclass(frozen=True)
class CouplingCoordinationResult:
    """Coupling degree, development index, coupling coordination degree and grade per unit.

    Attributes
    ----------
    coupling : pandas.Series
        :math:`C \\in [0, 1]`, named ``"coupling_degree"``.
    development : pandas.Series
        :math:`T = \\sum_j w_j U_j`, named ``"development_index"``.
    coordination : pandas.Series
        :math:`D = \\sqrt{C T}`, named ``"coordination_degree"``.
    grade : pandas.Series
        Label of the grade of `coordination`, named ``"grade"`` (ordered categorical).
    grades : pandas.DataFrame
        The grade table used.
    """

    coupling: pd.Series
    development: pd.Series
    coordination: pd.Series
    grade: pd.Series
    grades: pd.DataFrame

    def to_frame(self) -> pd.DataFrame:
        """C, T, D and grade, one row per unit (period or region)."""
        return pd.concat([self.coupling, self.development, self.coordination, self.grade],
                         axis=1)

    def summary(self) -> pd.DataFrame:
        """Every grade of the table, with the number and share of units in it."""
        counts = self.grade.value_counts(sort=False).reindex(self.grades["label"],
                                                             fill_value=0)
        return pd.DataFrame({"units": counts, "share": counts / len(self.grade)})


# ------------------------------------------------------------------------------------------------
# Grade tables
# ------------------------------------------------------------------------------------------------

def coordination_grades() -> pd.DataFrame:
    """The ten-grade table of the coupling coordination degree D (a new copy on every call).

    Returns
    -------
    pandas.DataFrame
        Columns ``lower``, ``upper``, ``closed`` and ``label``; one row per grade from 极度失调
        (extreme imbalance, :math:`0 \\le D < 0.1`) to 优质协调 (high-quality coordination,
        :math:`0.9 \\le D \\le 1`).

    Notes
    -----
    Equal steps of 0.1 and these names go back to Liao's classification of coordinated
    development [1]_ and are the most common scheme in Chinese studies. Papers differ on which
    side of a boundary is closed: Tian et al. [2]_ close the right side (:math:`0.5 < D \\le
    0.6`), others the left. This table closes the left side and the last grade on both sides,
    so that every :math:`D \\in [0, 1]` has exactly one grade. Pass your own table to
    :func:`classify` or :func:`coupling_coordination` to use another scheme.

    References
    ----------
    .. [1] Liao, C. (1999). Quantitative judgement and classification system for coordinated
       development of environment and economy: a case study of the city group in the Pearl River
       Delta (in Chinese). *Tropical Geography*, 19(2), 171–177.
    .. [2] Tian, S., Li, X., Yang, J., Zhang, W. & Guo, J. (2021). Spatio-temporal coupling
       coordination and driving mechanism of urban pseudo and reality human settlements in the
       three provinces of Northeast China (in Chinese). *Acta Geographica Sinica*, 76(4),
       781ff., Table 1.

    Examples
    --------
    >>> coordination_grades().iloc[5]
    lower                     0.5
    upper                     0.6
    closed                   left
    label     勉强协调 barely coordinated
    Name: 5, dtype: object
    """
    labels = ["极度失调 extreme imbalance", "严重失调 serious imbalance",
              "中度失调 moderate imbalance", "轻度失调 mild imbalance",
              "濒临失调 verging on imbalance", "勉强协调 barely coordinated",
              "初级协调 primary coordination", "中级协调 intermediate coordination",
              "良好协调 good coordination", "优质协调 high-quality coordination"]
    edges = np.round(np.arange(11) / 10, 1)
    return pd.DataFrame({"lower": edges[:-1], "upper": edges[1:],
                         "closed": ["left"] * 9 + ["both"], "label": labels})


def evolution_stages() -> pd.DataFrame:
    """The book's thresholds for the four evolution stages of Zhang's document, on D.

    Returns
    -------
    pandas.DataFrame
        A grade table (``lower``, ``upper``, ``closed``, ``label``) with four stages of the
        coupling coordination degree :math:`D`: start (起步, below 0.4), development (发展, 0.4 to
        0.6), expansion (拓展, 0.6 to 0.8) and maturity (成熟, 0.8 and above).

    Notes
    -----
    The document describes the stages in words only: 起步阶段 (多点突破, breakthroughs at many
    points), 发展阶段 (串点成线, points joined into lines), 拓展阶段 (连线成网, lines joined into
    networks) and 成熟阶段 (推演成体, networks grown into a whole). **The thresholds are the
    book's, not the document's.** They follow the boundaries of :func:`coordination_grades`:
    every grade below 0.4 is an imbalance (失调), 0.4 to 0.6 is verging on imbalance or barely
    coordinated, 0.6 to 0.8 primary or intermediate coordination, and 0.8 and above good or
    high-quality coordination. Stages are levels, so they are read from :math:`D` (a level in
    each period) and not from the synergy degree :math:`U`, which measures a change between two
    periods.

    Examples
    --------
    >>> evolution_stages()["label"].tolist()[0]
    '起步 start (多点突破)'
    """
    return pd.DataFrame({
        "lower": [0.0, 0.4, 0.6, 0.8],
        "upper": [0.4, 0.6, 0.8, 1.0],
        "closed": ["left", "left", "left", "both"],
        "label": ["起步 start (多点突破)", "发展 development (串点成线)",
                  "拓展 expansion (连线成网)", "成熟 maturity (推演成体)"],
    })


def classify(values: pd.Series | np.ndarray, grades: pd.DataFrame, *,
             name: str = "grade") -> pd.Series:
    """Label each value with the grade (row of a grade table) whose interval contains it.

    Parameters
    ----------
    values : pandas.Series or numpy.ndarray
        Finite numbers, e.g. coupling coordination degrees.
    grades : pandas.DataFrame
        Columns ``lower``, ``upper``, ``closed`` (``"left"``, ``"right"``, ``"both"`` or
        ``"neither"``) and ``label``, rows ordered by ``lower``, no overlaps; e.g.
        :func:`coordination_grades` or :func:`evolution_stages`.
    name : str, default "grade"
        Name of the returned Series.

    Returns
    -------
    pandas.Series
        The label of every value, an ordered categorical with the table's labels in order; same
        index as `values`.

    Raises
    ------
    ValueError
        If a value is missing, or falls in no grade (outside the table or in a gap, e.g. 1.0 in
        a table whose last grade is ``[0.9, 1.0)``), or the table is malformed (overlapping
        grades, an unknown ``closed``, duplicated labels).
    TypeError
        If `grades` is not a DataFrame or `values` not a Series or 1-D array.

    Examples
    --------
    >>> d = pd.Series([0.05, 0.5, 1.0], index=[2019, 2020, 2021])
    >>> classify(d, coordination_grades()).tolist()
    ['极度失调 extreme imbalance', '勉强协调 barely coordinated', '优质协调 high-quality coordination']
    """
    table = check_grade_table(grades)
    series = as_series(values, name="values")
    x = series.to_numpy()
    codes = np.full(len(x), -1)
    for row in table.itertuples():
        above = x >= row.lower if row.closed in ("left", "both") else x > row.lower
        below = x <= row.upper if row.closed in ("right", "both") else x < row.upper
        codes[above & below] = row.Index
    if (codes < 0).any():
        outside = series.index[codes < 0].tolist()
        raise ValueError(
            f"Values {_listed(series[codes < 0].tolist())} (rows {_listed(outside)}) fall in no "
            f"grade of the table, which covers {_coverage(table)}. Extend the table or check the "
            f"values."
        )
    labels = pd.Categorical.from_codes(codes, categories=table["label"], ordered=True)
    return pd.Series(labels, index=series.index, name=name)


def _coverage(table: pd.DataFrame) -> str:
    """The intervals of a grade table in interval notation, for messages."""
    left = {"left": "[", "both": "[", "right": "(", "neither": "("}
    right = {"right": "]", "both": "]", "left": ")", "neither": ")"}
    return " ".join(f"{left[c]}{lo:g}, {hi:g}{right[c]}"
                    for lo, hi, c in zip(table["lower"], table["upper"], table["closed"]))


# ------------------------------------------------------------------------------------------------
# Order degrees
# ------------------------------------------------------------------------------------------------

def order_degree(data: pd.DataFrame | np.ndarray, *, directions: Any = None,
                 bounds: Any = "sample", margin: float | None = None) -> OrderDegreeResult:
    r"""Order degree (有序度) of every indicator of a subsystem, between explicit bounds.

    Parameters
    ----------
    data : pandas.DataFrame or numpy.ndarray
        Periods in rows (e.g. years), the subsystem's indicators (order parameters, 序参量) in
        columns; finite numbers.
    directions : dict or pandas.Series, optional
        ``+1``/``"+"`` (positive: a larger value is more ordered) or ``-1``/``"-"`` (negative)
        for every indicator. By default all are positive, as in Zhang's document.
    bounds : {"sample", "extended"} or pandas.DataFrame or dict
        The bounds :math:`\beta_i \le e_i \le \alpha_i`. ``"sample"`` (default): the smallest and
        largest value over the periods. ``"extended"``: the sample range widened on both sides
        by `margin` times the range. A DataFrame indexed by indicator with columns ``lower`` and
        ``upper``, or a dict ``{indicator: (lower, upper)}``: user-given bounds for every
        indicator, which must contain the data.
    margin : float, optional
        Share of the sample range added below the minimum and above the maximum with
        ``bounds="extended"`` (default 0.1); not allowed with other bounds.

    Returns
    -------
    OrderDegreeResult
        ``order`` (periods × indicators, in [0, 1]), the bounds, directions and the indicators
        whose bounds coincide. ``to_frame()`` gives the order degrees, ``summary()`` one row per
        indicator.

    Raises
    ------
    ValueError
        Missing or infinite values (naming indicator and period), fewer than two periods,
        user bounds that miss an indicator (whatever its direction), name an unknown one, have
        lower above upper, or do not contain the data (naming indicator and periods), a negative
        `margin`, or `margin` without ``bounds="extended"``.
    TypeError
        If `data` is not a DataFrame or 2-D array of numbers, or `bounds` of an unknown kind.

    Warns
    -----
    UserWarning
        For an indicator whose lower and upper bounds are equal (it never moved): its order
        degree is 0/0, left as NaN, and it gets weight 0 in :func:`subsystem_order_degree`.

    Notes
    -----
    For indicator :math:`i` of subsystem :math:`j` with bounds :math:`\beta_{ji} \le e_{ji} \le
    \alpha_{ji}` (Meng & Han [1]_, the composite-system model restated in Zhang's document [2]_),

    .. math::

       u_j(e_{ji}) &= \frac{e_{ji} - \beta_{ji}}{\alpha_{ji} - \beta_{ji}} \ \text{(positive)}, \\
       u_j(e_{ji}) &= \frac{\alpha_{ji} - e_{ji}}{\alpha_{ji} - \beta_{ji}} \ \text{(negative)}.

    With sample bounds this is the min–max score of :func:`~clusterlib.weights.minmax_normalise`:
    every indicator is exactly 0 in its worst period and 1 in its best. With an extended range
    (margin :math:`m`, :math:`\beta = \min - mR`, :math:`\alpha = \max + mR`, :math:`R` the
    range) it is :math:`(z + m)/(1 + 2m)` for the min–max score :math:`z`, in
    :math:`[m/(1+2m), (1+m)/(1+2m)]`. The range-based margin is used because the common rule
    "minimum × 0.9, maximum × 1.1" gives no room below a zero minimum and moves the bound *into*
    the data for a negative minimum.

    The bounds are a modelling choice that changes every later number: the order degree is
    relative to them, not to any absolute target. Report them (``summary()``).

    References
    ----------
    .. [1] Meng, Q. & Han, W. (2000). Study on the coordination degree model of composite
       systems (in Chinese). *Journal of Tianjin University*, 33(4), 444–446.
    .. [2] Zhang, M. Collaborative innovation of digital trade and industrial clusters in
       Guangzhou (in Chinese), section 5.

    Examples
    --------
    >>> panel = pd.DataFrame({"exports": [10.0, 12.0, 15.0], "cost": [5.0, 4.0, 4.5]},
    ...                      index=[2020, 2021, 2022])
    >>> od = order_degree(panel, directions={"exports": "+", "cost": "-"})
    >>> od.order.round(2)
          exports  cost
    2020      0.0   0.0
    2021      0.4   1.0
    2022      1.0   0.5
    >>> order_degree(panel, directions={"exports": "+", "cost": "-"},
    ...              bounds="extended").order["exports"].round(4).tolist()
    [0.0833, 0.4167, 0.9167]
    """
    frame = as_frame(data, name="data", min_rows=2)
    signs = check_directions(directions, frame.columns)
    if margin is not None and not (isinstance(bounds, str) and bounds == "extended"):
        raise ValueError(
            f"`margin` applies only to bounds='extended'; received margin={margin!r} with "
            f"bounds={bounds if isinstance(bounds, str) else type(bounds).__name__!r}. Drop it."
        )
    low, high = frame.min(), frame.max()
    if isinstance(bounds, str):
        check_choice(bounds, ["sample", "extended"], name="bounds")
        if bounds == "sample":
            lower, upper, label = low, high, "sample"
        else:
            margin = check_real(_DEFAULT_MARGIN if margin is None else margin, name="margin",
                                minimum=0.0)
            lower, upper = low - margin * (high - low), high + margin * (high - low)
            label = f"extended (margin {margin:g})"
    else:
        lower, upper = as_bounds(bounds, frame.columns, signs)
        check_within_bounds(frame, lower, upper)
        label = "user"
    lower, upper = lower.astype(float).rename("lower"), upper.astype(float).rename("upper")
    constant = upper == lower
    if constant.any():
        warnings.warn(
            f"Indicators {_listed(frame.columns[constant.to_numpy()].tolist())} have equal lower "
            f"and upper bounds (they never move); their order degree is 0/0 and left undefined "
            f"(NaN), and they get weight 0 in the subsystem order degree. Drop them to silence "
            f"this warning.", UserWarning, stacklevel=2)
    live = frame.columns[~constant.to_numpy()]
    order = pd.DataFrame(np.nan, index=frame.index, columns=frame.columns)
    if len(live):
        if label == "sample":
            values = minmax_normalise(frame[live], directions=signs[live])
        elif label.startswith("extended"):
            values = (minmax_normalise(frame[live], directions=signs[live]) + margin) / (
                1.0 + 2.0 * margin)
        else:
            anchor, span = _anchor_span(lower[live].to_numpy(), upper[live].to_numpy(),
                                        signs[live].to_numpy())
            values = (frame[live] - anchor) / span + 0.0
        order[live] = values.clip(0.0, 1.0)  # rounding only: the bounds contain the data
    return OrderDegreeResult(order=order, lower=lower, upper=upper,
                             directions=signs.rename("direction"), bounds=label,
                             constant=tuple(frame.columns[constant.to_numpy()]))


def subsystem_order_degree(order: OrderDegreeResult | pd.DataFrame, *, weights: Any = "critic",
                           aggregation: str = "weighted_sum") -> SubsystemOrderResult:
    r"""Order degree of a subsystem in every period, from the order degrees of its indicators.

    Parameters
    ----------
    order : OrderDegreeResult or pandas.DataFrame
        The result of :func:`order_degree`, or a periods × indicators table of order degrees in
        [0, 1].
    weights : {"critic", "entropy", "equal"} or pandas.Series or dict
        ``"critic"`` (default, as in Zhang's document): :func:`~clusterlib.weights.critic_weights`
        of the order degrees; ``"entropy"``: :func:`~clusterlib.weights.entropy_weights` of the
        order degrees (shares of their column sums); ``"equal"``: :math:`1/n`. Objective weights
        are computed once from **all periods pooled**, so the same weights apply in every
        period. Or one weight per indicator, non-negative and summing to 1.
    aggregation : {"weighted_sum", "geometric"}
        ``"weighted_sum"``: :math:`\sum_i w_i u_i`; ``"geometric"``: the weighted geometric mean
        :math:`\prod_i u_i^{w_i}` (with equal weights, the document's
        :math:`(\prod_i u_i)^{1/n}`).

    Returns
    -------
    SubsystemOrderResult
        ``order_degree`` (one value in [0, 1] per period), ``weights`` (0 for an indicator that
        never moved), the indicator order degrees and the aggregation.

    Raises
    ------
    ValueError
        Order degrees outside [0, 1] or missing (other than the constant indicators of an
        :class:`OrderDegreeResult`), user weights that do not match the indicators, are negative,
        do not sum to 1 or give weight to a constant indicator, an unknown `weights` or
        `aggregation`, or objective weights that are undefined (fewer than two moving indicators
        for CRITIC).
    TypeError
        If `order` is of the wrong kind.

    Notes
    -----
    The subsystem order degree is :math:`u_j(e_j) = \sum_i w_i u_j(e_{ji})` or
    :math:`\prod_i u_j(e_{ji})^{w_i}`, with :math:`w_i \ge 0`, :math:`\sum_i w_i = 1` [1]_.
    Both lie in [0, 1].

    *Why the geometric mean collapses.* A product is 0 as soon as one factor is 0, so the
    geometric mean is 0 in every period in which *any* indicator with positive weight sits at
    its lower bound (the worst state), however well the others do. With sample bounds every
    indicator is exactly 0 in its worst period, so the geometric mean is 0 in each such period;
    it is a "weakest link" aggregate. Extended bounds keep every order degree above 0 and avoid
    the collapse, but then the result depends on the margin.

    CRITIC weights of the order degrees equal those of the raw data with the same directions
    (CRITIC min–max normalises, and the order degree is an increasing affine function of the
    min–max score); entropy weights depend on the bounds. A result above 1 or below 0 by
    rounding is clipped.

    References
    ----------
    .. [1] Meng, Q. & Han, W. (2000). Study on the coordination degree model of composite
       systems (in Chinese). *Journal of Tianjin University*, 33(4), 444–446.

    Examples
    --------
    >>> od = pd.DataFrame({"a": [0.0, 0.5, 1.0], "b": [1.0, 0.0, 0.5]}, index=[2020, 2021, 2022])
    >>> s = subsystem_order_degree(od, weights={"a": 0.75, "b": 0.25})
    >>> s.order_degree.tolist()
    [0.25, 0.375, 0.875]
    >>> subsystem_order_degree(od, weights="equal", aggregation="geometric").order_degree.tolist()
    [0.0, 0.0, 0.7071067811865476]
    """
    check_choice(aggregation, ["weighted_sum", "geometric"], name="aggregation")
    if isinstance(order, OrderDegreeResult):
        table, dead = order.order, list(order.constant)
    elif isinstance(order, (pd.DataFrame, np.ndarray)):
        table, dead = as_frame(order, name="order", min_rows=1), []
    else:
        raise TypeError(
            "`order` must be the result of order_degree or a DataFrame of order degrees "
            f"(periods x indicators); received {type(order).__name__}."
        )
    live = [label for label in table.columns if label not in set(dead)]
    if not live:
        raise ValueError(
            f"Every indicator of `order` is constant ({_listed(dead)}); the subsystem order "
            f"degree is undefined. Pass indicators that move."
        )
    values = as_frame(table[live], name="order")
    check_in_range(values, name="order", low=0.0, high=1.0,
                   hint="Order degrees lie in [0, 1]; compute them with order_degree.")
    w = _subsystem_weights(weights, values, table.columns, dead)
    w_live = w[live].to_numpy()
    x = values.to_numpy()
    if aggregation == "weighted_sum":
        result = x @ w_live
    else:
        result = np.prod(np.power(x, w_live), axis=1)
    series = pd.Series(np.clip(result, 0.0, 1.0), index=table.index, name="order_degree")
    return SubsystemOrderResult(order_degree=series, weights=w, indicators=table,
                                aggregation=aggregation)


def _subsystem_weights(weights: Any, values: pd.DataFrame, columns: pd.Index,
                       dead: list) -> pd.Series:
    """Weights of all indicators (0 for the constant ones) from a method name or user weights."""
    index = pd.Index(columns, name="indicator")
    if isinstance(weights, str):
        check_choice(weights, ["critic", "entropy", "equal"], name="weights")
        if weights == "critic":
            found = critic_weights(values)
        elif weights == "entropy":
            found = entropy_weights(values)
        else:
            found = pd.Series(1.0 / values.shape[1], index=values.columns)
        return found.reindex(index, fill_value=0.0).rename(f"{weights}_weight")
    weights = as_series(weights, name="weights")
    check_aligned(pd.Index(columns), weights.index, left_name="order columns",
                  right_name="weights")
    check_weights(weights, name="weights")
    on_dead = [label for label in dead if weights[label] > 0]
    if on_dead:
        raise ValueError(
            f"Indicators {_listed(on_dead)} never move (equal bounds) but have positive weight; "
            f"their order degree is undefined. Give them weight 0 or drop them."
        )
    weights = weights.reindex(index)
    return (weights / weights.sum()).rename("weight")


# ------------------------------------------------------------------------------------------------
# Synergy and coupling coordination
# ------------------------------------------------------------------------------------------------

def _level_weights(weights: Any, columns: pd.Index) -> np.ndarray:
    """Weights of the subsystems (equal by default), in the order of `columns`, summing to 1."""
    if weights is None:
        return np.full(len(columns), 1.0 / len(columns))
    weights = as_series(weights, name="weights")
    check_aligned(columns, weights.index, left_name="levels columns", right_name="weights")
    check_weights(weights, name="weights")
    return weights.reindex(columns).to_numpy()


def _subsystem_table(levels: Any, *, name: str) -> pd.DataFrame:
    """Periods (or units) × subsystems from a DataFrame or a mapping of Series / results."""
    if isinstance(levels, Mapping):
        series = {key: value.order_degree if isinstance(value, SubsystemOrderResult) else value
                  for key, value in levels.items()}
        levels = as_aligned_frame(series, name=name)
    frame = as_frame(levels, name=name, min_rows=1, min_cols=2)
    check_in_range(frame, name=name, low=0.0, high=1.0,
                   hint="Subsystem order degrees lie in [0, 1]; compute them with "
                        "subsystem_order_degree.")
    return frame


def synergy_degree(order_degrees: pd.DataFrame | Mapping, *, base: Any = "chained") -> SynergyResult:
    r"""Synergy degree (协同度) :math:`U` of a composite system between periods.

    Parameters
    ----------
    order_degrees : pandas.DataFrame or dict
        Periods × subsystems (two or more columns) of subsystem order degrees in [0, 1], or a
        dict mapping each subsystem to a Series (or :class:`SubsystemOrderResult`); the Series
        must cover the same periods. Rows are put in increasing order of their labels.
    base : "chained" or period label
        ``"chained"`` (default): each period against the previous one. A period label: every
        later period against that fixed base period.

    Returns
    -------
    SynergyResult
        ``synergy`` (:math:`U` per end period, named ``"synergy_degree"``), ``changes`` (the
        :math:`\Delta u_j`), ``start`` (the start period of each end period) and ``base``.

    Raises
    ------
    ValueError
        Subsystems observed in different periods (naming them), missing values (naming
        subsystem and period), order degrees outside [0, 1], fewer than two periods, a `base`
        that is not a period, or a base with no later period.
    TypeError
        If `order_degrees` is of the wrong kind, its periods cannot be ordered (labels of mixed
        kinds), or `base` is a boolean.

    Notes
    -----
    From a start period :math:`t_0` to a period :math:`t_1`, with :math:`\Delta u_j =
    u_j(t_1) - u_j(t_0)` for each of the :math:`k` subsystems [1]_ [2]_,

    .. math::

       U &= \theta \left(\prod_{j=1}^{k} \lvert \Delta u_j \rvert\right)^{1/k}, \\
       \theta &= \begin{cases} +1 & \text{if } \Delta u_j > 0 \text{ for every } j, \\
                              -1 & \text{otherwise,} \end{cases}

    which for two subsystems is :math:`\theta\sqrt{\lvert\Delta u_1\rvert\,\lvert\Delta
    u_2\rvert}`. *Zero change:* if any :math:`\Delta u_j = 0` the product is 0, so :math:`U = 0`
    whatever :math:`\theta` (a static subsystem gives neither synergy nor its opposite); the
    result records 0. :math:`U > 0` only when every subsystem became more ordered; when one
    rose and another fell, :math:`U < 0` even if the rise is large. Because
    :math:`\lvert\Delta u_j\rvert \le 1`, :math:`U \in [-1, 1]`; it is symmetric in the
    subsystems.

    :math:`U` measures *co-movement* of the order degrees between two dates; it says nothing
    about whether one subsystem caused the other to move.

    References
    ----------
    .. [1] Meng, Q. & Han, W. (2000). Study on the coordination degree model of composite
       systems (in Chinese). *Journal of Tianjin University*, 33(4), 444–446.
    .. [2] Haken, H. (1983). *Synergetics: An Introduction* (3rd ed.). Berlin: Springer.

    Examples
    --------
    >>> u = pd.DataFrame({"trade": [0.2, 0.4, 0.3], "clusters": [0.1, 0.5, 0.6]},
    ...                  index=[2020, 2021, 2022])
    >>> synergy_degree(u).synergy.round(4).tolist()
    [0.2828, -0.1]
    >>> synergy_degree(u, base=2020).synergy.round(4).tolist()
    [0.2828, 0.2236]
    """
    frame = _subsystem_table(order_degrees, name="order_degrees")
    try:
        frame = frame.sort_index()
    except TypeError as error:  # e.g. years as int and as str in one index
        raise TypeError(
            f"The periods of `order_degrees` cannot be put in order ({error}); received labels "
            f"{_listed(list(frame.index))}. Use labels of one kind, e.g. int years."
        ) from None
    if isinstance(base, (bool, np.bool_)):
        raise TypeError(
            f"`base` must be 'chained' or a period label; received the boolean {base!r}. Pass "
            f"a period, e.g. base={frame.index[0]!r}."
        )
    if len(frame) < 2:
        raise ValueError(
            f"`order_degrees` needs at least two periods to measure a change; received "
            f"{len(frame)}."
        )
    if isinstance(base, str) and base == "chained":
        end = frame.index[1:]
        start = frame.index[:-1]
    else:
        check_label_in(base, frame.index, name="order_degrees", option="base")
        end = frame.index[frame.index > base]
        if len(end) == 0:
            raise ValueError(
                f"`base`={base!r} is the last period of `order_degrees`; a fixed base needs later "
                f"periods to compare with. Pass an earlier base or base='chained'."
            )
        start = pd.Index([base] * len(end))
    changes = pd.DataFrame(frame.loc[end].to_numpy() - frame.loc[start].to_numpy(),
                           index=end, columns=frame.columns)
    delta = changes.to_numpy()
    k = delta.shape[1]
    magnitude = row_geometric_mean(np.abs(delta))
    theta = np.where((delta > 0).all(axis=1), 1.0, -1.0)
    synergy = np.where((delta == 0).any(axis=1), 0.0, theta * magnitude)
    return SynergyResult(synergy=pd.Series(synergy, index=end, name="synergy_degree"),
                         changes=changes,
                         start=pd.Series(start, index=end, name="start"), base=base)


def coupling_coordination(levels: pd.DataFrame | Mapping, *, weights: Any = None,
                          coupling: str = "standard",
                          grades: pd.DataFrame | None = None) -> CouplingCoordinationResult:
    r"""Coupling degree C, development index T and coupling coordination degree D (耦合协调度).

    Parameters
    ----------
    levels : pandas.DataFrame or dict
        Units (periods or regions) × subsystems (two or more columns) of development levels in
        [0, 1], e.g. subsystem order degrees or composite indices; or a dict mapping each
        subsystem to a Series (or :class:`SubsystemOrderResult`) over the same units.
    weights : pandas.Series or dict, optional
        The contribution :math:`w_j` of each subsystem to :math:`T`, non-negative and summing to
        1; equal by default (:math:`\alpha = \beta = 0.5` for two subsystems).
    coupling : {"standard", "wang_2021"}
        ``"standard"``: :math:`C` = geometric mean / arithmetic mean of the levels.
        ``"wang_2021"``: the modified coupling degree of Wang et al. (see Notes).
    grades : pandas.DataFrame, optional
        The grade table for :math:`D` (columns ``lower``, ``upper``, ``closed``, ``label``);
        :func:`coordination_grades` by default.

    Returns
    -------
    CouplingCoordinationResult
        ``coupling``, ``development``, ``coordination`` and ``grade`` per unit, and the grade
        table. ``summary()`` counts the units in every grade.

    Raises
    ------
    ValueError
        Levels outside [0, 1] or missing, subsystems over different units, a unit where every
        level is 0 (:math:`C` is 0/0 there), weights that do not match the subsystems or do not
        sum to 1, an unknown `coupling`, a malformed grade table, or a :math:`D` that falls in
        no grade of `grades`.
    TypeError
        If `levels`, `weights` or `grades` are of the wrong kind.

    Notes
    -----
    With levels :math:`U_1, \dots, U_n \in [0, 1]` of :math:`n` subsystems [1]_ [2]_:

    .. math::

       C &= \frac{\left(\prod_j U_j\right)^{1/n}}{\frac{1}{n}\sum_j U_j}, \\
       T &= \sum_j w_j U_j, \qquad D = \sqrt{C\,T}.

    For two subsystems :math:`C = 2\sqrt{U_1 U_2}/(U_1 + U_2)`. :math:`C` is the ratio of the
    geometric to the arithmetic mean, so :math:`0 \le C \le 1` for every :math:`n` (equal to 1
    when all levels are equal). This is the normative form restated by Wang et al. [3]_; a
    frequent misprint, :math:`n[\prod_j U_j / \prod_{i<j}(U_i + U_j)]^{1/n}`, exceeds 1 for
    :math:`n > 2`. Wang et al. also show that the standard :math:`C` crowds near 1 (it depends
    only on the *ratios* of the levels) and propose

    .. math::

       C = \sqrt{\left[1 - \frac{\sum_{i>j} \lvert U_i - U_j \rvert}{\sum_{m=1}^{n-1} m}\right]
                 \left(\prod_{j} \frac{U_j}{\max_i U_i}\right)^{1/(n-1)}},

    which also lies in [0, 1] for every :math:`n` (the first factor is one minus the mean
    absolute pairwise gap, the second the geometric mean of the levels relative to the largest)
    and for two subsystems is :math:`\sqrt{(1 - \lvert U_1 - U_2\rvert)\,U_{\min}/U_{\max}}`.

    :math:`C` is undefined (0/0) in a unit where every level is 0; such a unit raises rather than
    receive an arbitrary value. A :math:`C` above 1 by rounding is set to 1.

    References
    ----------
    .. [1] Liao, C. (1999). Quantitative judgement and classification system for coordinated
       development of environment and economy: a case study of the city group in the Pearl River
       Delta (in Chinese). *Tropical Geography*, 19(2), 171–177.
    .. [2] Li, H., He, Y. & Bi, X. (2022). Coupling coordination relationship between ecological
       environment and high-quality development in the Lanzhou section of the Yellow River Basin
       (in Chinese). *Arid Land Geography*, accepted manuscript, ChinaXiv:202208.00078, Tables
       4–6.
    .. [3] Wang, S., Kong, W., Ren, L., Zhi, D. & Dai, B. (2021). Research on misuses and
       modification of coupling coordination degree model in China (in Chinese). *Journal of
       Natural Resources*, 36(3), 793–810.

    Examples
    --------
    Lanzhou, 2010, from the subsystem indices of Li, He & Bi (2022, Table 4):

    >>> u = pd.DataFrame({"ecology": [0.0863], "development": [0.1875]}, index=[2010])
    >>> cc = coupling_coordination(u)
    >>> round(float(cc.coupling[2010]), 4), round(float(cc.coordination[2010]), 4)
    (0.9292, 0.3567)
    >>> cc.grade[2010]
    '轻度失调 mild imbalance'
    """
    check_choice(coupling, ["standard", "wang_2021"], name="coupling")
    frame = _subsystem_table(levels, name="levels")
    table = check_grade_table(coordination_grades() if grades is None else grades)
    n = frame.shape[1]
    w = _level_weights(weights, frame.columns)
    x = frame.to_numpy()
    zero = (x == 0).all(axis=1)
    if zero.any():
        raise ValueError(
            f"Every subsystem level is 0 in rows {_listed(frame.index[zero].tolist())}; the "
            f"coupling degree is 0/0 there. Drop these rows, or compute the levels with bounds "
            f"that keep them above 0 (order_degree(..., bounds='extended'))."
        )
    if coupling == "standard":
        c = row_geometric_mean(x) / x.mean(axis=1)
    else:
        pairs = [(i, j) for i in range(n) for j in range(i)]
        gap = sum(np.abs(x[:, i] - x[:, j]) for i, j in pairs) / len(pairs)
        with np.errstate(under="ignore"):
            ratios = x / x.max(axis=1, keepdims=True)
            product = np.prod(ratios, axis=1)
        relative = product ** (1.0 / (n - 1))
        redo = (product < np.finfo(float).tiny) & (ratios > 0).all(axis=1)  # underflow
        relative[redo] = np.exp(np.log(ratios[redo]).sum(axis=1) / (n - 1))
        c = np.sqrt((1.0 - gap) * relative)
    c = np.minimum(c, 1.0)
    t = x @ w
    d = np.sqrt(c * t)
    coordination = pd.Series(d, index=frame.index, name="coordination_degree")
    return CouplingCoordinationResult(
        coupling=pd.Series(c, index=frame.index, name="coupling_degree"),
        development=pd.Series(t, index=frame.index, name="development_index"),
        coordination=coordination,
        grade=classify(coordination, table),
        grades=table,
    )


# ------------------------------------------------------------------------------------------------
# Null model: coupling and synergy of unrelated subsystems
# ------------------------------------------------------------------------------------------------

_NULL_STATISTICS = ("mean_coupling", "mean_coordination", "mean_synergy", "share_positive_synergy")


@dataclass(frozen=True)
class CouplingNullResult:
    """Observed coupling and synergy statistics against their distribution under unrelatedness.

    Attributes
    ----------
    observed : pandas.Series
        The four statistics of the data, named ``"observed"``: ``mean_coupling`` (mean of
        :math:`C` over the periods), ``mean_coordination`` (mean of :math:`D`),
        ``mean_synergy`` (mean of :math:`U`) and ``share_positive_synergy`` (share of the
        periods with :math:`U > 0`).
    null : pandas.DataFrame
        One row per null draw, one column per statistic.
    quantiles : pandas.DataFrame
        Statistics × requested quantiles of the null draws.
    share_at_or_above : pandas.Series
        Share of the null draws at or above the observed value, per statistic (a one-sided
        Monte-Carlo p-value; ties count as "at or above").
    method : str
        ``"permute"`` or ``"block"`` (with its block length).
    shuffled : object
        The subsystem whose periods were resampled.
    """

    observed: pd.Series
    null: pd.DataFrame
    quantiles: pd.DataFrame
    share_at_or_above: pd.Series
    method: str
    shuffled: Any

    def to_frame(self) -> pd.DataFrame:
        """The null draws, one row per draw."""
        return self.null.copy()

    def summary(self) -> pd.DataFrame:
        """One row per statistic: observed value, null quantiles and the share at or above."""
        table = self.quantiles.rename(columns=lambda q: f"null q{q:g}")
        return pd.concat([self.observed, table, self.share_at_or_above], axis=1).rename_axis(
            "statistic")


def _coupling_array(x: np.ndarray, coupling: str) -> np.ndarray:
    """Coupling degree C over the last axis of `x` (levels of the subsystems), any leading shape."""
    n = x.shape[-1]
    if coupling == "standard":
        c = np.exp(np.log(x).mean(axis=-1)) / x.mean(axis=-1)
    else:
        pairs = [(i, j) for i in range(n) for j in range(i)]
        gap = sum(np.abs(x[..., i] - x[..., j]) for i, j in pairs) / len(pairs)
        relative = np.prod(x / x.max(axis=-1, keepdims=True), axis=-1) ** (1.0 / (n - 1))
        c = np.sqrt((1.0 - gap) * relative)
    return np.minimum(c, 1.0)


def _null_statistics(x: np.ndarray, w: np.ndarray, coupling: str, base: int | None) -> np.ndarray:
    """The four statistics for draws × periods × subsystems levels; returns draws × 4."""
    with np.errstate(divide="ignore"):  # log 0 = -inf gives exp(-inf) = 0: C = 0 where a level is 0
        c = _coupling_array(x, coupling)
    d = np.sqrt(c * (x @ w))
    if base is None:
        delta = np.diff(x, axis=1)
    else:
        delta = x[:, base + 1:, :] - x[:, base:base + 1, :]
    k = x.shape[-1]
    magnitude = np.prod(np.abs(delta), axis=-1) ** (1.0 / k)
    theta = np.where((delta > 0).all(axis=-1), 1.0, -1.0)
    u = np.where((delta == 0).any(axis=-1), 0.0, theta * magnitude)
    return np.column_stack([c.mean(axis=1), d.mean(axis=1), u.mean(axis=1),
                            (u > 0).mean(axis=1)])


def coupling_null(levels: pd.DataFrame | Mapping, *, shuffle: Any = None,
                  method: str = "permute", block_length: int | None = None, draws: int = 999,
                  base: Any = "chained", coupling: str = "standard", weights: Any = None,
                  quantiles: tuple = (0.05, 0.5, 0.95),
                  rng: int | np.random.Generator | None = None) -> CouplingNullResult:
    r"""Coupling, coordination and synergy of the data against those of unrelated subsystems.

    The periods of one subsystem are resampled (permuted, or block-bootstrapped) while the other
    subsystems stay as they are; each draw is a composite system whose subsystems have the same
    values as the data but no relation in time. The statistics of the data are compared with
    their distribution over the draws.

    Parameters
    ----------
    levels : pandas.DataFrame or dict
        Periods × subsystems (two or more columns) of levels in [0, 1] (e.g. subsystem order
        degrees), as for :func:`coupling_coordination`; rows in time order.
    shuffle : label, optional
        The subsystem whose periods are resampled; the last column by default.
    method : {"permute", "block"}
        ``"permute"``: a random permutation of the periods (sampling without replacement).
        ``"block"``: a moving-block bootstrap [3]_: blocks of `block_length` consecutive periods
        drawn with replacement and joined, which keeps short-run dependence within blocks.
    block_length : int, optional
        Length of the blocks for ``method="block"`` (default: the integer part of
        :math:`\sqrt{n}` for :math:`n` periods); not allowed with ``"permute"``.
    draws : int, default 999
        Number of null draws.
    base : "chained" or period label
        How :math:`U` is computed, as in :func:`synergy_degree`.
    coupling : {"standard", "wang_2021"}
        The coupling degree, as in :func:`coupling_coordination`.
    weights : pandas.Series or dict, optional
        Subsystem weights of :math:`T`; equal by default.
    quantiles : tuple of float, default (0.05, 0.5, 0.95)
        Quantiles of the null distributions to report, each in [0, 1].
    rng : int, numpy.random.Generator or None
        Seed or generator for the draws.

    Returns
    -------
    CouplingNullResult
        ``observed``, ``null`` (the draws), ``quantiles`` and ``share_at_or_above`` for the
        statistics mean :math:`C`, mean :math:`D`, mean :math:`U` and the share of periods with
        :math:`U > 0`; ``summary()`` puts them in one table.

    Raises
    ------
    ValueError
        Anything :func:`coupling_coordination` or :func:`synergy_degree` rejects (levels outside
        [0, 1] or missing, bad weights, an unknown `coupling`, a `base` that is not a period or
        is the last one), fewer than three periods, an unknown `shuffle` or `method`, a
        `block_length` outside 1 to :math:`n` or given with ``"permute"``, `draws` below 1,
        quantiles outside [0, 1], or a level 0 in the resampled subsystem and in every other one
        (a draw could pair them in one period, where :math:`C` is 0/0).
    TypeError
        If `levels` is of the wrong kind, or `draws` or `block_length` is not an integer.

    Notes
    -----
    With the levels :math:`U_{jt}` of subsystem :math:`j` in period :math:`t` and a resampled
    order :math:`\pi` of the periods of subsystem :math:`s`, a draw is
    :math:`\tilde U_{jt} = U_{jt}` for :math:`j \ne s` and :math:`\tilde U_{st} = U_{s\pi(t)}`.
    For each draw the function computes :math:`C_t`, :math:`D_t = \sqrt{C_t T_t}` and :math:`U`
    (:func:`coupling_coordination`, :func:`synergy_degree`) and the statistics

    .. math::

       \bar C &= \frac{1}{n}\sum_t C_t, \qquad \bar D = \frac{1}{n}\sum_t D_t, \\
       \bar U &= \frac{1}{m}\sum_t U_t, \qquad
       p_{+} = \frac{1}{m}\,\#\{t : U_t > 0\},

    over the :math:`n` periods and the :math:`m` synergy degrees. The share of draws at or
    above the observed value is the one-sided Monte-Carlo p-value of a permutation test [1]_
    [2]_ (add 1 to numerator and denominator for the conservative form).

    What the null says: the subsystems have the values they have, *in an order unrelated to
    each other*. A permutation also destroys each subsystem's trend, so two unrelated
    subsystems that both trend upward still exceed it: excess over this null shows that the
    levels move together in time (shared trend or interaction), not which of the two. Under a
    permutation the mean of :math:`T` is unchanged, so :math:`\bar D` differs from its null
    only through :math:`C`. Periods must be in time order: the function resamples positions.
    A joint fall counts as negative synergy (:math:`\theta = -1`), so for subsystems that rise
    and fall together :math:`\bar U` gains less from the link than :math:`p_{+}`, the share of
    joint rises.

    References
    ----------
    .. [1] Good, P. I. (2005). *Permutation, Parametric, and Bootstrap Tests of Hypotheses*
       (3rd ed.). New York: Springer.
    .. [2] Davison, A. C. & Hinkley, D. V. (1997). *Bootstrap Methods and their Application*.
       Cambridge University Press, §4.3–4.4 (Monte Carlo tests) and §8.2 (block bootstrap).
    .. [3] Künsch, H. R. (1989). The jackknife and the bootstrap for general stationary
       observations. *The Annals of Statistics*, 17(3), 1217–1241.

    Examples
    --------
    Two subsystems that rise and fall together, period by period:

    >>> u = pd.DataFrame({"trade": [0.2, 0.8, 0.3, 0.9, 0.25, 0.85, 0.3, 0.8],
    ...                   "clusters": [0.25, 0.75, 0.3, 0.85, 0.2, 0.9, 0.35, 0.75]},
    ...                  index=range(2010, 2018))
    >>> null = coupling_null(u, draws=499, rng=1)
    >>> null.observed.round(3).tolist()
    [0.998, 0.712, 0.078, 0.571]
    >>> null.share_at_or_above.round(3).tolist()
    [0.0, 0.0, 0.016, 0.068]
    """
    check_choice(coupling, ["standard", "wang_2021"], name="coupling")
    check_choice(method, ["permute", "block"], name="method")
    frame = _subsystem_table(levels, name="levels")
    n, k = frame.shape
    if n < 3:
        raise ValueError(
            f"`levels` needs at least three periods for a null distribution of resampled "
            f"periods; received {n}."
        )
    shuffle = frame.columns[-1] if shuffle is None else shuffle
    check_label_in(shuffle, frame.columns, name="levels", option="shuffle")
    draws = check_positive_int(draws, name="draws")
    if method == "permute":
        if block_length is not None:
            raise ValueError(
                f"`block_length` applies to method='block' only; received block_length="
                f"{block_length!r} with method='permute'. Drop it or pass method='block'."
            )
    else:
        block_length = (max(1, int(np.sqrt(n))) if block_length is None
                        else check_integer(block_length, name="block_length", minimum=1,
                                           maximum=n, hint="A block is at most all periods."))
    probabilities = [check_real_between(q, name="quantiles", low=0.0, high=1.0, low_open=False,
                                        high_open=False) for q in quantiles]
    w = _level_weights(weights, frame.columns)
    if isinstance(base, str) and base == "chained":
        base_position = None
    else:
        if isinstance(base, (bool, np.bool_)):
            raise TypeError(f"`base` must be 'chained' or a period label; received {base!r}.")
        check_label_in(base, frame.index, name="levels", option="base")
        base_position = int(frame.index.get_loc(base))
        if base_position == n - 1:
            raise ValueError(
                f"`base`={base!r} is the last period of `levels`; a fixed base needs later "
                f"periods. Pass an earlier base or base='chained'."
            )
    x = frame.to_numpy(dtype=float)
    column = int(frame.columns.get_loc(shuffle))
    others = np.delete(x, column, axis=1)
    if (x[:, column] == 0).any() and (others == 0).all(axis=1).any():
        raise ValueError(
            f"Subsystem {shuffle!r} and every other subsystem have a level of 0 in some period; "
            f"a resampled period could pair them, where the coupling degree is 0/0. Compute the "
            f"levels with bounds that keep them above 0 (order_degree(..., bounds='extended'))."
        )
    if (x == 0).all(axis=1).any():
        raise ValueError(
            "Every subsystem level is 0 in some period of `levels`; the coupling degree is 0/0 "
            "there. Drop the period or use bounds='extended' in order_degree."
        )
    generator = np.random.default_rng(rng)
    if method == "permute":
        order = np.argsort(generator.random((draws, n)), axis=1)
        label = "permute"
    else:
        blocks = -(-n // block_length)
        starts = generator.integers(0, n - block_length + 1, size=(draws, blocks))
        order = (starts[:, :, None] + np.arange(block_length)).reshape(draws, -1)[:, :n]
        label = f"block (length {block_length})"
    resampled = np.broadcast_to(x, (draws, n, k)).copy()
    resampled[:, :, column] = x[order, column]
    names = pd.Index(_NULL_STATISTICS, name="statistic")
    observed = pd.Series(_null_statistics(x[None], w, coupling, base_position)[0], index=names,
                         name="observed")
    null = pd.DataFrame(_null_statistics(resampled, w, coupling, base_position), columns=names)
    null.index.name = "draw"
    table = null.quantile(probabilities).T
    table.columns = pd.Index(probabilities, name="quantile")
    share = (null >= observed).mean().rename("share_at_or_above")
    return CouplingNullResult(observed=observed, null=null, quantiles=table,
                              share_at_or_above=share, method=label, shuffled=shuffle)
