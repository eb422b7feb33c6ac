r"""Agglomeration, concentration and specialisation measures on a region × industry matrix.

Every function except :func:`gini`, :func:`lorenz_curve` and :func:`plant_herfindahl` takes a
*region × industry matrix*: regions in rows, industries in columns, non-negative employment,
output or exports, as a pandas DataFrame or a 2-D NumPy array (whose rows and columns are then
labelled 0, 1, ...).
Results keep the labels.

Notation used in the Notes sections:

* :math:`x_{ri}` the value of industry :math:`i` in region :math:`r`;
* :math:`x_{r\cdot} = \sum_i x_{ri}`, :math:`x_{\cdot i} = \sum_r x_{ri}` and
  :math:`x_{\cdot\cdot} = \sum_r \sum_i x_{ri}` the region, industry and grand totals;
* :math:`s_{ri} = x_{ri} / x_{\cdot i}` region :math:`r`'s share of industry :math:`i`;
* :math:`x_r = x_{r\cdot} / x_{\cdot\cdot}` region :math:`r`'s share of total activity.

A row or column that sums to zero leaves these shares undefined, so it raises ``ValueError``
(drop such lines first); so do missing, infinite or negative values. Values so large that a
total, square or product of them overflows float64 raise ``ValueError`` too (rescale them): the
arithmetic would otherwise return infinities or NaN without a word.

:func:`location_quotient`, :func:`hoover_coefficient` and :func:`ellison_glaeser` accept
``total=``, each region's total activity (total employment, GDP) when it is more than the sum of
the industries listed in the matrix, as regional studies commonly divide by it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from clusterlib import _validate

__all__ = [
    "EllisonGlaeserResult",
    "HerfindahlResult",
    "concentration_ratio",
    "ellison_glaeser",
    "gini",
    "herfindahl",
    "hoover_coefficient",
    "krugman_index",
    "location_quotient",
    "locational_gini",
    "lorenz_curve",
    "plant_herfindahl",
]

_ACROSS = ("regions", "industries")

#: Ellison & Glaeser (1997) call industries with gamma below this "not very localised".
EG_NOT_VERY_LOCALISED = 0.02
#: ... and industries with gamma above this "highly localised".
EG_HIGHLY_LOCALISED = 0.05

# --------------------------------------------------------------------------------------------
# private helpers
# --------------------------------------------------------------------------------------------
def _region_industry(matrix: Any, *, min_regions: int = 2, min_industries: int = 2,
                     zero_rows_allowed: bool = False,
                     zero_columns_allowed: bool = False) -> pd.DataFrame:
    """Validate a region × industry matrix and return it as a float DataFrame."""
    frame = _validate.as_frame(matrix, name="matrix", min_rows=min_regions,
                               min_cols=min_industries)
    _validate.check_nonnegative(frame, name="matrix")
    if not (zero_rows_allowed and zero_columns_allowed):
        axis = ("columns" if zero_rows_allowed else
                "rows" if zero_columns_allowed else "both")
        _validate.check_no_zero_lines(frame, name="matrix", axis=axis)
    return frame


def _matrix_and_totals(matrix: Any, total: Any) -> tuple[pd.DataFrame, np.ndarray, np.ndarray,
                                                          float]:
    """Matrix, regional totals, industry totals and grand total, with `total=` or row sums.

    With `total`, a region may hold none of the listed industries and one industry suffices;
    the grand total is the sum of the regional totals. Sums that overflow raise.
    """
    frame = _region_industry(matrix, min_industries=1 if total is not None else 2,
                             zero_rows_allowed=total is not None)
    values = frame.to_numpy()
    industry_total = values.sum(axis=0)
    grand_total = _validate.checked_sum(industry_total, name="matrix")
    row_sum = values.sum(axis=1)  # no larger than the grand total: cannot overflow
    if total is None:
        return frame, row_sum, industry_total, grand_total
    region_total = _validate.check_regional_totals(total, frame.index, row_sum)
    return frame, region_total, industry_total, _validate.checked_sum(region_total, name="total")


def _units_by_measured(frame: pd.DataFrame, across: str) -> tuple[np.ndarray, pd.Index]:
    """Values with the units (over which shares are taken) along axis 0, and the measured labels.

    ``across="regions"``: one column per industry, shares over regions.
    ``across="industries"``: one column per region, shares over industries.
    """
    values = frame.to_numpy()
    if across == "regions":
        return values, frame.columns
    return values.T, frame.index


def _matrix_and_units(matrix: Any, across: str) -> tuple[np.ndarray, pd.Index]:
    """Validate `across` and `matrix` (at least two units to compare)."""
    _validate.check_choice(across, _ACROSS, name="across")
    by_regions = across == "regions"
    frame = _region_industry(matrix, min_regions=2 if by_regions else 1,
                             min_industries=1 if by_regions else 2)
    return _units_by_measured(frame, across)


def _sum_of_others(values: np.ndarray) -> np.ndarray:
    """Column sums over all other rows, for each row, of a non-negative matrix.

    ``total - row`` (the same arithmetic as before) unless that subtraction cancels (a row
    holding almost all of a column: 1e300 next to 1 leaves 0, not 1); such columns are summed
    without subtraction, from the rows before and after each row.
    """
    total = values.sum(axis=0, keepdims=True)
    rest = total - values
    cells = rest < 1e-6 * total
    cancels = cells.any(axis=0)
    if cancels.any():
        part = values[:, cancels]
        before = np.vstack([np.zeros((1, part.shape[1])), np.cumsum(part, axis=0)[:-1]])
        after = np.vstack([np.cumsum(part[::-1], axis=0)[::-1][1:], np.zeros((1, part.shape[1]))])
        exact = rest[:, cancels]
        exact[cells[:, cancels]] = (before + after)[cells[:, cancels]]
        rest[:, cancels] = exact
    return rest


def _reference_shares(reference: Any, regions: pd.Index, *, positive: bool) -> np.ndarray:
    """Each region's share of a reference distribution over the regions (e.g. population).

    Series and dicts are matched by label, arrays by position; values must be non-negative
    (positive if `positive`) with a positive total. Unlike a regional total, a reference need
    not contain the industries, so it may be smaller than a region's row sum.
    """
    series = _validate.as_series_on(reference, regions, name="reference",
                                    labels_name="matrix rows", unit="region")
    frame = series.to_frame(name="reference")
    if positive:
        _validate.check_positive(frame, name="reference",
                                 hint="Every region needs a positive reference (population) "
                                      "for its location quotient to be defined.")
    else:
        _validate.check_nonnegative(frame, name="reference",
                                    hint="Pass each region's population or other size.")
    values = series.to_numpy()
    values = values * _validate.power_of_two_scale(values.max())  # shares are scale-free
    total = float(values.sum())
    if total == 0:
        raise ValueError(
            "`reference` is zero for every region, so it has no distribution; expected a "
            "positive total (population, area or total employment)."
        )
    return values / total


def _industry_series(data: Any, columns: pd.Index, *, name: str) -> pd.Series:
    """A Series over the matrix's industries, aligned to its column order."""
    series = _validate.as_series(data, name=name)
    _validate.check_aligned(columns, series.index, left_name="matrix columns", right_name=name)
    return series.reindex(columns)


