r"""Cluster transfer and regional upgrading: shift-share, industrial gradients, structural change.

Chapter 6 asks what happens to a source and a destination region when a cluster, or part of its
value chain, moves between them. This module measures the regions' growth and structure:

* :func:`shift_share` splits each region's change in each industry into national growth,
  industry mix and a regional (competitive) shift, in Dunn's classic form or with
  Esteban-Marquillas' allocation effect;
* :func:`gradient_coefficient` multiplies the location quotient by relative labour
  productivity, to show which region is "upstream" (higher on the gradient) in an industry;
* :func:`moore_index`, :func:`lilien_index`, :func:`structure_advancement` and
  :func:`structure_rationalisation` measure structural change and the two faces of
  industrial-structure upgrading in Chinese regional studies (高级化 and 合理化);
* :func:`simulate_transfer` moves the stages of a value chain between two regions under the three
  transfer modes of the chapter's source document and reports value added, shares and structure
  indices before and after.

Matrices have regions (or economies, or years) in rows and industries (sectors) in columns, with
non-negative values, as DataFrames or 2-D NumPy arrays, like those of
:mod:`clusterlib.agglomeration`. Two matrices that are compared (two years, or output and
employment) must have the same row and column labels; a region or industry present in one and not
the other raises ``ValueError`` naming it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from clusterlib import _lazy
from clusterlib import _validate
from clusterlib.agglomeration import location_quotient

# Heavy dependencies, imported at first use so that `import clusterlib` stays fast (_lazy.py).
special = _lazy.module("scipy.special")

__all__ = [
    "ShiftShareResult",
    "shift_share",
    "GradientResult",
    "gradient_coefficient",
    "moore_index",
    "lilien_index",
    "structure_advancement",
    "structure_rationalisation",
    "TransferResult",
    "simulate_transfer",
    "DynamicShiftShareResult",
    "dynamic_shift_share",
    "screen_breaks",
    "SECTORS",
    "TRANSFER_MODES",
]

#: The three sectors (三次产业) of the structure indices and the simulator, from low to high.
SECTORS = ("primary", "secondary", "tertiary")
#: The transfer modes of the chapter's source document: 完全转移, 不完全转移, 复制式转移.
TRANSFER_MODES = ("complete", "incomplete", "replicating")
_SHIFT_METHODS = ("classic", "esteban_marquillas")
_ADVANCEMENT_METHODS = ("ratio", "weighted")
_REGIONS = ("source", "destination")
_TIMES = ("before", "after")


# --------------------------------------------------------------------------------------------
# private helpers
# --------------------------------------------------------------------------------------------
def _paired(first: Any, second: Any, *, first_name: str, second_name: str, min_rows: int = 1,
            min_cols: int = 1) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Two finite, non-negative matrices with the same labels, the second in the first's order."""
    left = _validate.as_frame(first, name=first_name, min_rows=min_rows, min_cols=min_cols)
    right = _validate.as_frame(second, name=second_name, min_rows=min_rows, min_cols=min_cols)
    _validate.check_same_labels(left, right, first_name=first_name, second_name=second_name)
    right = right.loc[left.index, left.columns]
    for frame, name in ((left, first_name), (right, second_name)):
        _validate.check_nonnegative(frame, name=name)
        _validate.checked_sum(frame.to_numpy(), name=name)
    return left, right


def _as_rows(data: Any) -> tuple[Any, bool]:
    """A Series (one economy) becomes a one-row frame (its name, e.g. a year, is dropped, so
    that two years of one economy compare); remember to return a float."""
    if isinstance(data, pd.Series):
        return data.rename(None).to_frame().T, True
    return data, False


def _shares(frame: pd.DataFrame, *, name: str) -> np.ndarray:
    """Row shares of a non-negative matrix whose rows all have positive totals."""
    _validate.check_no_zero_lines(frame, name=name, axis="rows")
    values = frame.to_numpy()
    return values / values.sum(axis=1, keepdims=True)


def _check_growth(*parts: Any, r0: np.ndarray) -> None:
    """Raise if a growth rate or a shift-share component overflowed float64 (a base near 0)."""
    if not all(np.isfinite(part).all() for part in parts):
        positive = r0[r0 > 0]
        smallest = f" (the smallest is {positive.min():g})" if positive.size else ""
        raise ValueError(
            "The growth rates overflow float64: a base-year value is so close to zero"
            f"{smallest} that growth from it exceeds about 1e308. Drop or aggregate that "
            "industry, or check the units of `start` and `end`."
        )


def _per_row(values: np.ndarray, index: pd.Index, *, name: str, scalar: bool) -> Any:
    """One value per row as a named Series, or a float for a single economy."""
    if scalar:
        return float(values[0])
    return pd.Series(values, index=index, name=name)


def _industry_vector(data: Any, columns: pd.Index, *, name: str) -> pd.Series:
    """A non-negative Series over the matrix's industries, aligned to its column order."""
    series = _validate.as_series(data, name=name)
    _validate.check_aligned(columns, series.index, left_name="matrix columns (industries)",
                            right_name=name)
    series = series.reindex(columns)
    _validate.check_nonnegative(series.to_frame(name=name), name=name,
                                hint="Pass the reference economy's non-negative activity.")
    return series


# --------------------------------------------------------------------------------------------
# shift-share
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class ShiftShareResult:
    r"""Shift-share components of each region's change in each industry.

    Every component is a region × industry DataFrame with the labels of the input; they add up
    to ``change``: ``national + industry_mix + competitive (+ allocation) == change``.

    Attributes
    ----------
    start, end : pandas.DataFrame
        The values in the base year and the final year.
    change : pandas.DataFrame
        ``end - start``.
    national : pandas.DataFrame
        National growth component :math:`x^0_{ri} G`.
    industry_mix : pandas.DataFrame
        Industry-mix component :math:`x^0_{ri} (g_i - G)`.
    competitive : pandas.DataFrame
        Classic: the regional (competitive) shift :math:`x^0_{ri} (r_{ri} - g_i)`.
        Esteban-Marquillas: the competitive effect on homothetic values,
        :math:`\hat x_{ri} (r_{ri} - g_i)`.
    allocation : pandas.DataFrame or None
        Esteban-Marquillas allocation effect :math:`(x^0_{ri} - \hat x_{ri})(r_{ri} - g_i)`;
        None for the classic form.
    homothetic : pandas.DataFrame or None
        Esteban-Marquillas homothetic base-year values :math:`\hat x_{ri}`; None for classic.
    national_growth : float
        :math:`G`, the reference economy's growth rate over all industries.
    industry_growth : pandas.Series
        :math:`g_i`, the reference economy's growth rate of each industry (named
        ``"industry_growth"``); NaN for an industry absent from the reference in the base year,
        whose growth rate is undefined (no region has it then, so no component uses it).
    method : str
        ``"classic"`` or ``"esteban_marquillas"``.
    """

    start: pd.DataFrame
    end: pd.DataFrame
    change: pd.DataFrame
    national: pd.DataFrame
    industry_mix: pd.DataFrame
    competitive: pd.DataFrame
    allocation: pd.DataFrame | None
    homothetic: pd.DataFrame | None
    national_growth: float
    industry_growth: pd.Series
    method: str

    @property
    def regional_shift(self) -> pd.DataFrame:
        """The whole regional shift :math:`x^0_{ri}(r_{ri} - g_i)` (competitive + allocation)."""
        if self.allocation is None:
            return self.competitive
        return self.competitive + self.allocation

    def _components(self) -> dict[str, pd.DataFrame]:
        parts = {"national": self.national, "industry_mix": self.industry_mix,
                 "competitive": self.competitive}
        if self.allocation is not None:
            parts["allocation"] = self.allocation
        return parts

    def to_frame(self) -> pd.DataFrame:
        """One row per (region, industry): start, end, change and the components."""
        columns = {"start": self.start, "end": self.end, "change": self.change,
                   **self._components()}
        out = pd.DataFrame({name: frame.stack() for name, frame in columns.items()})
        out.index.names = ["region", "industry"]
        return out

    def summary(self) -> pd.DataFrame:
        """Each region's components summed over its industries (one row per region)."""
        columns = {"change": self.change, **self._components()}
        out = pd.DataFrame({name: frame.sum(axis=1) for name, frame in columns.items()})
        out.columns.name = "sum over industries"
        return out


