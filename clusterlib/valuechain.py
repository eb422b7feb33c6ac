r"""Global value chains: governance, upgrading, value capture and the smile curve (Chapter 2).

Three small tools turn the vocabulary of global value chain (GVC) research into something a
student can compute and question:

* :func:`governance_type` and :func:`governance_table`: the rule of Gereffi, Humphrey & Sturgeon
  (2005) that derives one of five governance types (market, modular, relational, captive,
  hierarchy) from three high/low judgements about a transaction;
* :func:`upgrading_types` and :func:`manufacturing_roles`: the four kinds of upgrading of
  Kaplinsky & Morris (2001) and Humphrey & Schmitz (2002), and the OEM → ODM → OBM path;
* :func:`value_capture` and :func:`smile_curve`: who captures how much of a product's price, and
  a quadratic "smile" fitted to value added along the stages of a chain.

The taxonomies return fresh DataFrames (in English with the source document's Chinese terms), so
that a chapter can show and filter them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from clusterlib import _validate

__all__ = [
    "GOVERNANCE_TYPES",
    "SmileCurveResult",
    "governance_table",
    "governance_type",
    "manufacturing_roles",
    "smile_curve",
    "upgrading_types",
    "value_capture",
]

#: The five governance types of Gereffi, Humphrey & Sturgeon (2005), from the least to the most
#: explicit coordination and power asymmetry.
GOVERNANCE_TYPES = ("market", "modular", "relational", "captive", "hierarchy")

#: (complexity of transactions, ability to codify, capabilities in the supply base) -> outcome.
#: The five types are Table 1 of Gereffi, Humphrey & Sturgeon (2005); the other three
#: combinations are not governance types in the paper (see :func:`governance_type`).
_RULE: dict[tuple[bool, bool, bool], str] = {
    (False, True, True): "market",
    (True, True, True): "modular",
    (True, False, True): "relational",
    (True, True, False): "captive",
    (True, False, False): "hierarchy",
    (False, False, True): "unlikely",
    (False, False, False): "unlikely",
    (False, True, False): "excluded",
}

_NAMES_ZH = {  # the source document's terms (顾强 2007) for the five types
    "market": "市场型", "modular": "模块型", "relational": "关系型", "captive": "领导型",
    "hierarchy": "等级制", "unlikely": "不太可能出现", "excluded": "被排除在价值链之外",
}


def _level(flag: bool) -> str:
    return "high" if flag else "low"


# --------------------------------------------------------------------------------------------
# governance
# --------------------------------------------------------------------------------------------
def governance_type(complexity: bool | str, codifiability: bool | str,
                    capability: bool | str) -> str:
    r"""Governance type of a value chain link from three high/low judgements (GHS 2005).

    Parameters
    ----------
    complexity : bool or {"high", "low"}
        Complexity of the information and knowledge transferred to sustain the transaction
        (product and process specifications). True means high.
    codifiability : bool or {"high", "low"}
        Ability to codify that information and transmit it efficiently without
        transaction-specific investment.
    capability : bool or {"high", "low"}
        Capabilities of actual and potential suppliers in relation to the transaction.

    Returns
    -------
    str
        One of the five types ``"market"``, ``"modular"``, ``"relational"``, ``"captive"``,
        ``"hierarchy"`` (:data:`GOVERNANCE_TYPES`), or, for the three combinations that are not
        governance types in the paper, ``"unlikely"`` or ``"excluded"`` (see Notes).

    Raises
    ------
    TypeError
        If an input is neither a boolean nor a string (numbers, even 0 and 1, are refused).
    ValueError
        If a string is not ``"high"`` or ``"low"`` (case and surrounding spaces are ignored).

    See Also
    --------
    governance_table : all eight combinations as a table.

    Notes
    -----
    Table 1 of Gereffi, Humphrey & Sturgeon (2005), in the order (complexity, codifiability,
    capability):

    ============  ==========  =============  ==========
    type          complexity  codifiability  capability
    ============  ==========  =============  ==========
    market        low         high           high
    modular       high        high           high
    relational    high        low            high
    captive       high        high           low
    hierarchy     high        low            low
    ============  ==========  =============  ==========

    Explicit coordination and power asymmetry rise from market to hierarchy. Of the eight
    combinations the other three are not types: low complexity with low codifiability is, in the
    paper's words, unlikely to occur (two combinations, returned as ``"unlikely"``), and low
    complexity with high codifiability but low supplier capability means that the suppliers are
    excluded from the chain (``"excluded"``). The rule is static: the paper stresses that the
    three variables, and so governance, change over time and differ between links of one chain.

    References
    ----------
    .. [1] Gereffi, G., Humphrey, J. & Sturgeon, T. (2005). The governance of global value
       chains. *Review of International Political Economy*, 12(1), 78–104.

    Examples
    --------
    >>> governance_type("high", "high", "high")
    'modular'
    >>> governance_type(True, False, False)
    'hierarchy'
    >>> governance_type("low", "high", "low")
    'excluded'
    """
    key = (_validate.as_high_low(complexity, name="complexity"),
           _validate.as_high_low(codifiability, name="codifiability"),
           _validate.as_high_low(capability, name="capability"))
    return _RULE[key]


def governance_table() -> pd.DataFrame:
    """All eight high/low combinations of the three GHS (2005) variables and their outcome.

    Returns
    -------
    pandas.DataFrame
        One row per combination, the five governance types first (in order of rising explicit
        coordination and power asymmetry), then the three combinations that are not types.
        Columns ``complexity``, ``codifiability``, ``capability`` (``"high"``/``"low"``),
        ``governance`` (as :func:`governance_type` returns it), ``governance_zh`` (the source
        document's Chinese term) and ``coordination`` (rank 1 = market to 5 = hierarchy, or a
        note for the non-types).

    References
    ----------
    .. [1] Gereffi, G., Humphrey, J. & Sturgeon, T. (2005). The governance of global value
       chains. *Review of International Political Economy*, 12(1), 78–104.

    Examples
    --------
    >>> table = governance_table()
    >>> table["governance"].tolist()[:5]
    ['market', 'modular', 'relational', 'captive', 'hierarchy']
    >>> len(table)
    8
    """
    ranks = {name: rank for rank, name in enumerate(GOVERNANCE_TYPES, start=1)}
    order = sorted(_RULE, key=lambda key: (ranks.get(_RULE[key], 6), [not k for k in key]))
    rows = []
    for key in order:
        outcome = _RULE[key]
        if outcome in ranks:
            coordination = f"{ranks[outcome]} of 5"
        elif outcome == "unlikely":
            coordination = "not a type: combination unlikely to occur"
        else:
            coordination = "not a type: suppliers excluded from the chain"
        rows.append({"complexity": _level(key[0]), "codifiability": _level(key[1]),
                     "capability": _level(key[2]), "governance": outcome,
                     "governance_zh": _NAMES_ZH[outcome], "coordination": coordination})
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------------------------
# upgrading taxonomies
# --------------------------------------------------------------------------------------------
def upgrading_types() -> pd.DataFrame:
    """The four kinds of industrial upgrading in a value chain (Kaplinsky & Morris 2001).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``type`` (``"process"``, ``"product"``, ``"functional"``, ``"chain"``), with
        ``type_zh`` (the source document's term: 流程升级, 产品升级, 功能升级, 价值链升级),
        ``definition`` and ``typical_sign`` (what one would observe).

    Notes
    -----
    The definitions follow Humphrey & Schmitz (2002), who call the fourth kind inter-sectoral
    upgrading. The sequence process → product → functional → chain is often described as the
    usual path, but Gu (2007) and Humphrey & Schmitz both stress that it is not a law: a
    technological break can change the order, and a cluster inserted in a captive chain may
    upgrade its processes and products while being blocked from functional upgrading.

    References
    ----------
    .. [1] Kaplinsky, R. & Morris, M. (2001). *A Handbook for Value Chain Research*. IDRC.
    .. [2] Humphrey, J. & Schmitz, H. (2002). How does insertion in global value chains affect
       upgrading in industrial clusters? *Regional Studies*, 36(9), 1017–1027.

    Examples
    --------
    >>> upgrading_types().loc["functional", "type_zh"]
    '功能升级'
    """
    rows = [
        ("process", "流程升级",
         "transforming inputs into outputs more efficiently, by reorganising production or "
         "introducing better technology",
         "lower unit cost, fewer defects, shorter lead times"),
        ("product", "产品升级",
         "moving into more sophisticated product lines",
         "higher unit value of the same kind of product"),
        ("functional", "功能升级",
         "acquiring new functions in the chain (design, marketing, branding) or abandoning "
         "low-skill ones",
         "design or brand revenue; the OEM -> ODM -> OBM path"),
        ("chain", "价值链升级",
         "applying competence acquired in one chain to move into a different chain or sector",
         "the cluster's firms enter a different sector with a competence built in the first "
         "(e.g. from televisions to monitors), not merely a new product of the same chain"),
    ]
    return pd.DataFrame(rows, columns=["type", "type_zh", "definition", "typical_sign"]
                        ).set_index("type")


def manufacturing_roles() -> pd.DataFrame:
    """The OEM → ODM → OBM path of supplier upgrading, as a table.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``role`` (``"OEM"``, ``"ODM"``, ``"OBM"``) in the order of the path, with
        ``role_zh`` (the source document's terms 贴牌制造, 自主设计制造, 自主品牌制造),
        ``meaning``, ``functions_controlled`` and ``step_to_reach`` (the kind of upgrading of
        :func:`upgrading_types` that the step from the previous role is).

    Notes
    -----
    Moving from OEM (original equipment manufacturing: making to the buyer's design, under the
    buyer's brand) to ODM (original design manufacturing) and then OBM (original brand
    manufacturing) adds functions, so both steps are functional upgrading. Each step needs new
    capabilities: Gu (2007) notes that own-brand manufacturing needs not only designers and R&D
    staff but also market channels and marketing. Gereffi (1999) documents the path for East
    Asian apparel suppliers.

    References
    ----------
    .. [1] Gereffi, G. (1999). International trade and industrial upgrading in the apparel
       commodity chain. *Journal of International Economics*, 48(1), 37–70.

    Examples
    --------
    >>> manufacturing_roles().index.tolist()
    ['OEM', 'ODM', 'OBM']
    """
    rows = [
        ("OEM", "贴牌制造", "original equipment manufacturing: makes the product to the "
         "buyer's design, which the buyer sells under its own brand",
         "production", "entry into the chain"),
        ("ODM", "自主设计制造", "original design manufacturing: designs and makes the product; "
         "the buyer still sells it under its own brand",
         "production, design", "functional upgrading (design)"),
        ("OBM", "自主品牌制造", "original brand manufacturing: sells its own designs under its "
         "own brand",
         "production, design, brand and marketing", "functional upgrading (brand, channels)"),
    ]
    return pd.DataFrame(rows, columns=["role", "role_zh", "meaning", "functions_controlled",
                                       "step_to_reach"]).set_index("role")


# --------------------------------------------------------------------------------------------
# value capture
# --------------------------------------------------------------------------------------------
def value_capture(parts: pd.Series | dict[str, float], *, price: float | None = None,
                  remainder: str | None = None) -> pd.Series:
    r"""Share of a product's price captured by each participant in its value chain.

    Parameters
    ----------
    parts : pandas.Series or dict
        Value captured by each participant, per unit, in one currency (labels are the
        participants). Non-negative.
    price : float, optional
        The whole being split, e.g. the retail price. By default the sum of `parts` (the parts
        are then the whole split).
    remainder : str, optional
        Label for the part of `price` not covered by `parts`. Needed when `price` is given and
        the parts add up to less than it; the row is then added (also when the rest is zero).

    Returns
    -------
    pandas.Series
        Shares named ``"value_capture_share"``, one per participant (and `remainder`), summing
        to 1, in the order given.

    Raises
    ------
    TypeError
        If `parts` is not a Series, dict, list or array of numbers, `price` not a number, or
        `remainder` not a string.
    ValueError
        If a part is negative or missing, `price` is not positive, the parts add up to more
        than `price`, or to less without a `remainder` label, `remainder` is given without
        `price`, or `remainder` repeats a participant's label.

    Notes
    -----
    With parts :math:`v_j` of a price :math:`P`, the share of participant :math:`j` is
    :math:`s_j = v_j / P` and the remainder :math:`1 - \sum_j s_j`. Shares describe the
    *distribution* of one unit's price; they say nothing about the costs behind each part (the
    Suzhou factory's 3 dollars in Gu (2007) cover wages, power and logistics, not profit) or
    about how many units each participant sells.

    References
    ----------
    .. [1] Gu, Q. (2007). 促进我国地方产业集群在全球价值链中加速升级. In *中国产业集群 第6辑*.
       China Machine Press. (The Logitech wireless mouse, after *The Wall Street Journal*.)
    .. [2] Dedrick, J., Kraemer, K. L. & Linden, G. (2010). Who profits from innovation in
       global value chains? A study of the iPod and notebook PCs. *Industrial and Corporate
       Change*, 19(1), 81–116.

    Examples
    --------
    >>> mouse = {"Logitech": 8.0, "chips and sensors": 14.0, "retail and wholesale": 15.0,
    ...          "Suzhou": 3.0}
    >>> value_capture(mouse, price=40.0).tolist()
    [0.2, 0.35, 0.375, 0.075]
    >>> value_capture({"royalty": 2.5}, price=12.0, remainder="rest").round(3).tolist()
    [0.208, 0.792]
    """
    if remainder is not None and not isinstance(remainder, str):
        raise TypeError(f"`remainder` must be a string label such as 'other'; received "
                        f"{type(remainder).__name__} {remainder!r}.")
    series = _validate.as_series(parts, name="parts")
    _validate.check_nonnegative(series.to_frame(name="value"), name="parts",
                                hint="Each participant captures a non-negative amount.")
    if price is None:
        if remainder is not None:
            raise ValueError(
                f"`remainder`={remainder!r} needs a `price`: without one the parts are the whole "
                f"and nothing remains. Pass price=... or drop remainder."
            )
        with np.errstate(over="ignore"):
            whole = float(series.sum())
        if not np.isfinite(whole):  # the parts' sum overflows; their shares are scale-free
            series = series * float(_validate.power_of_two_scale(series.max()))
            whole = float(series.sum())
        if whole == 0:
            raise ValueError("All parts are zero; there is no whole to split. Pass the values "
                             "captured by each participant.")
        rest = 0.0
    else:
        whole = _validate.check_real(price, name="price")
        if whole <= 0:
            raise ValueError(f"`price` must be positive; received {whole!r}.")
        rest = _validate.check_parts_within_whole(series, whole)
        if remainder is None and rest > 1e-9 * whole:
            raise ValueError(
                f"The parts add up to {float(series.sum()):g}, less than the price ({whole:g}); "
                f"say who gets the other {rest:g} with remainder='...' (e.g. 'other'), or pass "
                f"every part."
            )
    shares = series / whole
    if remainder is not None:
        if remainder in shares.index:
            raise ValueError(f"`remainder`={remainder!r} is already a participant in `parts`; "
                             f"choose another label.")
        shares = pd.concat([shares, pd.Series({remainder: rest / whole})])
    shares.name = "value_capture_share"
    return shares


# --------------------------------------------------------------------------------------------
# smile curve
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class SmileCurveResult:
    """A quadratic fitted to value added (or margin) against the position of a chain stage.

    Attributes
    ----------
    data : pandas.DataFrame
        One row per observation: ``position``, ``observed``, ``fitted``, ``residual``.
    coefficients : pandas.Series
        ``intercept``, ``linear`` and ``quadratic`` coefficients of
        :math:`v = a + b x + c x^2`.
    vertex_position : float or None
        Position :math:`x^* = -b / (2c)` of the fitted minimum (a smile) or maximum (a frown);
        None if the fitted curvature is exactly zero.
    vertex_value : float or None
        Fitted value at the vertex.
    is_smile : bool
        True if the fitted curvature :math:`c` is positive (a U shape).
    vertex_inside : bool
        True if the vertex lies within the observed range of positions.
    r_squared : float
        Coefficient of determination of the fit.
    fit : statsmodels.regression.linear_model.RegressionResultsWrapper
        The statsmodels OLS results on centred positions (standard errors, confidence
        intervals, ``summary()``); see :func:`smile_curve`, Notes.
    """

    data: pd.DataFrame
    coefficients: pd.Series
    vertex_position: float | None
    vertex_value: float | None
    is_smile: bool
    vertex_inside: bool
    r_squared: float
    fit: Any

    def to_frame(self) -> pd.DataFrame:
        """The observations with their fitted values and residuals."""
        return self.data.copy()

    def summary(self) -> pd.DataFrame:
        """The fitted curvature, vertex, shape and fit in one column named ``"value"``."""
        quadratic = float(self.coefficients["quadratic"])
        rows = {
            "observations": int(self.fit.nobs),
            "curvature (quadratic coefficient)": quadratic,
            "curvature p-value": float(self.fit.pvalues["quadratic"]),
            "vertex position": self.vertex_position,
            "vertex value": self.vertex_value,
            "smile (U shape)": self.is_smile,
            "vertex inside observed range": self.vertex_inside,
            "R squared": self.r_squared,
        }
        return pd.DataFrame({"value": pd.Series(rows, dtype=object)})


def smile_curve(values: pd.Series | np.ndarray | list[float], *,
                positions: pd.Series | np.ndarray | list[float] | None = None) -> SmileCurveResult:
    r"""Fit the "smile curve" of value added along a value chain: a quadratic in stage position.

    Parameters
    ----------
    values : pandas.Series, numpy.ndarray or list
        Value added, value captured or margin of each observation (a stage, or a firm at a
        stage), in chain order if `positions` is not given. Labels are kept.
    positions : pandas.Series, numpy.ndarray or list, optional
        Numeric position of each observation along the chain (upstream to downstream), aligned
        with `values` (by label if both are Series). Several observations may share a position.
        By default 1, 2, ..., n in the order of `values`.

    Returns
    -------
    SmileCurveResult
        Fields ``data``, ``coefficients``, ``vertex_position``, ``vertex_value``, ``is_smile``,
        ``vertex_inside``, ``r_squared``, ``fit`` (statsmodels); methods ``to_frame()`` and
        ``summary()``.

    Raises
    ------
    TypeError
        If `values` or `positions` is not numeric.
    ValueError
        If there are missing values, all values are equal, there are fewer than four
        observations or fewer than three distinct positions (a parabola through three points
        fits exactly and says nothing), or `positions` does not match `values`.

    Notes
    -----
    Ordinary least squares (statsmodels, QR solver) of :math:`v_i = a' + b' (x_i - \bar x) +
    c (x_i - \bar x)^2 + \varepsilon_i` on positions centred at their mean :math:`\bar x`, so
    that shifting every position by a constant moves the vertex by that constant and leaves the
    fit (:math:`R^2`, residuals, the curvature and its p-value) unchanged, also numerically.
    ``coefficients`` are those of the same parabola in the original positions,
    :math:`v = a + b x + c x^2` with :math:`b = b' - 2c\bar x` and
    :math:`a = a' - b'\bar x + c\bar x^2`; the vertex is :math:`x^* = -b / (2c) = \bar x -
    b' / (2c)`. ``fit`` is the centred regression (its ``linear`` and ``intercept`` refer to
    centred positions; its ``quadratic`` is :math:`c`). A "smile" (Shih 1996) means
    :math:`c > 0` with the vertex inside the chain, i.e. the middle stages (manufacturing,
    assembly) capture less than both ends (R&D and design upstream, brand and distribution
    downstream).

    What such a fit does *not* prove: a split of one product's price (as in Chapter 2's mouse)
    is value *captured*, a gross amount that includes each participant's purchased inputs, not
    value added by stage; positions are an ordering chosen by the analyst (moving
    one activity changes the curve); with a handful of stages any convex pattern fits well; the
    curve describes where value is captured in one chain at one time, not why, and not that a
    cluster would earn more by moving to an end (those stages need other capabilities and are
    often held by the lead firms that govern the chain). Report the p-value of the curvature
    and the number of observations with it.

    References
    ----------
    .. [1] Shih, S. (1996). *Me-Too Is Not My Style*. The Acer Foundation.
    .. [2] NIST Statistical Reference Datasets, "Pontius" (quadratic least squares), used in
       the tests as the worked example of the fit.

    Examples
    --------
    >>> result = smile_curve(pd.Series([9.0, 4.0, 1.0, 2.0, 7.0],
    ...                                index=["R&D", "parts", "assembly", "logistics", "brand"]))
    >>> round(result.vertex_position, 3), result.is_smile, result.vertex_inside
    (3.175, True, True)
    """
    series = _validate.as_series(values, name="values")
    if positions is None:
        where = pd.Series(np.arange(1.0, len(series) + 1.0), index=series.index)
    else:
        if _validate.is_labelled(positions) and (not isinstance(positions, pd.Series)
                                                 or _validate.is_labelled(values)):
            where = _validate.as_series_on(positions, series.index, name="positions",
                                           labels_name="values", unit="observation")
        else:
            given = _validate.as_series(
                positions.to_numpy() if isinstance(positions, pd.Series) else positions,
                name="positions")
            if len(given) != len(series):
                raise ValueError(
                    f"`positions` has {len(given)} values but `values` has {len(series)}; pass "
                    f"one position per observation."
                )
            where = pd.Series(given.to_numpy(), index=series.index)
    n_distinct = int(where.nunique())
    if len(series) < 4 or n_distinct < 3:
        raise ValueError(
            f"A smile curve needs at least four observations at three or more distinct positions; "
            f"received {len(series)} observation(s) at {n_distinct} position(s). A parabola "
            f"through three points fits them exactly and tests nothing."
        )
    # imported here, and only the module needed (statsmodels.api loads all of statsmodels)
    from statsmodels.regression.linear_model import OLS

    x = where.to_numpy(dtype=float)
    y = series.to_numpy(dtype=float)
    if np.ptp(y) == 0:
        raise ValueError(
            f"All {len(y)} values are equal ({y[0]:g}); there is no curve to fit and R squared "
            f"is undefined. Pass values that differ between stages."
        )
    centre = float(x.mean())  # fit on centred positions: R^2 and the vertex do not depend on
    centred = x - centre      # where the positions start, and the design stays well conditioned
    design = pd.DataFrame({"intercept": np.ones_like(centred), "linear": centred,
                           "quadratic": centred * centred}, index=series.index)
    fit = OLS(pd.Series(y, index=series.index, name="value"), design).fit(method="qr")
    a_c, b_c, quadratic = (float(fit.params[k]) for k in design.columns)
    # the same parabola in the original positions: v = a + b x + c x^2
    linear = b_c - 2.0 * quadratic * centre
    intercept = a_c - b_c * centre + quadratic * centre**2
    if quadratic == 0.0:
        vertex_position = vertex_value = None
        inside = False
    else:
        vertex_position = centre - b_c / (2.0 * quadratic)
        vertex_value = a_c - b_c**2 / (4.0 * quadratic)
        inside = bool(x.min() <= vertex_position <= x.max())
    fitted = design.to_numpy() @ fit.params.to_numpy()
    data = pd.DataFrame({"position": x, "observed": y, "fitted": fitted,
                         "residual": y - fitted}, index=series.index)
    return SmileCurveResult(
        data=data,
        coefficients=pd.Series({"intercept": intercept, "linear": linear,
                                "quadratic": quadratic}, name="coefficient", dtype=float),
        vertex_position=vertex_position,
        vertex_value=vertex_value,
        is_smile=quadratic > 0,
        vertex_inside=inside,
        r_squared=float(fit.rsquared),
        fit=fit,
    )