# --------------------------------------------------------------------------------------------
# location quotient
# --------------------------------------------------------------------------------------------
def location_quotient(matrix: pd.DataFrame | np.ndarray, *, binary: bool = False,
                      total: pd.Series | np.ndarray | None = None) -> pd.DataFrame:
    r"""Location quotient of every industry in every region (Balassa's RCA on export data).

    Parameters
    ----------
    matrix : pandas.DataFrame or numpy.ndarray
        Regions in rows, industries in columns; non-negative employment, output or exports.
        At least two regions, and two industries unless `total` is given.
    binary : bool, default False
        If True, return 1 where the region is specialised in the industry (LQ >= 1, an exact tie
        counting as specialised) and 0 otherwise.
    total : pandas.Series or numpy.ndarray, optional
        Each region's total activity (labels equal to the matrix's rows), when the matrix lists
        only some industries: total employment, or GDP for value added. Each total must be
        positive and at least the region's row sum; a published total that falls short of it
        by at most 0.1 % (rounding) is accepted with a warning and the row sum used, a larger
        shortfall raises. By default the row sums of `matrix`.

    Returns
    -------
    pandas.DataFrame
        Same labels as `matrix` (``attrs["name"] == "location_quotient"``): float LQs, or 0/1
        ``int`` if `binary`.

    Raises
    ------
    TypeError
        If `matrix` is not a DataFrame or 2-D array, or has non-numeric columns, or `binary`
        is not True or False.
    ValueError
        If `matrix` has missing, infinite or negative values, fewer than two rows (or, without
        `total`, two columns), a column that sums to zero, a row that sums to zero (without
        `total`), or values too large to sum in float64; if `total` has other labels than the
        regions, a zero or negative total or a total below the region's row sum.

    See Also
    --------
    hoover_coefficient, locational_gini : one-number summaries of an industry's localisation.

    Notes
    -----
    .. math:: LQ_{ri} = \frac{x_{ri} / x_{r\cdot}}{x_{\cdot i} / x_{\cdot\cdot}}

    the industry's share of the region's activity over its share of all activity. With
    ``total=`` :math:`T_r`, the region's activity is :math:`T_r` instead of the row sum
    :math:`x_{r\cdot}` and all activity is :math:`T = \sum_r T_r`:
    :math:`LQ_{ri} = (x_{ri}/T_r) / (x_{\cdot i}/T)`; the reference economy is still the regions
    listed (add a "rest of the country" row to compare with a nation). On a
    country × product matrix of exports this is exactly Balassa's (1965) index of revealed
    comparative advantage, :math:`RCA_{ci}`; use this function for both (one measure, one API).
    The activity-weighted mean of an industry's LQs is one, with the regions' shares of total
    activity as weights: :math:`\sum_r (x_{r\cdot}/x_{\cdot\cdot}) \, LQ_{ri} = 1`.

    With ``binary=True`` the presence test :math:`LQ_{ri} \ge 1` is evaluated as the
    cross-product comparison :math:`x_{ri} \, x_{\cdot\cdot} \ge x_{r\cdot} \, x_{\cdot i}`, which
    involves no division and no chain of rounded quotients. For integer-valued data (head
    counts, currency units) whose totals are below :math:`2^{53}` the two sides are correctly
    rounded from the same exact integer at a tie, so a true tie (:math:`LQ = 1` in exact
    arithmetic) always counts as present; if the products also stay below :math:`2^{53}` the
    comparison is exact for every cell. For non-integer data (for example shares typed as
    decimals) a tie in decimal notation need not be a tie in binary floating point.

    References
    ----------
    .. [1] Isard, W. (1960). *Methods of Regional Analysis: An Introduction to Regional Science*.
       MIT Press.
    .. [2] Balassa, B. (1965). Trade liberalisation and "revealed" comparative advantage.
       *The Manchester School*, 33(2), 99–123.

    Examples
    --------
    >>> m = pd.DataFrame({"textiles": [50.0, 10.0], "software": [50.0, 90.0]}, index=["A", "B"])
    >>> location_quotient(m).round(3)
       textiles  software
    A     1.667     0.714
    B     0.333     1.286
    >>> location_quotient(m, binary=True)
       textiles  software
    A         1         0
    B         0         1

    Textiles alone, against each region's total employment of 100 and 900:

    >>> location_quotient(m[["textiles"]], total=pd.Series({"A": 100.0, "B": 900.0})).round(3)
       textiles
    A     8.333
    B     0.185
    """
    binary = _validate.check_flag(binary, name="binary")
    frame, region_total, industry_total, grand_total = _matrix_and_totals(matrix, total)
    values = frame.to_numpy()
    region_total = region_total[:, np.newaxis]
    industry_total = industry_total[np.newaxis, :]
    if binary:
        _validate.check_no_overflow(float(grand_total) * float(grand_total), name="matrix",
                                    operation="multiply")
        present = values * grand_total >= region_total * industry_total
        out = pd.DataFrame(present.astype(int), index=frame.index, columns=frame.columns)
    else:
        quotient = (values / region_total) / (industry_total / grand_total)
        out = pd.DataFrame(quotient, index=frame.index, columns=frame.columns)
    out.attrs["name"] = "location_quotient"
    return out