def shift_share(start: pd.DataFrame | np.ndarray, end: pd.DataFrame | np.ndarray, *,
                method: str = "classic",
                reference_start: pd.Series | np.ndarray | None = None,
                reference_end: pd.Series | np.ndarray | None = None) -> ShiftShareResult:
    r"""Shift-share decomposition of regional change into national, industry-mix and regional parts.

    Parameters
    ----------
    start, end : pandas.DataFrame or numpy.ndarray
        Regions in rows, industries in columns; non-negative employment or value added in the
        base year and the final year, with the same row and column labels (any order).
    method : {"classic", "esteban_marquillas"}, default "classic"
        ``"classic"``: Dunn's three components. ``"esteban_marquillas"``: the regional shift is
        split further into a competitive effect on homothetic values and an allocation effect.
    reference_start, reference_end : pandas.Series or numpy.ndarray, optional
        The reference (national) economy's value of each industry in the two years, labels equal
        to the matrices' columns. Give both or neither. Only its growth rates and base-year
        structure matter, so any scale will do. By default the sums over the regions of `start`
        and `end`.

    Returns
    -------
    ShiftShareResult
        Component matrices ``national``, ``industry_mix``, ``competitive`` (and ``allocation``,
        ``homothetic``), ``change``, growth rates; methods ``to_frame()`` and ``summary()``.

    Raises
    ------
    TypeError
        If an input is of the wrong kind or not numeric.
    ValueError
        If `start` and `end` have different regions or industries (named), missing, infinite or
        negative values; if `method` is unknown; if only one reference year is given, a
        reference has other labels than the industries, negative values, a zero total in the
        base year, or is zero in the base year for an industry some region has; for
        ``"esteban_marquillas"``, if a region is zero in the base year in some industry.

    Notes
    -----
    With :math:`x^0_{ri}`, :math:`x^1_{ri}` the values of industry :math:`i` in region
    :math:`r`, :math:`X^t_i` the reference economy's values and :math:`X^t = \sum_i X^t_i`,
    the growth rates are :math:`G = X^1/X^0 - 1` (all industries), :math:`g_i = X^1_i/X^0_i - 1`
    (industry :math:`i`) and :math:`r_{ri} = x^1_{ri}/x^0_{ri} - 1` (the region's own).
    The classic decomposition (Dunn 1960) is

    .. math::

       x^1_{ri} - x^0_{ri} &= \underbrace{x^0_{ri} G}_{\text{national}}
                              + \underbrace{x^0_{ri} (g_i - G)}_{\text{industry mix}} \\
                           &\quad + \underbrace{x^0_{ri} (r_{ri} - g_i)}_{\text{regional shift}} ,

    an identity: the components add up exactly (to rounding). The regional shift is computed as
    :math:`x^1_{ri} - x^0_{ri}(1 + g_i)`, which is defined when :math:`x^0_{ri} = 0`: a region
    that starts an industry from zero has no national or mix component and its whole change is
    regional shift (stated convention, not an estimate).

    Esteban-Marquillas (1972) compares the region with a *homothetic* region of the same size
    and the reference structure, :math:`\hat x_{ri} = x^0_{r\cdot} X^0_i / X^0`, and splits the
    regional shift into a competitive effect :math:`\hat x_{ri}(r_{ri} - g_i)` and an allocation
    effect :math:`(x^0_{ri} - \hat x_{ri})(r_{ri} - g_i)`, positive when the region is
    specialised in the industries where it is competitive. It needs every :math:`r_{ri}`, so a
    zero base-year cell raises.

    References
    ----------
    .. [1] Dunn, E. S. (1960). A statistical and analytical technique for regional analysis.
       *Papers and Proceedings of the Regional Science Association*, 6, 97–112.
    .. [2] Esteban-Marquillas, J. M. (1972). A reinterpretation of shift-share analysis.
       *Regional and Urban Economics*, 2(3), 249–255.

    Examples
    --------
    Krumme's "Holukuluku" table (employment in four industries, 1985 and 1995; the nation's
    1985 structure 10/20/40/30 % and growth 10/20/30/40 %):

    >>> start = pd.DataFrame([[500.0, 100.0, 200.0, 200.0]], index=["Holukuluku"],
    ...                      columns=["I", "II", "III", "IV"])
    >>> end = pd.DataFrame([[1000.0, 100.0, 250.0, 280.0]], index=["Holukuluku"],
    ...                    columns=["I", "II", "III", "IV"])
    >>> nation_1985 = pd.Series({"I": 10.0, "II": 20.0, "III": 40.0, "IV": 30.0})
    >>> nation_1995 = nation_1985 * [1.1, 1.2, 1.3, 1.4]
    >>> result = shift_share(start, end, reference_start=nation_1985, reference_end=nation_1995)
    >>> result.summary().round(1)
    sum over industries  change  national  industry_mix  competitive
    Holukuluku            630.0     290.0         -80.0        420.0
    """
    _validate.check_choice(method, _SHIFT_METHODS, name="method")
    x0_frame, x1_frame = _paired(start, end, first_name="start", second_name="end")
    if (reference_start is None) != (reference_end is None):
        raise ValueError(
            "Pass both `reference_start` and `reference_end` (the reference economy in the two "
            "years), or neither to use the sums over the regions."
        )
    if reference_start is None:
        ref0, ref1 = x0_frame.sum(axis=0), x1_frame.sum(axis=0)
    else:
        ref0 = _industry_vector(reference_start, x0_frame.columns, name="reference_start")
        ref1 = _industry_vector(reference_end, x0_frame.columns, name="reference_end")
    r0, r1 = ref0.to_numpy(), ref1.to_numpy()
    total0 = float(_validate.checked_sum(r0, name="reference_start"))
    total1 = float(_validate.checked_sum(r1, name="reference_end"))
    if total0 == 0:
        raise ValueError(
            "The reference economy is zero in the base year, so its growth rate is undefined; "
            "expected positive base-year activity. Check `start` or `reference_start`."
        )
    x0, x1 = x0_frame.to_numpy(), x1_frame.to_numpy()
    absent = (r0 == 0) & (x0 > 0).any(axis=0)
    if absent.any():
        raise ValueError(
            f"`reference_start` is zero for industries "
            f"{_validate._listed(x0_frame.columns[absent].tolist())} that regions have in the "
            f"base year, so their national growth rate is undefined. Pass a reference economy "
            f"that contains the regions."
        )
    national_growth = total1 / total0 - 1.0
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        industry_growth = np.where(r0 > 0, r1 / r0 - 1.0, 0.0)
        national = x0 * national_growth
        mix = x0 * (industry_growth - national_growth)
        shift = x1 - x0 * (1.0 + industry_growth)
    _check_growth(national_growth, industry_growth, national, mix, shift, r0=r0)
    allocation = homothetic = None
    if method == "esteban_marquillas":
        zero = x0 == 0
        if zero.any():
            raise ValueError(
                f"`start` is zero in cells (region, industry) {_validate._cells(x0_frame, zero)}; "
                f"the Esteban-Marquillas variant needs each cell's own growth rate, undefined "
                f"from zero. Use method='classic' (the whole change of such a cell is then "
                f"regional shift) or aggregate the industry."
            )
        with np.errstate(over="ignore", invalid="ignore"):
            homothetic = x0.sum(axis=1, keepdims=True) * (r0 / total0)[np.newaxis, :]
            own_minus_industry = x1 / x0 - 1.0 - industry_growth
            allocation = (x0 - homothetic) * own_minus_industry
            shift = homothetic * own_minus_industry
        _check_growth(own_minus_industry, allocation, shift, r0=x0.min(axis=0))

    def frame(values: np.ndarray, name: str) -> pd.DataFrame:
        out = pd.DataFrame(values, index=x0_frame.index, columns=x0_frame.columns)
        out.attrs["name"] = name
        return out

    return ShiftShareResult(
        start=frame(x0, "start"),
        end=frame(x1, "end"),
        change=frame(x1 - x0, "change"),
        national=frame(national, "national"),
        industry_mix=frame(mix, "industry_mix"),
        competitive=frame(shift, "competitive"),
        allocation=None if allocation is None else frame(allocation, "allocation"),
        homothetic=None if homothetic is None else frame(homothetic, "homothetic"),
        national_growth=float(national_growth),
        industry_growth=pd.Series(np.where(r0 > 0, industry_growth, np.nan),
                                  index=x0_frame.columns, name="industry_growth"),
        method=method,
    )


# --------------------------------------------------------------------------------------------
# industrial gradient
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class GradientResult:
    """Industrial gradient coefficient of each region in each industry and its two factors.

    Attributes
    ----------
    location_quotient : pandas.DataFrame
        Location quotient of output (value added), region × industry.
    relative_productivity : pandas.DataFrame
        Comparative labour productivity, region × industry; 1 when the region's workers in the
        industry are as productive as the reference economy's.
    gradient : pandas.DataFrame
        Their product, the gradient coefficient, region × industry (with `capital`, the
        product of all three factors; that form is assumed, see :func:`gradient_coefficient`).
    relative_capital_productivity : pandas.DataFrame or None
        Comparative capital productivity (比较资本产出率: the region's output per unit of capital
        in the industry relative to the reference economy's, i.e. an output-capital ratio, not
        the capital-output ratio K/Y), region × industry, when `capital` was given; None
        otherwise.
    """

    location_quotient: pd.DataFrame
    relative_productivity: pd.DataFrame
    gradient: pd.DataFrame
    relative_capital_productivity: pd.DataFrame | None = None

    def to_frame(self) -> pd.DataFrame:
        """One row per (region, industry): location quotient, relative productivity(ies),
        gradient."""
        columns = {"location_quotient": self.location_quotient.stack(),
                   "relative_productivity": self.relative_productivity.stack()}
        if self.relative_capital_productivity is not None:
            columns["relative_capital_productivity"] = self.relative_capital_productivity.stack()
        out = pd.DataFrame({**columns, "gradient": self.gradient.stack()})
        out.index.names = ["region", "industry"]
        return out

    def summary(self) -> pd.DataFrame:
        """For each industry, the regions highest and lowest on the gradient and their values."""
        gradient = self.gradient
        return pd.DataFrame({
            "highest region": gradient.idxmax(axis=0),
            "highest gradient": gradient.max(axis=0),
            "lowest region": gradient.idxmin(axis=0),
            "lowest gradient": gradient.min(axis=0),
        })