# --------------------------------------------------------------------------------------------
# Herfindahl and concentration ratios
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class HerfindahlResult:
    """Herfindahl–Hirschman index of each industry (or region) with its usual transformations.

    Attributes
    ----------
    index : pandas.Series
        Raw index :math:`H`, named ``"herfindahl"``, in :math:`[1/n, 1]`.
    normalised : pandas.Series
        :math:`(H - 1/n) / (1 - 1/n)`, named ``"normalised_herfindahl"``, in :math:`[0, 1]`.
    equivalent_number : pandas.Series
        :math:`1/H`, the number of equal-sized units giving the same :math:`H`, in :math:`[1, n]`.
    n_units : int
        :math:`n`, the number of units the shares are taken over.
    across : str
        ``"regions"`` (one value per industry) or ``"industries"`` (one value per region).
    """

    index: pd.Series
    normalised: pd.Series
    equivalent_number: pd.Series
    n_units: int
    across: str

    def to_frame(self) -> pd.DataFrame:
        """The three measures side by side, one row per industry (or region)."""
        return pd.concat([self.index, self.normalised, self.equivalent_number], axis=1)

    def summary(self) -> pd.DataFrame:
        """Count, mean, minimum, median and maximum of each measure.

        The column axis is named after the units, e.g. ``"over 31 regions"``.
        """
        frame = self.to_frame()
        out = pd.DataFrame({"count": frame.count(), "mean": frame.mean(), "min": frame.min(),
                            "median": frame.median(), "max": frame.max()})
        out.columns.name = f"over {self.n_units} {self.across}"
        return out


def herfindahl(matrix: pd.DataFrame | np.ndarray, *, across: str = "regions") -> HerfindahlResult:
    r"""Herfindahl–Hirschman concentration index of each industry over regions (or vice versa).

    Parameters
    ----------
    matrix : pandas.DataFrame or numpy.ndarray
        Regions in rows, industries in columns; non-negative employment, output or exports.
    across : {"regions", "industries"}, default "regions"
        ``"regions"``: for each industry, concentration of its activity over the regions
        (geographic concentration). ``"industries"``: for each region, concentration of its
        activity over the industries (lack of diversity). At least two units are required.

    Returns
    -------
    HerfindahlResult
        Fields ``index``, ``normalised``, ``equivalent_number``, ``n_units``, ``across``;
        methods ``to_frame()`` and ``summary()``.

    Raises
    ------
    TypeError
        If `matrix` is not a DataFrame or 2-D array, or has non-numeric columns.
    ValueError
        If `across` is unknown, there are fewer than two units, or `matrix` has missing,
        infinite or negative values or a row or column that sums to zero.

    Notes
    -----
    With ``across="regions"`` and shares :math:`s_{ri} = x_{ri}/x_{\cdot i}` over the
    :math:`n` regions,

    .. math::

       H_i &= \sum_r s_{ri}^2, \\
       H_i^* &= \frac{H_i - 1/n}{1 - 1/n}, \qquad N_i = 1 / H_i,

    and symmetrically over industries with shares :math:`x_{ri}/x_{r\cdot}`. :math:`H` is
    computed as :math:`\sum x^2 / (\sum x)^2` from the raw values, so equal units give exactly
    :math:`1/n` for integer data. :math:`H` is an *absolute* measure: it ignores how large the
    regions are (use :func:`hoover_coefficient`, :func:`locational_gini` or
    :func:`ellison_glaeser` for relative concentration).

    References
    ----------
    .. [1] Hirschman, A. O. (1964). The paternity of an index. *American Economic Review*,
       54(5), 761.
    .. [2] Herfindahl, O. C. (1950). *Concentration in the Steel Industry*. PhD thesis,
       Columbia University.

    Examples
    --------
    >>> m = pd.DataFrame({"textiles": [50.0, 10.0], "software": [50.0, 90.0]}, index=["A", "B"])
    >>> result = herfindahl(m)
    >>> result.to_frame().round(3)
              herfindahl  normalised_herfindahl  equivalent_number
    textiles       0.722                  0.444              1.385
    software       0.541                  0.082              1.849
    >>> result.n_units
    2
    """
    values, measured = _matrix_and_units(matrix, across)
    n_units = values.shape[0]
    # the index is scale-free: bring each column to unit size by a power of two (exact), so
    # that neither the sum nor the squares overflow (1e200) or underflow (1e-200)
    values = values * _validate.power_of_two_scale(values.max(axis=0))
    total = _validate.checked_sum(values, axis=0, name="matrix")
    squares = (values**2).sum(axis=0)
    total_squared = total**2
    index = squares / total_squared
    normalised = (n_units * squares - total_squared) / ((n_units - 1) * total_squared)
    return HerfindahlResult(
        index=pd.Series(index, index=measured, name="herfindahl"),
        normalised=pd.Series(normalised, index=measured, name="normalised_herfindahl"),
        equivalent_number=pd.Series(total_squared / squares, index=measured,
                                    name="equivalent_number"),
        n_units=int(n_units),
        across=across,
    )


def concentration_ratio(matrix: pd.DataFrame | np.ndarray, *, n: int = 4,
                        across: str = "regions") -> pd.Series:
    r"""Concentration ratio :math:`CR_n`: the combined share of the `n` largest units.

    Parameters
    ----------
    matrix : pandas.DataFrame or numpy.ndarray
        Regions in rows, industries in columns; non-negative employment, output or exports.
    n : int, default 4
        How many of the largest units to add up; between 1 and the number of units.
    across : {"regions", "industries"}, default "regions"
        ``"regions"``: for each industry, the share held by its `n` largest regions.
        ``"industries"``: for each region, the share of its `n` largest industries.

    Returns
    -------
    pandas.Series
        One value per industry (or region) in :math:`[n/N, 1]`, named ``f"CR{n}"``.

    Raises
    ------
    TypeError
        If `n` is not an integer, or `matrix` is not a DataFrame or 2-D array.
    ValueError
        If `n` is outside 1..number of units, `across` is unknown, or `matrix` has missing,
        infinite or negative values or a row or column that sums to zero.

    Notes
    -----
    With the shares of industry :math:`i` sorted in decreasing order,
    :math:`s_{(1)i} \ge s_{(2)i} \ge \dots`, :math:`CR_{n,i} = \sum_{k=1}^{n} s_{(k)i}`.
    :math:`CR_N = 1` when :math:`n` equals the number of units :math:`N`.

    References
    ----------
    .. [1] Tirole, J. (1988). *The Theory of Industrial Organization*. MIT Press.

    Examples
    --------
    >>> m = pd.DataFrame({"textiles": [50.0, 10.0], "software": [50.0, 90.0]}, index=["A", "B"])
    >>> concentration_ratio(m, n=1).round(3)
    textiles    0.833
    software    0.643
    Name: CR1, dtype: float64
    """
    values, measured = _matrix_and_units(matrix, across)
    count = _validate.check_positive_int(n, name="n", maximum=values.shape[0])
    total = _validate.checked_sum(values, axis=0, name="matrix")
    largest = np.sort(values, axis=0)[-count:].sum(axis=0)
    return pd.Series(largest / total, index=measured, name=f"CR{count}")


# --------------------------------------------------------------------------------------------
# Krugman and Hoover
# --------------------------------------------------------------------------------------------
def krugman_index(matrix: pd.DataFrame | np.ndarray, *,
                  reference: pd.Series | np.ndarray | None = None) -> pd.Series:
    r"""Krugman specialisation index of each region against a reference structure.

    Parameters
    ----------
    matrix : pandas.DataFrame or numpy.ndarray
        Regions in rows, industries in columns; non-negative employment or output. At least two
        industries, and at least two regions unless `reference` is given.
    reference : pandas.Series or numpy.ndarray, optional
        Industry structure to compare with, one non-negative value per industry (labels equal to
        the matrix's columns, any order); it is rescaled to shares. By default, for each region,
        the sum over all *other* regions. With a reference, an industry may be zero in a region
        (or in every listed region): its share there is 0.

    Returns
    -------
    pandas.Series
        One value per region, named ``"krugman_index"``, between 0 (same structure) and 2
        (no industry in common).

    Raises
    ------
    TypeError
        If `matrix` or `reference` is of the wrong kind or not numeric.
    ValueError
        If `matrix` has negative or missing values, a region with zero total, or (without
        `reference`) an industry with zero total; if `reference` has other labels than the
        industries, negative values or a zero total; if values are too large to sum in float64.

    Notes
    -----
    With shares :math:`s_{ri} = x_{ri} / x_{r\cdot}` of industry :math:`i` in region :math:`r`
    and reference shares :math:`\bar s_i`,

    .. math:: K_r = \sum_i |s_{ri} - \bar s_i|.

    By default :math:`\bar s_{i} = (x_{\cdot i} - x_{ri}) / (x_{\cdot\cdot} - x_{r\cdot})`, the
    structure of the rest of the economy. The index goes back to Krugman (1991, p. 76); the
    literature and its software use three references: another single region (a bilateral index,
    as REAT's ``krugman.spec``; pass that region's row as `reference`), the other regions
    together (the default here, as REAT's ``krugman.spec2``), and the whole economy including
    the region (as EconGeo's ``krugman_index``; pass ``matrix.sum()``). Some textbooks instead
    average the other regions' shares without weights; pass that average as `reference` to
    reproduce them.

    References
    ----------
    .. [1] Krugman, P. (1991). *Geography and Trade*. MIT Press.

    Examples
    --------
    >>> m = pd.DataFrame({"textiles": [50.0, 10.0], "software": [50.0, 90.0]}, index=["A", "B"])
    >>> krugman_index(m).round(2).tolist()
    [0.8, 0.8]
    >>> national = pd.Series({"software": 70.0, "textiles": 30.0})
    >>> krugman_index(m, reference=national).round(2).tolist()
    [0.4, 0.4]

    A region without software, against the same national structure:

    >>> krugman_index(pd.DataFrame({"textiles": [5.0], "software": [0.0]}), reference=national)
    0    1.4
    Name: krugman_index, dtype: float64
    """
    frame = _region_industry(matrix, min_regions=1 if reference is not None else 2,
                             zero_columns_allowed=reference is not None)
    values = frame.to_numpy()
    region_total = _validate.checked_sum(values, axis=1, name="matrix")[:, np.newaxis]
    _validate.checked_sum(region_total, name="matrix")
    shares = values / region_total
    if reference is None:
        rest = _sum_of_others(values)
        benchmark = rest / _sum_of_others(region_total)
    else:
        ref = _industry_series(reference, frame.columns, name="reference")
        _validate.check_nonnegative(ref.to_frame(name="reference"), name="reference",
                                    hint="Pass a non-negative industry structure.")
        ref_total = _validate.checked_sum(ref.to_numpy(), name="reference")
        if ref_total == 0:
            raise ValueError(
                "`reference` sums to zero, so it has no industry structure; expected a positive "
                "total. Pass employment or shares of the reference economy."
            )
        benchmark = (ref.to_numpy() / ref_total)[np.newaxis, :]
    return pd.Series(np.abs(shares - benchmark).sum(axis=1), index=frame.index,
                     name="krugman_index")


def hoover_coefficient(matrix: pd.DataFrame | np.ndarray, *,
                       total: pd.Series | np.ndarray | None = None,
                       reference: pd.Series | np.ndarray | None = None) -> pd.Series:
    r"""Hoover's coefficient of localisation of each industry.

    Parameters
    ----------
    matrix : pandas.DataFrame or numpy.ndarray
        Regions in rows, industries in columns; non-negative employment or output. At least two
        regions, and two industries unless `total` is given.
    total : pandas.Series or numpy.ndarray, optional
        Each region's total activity (labels equal to the matrix's rows), when the matrix lists
        only some industries; each total positive and at least the region's row sum (a
        shortfall of at most 0.1 %, rounding of published totals, is accepted with a warning
        and the row sum used). By default the row sums, which must then cover all
        activity.
    reference : pandas.Series or numpy.ndarray, optional
        A separate reference distribution over the regions, such as population or area
        (labels equal to the matrix's rows; non-negative, positive total), which need not
        contain the industries (EconGeo's ``hoover_index(mat, pop)``). Not with `total`.

    Returns
    -------
    pandas.Series
        One value per industry, named ``"hoover_coefficient"``, in :math:`[0, 1)`: 0 when the
        industry is spread like total activity (or like `reference`), close to 1 when it sits
        in one small region.

    Raises
    ------
    TypeError
        If `matrix` is not a DataFrame or 2-D array, or has non-numeric columns.
    ValueError
        If `matrix` has missing, infinite or negative values, fewer than two rows (or, without
        `total`, two columns), a column that sums to zero, a row that sums to zero (without
        `total`), or values too large to sum in float64; if `total` has other labels than the
        regions, a zero or negative total or a total below the region's row sum; if
        `reference` has other labels than the regions, negative values or a zero total, or is
        given together with `total`.

    Notes
    -----
    .. math:: HC_i = \tfrac12 \sum_r \left| \frac{x_{ri}}{x_{\cdot i}}
              - \frac{x_{r\cdot}}{x_{\cdot\cdot}} \right|

    the share of the industry that would have to move for it to be distributed like total
    activity. It is bounded by :math:`1 - \min_r x_r < 1`. With ``total=`` :math:`T_r`, the
    regions' shares of total activity are :math:`T_r / \sum_q T_q`; with ``reference=``
    :math:`P_r` (population), :math:`x_r = P_r / \sum_q P_q`, and a region may then hold none of
    the industries.

    References
    ----------
    .. [1] Hoover, E. M. (1936). The measurement of industrial localization. *Review of
       Economics and Statistics*, 18(4), 162–171.

    Examples
    --------
    >>> m = pd.DataFrame({"textiles": [50.0, 10.0], "software": [50.0, 90.0]}, index=["A", "B"])
    >>> hoover_coefficient(m).round(3)
    textiles    0.333
    software    0.143
    Name: hoover_coefficient, dtype: float64
    >>> hoover_coefficient(m[["textiles"]], total=pd.Series({"A": 100.0, "B": 900.0})).round(3)
    textiles    0.733
    Name: hoover_coefficient, dtype: float64

    Against population (a reference that need not contain the industries):

    >>> hoover_coefficient(m, reference=pd.Series({"A": 1.0, "B": 9.0})).round(3).tolist()
    [0.733, 0.257]
    """
    if reference is not None:
        if total is not None:
            raise ValueError(
                "Pass either `total` (regional totals that include the industries) or "
                "`reference` (a separate distribution such as population), not both."
            )
        frame = _region_industry(matrix, min_industries=1, zero_rows_allowed=True)
        values = frame.to_numpy()
        region_share = _reference_shares(reference, frame.index, positive=False)[:, np.newaxis]
        industry_total = _validate.checked_sum(values, axis=0, name="matrix")
    else:
        frame, region_total, industry_total, grand_total = _matrix_and_totals(matrix, total)
        values = frame.to_numpy()
        if total is None:
            grand_total = values.sum()  # flat sum: bitwise the results of earlier releases
        region_share = (region_total / grand_total)[:, np.newaxis]
    industry_share = values / industry_total[np.newaxis, :]
    coefficient = 0.5 * np.abs(industry_share - region_share).sum(axis=0)
    return pd.Series(coefficient, index=frame.columns, name="hoover_coefficient")