def gradient_coefficient(output: pd.DataFrame | np.ndarray,
                         employment: pd.DataFrame | np.ndarray,
                         capital: pd.DataFrame | np.ndarray | None = None) -> GradientResult:
    r"""Industrial gradient coefficient (产业梯度系数): location quotient × relative productivity.

    Parameters
    ----------
    output : pandas.DataFrame or numpy.ndarray
        Regions in rows, industries in columns; non-negative value added (or output). At least
        two regions and two industries; the regions together are the reference economy.
    employment : pandas.DataFrame or numpy.ndarray
        Employment with the same row and column labels.
    capital : pandas.DataFrame or numpy.ndarray, optional
        Capital (e.g. the net value of fixed assets, or average capital employed) with the same
        row and column labels. If given, the coefficient is also multiplied by comparative
        capital productivity (比较资本产出率); the product form is an assumption (see Notes).

    Returns
    -------
    GradientResult
        Fields ``location_quotient``, ``relative_productivity``, ``gradient`` and
        ``relative_capital_productivity`` (None without `capital`); methods ``to_frame()`` and
        ``summary()``.

    Raises
    ------
    TypeError
        If an input is not a DataFrame or 2-D array, or not numeric.
    ValueError
        If the two matrices have different regions or industries (named), missing, infinite or
        negative values; if `output` has a region or industry with zero total; if a cell has
        output but no employment, or neither; the same for `capital` in place of `employment`.

    Notes
    -----
    With value added :math:`y_{ri}` and employment :math:`l_{ri}`,

    .. math::

       IGC_{ri} &= LQ_{ri} \times CP_{ri}, \\
       LQ_{ri} &= \frac{y_{ri}/y_{r\cdot}}{y_{\cdot i}/y_{\cdot\cdot}}, \qquad
       CP_{ri} = \frac{y_{ri}/y_{\cdot i}}{l_{ri}/l_{\cdot i}} ,

    the location quotient of output (market specialisation) times comparative labour
    productivity (the region's share of the industry's output over its share of the industry's
    workers, i.e. its productivity in the industry relative to the reference economy's). In the
    Chinese literature on industrial transfer (戴宏伟 et al. 2003) a region with a higher
    coefficient stands higher on the industry's gradient, and industries are expected to move
    down the gradient. The coefficient is descriptive: it does not say that an industry *will*
    move.

    With capital :math:`k_{ri}`, a third factor is **comparative capital productivity**
    (比较资本产出率), the region's share of the industry's output over its share of the industry's
    capital, 1 when a unit of the region's capital in the industry yields as much output as in
    the reference economy:

    .. math::

       CCOR_{ri} &= \frac{y_{ri}/y_{\cdot i}}{k_{ri}/k_{\cdot i}}, \\
       IGC'_{ri} &= LQ_{ri} \times CP_{ri} \\
                 &\qquad \times CCOR_{ri} \quad \text{(assumed)} .

    What is sourced and what is assumed. A restatement [2] of the "improved industrial gradient
    coefficient" (改进的产业梯度系数, IGC') of 陈蕊 and 熊必琳 (2007) defines the three factors in
    words exactly as above (LQ for market specialisation, CP for the industry's technical level,
    CCOR for "the profitability of capital", with the region's average capital in the industry)
    and says the coefficient combines market, technical and economic efficiency; its formula
    itself is an image lost from the text consulted. We could not find the original paper or
    another restatement that prints the combination. The product of the three factors is
    therefore **this library's assumption**, by analogy with :math:`IGC = LQ \times CP`; a
    study that weights or combines the factors otherwise will get other numbers. The ``gradient``
    field with `capital` is that product; the three factors are returned separately so that a
    user can combine them as the study they follow does. (CCOR is the inverse of the
    capital-output ratio :math:`k/y` of growth accounting, hence the name used here.)

    References
    ----------
    .. [1] 戴宏伟, 田学斌, 陈永国 (2003). 区域产业转移研究：以“大北京”经济圈为例 (Regional
       industrial transfer: the "Greater Beijing" economic circle). 北京: 中国物价出版社.
    .. [2] 《长江经济带工业发展研究》, section 四 “长江经济带工业梯度水平研究”, (一)1 “测度方法”, which
       takes the improved coefficient IGC' from 陈蕊 and 熊必琳 (2007) and defines LQ, CP and
       CCOR in words; its formula is an image missing from the text consulted
       (https://m.appbook.qq.com/read/1043461236/8). The original paper was not consulted.

    Examples
    --------
    >>> output = pd.DataFrame({"shoes": [60.0, 40.0], "services": [140.0, 60.0]},
    ...                       index=["coast", "inland"])
    >>> workers = pd.DataFrame({"shoes": [3.0, 8.0], "services": [7.0, 6.0]},
    ...                        index=["coast", "inland"])
    >>> gradient_coefficient(output, workers).gradient.round(3)
            shoes  services
    coast    1.98     1.365
    inland   0.66     0.585

    With capital, the comparative capital productivity of each cell (and, by the assumed
    product form, the coefficient multiplied by it):

    >>> capital = pd.DataFrame({"shoes": [50.0, 50.0], "services": [100.0, 100.0]},
    ...                        index=["coast", "inland"])
    >>> result = gradient_coefficient(output, workers, capital)
    >>> result.relative_capital_productivity.round(3)
            shoes  services
    coast     1.2       1.4
    inland    0.8       0.6
    """
    out_frame, emp_frame = _paired(output, employment, first_name="output",
                                   second_name="employment", min_rows=2, min_cols=2)
    _validate.check_output_employment(out_frame, emp_frame, empty_cells_allowed=False)
    _validate.check_no_zero_lines(out_frame, name="output")  # named here, not as LQ's `matrix`
    lq = location_quotient(out_frame)
    y, labour = out_frame.to_numpy(), emp_frame.to_numpy()
    productivity = (y / y.sum(axis=0, keepdims=True)) / (labour / labour.sum(axis=0, keepdims=True))
    relative = pd.DataFrame(productivity, index=out_frame.index, columns=out_frame.columns)
    relative.attrs["name"] = "relative_productivity"
    gradient = lq * relative
    capital_ratio = None
    if capital is not None:
        cap_out, cap_frame = _paired(output, capital, first_name="output", second_name="capital",
                                     min_rows=2, min_cols=2)
        _validate.check_output_employment(cap_out, cap_frame, employment_name="capital",
                                          empty_cells_allowed=False)
        k = cap_frame.loc[out_frame.index, out_frame.columns].to_numpy()
        ratio = (y / y.sum(axis=0, keepdims=True)) / (k / k.sum(axis=0, keepdims=True))
        capital_ratio = pd.DataFrame(ratio, index=out_frame.index, columns=out_frame.columns)
        capital_ratio.attrs["name"] = "relative_capital_productivity"
        gradient = gradient * capital_ratio
    gradient.attrs = {"name": "gradient_coefficient"}
    return GradientResult(location_quotient=lq, relative_productivity=relative,
                          gradient=gradient, relative_capital_productivity=capital_ratio)


# --------------------------------------------------------------------------------------------
# structural change between two years
# --------------------------------------------------------------------------------------------
def _two_structures(first: Any, second: Any, *, first_name: str = "start",
                    second_name: str = "end",
                    min_cols: int = 2) -> tuple[pd.DataFrame, pd.DataFrame, bool]:
    """Two sector structures (two years, or output and employment) as paired matrices.

    Both must be Series (one economy: the caller returns a float) or both DataFrames.
    """
    first_rows, scalar = _as_rows(first)
    second_rows, second_scalar = _as_rows(second)
    if scalar != second_scalar:
        raise TypeError(
            f"`{first_name}` and `{second_name}` must both be Series (one economy) or both "
            f"DataFrames (one row per economy); received {type(first).__name__} and "
            f"{type(second).__name__}."
        )
    left, right = _paired(first_rows, second_rows, first_name=first_name,
                          second_name=second_name, min_cols=min_cols)
    return left, right, scalar


def moore_index(start: pd.DataFrame | pd.Series, end: pd.DataFrame | pd.Series, *,
                degrees: bool = True) -> pd.Series | float:
    r"""Moore's structural-change angle between the sector structures of two years.

    Parameters
    ----------
    start, end : pandas.DataFrame or pandas.Series
        Non-negative value added or employment by sector in the two years: a Series for one
        economy, or DataFrames with one row per economy (same row and column labels). At least
        two sectors; every row needs a positive total.
    degrees : bool, default True
        Return the angle in degrees (as Chinese regional studies report it); radians if False.

    Returns
    -------
    pandas.Series or float
        One angle per row, named ``"moore_index"``, between 0 (same structure) and 90 degrees
        (no sector in common); a float for Series input.

    Raises
    ------
    TypeError
        If the inputs are not both Series or both DataFrames, or not numeric, or `degrees` is
        not True or False.
    ValueError
        If the two years have different sectors or economies (named), missing, infinite or
        negative values, or a row whose total is zero.

    Notes
    -----
    Treating the two years' sector shares :math:`s^0_i, s^1_i` as vectors,

    .. math::

       \cos\theta &= \frac{\sum_i s^0_i s^1_i}
                     {\sqrt{\sum_i (s^0_i)^2}\,\sqrt{\sum_i (s^1_i)^2}}, \\
       \theta &= \arccos(\cos\theta),

    the angle between them (Moore 1978). It is symmetric in the two years and does not depend on
    the scale of either. It is computed in the equivalent form
    :math:`\theta = 2 \arctan2(\lVert u - v \rVert, \lVert u + v \rVert)` of the unit vectors
    :math:`u, v` along :math:`s^0, s^1`, which stays accurate for nearly identical structures,
    where the arccosine of a rounded cosine close to 1 is off by about :math:`10^{-8}` radians.

    References
    ----------
    .. [1] Moore, J. H. (1978). A measure of structural change in output. *Review of Income and
       Wealth*, 24(1), 105–118.

    Examples
    --------
    >>> before = pd.Series({"primary": 10.0, "secondary": 50.0, "tertiary": 40.0})
    >>> after = pd.Series({"primary": 5.0, "secondary": 40.0, "tertiary": 55.0})
    >>> round(moore_index(before, after), 2)
    15.91
    """
    degrees = _validate.check_flag(degrees, name="degrees")
    x0, x1, scalar = _two_structures(start, end)
    s0, s1 = _shares(x0, name="start"), _shares(x1, name="end")
    u = s0 / np.linalg.norm(s0, axis=1, keepdims=True)
    v = s1 / np.linalg.norm(s1, axis=1, keepdims=True)
    angle = 2.0 * np.arctan2(np.linalg.norm(u - v, axis=1), np.linalg.norm(u + v, axis=1))
    if degrees:
        angle = np.degrees(angle)
    return _per_row(angle, x0.index, name="moore_index", scalar=scalar)