# --------------------------------------------------------------------------------------------
# Gini coefficients
# --------------------------------------------------------------------------------------------
def gini(values: pd.Series | np.ndarray | list[float]) -> float:
    r"""Gini coefficient of a non-negative distribution.

    Parameters
    ----------
    values : pandas.Series, numpy.ndarray or list
        One-dimensional, at least two non-negative values, not all zero (incomes, firm sizes,
        regional employment, ...).

    Returns
    -------
    float
        Between 0 (all equal) and :math:`1 - 1/n` (everything in one unit).

    Raises
    ------
    TypeError
        If `values` is not a Series, 1-D array or list of numbers.
    ValueError
        If `values` has fewer than two values, missing, infinite or negative values, sums to
        zero, or is too large to sum in float64.

    Notes
    -----
    The mean-difference form, with :math:`\bar y` the mean of the :math:`n` values:

    .. math::

       G &= \frac{\sum_{i=1}^n \sum_{j=1}^n |y_i - y_j|}{2 n^2 \bar y} \\
         &= \frac{\sum_{k=1}^n (2k - n - 1)\, y_{(k)}}{n \sum_k y_k},

    where :math:`y_{(1)} \le \dots \le y_{(n)}` are the sorted values; the second form is used,
    in :math:`O(n \log n)`. This is twice the area between the Lorenz curve and the diagonal.
    It is not bias-corrected: multiply by :math:`n/(n-1)` for the version whose maximum is 1.

    References
    ----------
    .. [1] Gini, C. (1912). *Variabilità e mutabilità*. Bologna: Cuppini.
    .. [2] Damgaard, C., & Weiner, J. (2000). Describing inequality in plant size or fecundity.
       *Ecology*, 81(4), 1139–1142.

    Examples
    --------
    >>> gini([20.0, 50.0, 20.0, 10.0])
    0.3
    """
    series = _validate.as_series(values, name="values", min_length=2)
    _validate.check_nonnegative(series.to_frame(name="values"), name="values",
                                hint="The Gini coefficient needs a non-negative distribution.")
    ordered = np.sort(series.to_numpy())
    total = _validate.checked_sum(ordered, name="values")
    _validate.check_no_overflow(float(total) * ordered.size, name="values")
    if total == 0:
        raise ValueError(
            "`values` are all zero, so there is no distribution to measure; expected a positive "
            "total. Pass at least one positive value."
        )
    count = ordered.size
    weights = 2.0 * np.arange(1, count + 1) - count - 1
    return float((weights * ordered).sum() / (count * total))