def lilien_index(start: pd.DataFrame | pd.Series,
                 end: pd.DataFrame | pd.Series) -> pd.Series | float:
    r"""Lilien's index of sectoral reallocation between two years.

    Parameters
    ----------
    start, end : pandas.DataFrame or pandas.Series
        Positive employment (or value added) by sector in the two years: a Series for one
        economy, or DataFrames with one row per economy (same labels). At least two sectors.

    Returns
    -------
    pandas.Series or float
        One value per row, named ``"lilien_index"``, 0 when every sector grew at the same rate;
        a float for Series input.

    Raises
    ------
    TypeError
        If the inputs are not both Series or both DataFrames, or not numeric.
    ValueError
        If the two years have different sectors or economies (named), missing, infinite,
        negative or zero values (a log growth rate from or to zero is undefined).

    Notes
    -----
    With sector values :math:`x^t_i`, totals :math:`X^t` and end-year shares
    :math:`s^1_i = x^1_i / X^1`,

    .. math:: \sigma = \Big[\sum_i s^1_i \big(\Delta\ln x_i - \Delta\ln X\big)^2\Big]^{1/2},

    the share-weighted standard deviation of sector growth rates around the aggregate rate
    (Lilien 1982). Unlike :func:`moore_index` it depends on the order of the two years.

    References
    ----------
    .. [1] Lilien, D. M. (1982). Sectoral shifts and cyclical unemployment. *Journal of
       Political Economy*, 90(4), 777–793.

    Examples
    --------
    >>> before = pd.Series({"primary": 10.0, "secondary": 50.0, "tertiary": 40.0})
    >>> after = pd.Series({"primary": 5.0, "secondary": 40.0, "tertiary": 55.0})
    >>> round(lilien_index(before, after), 4)
    0.3158
    """
    x0, x1, scalar = _two_structures(start, end)
    hint = "The Lilien index takes logs of each sector's growth; drop or merge empty sectors."
    _validate.check_positive(x0, name="start", hint=hint)
    _validate.check_positive(x1, name="end", hint=hint)
    v0, v1 = x0.to_numpy(), x1.to_numpy()
    with np.errstate(over="ignore", under="ignore", invalid="ignore", divide="ignore"):
        total0, total1 = v0.sum(axis=1, keepdims=True), v1.sum(axis=1, keepdims=True)
        ratio, total_ratio = v1 / v0, total1 / total0
        deviation = np.log(ratio) - np.log(total_ratio)
        index = np.sqrt(((v1 / total1) * deviation**2).sum(axis=1))
    tiny = np.finfo(float).tiny
    if not (np.isfinite(index).all() and (ratio >= tiny).all() and (total_ratio >= tiny).all()):
        # values near 1e308 or ratios beyond float64: the index is scale-free in each year, so
        # bring every row to unit size by a power of two (exact) and difference the logs
        v0 = v0 * _validate.power_of_two_scale(v0.max(axis=1))[:, np.newaxis]
        v1 = v1 * _validate.power_of_two_scale(v1.max(axis=1))[:, np.newaxis]
        total0, total1 = v0.sum(axis=1, keepdims=True), v1.sum(axis=1, keepdims=True)
        deviation = (np.log(v1) - np.log(v0)) - (np.log(total1) - np.log(total0))
        index = np.sqrt(((v1 / total1) * deviation**2).sum(axis=1))
    return _per_row(index, x0.index, name="lilien_index", scalar=scalar)


def structure_advancement(matrix: pd.DataFrame | pd.Series, *, method: str = "ratio",
                          sectors: tuple[str, ...] | list[str] = SECTORS) -> pd.Series | float:
    r"""Industrial-structure advancement (产业结构高级化) of each row.

    Parameters
    ----------
    matrix : pandas.DataFrame or pandas.Series
        Non-negative value added by sector: a Series for one economy, or a DataFrame with one
        row per region or year. Its columns must be exactly `sectors`.
    method : {"ratio", "weighted"}, default "ratio"
        ``"ratio"``: tertiary over secondary value added (the last sector over the one before).
        ``"weighted"``: the share-weighted sector rank :math:`\sum_k k\, s_k`.
    sectors : sequence of str, default ("primary", "secondary", "tertiary")
        The sector columns ordered from low to high.

    Returns
    -------
    pandas.Series or float
        One value per row, named ``"advancement_ratio"`` or ``"advancement_weighted"``; a float
        for Series input. The weighted index lies between 1 and the number of sectors.

    Raises
    ------
    TypeError
        If `matrix` is not a Series or DataFrame of numbers.
    ValueError
        If its columns are not exactly `sectors`, it has missing, infinite or negative values,
        a row with zero total (``"weighted"``) or zero in the next-to-last sector
        (``"ratio"``), values whose row total or ratio overflows float64, or `method` is
        unknown.

    Notes
    -----
    ``"ratio"`` follows 干春晖, 郑若谷 and 余典范 (2011): :math:`TS = Y_3 / Y_2`, rising when
    services grow faster than industry (the "service-isation" of the economy).
    ``"weighted"`` follows 徐敏 and 姜勇 (2015): with sector shares :math:`s_k` of value added
    in rank order :math:`k = 1, \dots, n`, :math:`ISU = \sum_k k\, s_k`, which rises when activity
    moves from any sector to a higher one (from agriculture to industry too). The two can move
    in opposite directions: a region that industrialises raises the weighted index and lowers
    the ratio.

    References
    ----------
    .. [1] 干春晖, 郑若谷, 余典范 (2011). 中国产业结构变迁对经济增长和波动的影响 (The effect of
       industrial structure change on China's economic growth and fluctuations). 经济研究,
       46(5), 4–16.
    .. [2] 徐敏, 姜勇 (2015). 中国产业结构升级能缩小城乡消费差距吗? (Can the upgrading of
       China's industrial structure narrow the urban-rural consumption gap?). 数量经济技术经济研究,
       32(3), 3–21.

    Examples
    --------
    >>> city = pd.DataFrame({"primary": [10.0, 2.0], "secondary": [50.0, 40.0],
    ...                      "tertiary": [40.0, 58.0]}, index=["2007", "2017"])
    >>> structure_advancement(city).round(2).tolist()
    [0.8, 1.45]
    >>> structure_advancement(city, method="weighted").round(2).tolist()
    [2.3, 2.56]
    """
    _validate.check_choice(method, _ADVANCEMENT_METHODS, name="method")
    rows, scalar = _as_rows(matrix)
    frame = _validate.as_frame(rows, name="matrix", min_cols=2)
    order = list(sectors)
    _validate.check_aligned(pd.Index(order), frame.columns, left_name="sectors",
                            right_name="matrix columns")
    frame = frame[order]
    _validate.check_nonnegative(frame, name="matrix")
    values = frame.to_numpy()
    if method == "ratio":
        lower = frame.columns[-2]
        zero = values[:, -2] == 0
        if zero.any():
            raise ValueError(
                f"`matrix` has zero {lower!r} value added in rows "
                f"{_validate._listed(frame.index[zero].tolist())}, so the ratio is undefined; "
                f"use method='weighted' or drop those rows."
            )
        with np.errstate(over="ignore"):
            index = values[:, -1] / values[:, -2]
        _validate.check_no_overflow(index, name="matrix", operation="divide")
        name = "advancement_ratio"
    else:
        _validate.checked_sum(values, axis=1, name="matrix")
        shares = _shares(frame, name="matrix")
        index = shares @ np.arange(1, len(order) + 1, dtype=float)
        name = "advancement_weighted"
    return _per_row(index, frame.index, name=name, scalar=scalar)