def locational_gini(matrix: pd.DataFrame | np.ndarray, *,
                    reference: pd.Series | np.ndarray | None = None) -> pd.Series:
    r"""Krugman's locational Gini coefficient of each industry.

    Parameters
    ----------
    matrix : pandas.DataFrame or numpy.ndarray
        Regions in rows, industries in columns; non-negative employment or output, covering all
        activity (the row sums are the regions' total activity). At least two regions and two
        industries (one with `reference`).
    reference : pandas.Series or numpy.ndarray, optional
        A separate reference distribution over the regions, such as population (labels equal
        to the matrix's rows, every value positive), used instead of the row sums as the
        regions' sizes :math:`x_r`; it need not contain the industries.

    Returns
    -------
    pandas.Series
        One value per industry, named ``"locational_gini"``, in :math:`[0, 1)`: 0 when the
        industry is spread exactly like total activity (or like `reference`).

    Raises
    ------
    TypeError
        If `matrix` is not a DataFrame or 2-D array, or has non-numeric columns.
    ValueError
        If `matrix` has missing, infinite or negative values, fewer than two rows or columns, or
        a row or column that sums to zero (a row may sum to zero with `reference`); if
        `reference` has other labels than the regions or a zero or negative value.

    Notes
    -----
    Following Krugman (1991, ch. 2 and appendix D), sort the regions by their location quotient
    :math:`LQ_{ri} = s_{ri} / x_r` in increasing order and draw the Lorenz curve through the
    points :math:`(X_k, Y_k)` of cumulative shares of total activity
    :math:`X_k = \sum_{j \le k} x_{(j)}` and of the industry :math:`Y_k = \sum_{j \le k} s_{(j)i}`.
    This function returns the **Gini ratio**: the area between that curve and the diagonal
    divided by the area under the diagonal (1/2), i.e. **twice the area** between the curve and
    the diagonal, or one minus twice the area under the curve (the convention of :func:`gini`;
    :func:`lorenz_curve` with the LQs as values and the regions' activity as weights returns
    the points of this curve),

    .. math::

       G_i &= 1 - \sum_k x_{(k)} (Y_{k-1} + Y_k) \\
           &= \tfrac12 \sum_r \sum_q x_r x_q \, |LQ_{ri} - LQ_{qi}|,

    the activity-weighted mean-difference Gini of the location quotients (whose weighted mean
    is 1). It is computed in :math:`O(n \log n)` per industry from the sorted form
    :math:`G_i = \sum_k (s_{(k)i} X_{k-1} - x_{(k)} Y_{k-1})`, and is bounded by
    :math:`1 - \min_r x_r`. With regions of equal size it equals :func:`gini` of the LQs.

    Conventions differ: some authors and software (for example ``locational_gini`` in the R
    package EconGeo, "theoretical limit = 0.5") report the area between the curve and the
    diagonal itself, which is :math:`G_i / 2`; others (e.g. the ``gini.conc`` function of the R
    package REAT, after Farhauer & Kröll) use the unweighted Gini of the LQs,
    ``gini(location_quotient(m)[i])``. Halve this result before comparing with the former.

    References
    ----------
    .. [1] Krugman, P. (1991). *Geography and Trade*. MIT Press, ch. 2 (p. 56) and appendix D.
    .. [2] Audretsch, D. B., & Feldman, M. P. (1996). R&D spillovers and the geography of
       innovation and production. *American Economic Review*, 86(3), 630–640.

    Examples
    --------
    >>> m = pd.DataFrame({"textiles": [50.0, 10.0], "software": [50.0, 90.0]}, index=["A", "B"])
    >>> locational_gini(m).round(3)
    textiles    0.333
    software    0.143
    Name: locational_gini, dtype: float64
    """
    if reference is None:
        frame = _region_industry(matrix)
        values = frame.to_numpy()
        region_total = _validate.checked_sum(values, axis=1, name="matrix")
        region_share = region_total / _validate.checked_sum(region_total, name="matrix")
    else:
        frame = _region_industry(matrix, min_industries=1, zero_rows_allowed=True)
        values = frame.to_numpy()
        _validate.checked_sum(values, axis=0, name="matrix")
        region_share = _reference_shares(reference, frame.index, positive=True)
    industry_share = values / values.sum(axis=0, keepdims=True)
    quotient = industry_share / region_share[:, np.newaxis]
    order = np.argsort(quotient, axis=0, kind="stable")
    share_sorted = np.take_along_axis(industry_share, order, axis=0)
    weight_sorted = region_share[order]
    zeros = np.zeros((1, values.shape[1]))
    cum_weight_before = np.vstack([zeros, np.cumsum(weight_sorted, axis=0)[:-1]])
    cum_share_before = np.vstack([zeros, np.cumsum(share_sorted, axis=0)[:-1]])
    coefficient = (share_sorted * cum_weight_before - weight_sorted * cum_share_before).sum(axis=0)
    return pd.Series(coefficient, index=frame.columns, name="locational_gini")


def lorenz_curve(values: pd.Series | np.ndarray | list[float], *,
                 weights: pd.Series | np.ndarray | list[float] | None = None) -> pd.DataFrame:
    r"""Points of the Lorenz curve of a non-negative distribution, starting at (0, 0).

    Parameters
    ----------
    values : pandas.Series, numpy.ndarray or list
        One-dimensional, at least two non-negative values, not all zero. Without `weights`, the
        amount held by each unit (a region's output, a firm's sales). With `weights`, the value
        *per member* of each group (income per person, a region's location quotient).
    weights : pandas.Series, numpy.ndarray or list, optional
        Size of each group for grouped data (persons, a region's share of total activity), one
        positive number per value; a Series must have the labels of `values`. By default every
        unit weighs the same.

    Returns
    -------
    pandas.DataFrame
        :math:`n + 1` rows (index ``rank`` 0 to :math:`n`), units in increasing order of value;
        columns ``unit`` (the label of the unit added at that point, missing at the origin),
        ``population_share`` (cumulative share of units or weights, :math:`p_k`) and
        ``value_share`` (cumulative share of the total, :math:`L_k`). The first row is (0, 0),
        the last (1, 1).

    Raises
    ------
    TypeError
        If `values` or `weights` is not a Series, 1-D array or list of numbers.
    ValueError
        If `values` has fewer than two values, missing, infinite or negative values, or sums to
        zero (weighted by `weights`); if `weights` has another length or other labels than
        `values`, or a missing, infinite, zero or negative weight; or if a total is too large
        to sum in float64.

    Notes
    -----
    With units sorted so that :math:`y_{(1)} \le \dots \le y_{(n)}` and weights :math:`w_{(k)}`
    (all 1 by default),

    .. math::

       p_k &= \frac{\sum_{j \le k} w_{(j)}}{\sum_j w_j}, \\
       L_k &= \frac{\sum_{j \le k} w_{(j)} y_{(j)}}{\sum_j w_j y_j}, \qquad p_0 = L_0 = 0 ,

    the curve joining the points by straight lines. Units with equal values may come in any
    order: the curve is the same. The Gini coefficient is one minus twice the area under this
    polygon (trapezoids),

    .. math:: G = 1 - \sum_{k=1}^n (p_k - p_{k-1})(L_{k-1} + L_k),

    i.e. twice the area between the curve and the diagonal. Without weights this is exactly
    :func:`gini` (the same convention: no small-sample correction, maximum :math:`1 - 1/n`);
    with `values` the location quotients of an industry and `weights` the regions' shares of
    total activity it is exactly :func:`locational_gini` (the locational Lorenz curve of
    Krugman, 1991). Integer weights give the curve of the values repeated that many times.

    References
    ----------
    .. [1] Lorenz, M. O. (1905). Methods of measuring the concentration of wealth. *Publications
       of the American Statistical Association*, 9(70), 209–219.
    .. [2] Cowell, F. A. (2011). *Measuring Inequality* (3rd ed.). Oxford University Press,
       ch. 2 (the Lorenz curve of grouped data).

    Examples
    --------
    >>> curve = lorenz_curve(pd.Series([20.0, 50.0, 20.0, 10.0], index=list("ABCD")))
    >>> curve.round(2)  # doctest: +NORMALIZE_WHITESPACE
          unit  population_share  value_share
    rank
    0     None              0.00          0.0
    1       D              0.25          0.1
    2       A              0.50          0.3
    3       C              0.75          0.5
    4       B              1.00          1.0
    >>> p, share = curve["population_share"], curve["value_share"]
    >>> round(1 - float((p.diff()[1:] * (share.shift()[1:] + share[1:])).sum()), 10)
    0.3
    """
    series = _validate.as_series(values, name="values", min_length=2)
    _validate.check_nonnegative(series.to_frame(name="values"), name="values",
                                hint="A Lorenz curve needs a non-negative distribution.")
    if weights is None:
        size = pd.Series(1.0, index=series.index)
    else:
        size = _validate.as_series(weights, name="weights", min_length=1)
        if not isinstance(weights, pd.Series):
            if len(size) != len(series):
                raise ValueError(
                    f"`weights` must have one value per value; received {len(size)} weights for "
                    f"{len(series)} values. Pass one weight per unit, in the same order."
                )
            size.index = series.index
        else:
            _validate.check_aligned(series.index, size.index, left_name="values",
                                    right_name="weights")
            size = size.loc[series.index]
        _validate.check_positive(size.to_frame(name="weights"), name="weights",
                                 hint="Each group needs a positive size; drop empty groups.")
    order = np.argsort(series.to_numpy(), kind="stable")
    value_sorted = series.to_numpy()[order]
    size_sorted = size.to_numpy()[order]
    with np.errstate(over="ignore"):
        amount = value_sorted * size_sorted
    _validate.check_no_overflow(amount, name="values", operation="weight")
    _validate.checked_sum(size_sorted, name="weights")
    cumulative_size = np.cumsum(size_sorted)
    with np.errstate(over="ignore"):
        cumulative_amount = np.cumsum(amount)
    _validate.check_no_overflow(cumulative_amount, name="values")
    if cumulative_amount[-1] == 0:
        raise ValueError(
            "`values` are all zero, so there is no distribution to draw; expected a positive "
            "total. Pass at least one positive value."
        )
    return pd.DataFrame(
        {"unit": pd.Series([None, *series.index[order]], dtype=object),
         "population_share": np.concatenate([[0.0], cumulative_size / cumulative_size[-1]]),
         "value_share": np.concatenate([[0.0], cumulative_amount / cumulative_amount[-1]])},
        index=pd.RangeIndex(series.size + 1, name="rank"),
    )


# --------------------------------------------------------------------------------------------
# Ellison–Glaeser
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class EllisonGlaeserResult:
    """Ellison–Glaeser agglomeration index of each industry and its ingredients.

    Attributes
    ----------
    gamma : pandas.Series
        :math:`\\gamma_i`, named ``"gamma"``; 0 under the dartboard (random location) benchmark.
    raw_concentration : pandas.Series
        :math:`G_i = \\sum_r (s_{ri} - x_r)^2`, named ``"raw_concentration"``.
    plant_herfindahl : pandas.Series
        :math:`H_i` used, named ``"plant_herfindahl"``.
    """

    gamma: pd.Series
    raw_concentration: pd.Series
    plant_herfindahl: pd.Series

    def to_frame(self) -> pd.DataFrame:
        """The three series side by side, one row per industry."""
        return pd.concat([self.gamma, self.raw_concentration, self.plant_herfindahl], axis=1)

    def summary(self) -> pd.DataFrame:
        """Number and share of industries in Ellison & Glaeser's (1997) three classes.

        Rows: ``"not very localised (gamma < 0.02)"``, ``"localised (0.02 <= gamma <= 0.05)"``,
        ``"highly localised (gamma > 0.05)"``; columns ``industries`` and ``share``.
        """
        gamma = self.gamma.to_numpy()
        counts = np.array([
            (gamma < EG_NOT_VERY_LOCALISED).sum(),
            ((gamma >= EG_NOT_VERY_LOCALISED) & (gamma <= EG_HIGHLY_LOCALISED)).sum(),
            (gamma > EG_HIGHLY_LOCALISED).sum(),
        ])
        labels = [
            f"not very localised (gamma < {EG_NOT_VERY_LOCALISED})",
            f"localised ({EG_NOT_VERY_LOCALISED} <= gamma <= {EG_HIGHLY_LOCALISED})",
            f"highly localised (gamma > {EG_HIGHLY_LOCALISED})",
        ]
        out = pd.DataFrame({"industries": counts, "share": counts / gamma.size},
                           index=pd.Index(labels, name="class"))
        return out


def plant_herfindahl(plants: pd.DataFrame, *, industry: str = "industry",
                     size: str = "employment") -> pd.Series:
    r"""Plant-level Herfindahl index of each industry, from one row per plant.

    Parameters
    ----------
    plants : pandas.DataFrame
        One row per plant (establishment), with an industry label and a size column.
    industry : str, default "industry"
        Column holding each plant's industry.
    size : str, default "employment"
        Column holding each plant's non-negative size (employment or output).

    Returns
    -------
    pandas.Series
        One value per industry (sorted labels), named ``"plant_herfindahl"``, in
        :math:`(0, 1]`; 1 for an industry with a single plant.

    Raises
    ------
    TypeError
        If `plants` is not a DataFrame or the size column is not numeric.
    ValueError
        If a column is missing, `plants` is empty, an industry label is missing, a size is
        missing, infinite or negative, or an industry's sizes sum to zero.

    Notes
    -----
    With :math:`z_{ki}` the size of plant :math:`k` in industry :math:`i`,
    :math:`H_i = \sum_k z_{ki}^2 / (\sum_k z_{ki})^2`. This is the :math:`H_i` of
    :func:`ellison_glaeser`. Rows with duplicated index labels are reported by position.

    References
    ----------
    .. [1] Ellison, G., & Glaeser, E. L. (1997). Geographic concentration in U.S. manufacturing
       industries: a dartboard approach. *Journal of Political Economy*, 105(5), 889–927.

    Examples
    --------
    >>> plants = pd.DataFrame({"industry": ["shoes", "shoes", "chips"],
    ...                        "employment": [30.0, 10.0, 50.0]})
    >>> plant_herfindahl(plants)
    industry
    chips    1.000
    shoes    0.625
    Name: plant_herfindahl, dtype: float64
    """
    if not isinstance(plants, pd.DataFrame):
        raise TypeError(
            "`plants` must be a pandas DataFrame with one row per plant; received "
            f"{type(plants).__name__}."
        )
    _validate.check_has_columns(plants, [industry, size], name="plants")
    if len(plants) == 0:
        raise ValueError("`plants` has no rows; expected one row per plant. Pass plant data.")
    labels = plants[industry]
    if labels.isna().any():
        rows = plants.index[labels.isna().to_numpy()].tolist()
        raise ValueError(
            f"`plants` has missing industry labels in column {industry!r} (rows "
            f"{_validate._listed(rows)}); every plant needs an industry. Fill or drop them."
        )
    sizes = plants[size]
    if sizes.index.has_duplicates:
        sizes = sizes.reset_index(drop=True)
    sizes = _validate.as_series(sizes, name=f"plants[{size!r}]")
    _validate.check_nonnegative(sizes.to_frame(name=size), name="plants",
                                hint="Plant sizes must be non-negative.")
    codes, uniques = pd.factorize(labels, sort=True)
    weights = sizes.to_numpy()
    # scale-free: each industry's plants are brought to unit size by a power of two (exact)
    peak = np.zeros(len(uniques))
    np.maximum.at(peak, codes, weights)
    weights = weights * _validate.power_of_two_scale(peak)[codes]
    total = np.bincount(codes, weights=weights, minlength=len(uniques))
    squares = np.bincount(codes, weights=weights**2, minlength=len(uniques))
    if (total == 0).any():
        empty = list(uniques[total == 0])
        raise ValueError(
            f"Industries {_validate._listed(empty)} have plant sizes summing to zero, so their "
            f"plant Herfindahl is undefined; drop these industries or fix their sizes."
        )
    return pd.Series(squares / total**2, index=pd.Index(uniques, name=industry),
                     name="plant_herfindahl")