def structure_rationalisation(output: pd.DataFrame | pd.Series,
                              employment: pd.DataFrame | pd.Series) -> pd.Series | float:
    r"""Industrial-structure rationalisation (产业结构合理化): Theil index of structural deviation.

    Parameters
    ----------
    output : pandas.DataFrame or pandas.Series
        Non-negative value added by sector: a Series for one economy, or a DataFrame with one
        row per region or year.
    employment : pandas.DataFrame or pandas.Series
        Employment with the same labels.

    Returns
    -------
    pandas.Series or float
        One value per row, named ``"rationalisation"``, :math:`\ge 0`; 0 when every sector's
        labour productivity equals the economy's (the structure is "rational"), larger the more
        output and employment structures diverge. A float for Series input.

    Raises
    ------
    TypeError
        If the inputs are not both Series or both DataFrames, or not numeric.
    ValueError
        If they have different sectors or rows (named), missing, infinite or negative values, a
        row with zero total output or employment, or a sector with output but no employment.

    Notes
    -----
    Following 干春晖, 郑若谷 and 余典范 (2011), with value added :math:`Y_i` and employment
    :math:`L_i` of sector :math:`i`,

    .. math::

       TL &= \sum_i \frac{Y_i}{Y} \ln\!\left(\frac{Y_i / L_i}{Y / L}\right) \\
          &= \sum_i \frac{Y_i}{Y} \ln\!\left(\frac{Y_i/Y}{L_i/L}\right),

    the Kullback–Leibler divergence of the output structure from the employment structure,
    computed with ``scipy.special.rel_entr``. A sector with neither output nor employment
    contributes 0 (the convention :math:`0 \ln 0 = 0`); one with employment but no output
    contributes 0 too (its weight is 0). Note that *smaller* is "more rational": an economy
    moving labour out of low-productivity agriculture lowers TL.

    References
    ----------
    .. [1] 干春晖, 郑若谷, 余典范 (2011). 中国产业结构变迁对经济增长和波动的影响. 经济研究,
       46(5), 4–16.

    Examples
    --------
    >>> output = pd.Series({"primary": 10.0, "secondary": 50.0, "tertiary": 40.0})
    >>> workers = pd.Series({"primary": 40.0, "secondary": 30.0, "tertiary": 30.0})
    >>> round(structure_rationalisation(output, workers), 4)
    0.2319
    """
    y, labour, scalar = _two_structures(output, employment, first_name="output",
                                        second_name="employment", min_cols=1)
    _validate.check_output_employment(y, labour)
    index = special.rel_entr(_shares(y, name="output"), _shares(labour, name="employment"))
    return _per_row(index.sum(axis=1), y.index, name="rationalisation", scalar=scalar)


# --------------------------------------------------------------------------------------------
# transfer simulator
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class TransferResult:
    """Two regions before and after a cluster transfer: where each stage is, and what it does.

    Attributes
    ----------
    mode : str
        ``"complete"``, ``"incomplete"`` or ``"replicating"``.
    stages : pandas.DataFrame
        One row per value-chain stage: ``sector``, ``value_added``, ``employment``,
        ``productivity`` (value added per worker), ``before`` and ``after`` (where the stage
        is: ``"source"``, ``"destination"``, or ``"source + destination copy"``).
    output, employment : pandas.DataFrame
        Value added and employment of each region by sector (cluster included), rows
        (time, region) with time ``"before"``/``"after"`` and region
        ``"source"``/``"destination"``, columns :data:`SECTORS`.
    cluster : pandas.DataFrame
        The cluster's value added and employment in each (time, region).
    """

    mode: str
    stages: pd.DataFrame
    output: pd.DataFrame
    employment: pd.DataFrame
    cluster: pd.DataFrame

    def to_frame(self) -> pd.DataFrame:
        """Indicators of each (time, region): size, productivity, shares and structure indices.

        Columns: ``value_added``, ``employment``, ``productivity`` (value added per worker),
        ``secondary_share`` and ``tertiary_share`` (of value added), ``advancement_ratio`` and
        ``advancement_weighted`` (:func:`structure_advancement`), ``rationalisation``
        (:func:`structure_rationalisation`), ``cluster_value_added`` and
        ``cluster_productivity`` (value added per worker of the cluster stages in the region;
        NaN where the region has none).
        """
        value_added = self.output.sum(axis=1)
        workers = self.employment.sum(axis=1)
        cluster_workers = self.cluster["employment"]
        with np.errstate(divide="ignore", invalid="ignore"):
            cluster_productivity = (self.cluster["value_added"] / cluster_workers).where(
                cluster_workers > 0)
        return pd.DataFrame({
            "value_added": value_added,
            "employment": workers,
            "productivity": value_added / workers,
            "secondary_share": self.output["secondary"] / value_added,
            "tertiary_share": self.output["tertiary"] / value_added,
            "advancement_ratio": structure_advancement(self.output),
            "advancement_weighted": structure_advancement(self.output, method="weighted"),
            "rationalisation": structure_rationalisation(self.output, self.employment),
            "cluster_value_added": self.cluster["value_added"],
            "cluster_productivity": cluster_productivity,
        })

    def summary(self) -> pd.DataFrame:
        """Change (after minus before) of each region's indicators, one row per region.

        Cluster productivity is left out: it is undefined where a region has no stage before or
        after. The columns are those of :meth:`to_frame` otherwise.
        """
        table = self.to_frame().drop(columns="cluster_productivity")
        change = table.loc["after"] - table.loc["before"]
        change.columns.name = "after - before"
        return change.loc[list(_REGIONS)]


def _region_economy(data: Any, *, name: str) -> pd.DataFrame:
    """A region's economy outside the cluster: value added and employment by sector."""
    if not isinstance(data, pd.DataFrame):
        raise TypeError(
            f"`{name}` must be a pandas DataFrame with sectors {list(SECTORS)} in rows and "
            f"columns 'value_added' and 'employment'; received {type(data).__name__}."
        )
    _validate.check_has_columns(data, ["value_added", "employment"], name=name)
    frame = _validate.as_frame(data[["value_added", "employment"]], name=name)
    _validate.check_aligned(pd.Index(SECTORS), frame.index, left_name="sectors",
                            right_name=f"{name} rows")
    frame = frame.loc[list(SECTORS)]
    _validate.check_nonnegative(frame, name=name)
    _validate.checked_sum(frame.to_numpy(), axis=0, name=name)
    _validate.check_output_employment(frame["value_added"].rename(name).to_frame().T,
                                      frame["employment"].rename(name).to_frame().T,
                                      output_name=f"{name}['value_added']",
                                      employment_name=f"{name}['employment']")
    return frame


def _value_chain(chain: Any) -> pd.DataFrame:
    """Validate the value chain: one row per stage, a sector, value added and employment."""
    if not isinstance(chain, pd.DataFrame):
        raise TypeError(
            "`chain` must be a pandas DataFrame with one row per stage and columns 'sector', "
            f"'value_added' and 'employment'; received {type(chain).__name__}."
        )
    _validate.check_has_columns(chain, ["sector", "value_added", "employment"], name="chain")
    numbers = _validate.as_frame(chain[["value_added", "employment"]], name="chain")
    _validate.check_positive(numbers, name="chain",
                             hint="Every stage needs positive value added and employment.")
    unknown = sorted(set(chain["sector"]) - set(SECTORS), key=str)
    if unknown:
        raise ValueError(
            f"`chain` has sectors {_validate._listed(unknown)}; expected each stage's sector to "
            f"be one of {list(SECTORS)}."
        )
    return numbers.assign(sector=chain["sector"].to_numpy())


def _moved_stages(chain: pd.DataFrame, mode: str, moved: Any) -> list[Any]:
    """The stages that leave the source under `mode` (none for replication)."""
    if mode != "incomplete":
        if moved is not None:
            raise ValueError(
                f"`moved` applies to mode='incomplete' only; mode={mode!r} moves "
                f"{'every stage' if mode == 'complete' else 'no stage (it copies them)'}. "
                f"Drop `moved` or use mode='incomplete'."
            )
        return list(chain.index) if mode == "complete" else []
    if moved is None:
        stages = list(chain.index[chain["sector"] == "secondary"])
    elif isinstance(moved, str) or not isinstance(moved, (list, tuple, pd.Index)):
        raise TypeError(
            f"`moved` must be a list of stage labels such as ['production']; received "
            f"{type(moved).__name__} {moved!r}."
        )
    else:
        stages = list(moved)
        unknown = [stage for stage in stages if stage not in chain.index]
        if unknown:
            raise ValueError(
                f"`moved` names stages {_validate._listed(unknown)} that are not in `chain`; "
                f"its stages are {_validate._listed(list(chain.index))}."
            )
        repeated = list(dict.fromkeys(stage for stage in stages if stages.count(stage) > 1))
        if repeated:
            raise ValueError(
                f"`moved` names stages {_validate._listed(repeated)} more than once; a stage "
                f"moves once (repeating it would count its value added and workers twice in "
                f"the destination). Name each stage once."
            )
    if not stages or len(set(stages)) == len(chain):
        raise ValueError(
            f"An incomplete transfer moves some stages, not none and not all; received "
            f"{_validate._listed(stages)} of {len(chain)} stages. Use mode='complete' to move "
            f"the whole chain."
        )
    return stages