def ellison_glaeser(matrix: pd.DataFrame | np.ndarray, *,
                    plant_herfindahl: pd.Series | np.ndarray,
                    total: pd.Series | np.ndarray | None = None) -> EllisonGlaeserResult:
    r"""Ellison–Glaeser index of geographic concentration (agglomeration) of each industry.

    Parameters
    ----------
    matrix : pandas.DataFrame or numpy.ndarray
        Regions in rows, industries in columns; non-negative employment. At least two regions.
    plant_herfindahl : pandas.Series or numpy.ndarray
        Plant-level Herfindahl :math:`H_i` of each industry (labels equal to the matrix's
        columns, any order), in :math:`[0, 1)`; see :func:`plant_herfindahl`.
    total : pandas.Series or numpy.ndarray, optional
        Total activity (all industries) of each region, labels equal to the matrix's rows. Give
        it when `matrix` holds only some industries; each total must be positive and at least
        the region's row sum (a shortfall of at most 0.1 % is read as rounding: a warning, and
        the row sum is used). By default the row
        sums of `matrix`, which then must cover all activity and hold at least two industries.

    Returns
    -------
    EllisonGlaeserResult
        Fields ``gamma``, ``raw_concentration``, ``plant_herfindahl``; methods ``to_frame()``
        and ``summary()``.

    Raises
    ------
    TypeError
        If an input is of the wrong kind or not numeric.
    ValueError
        If `matrix` has missing, infinite or negative values, fewer than two regions, an
        industry with zero total (or, without `total`, a region with zero total or a single
        industry); if `plant_herfindahl` has other labels than the industries or a value outside
        [0, 1) (1 means a single plant); if `total` has other labels than the regions, a zero
        total or a total below the region's row sum.

    Notes
    -----
    With :math:`s_{ri}` region :math:`r`'s share of industry :math:`i`, :math:`x_r` its share
    of total activity and :math:`H_i` the industry's plant Herfindahl,

    .. math::

       G_i &= \sum_r (s_{ri} - x_r)^2, \\
       \gamma_i &= \frac{G_i - (1 - \sum_r x_r^2) H_i}{(1 - \sum_r x_r^2)(1 - H_i)}.

    Under the dartboard model (plants located at random with probabilities :math:`x_r`)
    :math:`E[G_i] = (1 - \sum_r x_r^2) H_i`, so :math:`E[\gamma_i] = 0`; :math:`\gamma_i > 0`
    signals localisation beyond what lumpy plants alone produce, :math:`\gamma_i < 0` an
    industry more evenly spread than random. An industry distributed exactly like total
    activity has :math:`G_i = 0` and :math:`\gamma_i = -H_i / (1 - H_i)`.

    Ellison and Glaeser (1997) call industries with :math:`\gamma < 0.02` *not very
    localised* and those with :math:`\gamma > 0.05` *highly localised*; ``summary()`` counts
    industries in these classes.

    References
    ----------
    .. [1] Ellison, G., & Glaeser, E. L. (1997). Geographic concentration in U.S. manufacturing
       industries: a dartboard approach. *Journal of Political Economy*, 105(5), 889–927.

    Examples
    --------
    A single industry's ten plants in three regions, with the regions' total employment
    (the worked example of Farhauer & Kröll, 2014, *Standorttheorien*):

    >>> plants = pd.DataFrame({
    ...     "industry": ["steel"] * 10,
    ...     "region": ["Wien"] * 5 + ["Linz"] * 4 + ["Graz"],
    ...     "employment": [200, 650, 12000, 100, 50, 16000, 13000, 1500, 1500, 25000]})
    >>> matrix = plants.pivot_table(index="region", columns="industry", values="employment",
    ...                             aggfunc="sum")
    >>> total = pd.Series({"Wien": 500_000, "Linz": 400_000, "Graz": 100_000})
    >>> result = ellison_glaeser(matrix, plant_herfindahl=plant_herfindahl(plants), total=total)
    >>> result.to_frame().round(4)
              gamma  raw_concentration  plant_herfindahl
    industry
    steel     0.0599             0.1682            0.2447
    """
    frame = _region_industry(matrix, min_industries=1, zero_rows_allowed=total is not None)
    if total is None and frame.shape[1] < 2:
        raise ValueError(
            f"`matrix` holds a single industry {_validate._listed(frame.columns.tolist())}, so "
            f"its row sums are that industry itself and cannot stand for total activity. Pass "
            f"each region's total activity as `total`, or include all industries."
        )
    values = frame.to_numpy()
    row_sum = _validate.checked_sum(values, axis=1, name="matrix")
    _validate.checked_sum(row_sum, name="matrix")
    if total is None:
        region_total = row_sum
    else:
        region_total = _validate.check_regional_totals(total, frame.index, row_sum,
                                                       stacklevel=3)
        _validate.checked_sum(region_total, name="total")
    region_share = region_total / region_total.sum()
    industry_share = values / values.sum(axis=0, keepdims=True)
    raw = ((industry_share - region_share[:, np.newaxis]) ** 2).sum(axis=0)

    h = _industry_series(plant_herfindahl, frame.columns, name="plant_herfindahl")
    _validate.check_in_range(
        h.to_frame(name="plant_herfindahl"), name="plant_herfindahl", low=0.0, high=1.0,
        high_open=True,
        hint="H = 1 means a single plant, for which gamma is undefined: drop those industries.",
    )
    h_values = h.to_numpy()
    spread = 1.0 - (region_share**2).sum()
    gamma = (raw - spread * h_values) / (spread * (1.0 - h_values))
    return EllisonGlaeserResult(
        gamma=pd.Series(gamma, index=frame.columns, name="gamma"),
        raw_concentration=pd.Series(raw, index=frame.columns, name="raw_concentration"),
        plant_herfindahl=pd.Series(h_values, index=frame.columns, name="plant_herfindahl"),
    )