def simulate_transfer(chain: pd.DataFrame, *, source: pd.DataFrame, destination: pd.DataFrame,
                      mode: str, moved: list[Any] | None = None, scale: float = 1.0,
                      reemployment: float = 0.0, labour_from_primary: float = 0.0,
                      spillover: float = 0.0) -> TransferResult:
    r"""Move the stages of a cluster's value chain between two regions under one transfer mode.

    A deterministic accounting simulator: it shows what each transfer mode does *by
    construction* to value added, shares and structure indices of both regions, and which
    assumptions (re-employment, labour drawn from agriculture, spillovers) the upgrading claims
    of the chapter's source document need. It estimates nothing.

    Parameters
    ----------
    chain : pandas.DataFrame
        One row per stage (e.g. R&D, design, production, assembly, branding, sales), all in the
        source region before the transfer; columns ``sector`` (one of :data:`SECTORS`),
        ``value_added`` and ``employment`` (positive).
    source, destination : pandas.DataFrame
        Each region's economy *outside* the cluster: rows :data:`SECTORS`, columns
        ``value_added`` and ``employment`` (non-negative; no value added without employment).
    mode : {"complete", "incomplete", "replicating"}
        ``"complete"`` (完全转移): every stage moves to the destination. ``"incomplete"``
        (不完全转移): the stages in `moved` move. ``"replicating"`` (复制式转移): the source
        keeps every stage and the destination receives a copy of the chain, times `scale`.
    moved : list, optional
        Stages that move under ``"incomplete"``; by default those in the secondary sector (the
        labour-intensive production stages). Only for ``"incomplete"``.
    scale : float, default 1.0
        Size of the destination's copy relative to the original; only for ``"replicating"``.
    reemployment : float, default 0.0
        Fraction of the workers released in the source by moved stages who find work in the
        source's tertiary sector, at its average productivity before the transfer (the
        document's “腾笼换鸟”: freed resources go to higher-end industries). 0 means they leave
        the region's accounts.
    labour_from_primary : float, default 0.0
        Fraction of the jobs arriving in the destination filled by workers who leave its primary
        sector, taking that sector's average product with them. 0 means new workers (migrants,
        the previously unemployed).
    spillover : float, default 0.0
        Proportional rise of the destination's own (non-cluster) secondary value added through
        knowledge spillovers from the arriving stages (the innovation mechanism), e.g. 0.02 for
        2 %. An assumption the simulator cannot test.

    Returns
    -------
    TransferResult
        Fields ``mode``, ``stages``, ``output``, ``employment``, ``cluster``; methods
        ``to_frame()`` (indicators) and ``summary()`` (their changes).

    Raises
    ------
    TypeError
        If an input is of the wrong kind.
    ValueError
        If `mode` is unknown; `chain`, `source` or `destination` lack columns, have unknown or
        missing sectors, or invalid values; `moved` is given for another mode, names unknown
        or repeated stages, or moves none or all stages; `scale` is not positive or given for another mode;
        a fraction lies outside [0, 1] or `spillover` is negative; more workers would leave the
        destination's primary sector than it has, or `reemployment` is positive while the
        source has no tertiary employment.

    Notes
    -----
    Let stage :math:`s` have value added :math:`v_s` and employment :math:`e_s`; :math:`M` is
    the set of stages that move (all, `moved`, or none). After the transfer the source keeps
    the stages outside :math:`M` and adds :math:`\rho \sum_{s \in M} e_s` workers (`reemployment`
    :math:`\rho`) to its tertiary sector at that sector's productivity; the destination receives
    the stages in :math:`M` with their own value added and employment (a transfer that keeps
    the cluster's network keeps its productivity), or :math:`\kappa v_s, \kappa e_s` of every
    stage when replicating (`scale` :math:`\kappa`); :math:`\pi` of the arriving jobs
    (`labour_from_primary`) come out of its primary sector at that sector's average product;
    its own secondary value added is multiplied by :math:`1 + \phi` (`spillover`). Stages
    keep their sector, so moving production stages moves secondary value added.

    Everything is accounting: the regions' structure indices change because stages of
    different productivity and sector change places. Whether a real transfer raises value added
    per worker in the source depends on what the released resources do, which `reemployment`
    only assumes.

    References
    ----------
    .. [1] 余雷. 产业集群转移与区域间产业协同升级研究 (Industrial cluster transfer and
       inter-regional collaborative upgrading). 巢湖学院.

    Examples
    --------
    >>> chain = pd.DataFrame({"sector": ["tertiary", "secondary", "tertiary"],
    ...                       "value_added": [8.0, 30.0, 12.0], "employment": [0.2, 4.0, 0.6]},
    ...                      index=["design", "production", "branding"])
    >>> source = pd.DataFrame({"value_added": [100.0, 1000.0, 1500.0],
    ...                        "employment": [20.0, 80.0, 100.0]}, index=list(SECTORS))
    >>> destination = pd.DataFrame({"value_added": [300.0, 400.0, 500.0],
    ...                             "employment": [150.0, 60.0, 90.0]}, index=list(SECTORS))
    >>> result = simulate_transfer(chain, source=source, destination=destination,
    ...                            mode="incomplete")
    >>> result.stages[["before", "after"]]
                before        after
    design      source       source
    production  source  destination
    branding    source       source
    >>> result.to_frame()["cluster_productivity"].round(1)
    time    region
    before  source         10.4
            destination     NaN
    after   source         25.0
            destination     7.5
    Name: cluster_productivity, dtype: float64
    """
    _validate.check_choice(mode, TRANSFER_MODES, name="mode")
    stages = _value_chain(chain)
    src = _region_economy(source, name="source")
    dst = _region_economy(destination, name="destination")
    moving = _moved_stages(stages, mode, moved)
    kappa = _validate.check_real(scale, name="scale", minimum=0.0)
    if kappa == 0:
        raise ValueError("`scale` must be positive; received 0. Use a copy of positive size.")
    if mode != "replicating" and kappa != 1.0:
        raise ValueError(
            f"`scale` applies to mode='replicating' only; received scale={kappa!r} with "
            f"mode={mode!r}. Drop `scale`."
        )
    rho = _validate.check_fraction(reemployment, name="reemployment")
    pi = _validate.check_fraction(labour_from_primary, name="labour_from_primary")
    phi = _validate.check_real(spillover, name="spillover", minimum=0.0)

    def by_sector(selected: pd.DataFrame, factor: float = 1.0) -> pd.DataFrame:
        summed = selected.groupby("sector")[["value_added", "employment"]].sum() * factor
        return summed.reindex(list(SECTORS), fill_value=0.0)

    staying = stages.drop(index=moving)
    arriving = stages if mode == "replicating" else stages.loc[moving]
    copy_factor = kappa if mode == "replicating" else 1.0

    src_after = src + by_sector(staying)
    released = float(stages.loc[moving, "employment"].sum())
    if rho > 0:
        if src.loc["tertiary", "employment"] == 0:
            raise ValueError(
                "`reemployment` puts released workers into the source's tertiary sector at its "
                "value added per worker, but `source` has no tertiary employment; give it some "
                "or set reemployment=0."
            )
        tertiary_productivity = src.loc["tertiary", "value_added"] / src.loc["tertiary",
                                                                              "employment"]
        src_after.loc["tertiary", "employment"] += rho * released
        src_after.loc["tertiary", "value_added"] += rho * released * tertiary_productivity
    dst_after = dst.copy()
    arriving_jobs = float(arriving["employment"].sum()) * copy_factor
    if pi > 0:
        drawn = pi * arriving_jobs
        farm_workers = dst.loc["primary", "employment"]
        if drawn > farm_workers:
            raise ValueError(
                f"`labour_from_primary`={pi!r} would move {drawn:g} workers out of the "
                f"destination's primary sector, which has {farm_workers:g}; lower it."
            )
        dst_after.loc["primary", "value_added"] -= drawn * (dst.loc["primary", "value_added"]
                                                            / farm_workers)
        dst_after.loc["primary", "employment"] -= drawn
    dst_after.loc["secondary", "value_added"] *= 1.0 + phi
    dst_after = dst_after + by_sector(arriving, copy_factor)

    keys = [(time, region) for time in _TIMES for region in _REGIONS]
    regions = [src + by_sector(stages), dst, src_after, dst_after]
    index = pd.MultiIndex.from_tuples(keys, names=["time", "region"])
    output = pd.DataFrame([r["value_added"] for r in regions], index=index)
    employment = pd.DataFrame([r["employment"] for r in regions], index=index)
    for frame in (output, employment):
        frame.columns.name = "sector"
        _validate.check_no_overflow(frame.to_numpy(), name="chain + source or destination",
                                    operation="add up by sector")
    # what TransferResult.to_frame() computes must be defined: refuse here, naming the region
    no_secondary = output["secondary"].to_numpy() == 0
    if no_secondary.any():
        raise ValueError(
            f"Secondary value added is zero in (time, region) "
            f"{_validate._listed(index[no_secondary].tolist())}, so the structure-advancement "
            f"ratio (tertiary / secondary) of the result is undefined. Pass a `source` and "
            f"`destination` with positive secondary value added, or move secondary stages."
        )
    _validate.check_output_employment(output, employment,
                                      output_name="value added (source or destination)",
                                      employment_name="employment")
    clusters = [by_sector(stages).sum(), by_sector(stages.iloc[:0]).sum(),
                by_sector(staying).sum(), by_sector(arriving, copy_factor).sum()]
    cluster = pd.DataFrame(clusters, index=index)[["value_added", "employment"]]

    after = pd.Series("source", index=stages.index)
    after[moving] = "destination"
    if mode == "replicating":
        after[:] = "source + destination copy"
    table = stages[["sector", "value_added", "employment"]].assign(
        productivity=stages["value_added"] / stages["employment"], before="source", after=after)
    return TransferResult(mode=mode, stages=table, output=output, employment=employment,
                          cluster=cluster)


# --------------------------------------------------------------------------------------------
# panels: dynamic (chained annual) shift-share and a screen for breaks
# --------------------------------------------------------------------------------------------
_ALL_INDUSTRIES = "all industries"


def _panel(panel: Any, *, time: str, name: str = "panel",
           min_periods: int = 2) -> tuple[list[Any], dict[Any, pd.DataFrame]]:
    """A balanced (period, region) × industry panel as one non-negative matrix per period.

    `time` names the index level (or column) with the period; the other index level holds the
    regions. Every period must have the same regions, each once.
    """
    frame, labels = _validate.split_by_level(panel, time, name=name, option="time")
    others = [level for level in range(frame.index.nlevels)
              if frame.index.names[level] != time]
    if len(others) != 1:
        raise ValueError(
            f"`{name}` needs exactly two row-index levels, the period ({time!r}) and the region; "
            f"received levels {list(frame.index.names)}. Set the index to (period, region), "
            f"e.g. data.set_index([{time!r}, 'region'])."
        )
    values = _validate.as_frame(frame.reset_index(drop=True), name=name, min_cols=1)
    _validate.check_nonnegative(values, name=name)
    regions = frame.index.get_level_values(others[0])
    periods = sorted(pd.unique(labels))
    if len(periods) < min_periods:
        raise ValueError(
            f"`{name}` needs at least {min_periods} periods in {time!r}; received "
            f"{len(periods)}. Pass a longer panel."
        )
    matrices: dict[Any, pd.DataFrame] = {}
    first_regions = None
    for period in periods:
        rows = np.asarray(labels == period)
        matrix = values[rows].set_axis(regions[rows], axis=0)
        if matrix.index.has_duplicates:
            dup = matrix.index[matrix.index.duplicated()].unique().tolist()
            raise ValueError(
                f"`{name}` has regions {_validate._listed(dup)} more than once in period "
                f"{period!r}; each region must appear once per period."
            )
        if first_regions is None:
            first_regions = matrix.index
        else:
            _validate.check_aligned(first_regions, matrix.index,
                                    left_name=f"regions of {periods[0]!r}",
                                    right_name=f"regions of {period!r}")
            matrix = matrix.loc[first_regions]
        matrices[period] = matrix
    return periods, matrices


def _reference_panel(reference: Any, periods: list[Any], columns: pd.Index,
                     matrices: dict[Any, pd.DataFrame]) -> dict[Any, np.ndarray]:
    """The reference economy of each period (industries), default the sum over the regions."""
    if reference is None:
        return {period: _validate.checked_sum(matrices[period].to_numpy(), axis=0, name="panel")
                for period in periods}
    ref = _validate.as_frame(reference, name="reference", min_cols=1)
    _validate.check_nonnegative(ref, name="reference")
    _validate.check_aligned(columns, ref.columns, left_name="panel columns (industries)",
                            right_name="reference columns (industries)")
    missing = [period for period in periods if period not in set(ref.index)]
    if missing:
        raise ValueError(
            f"`reference` has no row for periods {_validate._listed(missing)} of the panel; "
            f"expected one row per period (index = period, columns = industries)."
        )
    return {period: ref.loc[period, columns].to_numpy(dtype=float) for period in periods}


def _own_reference(ref: np.ndarray, own: np.ndarray, exclude_self: bool, *,
                   period: Any, regions: pd.Index) -> np.ndarray:
    """One reference row per region: the reference, or the reference without the region."""
    if not exclude_self:
        return np.broadcast_to(ref, own.shape)
    rest = ref[np.newaxis, :] - own
    # the region's own value may exceed the reference only by rounding
    short = rest < -1e-9 * np.maximum(ref[np.newaxis, :], 1.0)
    if short.any():
        rows = sorted(set(np.nonzero(short)[0]))
        raise ValueError(
            f"With exclude_self=True the reference minus the region is negative for regions "
            f"{_validate._listed(regions[rows].tolist())} in period {period!r}: the reference "
            f"must contain each region. Pass a reference that includes the regions."
        )
    return np.clip(rest, 0.0, None)


def _annual_components(x0: np.ndarray, x1: np.ndarray, ref0: np.ndarray, ref1: np.ndarray, *,
                       period: Any, regions: pd.Index, columns: pd.Index) -> dict[str, np.ndarray]:
    """Classic components of one step, with one reference row per region (same formulas as
    :func:`shift_share`)."""
    total0 = _validate.checked_sum(ref0, axis=1, name="reference")
    total1 = _validate.checked_sum(ref1, axis=1, name="reference")
    if (total0 == 0).any():
        rows = np.nonzero(total0 == 0)[0]
        raise ValueError(
            f"The reference economy is zero in period {period!r} (for regions "
            f"{_validate._listed(regions[rows].tolist())}), so its growth rate is undefined; "
            f"expected positive activity."
        )
    absent = (ref0 == 0) & (x0 > 0)
    if absent.any():
        cells = [(regions[r], columns[c]) for r, c in zip(*np.nonzero(absent))]
        raise ValueError(
            f"The reference is zero in period {period!r} for (region, industry) "
            f"{_validate._listed(cells)} that the region has, so the industry's reference growth "
            f"is undefined. Aggregate the industry or pass a reference that contains it."
        )
    national_growth = (total1 / total0 - 1.0)[:, np.newaxis]
    with np.errstate(divide="ignore", invalid="ignore"):
        industry_growth = np.where(ref0 > 0, ref1 / ref0 - 1.0, 0.0)
    return {"change": x1 - x0, "national": x0 * national_growth,
            "industry_mix": x0 * (industry_growth - national_growth),
            "competitive": x1 - x0 * (1.0 + industry_growth)}


@dataclass(frozen=True, eq=False)
class DynamicShiftShareResult:
    r"""Dynamic (chained annual) shift-share components of a regional panel.

    Attributes
    ----------
    annual : pandas.DataFrame
        One row per (year, region, industry), ``year`` being the end of each step: columns
        ``change``, ``national``, ``industry_mix``, ``competitive``, which add up to ``change``
        in every row.
    start, end : pandas.DataFrame
        The region × industry values in the first and the last period.
    periods : list
        The periods of the panel, in order.
    exclude_self : bool
        Whether each region was taken out of its own reference.
    """

    annual: pd.DataFrame
    start: pd.DataFrame
    end: pd.DataFrame
    periods: list
    exclude_self: bool

    def to_frame(self) -> pd.DataFrame:
        """One row per (region, industry): the components summed over the steps."""
        return self.annual.groupby(level=["region", "industry"], sort=False).sum()

    def summary(self) -> pd.DataFrame:
        """Each region's components summed over the steps and its industries."""
        out = self.annual.groupby(level="region", sort=False).sum()
        out.columns.name = "sum over years and industries"
        return out


def dynamic_shift_share(panel: pd.DataFrame, *, time: str = "year",
                        reference: pd.DataFrame | None = None,
                        exclude_self: bool = False) -> DynamicShiftShareResult:
    r"""Dynamic shift-share (Barff & Knight 1988): classic components chained year by year.

    Parameters
    ----------
    panel : pandas.DataFrame
        Rows indexed by (period, region), in either order, industries in columns; non-negative
        employment or value added. Every period has the same regions. The period may also be a
        column. Successive periods are chained (annual steps when the years are consecutive).
    time : str, default "year"
        The index level (or column) that holds the period.
    reference : pandas.DataFrame, optional
        The reference (national) economy: one row per period, the panel's industries in
        columns. By default the sum over the panel's regions in each period.
    exclude_self : bool, default False
        If True, each region's reference is the reference *without the region itself* (a city
        inside its own national total), so that a large region does not partly compare with
        itself.

    Returns
    -------
    DynamicShiftShareResult
        ``annual`` components per (year, region, industry); ``to_frame()`` sums them over the
        years for each (region, industry), ``summary()`` over years and industries.

    Raises
    ------
    TypeError
        If `panel` is not a DataFrame or not numeric, or `exclude_self` is not a bool.
    ValueError
        If `time` is not a level or column; if the rows are not (period, region), a region
        appears twice in a period or not in every period; if there are fewer than two periods;
        if values are missing, infinite or negative; if the reference lacks a period or an
        industry, is zero in a period, is zero for an industry a region has, or (with
        `exclude_self`) is smaller than a region.

    Notes
    -----
    For each step from period :math:`t-1` to :math:`t` the classic components of
    :func:`shift_share` are computed with that step's growth rates :math:`G^t`, :math:`g^t_i`
    and the region's values at :math:`t-1`; the dynamic components are their sums over the
    steps,

    .. math::

       N_{ri} &= \sum_t x^{t-1}_{ri} G^t, \\
       M_{ri} &= \sum_t x^{t-1}_{ri} (g^t_i - G^t), \\
       S_{ri} &= \sum_t \big(x^t_{ri} - x^{t-1}_{ri}(1 + g^t_i)\big),

    and, because every step adds up, :math:`N + M + S = x^T_{ri} - x^0_{ri}` over the whole
    period. Barff and Knight (1988) propose it because the classic form fixes the industry
    structure at the base year and misses changes in the reference's growth within the period;
    with two periods it *is* the classic form. With ``exclude_self=True`` region :math:`r`'s
    reference is :math:`X^t_i - x^t_{ri}`.

    References
    ----------
    .. [1] Barff, R. A., & Knight, P. L. (1988). Dynamic shift-share analysis. *Growth and
       Change*, 19(2), 1–10.

    Examples
    --------
    Two regions, one industry ``a`` and one ``b``, three years:

    >>> panel = pd.DataFrame({"year": [0, 0, 1, 1, 2, 2], "region": ["r", "s"] * 3,
    ...                       "a": [10.0, 10.0, 12.0, 10.0, 12.0, 14.0],
    ...                       "b": [10.0, 10.0, 10.0, 10.0, 11.0, 11.0]}
    ...                      ).set_index(["year", "region"])
    >>> dynamic_shift_share(panel).summary().round(3)
    sum over years and industries  change  national  industry_mix  competitive
    region
    r                                 3.0     4.143         0.039       -1.182
    s                                 5.0     3.857        -0.039        1.182

    Region r's competitive shift is +1 in the first step (``a`` grows to 12 where the
    reference's 10 % predicts 11) and 12 − 12 × 26/22 = −2.182 in the second, −1.182 in all.
    """
    exclude_self = _validate.check_flag(exclude_self, name="exclude_self")
    periods, matrices = _panel(panel, time=time)
    first = matrices[periods[0]]
    regions, columns = first.index, first.columns
    refs = _reference_panel(reference, periods, columns, matrices)
    pieces = []
    for before, after in zip(periods[:-1], periods[1:]):
        x0, x1 = matrices[before].to_numpy(), matrices[after].to_numpy()
        ref0 = _own_reference(refs[before], x0, exclude_self, period=before, regions=regions)
        ref1 = _own_reference(refs[after], x1, exclude_self, period=after, regions=regions)
        parts = _annual_components(x0, x1, ref0, ref1, period=before, regions=regions,
                                   columns=columns)
        step = pd.DataFrame({name: values.ravel() for name, values in parts.items()},
                            index=pd.MultiIndex.from_product([[after], regions, columns],
                                                             names=["year", "region", "industry"]))
        pieces.append(step)
    return DynamicShiftShareResult(annual=pd.concat(pieces), start=first.copy(),
                                   end=matrices[periods[-1]].copy(), periods=list(periods),
                                   exclude_self=exclude_self)


def screen_breaks(panel: pd.DataFrame, *, time: str = "year",
                  reference: pd.DataFrame | None = None, exclude_self: bool = False,
                  threshold: float = 3.5, include_total: bool = True) -> pd.DataFrame:
    r"""Screen a regional panel for breaks: one-step growth against the reference, robust z-score.

    Parameters
    ----------
    panel : pandas.DataFrame
        Rows indexed by (period, region), industries in columns, non-negative and positive in
        every cell (a growth rate from zero is undefined); as for :func:`dynamic_shift_share`.
    time : str, default "year"
        The index level (or column) that holds the period.
    reference : pandas.DataFrame, optional
        The reference economy, one row per period; by default the sum over the regions.
    exclude_self : bool, default False
        Compare each region with the reference without itself.
    threshold : float, default 3.5
        A cell is flagged when the absolute robust z-score of its excess growth exceeds this
        (3.5 is the cut-off recommended by Iglewicz & Hoaglin 1993).
    include_total : bool, default True
        Also screen each region's total over its industries (industry ``"all industries"``).

    Returns
    -------
    pandas.DataFrame
        One row per (year, region, industry), ``year`` being the end of each step, with columns
        ``base_year``, ``growth`` (the region's own), ``reference_growth``, ``excess``
        (their difference, in growth points), ``robust_z`` and ``flagged``; every row is kept,
        flagged or not. Sort or filter it to print the flags.

    Raises
    ------
    TypeError
        If `panel` is not a numeric DataFrame, `exclude_self` or `include_total` is not a bool,
        or `threshold` is not a real number.
    ValueError
        As :func:`dynamic_shift_share`; also if a cell of the panel (or of the reference) is
        zero, if an industry is named ``"all industries"`` while `include_total` is True, if
        `threshold` is not positive, if an industry has fewer than three growth rates, or if
        the excess growth rates of an industry have no spread (MAD = 0) so no z-score exists.

    Notes
    -----
    With the region's growth :math:`r^t_{ri} = x^t_{ri}/x^{t-1}_{ri} - 1` and the reference's
    :math:`g^t_i = X^t_i/X^{t-1}_i - 1`, the excess is :math:`e^t_{ri} = r^t_{ri} - g^t_i`. For
    each industry, over all regions and steps,

    .. math:: z^t_{ri} = \frac{e^t_{ri} - \operatorname{median}(e)}{1.4826\,
              \operatorname{median}\lvert e - \operatorname{median}(e)\rvert} ,

    the robust z-score on the median absolute deviation (Iglewicz & Hoaglin 1993; the factor
    makes the MAD estimate the standard deviation of normal data, ``scipy.stats.
    median_abs_deviation(scale="normal")``). The median and the MAD are not pulled by the
    breaks they screen for, unlike the mean and standard deviation. A flag says that a
    region's growth in one step is unusual beside its peers; it does not say why (a boundary
    change, a statistical revision, a real shock). The function flags; it never removes data.

    References
    ----------
    .. [1] Iglewicz, B., & Hoaglin, D. C. (1993). *How to Detect and Handle Outliers*. ASQC
       Quality Press.

    Examples
    --------
    Ten regions growing by 10.0 to 11.8 % a year, except that one jumps by half in year 2 and
    falls back in year 3:

    >>> regions = [f"r{k}" for k in range(10)]
    >>> rows = [(year, region, 100.0 * (1.1 + 0.002 * k) ** year
    ...          * (1.5 if (region, year) == ("r3", 2) else 1.0))
    ...         for year in range(4) for k, region in enumerate(regions)]
    >>> panel = pd.DataFrame(rows, columns=["year", "region", "output"]
    ...                      ).set_index(["year", "region"])
    >>> table = screen_breaks(panel, include_total=False)
    >>> table[table["flagged"]].index.tolist()
    [(2, 'r3', 'output'), (3, 'r3', 'output')]
    """
    from scipy import stats

    exclude_self = _validate.check_flag(exclude_self, name="exclude_self")
    include_total = _validate.check_flag(include_total, name="include_total")
    cut = _validate.check_real(threshold, name="threshold")
    if not cut > 0:
        raise ValueError(f"`threshold` must be positive (a z-score cut-off such as 3.5); "
                         f"received {threshold!r}.")
    periods, matrices = _panel(panel, time=time)
    first = matrices[periods[0]]
    regions, columns = first.index, first.columns
    if include_total and _ALL_INDUSTRIES in set(columns):
        raise ValueError(
            f"`panel` has an industry named {_ALL_INDUSTRIES!r}, the label of the regions' "
            f"totals; rename it or pass include_total=False."
        )
    refs = _reference_panel(reference, periods, columns, matrices)
    for period in periods:
        zero = matrices[period].to_numpy() == 0
        if zero.any():
            raise ValueError(
                f"`panel` is zero in period {period!r} in cells (region, industry) "
                f"{_validate._cells(matrices[period], zero)}; a growth rate from or to zero is "
                f"not screened. Aggregate the industry or drop the region."
            )
    labels = list(columns) + ([_ALL_INDUSTRIES] if include_total else [])
    pieces = []
    for before, after in zip(periods[:-1], periods[1:]):
        x0, x1 = matrices[before].to_numpy(), matrices[after].to_numpy()
        ref0 = _own_reference(refs[before], x0, exclude_self, period=before, regions=regions)
        ref1 = _own_reference(refs[after], x1, exclude_self, period=after, regions=regions)
        if include_total:
            x0, x1 = (np.column_stack([m, _validate.checked_sum(m, axis=1, name="panel")])
                      for m in (x0, x1))
            ref0, ref1 = (np.column_stack([m, _validate.checked_sum(m, axis=1, name="reference")])
                          for m in (ref0, ref1))
        if (ref0 == 0).any():
            raise ValueError(
                f"The reference is zero in period {before!r} for some industry; its growth rate "
                f"is undefined. Pass a reference that is positive in every industry."
            )
        growth, ref_growth = x1 / x0 - 1.0, ref1 / ref0 - 1.0
        pieces.append(pd.DataFrame(
            {"base_year": before, "growth": growth.ravel(), "reference_growth": ref_growth.ravel()},
            index=pd.MultiIndex.from_product([[after], regions, labels],
                                             names=["year", "region", "industry"])))
    table = pd.concat(pieces)
    table["excess"] = table["growth"] - table["reference_growth"]
    z = pd.Series(np.nan, index=table.index)
    for industry in labels:
        rows = table.index.get_level_values("industry") == industry
        excess = table.loc[rows, "excess"].to_numpy()
        if excess.size < 3:
            raise ValueError(
                f"Industry {industry!r} has {excess.size} growth rate(s); a robust z-score needs "
                f"at least three. Pass more regions or periods."
            )
        mad = float(stats.median_abs_deviation(excess, scale="normal"))
        if not mad > 0:
            raise ValueError(
                f"The excess growth rates of industry {industry!r} have no spread (median "
                f"absolute deviation 0), so robust z-scores are undefined. Check the data "
                f"(identical growth everywhere?)."
            )
        z[rows] = (excess - np.median(excess)) / mad
    table["robust_z"] = z
    table["flagged"] = table["robust_z"].abs() > cut
    return table
