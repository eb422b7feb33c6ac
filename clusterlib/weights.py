r"""Objective indicator weights and composite indices (熵值法, CRITIC, standard deviation).

Every function takes a wide *units × indicators* table: rows are regions (or region-years, or
firms), columns are indicators. The weights describe the columns and sum to 1; a composite index
describes the rows. Chapters 3 and 5 build their upgrading and synergy indices on this module;
:func:`weight_sensitivity` shows how much a ranking owes to the choice of weights.

Implementation notes (why the code looks the way it does): the weight functions read the matrix
in blocks of ``_BLOCK_ROWS`` rows, so that each block is normalised, logged or centred while
it sits in cache, and every pass over a large matrix costs little more than reading it once. The
dot products inside a block go to BLAS with at most 8,192 elements, below the size at which
OpenBLAS splits a dot product over threads (which costs far more than it saves here). A large
matrix's blocks are shared between two threads; each block's partial result has its own slot and
the slots are added in block order, so the weights are bitwise the same as on one thread.
"""

from __future__ import annotations

import os
import warnings
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from clusterlib import _lazy
from clusterlib._validate import (
    _listed,
    as_numeric_frame,
    as_series,
    check_aligned,
    check_choice,
    check_choices,
    check_directions,
    check_finite,
    check_finite_sums,
    check_nonnegative,
    check_real,
    check_weights,
    power_of_two_scale,
    split_by_level,
)

# Heavy dependencies, imported at first use so that `import clusterlib` stays fast (_lazy.py).
special = _lazy.module("scipy.special")
kendalltau = _lazy.function("scipy.stats", "kendalltau")
spearmanr = _lazy.function("scipy.stats", "spearmanr")

__all__ = [
    "minmax_normalise",
    "entropy_weights",
    "critic_weights",
    "std_weights",
    "equal_weights",
    "composite_index",
    "weight_sensitivity",
    "WeightSensitivityResult",
    "SENSITIVITY_METHODS",
]

_BLOCK_ROWS = 8192
_THREADS = min(2, os.cpu_count() or 1)  # the book's machines have two cores
_MIN_BLOCKS_PER_THREAD = 8  # below this, starting threads costs more than it saves
_DEFAULT_SHIFT = 0.01
_SUSPECT = 1e-9  # one-pass divergences below this are re-checked exactly (constant?)


# ------------------------------------------------------------------------------------------------
# Block kernels on a float64 matrix of any memory layout (blocks are Fortran-ordered)
# ------------------------------------------------------------------------------------------------

def _n_blocks(m: int) -> int:
    """Number of row blocks of an `m`-row matrix: one result slot per block."""
    return -(-m // _BLOCK_ROWS)


def _for_blocks(x: np.ndarray, body, *, buffers: int = 1) -> None:
    """Call ``body(i, block, *work)`` for every row block ``i`` of `x`.

    Blocks are Fortran-ordered: views of a Fortran-ordered `x` (a DataFrame's values), otherwise
    copies into a buffer reused by the worker. ``work`` are `buffers` block-sized work buffers
    of the worker. A large matrix is shared between two threads (NumPy releases the GIL in its
    loops); ``body`` must write only to slots indexed by `i`, so that the caller's reduction over
    blocks runs in a fixed order and the result is bitwise the same however blocks were scheduled.
    """
    m, n = x.shape
    count, rows = _n_blocks(m), min(m, _BLOCK_ROWS)
    errors = np.geterr()  # the caller's floating-point error handling, for the worker threads

    def run(indices) -> None:
        scratch = [np.empty((rows, n), order="F") for _ in range(buffers)]
        copy = None if x.flags.f_contiguous else np.empty((rows, n), order="F")
        with np.errstate(**errors):
            for i in indices:
                source = x[i * _BLOCK_ROWS:(i + 1) * _BLOCK_ROWS]
                if copy is None:
                    block = source
                else:
                    block = copy[: source.shape[0]]
                    np.copyto(block, source)
                body(i, block, *(work[: source.shape[0]] for work in scratch))

    workers = min(_THREADS, count // _MIN_BLOCKS_PER_THREAD)
    if workers < 2:
        run(range(count))
        return
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for future in [pool.submit(run, range(k, count, workers)) for k in range(workers)]:
            future.result()


def _scan(x: np.ndarray, *, extremes: bool = True, xlogx: bool = False,
          spread: bool = False) -> dict[str, np.ndarray]:
    r"""One pass over row blocks: column sums, and optionally minima and maxima and more.

    ``xlogx`` adds :math:`\sum_i x_{ij}\ln x_{ij}` (NaN for a column with a zero or a negative
    value; the caller resolves those exactly). ``spread`` adds the centred sum of squares
    :math:`M_j = \sum_i (x_{ij}-\bar x_j)^2`, merged exactly over blocks as
    :math:`\sum_b [M_{bj} + m_b(\bar x_{bj}-\bar x_j)^2]`.
    """
    m, n = x.shape
    sums, mins, maxs, extra = (np.empty((_n_blocks(m), n)) for _ in range(4))

    def body(i: int, block: np.ndarray, work: np.ndarray) -> None:
        if xlogx:  # the logarithm first: its arithmetic hides the memory traffic
            np.log(block, out=work)
            np.vecdot(block.T, work.T, out=extra[i])
        if extremes:
            block.min(axis=0, out=mins[i])
            block.max(axis=0, out=maxs[i])
        block.sum(axis=0, out=sums[i])
        if spread:
            np.subtract(block, sums[i] / block.shape[0], out=work)
            np.vecdot(work.T, work.T, out=extra[i])

    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        _for_blocks(x, body)
        out = {"sum": sums.sum(axis=0)}
        if extremes:
            out["min"], out["max"] = mins.min(axis=0), maxs.max(axis=0)
        if xlogx:
            out["xlogx"] = extra.sum(axis=0)
        if spread:
            starts = np.arange(0, m, _BLOCK_ROWS)
            sizes = np.diff(np.append(starts, m)).astype(float)[:, None]
            mean = out["sum"] / m
            out["m2"] = (extra + sizes * (sums / sizes - mean) ** 2).sum(axis=0)
    return out


def _scan_normalised_xlogx(x: np.ndarray, anchor: np.ndarray, span: np.ndarray,
                           shift: float) -> tuple[np.ndarray, np.ndarray]:
    r"""Column sums of :math:`z` and :math:`z\ln z` for :math:`z = (x-a)/s + \text{shift}`."""
    m, n = x.shape
    sums, xlogx = np.empty((_n_blocks(m), n)), np.empty((_n_blocks(m), n))

    def body(i: int, block: np.ndarray, z: np.ndarray, logz: np.ndarray) -> None:
        np.subtract(block, anchor, out=z)
        np.divide(z, span, out=z)
        z += shift
        z.sum(axis=0, out=sums[i])
        np.log(z, out=logz)
        np.vecdot(z.T, logz.T, out=xlogx[i])

    with np.errstate(divide="ignore", invalid="ignore"):
        _for_blocks(x, body, buffers=2)
    return sums.sum(axis=0), xlogx.sum(axis=0)


def _projection(x: np.ndarray, mean: np.ndarray, coef: np.ndarray) -> np.ndarray:
    r""":math:`D^\top D c` for the centred matrix :math:`D = x - \bar x`, in one pass."""
    m, n = x.shape
    parts = np.empty((_n_blocks(m), n))

    def body(i: int, block: np.ndarray, centred: np.ndarray) -> None:
        np.subtract(block, mean, out=centred)
        np.vecdot(centred.T, centred @ coef, out=parts[i])

    _for_blocks(x, body)
    return parts.sum(axis=0)


# ------------------------------------------------------------------------------------------------
# Shared preparation and finishing
# ------------------------------------------------------------------------------------------------

def _anchor_span(low: np.ndarray, high: np.ndarray,
                 signs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Min–max parameters: ``z = (x - anchor) / span`` maps worst to 0 and best to 1."""
    anchor = np.where(signs > 0, low, high)
    span = np.where(signs > 0, high - low, low - high)
    return anchor, span


def _matrix(frame: pd.DataFrame) -> np.ndarray:
    """The frame's values as a float64 array (no copy for a one-block float frame)."""
    return frame.to_numpy(dtype=float)


def _row_groups(labels: pd.Index) -> tuple[pd.Index, list[np.ndarray]]:
    """Sorted unique period labels and the row positions of each."""
    codes, uniques = pd.factorize(labels, sort=True)
    order = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[order], np.arange(len(uniques) + 1))
    rows = [order[bounds[g]:bounds[g + 1]] for g in range(len(uniques))]
    return pd.Index(uniques, name=labels.name), rows


def _divergence(sums: np.ndarray, xlogx: np.ndarray, m: int) -> np.ndarray:
    r""":math:`d_j = 1 - e_j = (S_j^{-1}\sum_i x_{ij}\ln x_{ij} - \ln(S_j/m)) / \ln m`."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return (xlogx / sums - np.log(sums / m)) / np.log(m)


def _finish(scores: np.ndarray, constant: np.ndarray, columns: pd.Index, *, method: str,
            where: str, stacklevel: int, undefined: str = "") -> np.ndarray:
    """Warn about constant indicators, raise if nothing is informative, normalise to sum 1."""
    if constant.all():
        raise ValueError(
            f"All indicators are constant {where}; {method} weights are undefined. Pass data "
            f"whose indicators vary, or use equal_weights."
        )
    if constant.any():
        warnings.warn(
            f"Indicators {_listed(columns[constant].tolist())} are constant {where}; they get "
            f"weight 0 in the {method} weights. Drop them to silence this warning.",
            UserWarning, stacklevel=stacklevel + 1,
        )
    total = scores.sum()
    if not total > 0:
        raise ValueError(
            f"The {method} weights are undefined {where}: every indicator that varies carries "
            f"zero information by this method ({undefined}). Use another method or add "
            f"indicators."
        )
    return scores / total


def _weights_output(data: Any, time: Any, *, min_rows: int, method: str, label: str,
                    core, stacklevel: int) -> pd.Series | pd.DataFrame:
    """Run ``core(x, frame, where, stacklevel)`` pooled or per period and label the result."""
    if time is None:
        frame = as_numeric_frame(data, name="data", min_rows=min_rows)
        columns = frame.columns
        weights = core(_matrix(frame), frame, "across all rows", stacklevel + 1)
        index = pd.Index(columns, name=columns.name if columns.name is not None else "indicator")
        return pd.Series(weights, index=index, name=label)
    data, labels = split_by_level(data, time, name="data", option="time")
    frame = as_numeric_frame(data, name="data", min_rows=1)
    x = _matrix(frame)
    with np.errstate(over="ignore"):  # an overflow is reported by check_finite_sums
        sums = x.sum(axis=0)
    check_finite_sums(sums, frame, name="data")
    periods, rows = _row_groups(labels)
    short = [p for p, r in zip(periods, rows) if len(r) < min_rows]
    if short:
        raise ValueError(
            f"Periods {_listed(short)} have fewer than {min_rows} rows; {method} weights need "
            f"at least {min_rows} units per period. Pool the periods (time=None) or drop them."
        )
    table = np.vstack([
        core(x[r], frame.iloc[r], f"within period {p!r}", stacklevel + 1)
        for p, r in zip(periods, rows)
    ])
    columns = pd.Index(frame.columns,
                       name=frame.columns.name if frame.columns.name is not None else "indicator")
    return pd.DataFrame(table, index=periods, columns=columns)


# ------------------------------------------------------------------------------------------------
# Public functions
# ------------------------------------------------------------------------------------------------

def minmax_normalise(data: pd.DataFrame | np.ndarray, *, directions: Any = None) -> pd.DataFrame:
    r"""Min–max normalise each indicator to [0, 1] by its direction.

    Parameters
    ----------
    data : pandas.DataFrame or numpy.ndarray
        Units (regions, region-years) in rows, indicators in columns; finite numbers.
    directions : dict or pandas.Series, optional
        Maps every indicator to ``+1``/``"benefit"`` (larger is better) or ``-1``/``"cost"``
        (smaller is better). By default every indicator is a benefit.

    Returns
    -------
    pandas.DataFrame
        Same labels as `data`; the worst unit of each indicator scores 0 and the best 1.

    Raises
    ------
    ValueError
        If `data` has missing or infinite values, fewer than two rows, an indicator that is
        constant (its range is zero, so the normalisation is 0/0), or `directions` do not match
        the columns.
    TypeError
        If `data` is not a DataFrame or 2-D array of numbers.

    Notes
    -----
    For a benefit indicator :math:`z_{ij} = (x_{ij} - \min_i x_{ij}) / (\max_i x_{ij} -
    \min_i x_{ij})`, for a cost indicator :math:`z_{ij} = (\max_i x_{ij} - x_{ij}) /
    (\max_i x_{ij} - \min_i x_{ij})`. This is the normalisation of the CRITIC method [1]_ and of
    the min–max variant of :func:`entropy_weights`; the weight functions and
    :func:`composite_index` use this same implementation.

    References
    ----------
    .. [1] Diakoulaki, D., Mavrotas, G. & Papayannakis, L. (1995). Determining objective weights
       in multiple criteria problems: the CRITIC method. *Computers & Operations Research*,
       22(7), 763–770.

    Examples
    --------
    >>> d = pd.DataFrame({"rd_share": [1.0, 2.0, 4.0], "energy_use": [3.0, 1.0, 2.0]},
    ...                  index=["A", "B", "C"])
    >>> z = minmax_normalise(d, directions={"rd_share": "benefit", "energy_use": "cost"})
    >>> z["rd_share"].round(3).tolist(), z["energy_use"].tolist()
    ([0.0, 0.333, 1.0], [0.0, 1.0, 0.5])
    """
    frame = as_numeric_frame(data, name="data", min_rows=2)
    signs = check_directions(directions, frame.columns).to_numpy()
    x, low, high = _finite_range(_matrix(frame), frame)
    constant = low == high
    if constant.any():
        raise ValueError(
            f"Indicators {_listed(frame.columns[constant].tolist())} are constant across all "
            f"rows; min–max normalisation divides by their range, which is zero. Drop them."
        )
    anchor, span = _anchor_span(low, high, signs)
    # "+ 0.0" turns the -0.0 of a cost indicator's best unit, (max - max) / -(range), into 0.0
    return pd.DataFrame((x - anchor) / span + 0.0, index=frame.index, columns=frame.columns)


def entropy_weights(data: pd.DataFrame | np.ndarray, *, directions: Any = None,
                    normalisation: str = "sum", shift: float = _DEFAULT_SHIFT,
                    time: Any = None) -> pd.Series | pd.DataFrame:
    r"""Entropy weights of the indicators (熵值法): more dispersion, more weight.

    Parameters
    ----------
    data : pandas.DataFrame or numpy.ndarray
        Units in rows (regions, or region-years of a panel), indicators in columns.
    directions : dict or pandas.Series, optional
        ``+1``/``"benefit"`` or ``-1``/``"cost"`` for every indicator. Used by
        ``normalisation="minmax"``. The ``"sum"`` variant works on raw values, where the
        direction does not enter (see Notes); passing a cost indicator with it raises.
    normalisation : {"sum", "minmax"}
        ``"sum"`` (default): the classic form printed in MCDM papers, :math:`p_{ij} = x_{ij} /
        \sum_i x_{ij}` on raw, non-negative data. ``"minmax"``: the form of Chinese upgrading
        studies, min–max normalisation by direction, then `shift` added, then shares.
    shift : float, default 0.01
        Constant added after min–max normalisation (``normalisation="minmax"`` only) so that
        the worst unit keeps a positive share; ``0`` is allowed (then 0·ln 0 = 0 applies).
    time : str, optional
        Name of an index level (e.g. ``"year"`` of a (region, year) MultiIndex) or of a column
        holding the period. By default all rows are pooled (a panel of R regions and T years
        then has :math:`m = RT` and :math:`k = 1/\ln(RT)`). With `time`, weights are computed
        separately within each period (normalisation, shares and :math:`k = 1/\ln m_t` use that
        period's rows only).

    Returns
    -------
    pandas.Series or pandas.DataFrame
        Pooled: a Series named ``"entropy_weight"``, one weight per indicator, summing to 1.
        With `time`: a DataFrame with one row per period (sorted) and one column per indicator;
        every row sums to 1.

    Raises
    ------
    ValueError
        Missing or infinite values (never dropped), fewer than two rows (per period), negative
        values with ``normalisation="sum"``, cost directions with ``normalisation="sum"``, a
        `shift` other than the default with ``"sum"``, a negative `shift`, all indicators
        constant, or an unknown `time` name.
    TypeError
        If `data` is not a DataFrame or 2-D array of numbers.

    Warns
    -----
    UserWarning
        For indicators that are constant (across all rows, or within a period); they get weight
        0 and the other weights are those of the matrix without them.

    Notes
    -----
    With shares :math:`p_{ij}` of unit :math:`i` in indicator :math:`j` over :math:`m` units,
    the entropy is :math:`e_j = -k \sum_i p_{ij} \ln p_{ij}` with :math:`k = 1/\ln m`, the
    divergence :math:`d_j = 1 - e_j`, and the weight :math:`w_j = d_j / \sum_l d_l` [1]_ [2]_.
    The convention :math:`0 \cdot \ln 0 = 0` is applied (a zero share contributes nothing).

    *Shares.* ``"sum"``: :math:`p_{ij} = x_{ij}/\sum_i x_{ij}` on the raw values, which must be
    non-negative. The weight then measures how unevenly the indicator is distributed over the
    units; that does not depend on whether more is better, so no direction is applied: this is
    how the published examples compute it, cost criteria included (Zavadskas & Podvezko [3]_
    compute the entropy weights of their cost criteria from the raw values). Rather than
    silently ignore cost directions, the function rejects them; a transformation such as
    :math:`1/x` would change the weights. ``"minmax"``: :math:`z_{ij}` is the min–max score by
    direction (:func:`minmax_normalise`), :math:`z'_{ij} = z_{ij} + \text{shift}` and
    :math:`p_{ij} = z'_{ij}/\sum_i z'_{ij}`; the shift (commonly 0.01, sometimes 0.001 or
    0.0001) keeps the worst unit's share positive and shrinks every weight towards equality as
    it grows, so report it.

    *Computation.* :math:`\sum_i p_{ij}\ln p_{ij} = S_j^{-1}\sum_i x_{ij}\ln x_{ij} - \ln S_j`
    with :math:`S_j = \sum_i x_{ij}`, so one pass over the data suffices. A constant indicator
    has :math:`d_j = 0` exactly and gets weight 0 (with a warning); rounding below zero for an
    indicator that is nearly uniform is set to 0.

    References
    ----------
    .. [1] Hwang, C.-L. & Yoon, K. (1981). *Multiple Attribute Decision Making: Methods and
       Applications*. Berlin: Springer (the entropy method of objective weights).
    .. [2] Zeleny, M. (1982). *Multiple Criteria Decision Making*. New York: McGraw-Hill.
    .. [3] Zavadskas, E. K. & Podvezko, V. (2016). Integrated determination of objective
       criteria weights in MCDM. *International Journal of Information Technology & Decision
       Making*, 15(2), 267–283.

    Examples
    --------
    The example of Xu (2004, *European Journal of Operational Research* 156(2), 530–532):

    >>> d = pd.DataFrame({"c1": [30.0, 19, 19, 68], "c2": [30.0, 54, 15, 70],
    ...                   "c3": [38.0, 86, 85, 60], "c4": [29.0, 29, 28.9, 29]})
    >>> entropy_weights(d).round(4).tolist()
    [0.463, 0.3992, 0.1378, 0.0]

    A panel with a (region, year) index, weights per year:

    >>> panel = pd.DataFrame(
    ...     {"patents": [3.0, 5, 9, 4, 6, 11], "exports": [10.0, 30, 20, 12, 35, 19]},
    ...     index=pd.MultiIndex.from_product([[2020, 2021], ["A", "B", "C"]],
    ...                                      names=["year", "region"]))
    >>> entropy_weights(panel, normalisation="minmax", time="year").round(3)
    indicator  patents  exports
    year
    2020         0.537    0.463
    2021         0.506    0.494
    """
    check_choice(normalisation, ["sum", "minmax"], name="normalisation")
    shift = check_real(shift, name="shift", minimum=0.0)
    if normalisation == "sum" and shift != _DEFAULT_SHIFT:
        raise ValueError(
            "`shift` applies only to normalisation='minmax' (it is added after min–max "
            "normalisation); the 'sum' variant uses the raw values. Drop `shift` or pass "
            "normalisation='minmax'."
        )

    def core(x: np.ndarray, frame: pd.DataFrame, where: str, stacklevel: int) -> np.ndarray:
        m, n = x.shape
        signs = check_directions(directions, frame.columns).to_numpy()
        if normalisation == "sum":
            if (signs < 0).any():
                raise ValueError(
                    f"Indicators {_listed(frame.columns[signs < 0].tolist())} are marked as "
                    f"cost, but the 'sum' entropy uses raw values and does not depend on "
                    f"direction (the dispersion of an indicator is the same whether more is "
                    f"better or worse). Pass directions=None, or use normalisation='minmax' "
                    f"to normalise by direction."
                )
            x, stats = _rescaled_if_overflowing(x, frame, _scan(x, extremes=False, xlogx=True),
                                                extremes=False, xlogx=True)
            check_finite_sums(stats["sum"], frame, name="data")
            sums, xlogx = stats["sum"], stats["xlogx"]
            divergence = _divergence(sums, xlogx, m)
            # Only a column whose one-pass divergence is NaN (a zero or a negative value) or
            # about 0 (perhaps constant) is looked at again, exactly; the others need no min/max.
            suspect = ~(divergence > _SUSPECT)
            low, high = np.full(n, np.nan), np.full(n, np.nan)
            for j in np.flatnonzero(suspect):
                low[j], high[j] = x[:, j].min(), x[:, j].max()
            if (low < 0).any():
                check_nonnegative(
                    frame.loc[:, low < 0], name="data",
                    hint="The 'sum' entropy needs non-negative values; use "
                         "normalisation='minmax' for indicators that can be negative.")
            constant = low == high
            redo = suspect & ~constant & ~np.isfinite(divergence)
            for j in np.flatnonzero(redo):  # 0 * ln 0 = 0
                xlogx[j] = special.xlogy(x[:, j], x[:, j]).sum()
            divergence[redo] = _divergence(sums[redo], xlogx[redo], m)
        else:
            x, stats = _rescaled_if_overflowing(x, frame, _scan(x))
            check_finite_sums(stats["sum"], frame, name="data")
            constant = stats["min"] == stats["max"]
            anchor, span = _anchor_span(stats["min"], stats["max"], signs)
            span = np.where(constant, 1.0, span)
            sums, xlogx = _scan_normalised_xlogx(x, anchor, span, shift)
            for j in np.flatnonzero(~np.isfinite(xlogx) & ~constant):  # shift 0: 0 * ln 0 = 0
                z = (x[:, j] - anchor[j]) / span[j] + shift
                xlogx[j] = special.xlogy(z, z).sum()
            divergence = _divergence(sums, xlogx, m)
        divergence[constant] = 0.0
        return _finish(np.maximum(divergence, 0.0), constant, frame.columns, method="entropy",
                       where=where, stacklevel=stacklevel + 1,
                       undefined="the varying indicators are all uniform to rounding precision")

    return _weights_output(data, time, min_rows=2, method="entropy", label="entropy_weight",
                           core=core, stacklevel=2)


def critic_weights(data: pd.DataFrame | np.ndarray, *, directions: Any = None,
                   time: Any = None) -> pd.Series | pd.DataFrame:
    r"""CRITIC weights (Criteria Importance Through Intercriteria Correlation).

    An indicator gets more weight the more it varies and the less it agrees with the others.

    Parameters
    ----------
    data : pandas.DataFrame or numpy.ndarray
        Units in rows, indicators in columns; finite numbers (negative values are fine).
    directions : dict or pandas.Series, optional
        ``+1``/``"benefit"`` or ``-1``/``"cost"`` for every indicator; by default all are
        benefits. A cost indicator is reversed before the correlations are taken, which changes
        the sign of its correlations and so the weights.
    time : str, optional
        Index level or column holding the period: weights per period, as in
        :func:`entropy_weights`. By default all rows are pooled.

    Returns
    -------
    pandas.Series or pandas.DataFrame
        Pooled: a Series named ``"critic_weight"`` summing to 1. With `time`: periods ×
        indicators, every row summing to 1.

    Raises
    ------
    ValueError
        Missing or infinite values, fewer than two rows (per period), all indicators constant,
        fewer than two varying indicators or all of them perfectly correlated (the conflict term
        is then zero everywhere), or `directions` that do not match the columns.
    TypeError
        If `data` is not a DataFrame or 2-D array of numbers.

    Warns
    -----
    UserWarning
        For a constant (zero-variance) indicator; see Notes.

    Notes
    -----
    With :math:`z_{ij}` the min–max score by direction (:func:`minmax_normalise`),
    :math:`\sigma_j` its standard deviation and :math:`r_{jk}` the Pearson correlation of
    :math:`z_j` and :math:`z_k`, :math:`C_j = \sigma_j \sum_k (1 - r_{jk})` and
    :math:`w_j = C_j / \sum_l C_l` [1]_.

    The degrees of freedom used for :math:`\sigma_j` (``ddof`` 0 or 1) do not change the
    weights: the factor :math:`\sqrt{(m-\text{ddof}_1)/(m-\text{ddof}_2)}` multiplies every
    :math:`C_j` alike, and the correlations do not depend on it.

    A constant indicator has :math:`\sigma_j = 0` and undefined correlations. It gets weight 0
    with a warning and is left out of the other indicators' sums over :math:`k`, so the other
    weights are exactly those of the matrix without it (as for :func:`entropy_weights`), rather
    than NaN weights everywhere.

    Computation: correlations are invariant to the min–max transformation up to the direction
    sign, so :math:`\sum_k r_{jk}` is obtained from the raw data as
    :math:`s_j (D^\top D c)_j / \lVert D_j\rVert` with :math:`D` the centred data,
    :math:`s` the direction signs and :math:`c_k = s_k / \lVert D_k \rVert`: a matrix–vector
    product instead of the full correlation matrix.

    References
    ----------
    .. [1] Diakoulaki, D., Mavrotas, G. & Papayannakis, L. (1995). Determining objective weights
       in multiple criteria problems: the CRITIC method. *Computers & Operations Research*,
       22(7), 763–770.

    Examples
    --------
    The decision matrix of Tuş & Aytaç Adalı (2019, *OPSEARCH* 56(2), 528–538):

    >>> d = pd.DataFrame([[5000, 3, 3, 4, 3, 2], [680, 5, 3, 2, 2, 1], [2000, 3, 2, 3, 4, 3],
    ...                   [600, 4, 3, 1, 2, 2], [800, 2, 4, 3, 3, 4]],
    ...                  columns=["c1", "c2", "c3", "c4", "c5", "c6"], dtype=float)
    >>> critic_weights(d).round(3).tolist()
    [0.157, 0.249, 0.168, 0.121, 0.154, 0.151]
    """

    def core(x: np.ndarray, frame: pd.DataFrame, where: str, stacklevel: int) -> np.ndarray:
        signs = check_directions(directions, frame.columns).to_numpy()
        x, stats = _unit_sized(x, _scan(x, spread=True))
        check_finite_sums(stats["sum"], frame, name="data")
        _check_spread(stats["m2"], frame)
        constant = stats["min"] == stats["max"]
        live = ~constant
        norm = np.sqrt(stats["m2"])
        coef = np.zeros(x.shape[1])
        coef[live] = signs[live] / norm[live]
        agreement = np.zeros(x.shape[1])
        if live.any():
            agreement[live] = (signs[live] * _projection(x, stats["sum"] / x.shape[0], coef)[live]
                               / norm[live])
        conflict = np.maximum(live.sum() - agreement, 0.0)
        conflict[conflict <= 1e-12 * live.sum()] = 0.0  # perfectly correlated: rounding only
        scores = np.zeros(x.shape[1])
        scores[live] = norm[live] / (stats["max"] - stats["min"])[live] * conflict[live]
        return _finish(scores, constant, frame.columns, method="CRITIC", where=where,
                       stacklevel=stacklevel + 1,
                       undefined="only one indicator varies, or all the varying indicators are "
                                 "perfectly correlated after direction, so no conflict")

    return _weights_output(data, time, min_rows=2, method="CRITIC", label="critic_weight",
                           core=core, stacklevel=2)


def std_weights(data: pd.DataFrame | np.ndarray, *, directions: Any = None,
                time: Any = None) -> pd.Series | pd.DataFrame:
    r"""Standard-deviation weights: proportional to each indicator's min–max spread.

    Parameters
    ----------
    data : pandas.DataFrame or numpy.ndarray
        Units in rows, indicators in columns; finite numbers.
    directions : dict or pandas.Series, optional
        Checked against the columns for a uniform interface; reversing an indicator does not
        change its standard deviation, so the weights do not depend on it.
    time : str, optional
        Index level or column holding the period: weights per period, as in
        :func:`entropy_weights`. By default all rows are pooled.

    Returns
    -------
    pandas.Series or pandas.DataFrame
        Pooled: a Series named ``"std_weight"`` summing to 1. With `time`: periods ×
        indicators, every row summing to 1.

    Raises
    ------
    ValueError
        Missing or infinite values, fewer than two rows (per period), all indicators constant,
        or `directions` that do not match the columns.
    TypeError
        If `data` is not a DataFrame or 2-D array of numbers.

    Warns
    -----
    UserWarning
        For a constant indicator, which gets weight 0.

    Notes
    -----
    :math:`w_j = \sigma_j / \sum_l \sigma_l` with :math:`\sigma_j` the standard deviation of the
    min–max score :math:`z_j` (:func:`minmax_normalise`) [1]_. Without the normalisation the
    weights would follow the units of measurement. As for CRITIC, ``ddof`` does not change the
    weights.

    References
    ----------
    .. [1] Diakoulaki, D., Mavrotas, G. & Papayannakis, L. (1995). Determining objective weights
       in multiple criteria problems: the CRITIC method. *Computers & Operations Research*,
       22(7), 763–770 (the standard-deviation method is commonly attributed to this paper).

    Examples
    --------
    >>> d = pd.DataFrame({"a": [0.0, 1.0, 2.0], "b": [0.0, 0.0, 10.0]})
    >>> std_weights(d).round(4).tolist()
    [0.4641, 0.5359]
    """

    def core(x: np.ndarray, frame: pd.DataFrame, where: str, stacklevel: int) -> np.ndarray:
        check_directions(directions, frame.columns)
        x, stats = _unit_sized(x, _scan(x, spread=True))
        check_finite_sums(stats["sum"], frame, name="data")
        _check_spread(stats["m2"], frame)
        constant = stats["min"] == stats["max"]
        scores = np.zeros(x.shape[1])
        live = ~constant
        scores[live] = np.sqrt(stats["m2"][live]) / (stats["max"] - stats["min"])[live]
        return _finish(scores, constant, frame.columns, method="standard-deviation",
                       where=where, stacklevel=stacklevel + 1)

    return _weights_output(data, time, min_rows=2, method="standard-deviation",
                           label="std_weight", core=core, stacklevel=2)


def equal_weights(data: pd.DataFrame | np.ndarray, *, directions: Any = None) -> pd.Series:
    r"""Equal weights :math:`w_j = 1/n` for the :math:`n` indicators of `data`.

    Parameters
    ----------
    data : pandas.DataFrame or numpy.ndarray
        Units in rows, indicators in columns; finite numbers (checked like the other methods,
        so that a comparison of methods fails on the same inputs).
    directions : dict or pandas.Series, optional
        Checked against the columns for a uniform interface; it does not change the weights.

    Returns
    -------
    pandas.Series
        One weight per indicator, named ``"equal_weight"``, summing to 1.

    Raises
    ------
    ValueError
        Missing or infinite values, or `directions` that do not match the columns.
    TypeError
        If `data` is not a DataFrame or 2-D array of numbers.

    Notes
    -----
    The benchmark against which objective weights are usually compared; an unweighted mean of
    min–max scores in :func:`composite_index`.

    Examples
    --------
    >>> equal_weights(pd.DataFrame({"a": [1.0, 2.0], "b": [3.0, 4.0], "c": [5.0, 6.0],
    ...                             "d": [7.0, 8.0]})).tolist()
    [0.25, 0.25, 0.25, 0.25]
    """
    frame = as_numeric_frame(data, name="data", min_rows=1)
    check_directions(directions, frame.columns)
    check_finite_sums(_matrix(frame).sum(axis=0), frame, name="data")
    n = frame.shape[1]
    index = pd.Index(frame.columns,
                     name=frame.columns.name if frame.columns.name is not None else "indicator")
    return pd.Series(np.full(n, 1.0 / n), index=index, name="equal_weight")


def composite_index(data: pd.DataFrame | np.ndarray, weights: Any, *, directions: Any = None,
                    normalisation: str = "minmax") -> pd.Series:
    r"""Composite index of each unit: weighted sum of min–max normalised indicators.

    Parameters
    ----------
    data : pandas.DataFrame or numpy.ndarray
        Units in rows, indicators in columns; finite numbers.
    weights : pandas.Series or dict
        One non-negative weight per indicator, labelled exactly like the columns of `data`
        (order may differ), summing to 1 (within 1e-9); e.g. the output of
        :func:`entropy_weights`. For a NumPy `data` the labels are 0, 1, ...
    directions : dict or pandas.Series, optional
        ``+1``/``"benefit"`` or ``-1``/``"cost"`` for every indicator; default all benefits.
    normalisation : {"minmax"}
        How indicators are made comparable before weighting (min–max by direction, as
        :func:`minmax_normalise`).

    Returns
    -------
    pandas.Series
        One value per unit in [0, 1], named ``"composite_index"``.

    Raises
    ------
    ValueError
        Missing or infinite values, fewer than two rows, weights whose labels do not match the
        columns, negative weights, weights that do not sum to 1, or a constant indicator with a
        positive weight (its min–max score is 0/0).
    TypeError
        If `data` or `weights` are of the wrong kind (a DataFrame of per-period weights needs
        one call per period).

    Notes
    -----
    :math:`I_i = \sum_j w_j z_{ij}` with :math:`z_{ij}` the min–max score of unit :math:`i` on
    indicator :math:`j` (0 for the worst unit, 1 for the best). A constant indicator with
    weight 0, as :func:`entropy_weights` gives it, is skipped.

    References
    ----------
    .. [1] OECD & JRC (2008). *Handbook on Constructing Composite Indicators: Methodology and
       User Guide*. Paris: OECD Publishing (normalisation and weighting of indicators).

    Examples
    --------
    >>> d = pd.DataFrame({"rd_share": [1.0, 2.0, 4.0], "energy_use": [3.0, 1.0, 2.0]},
    ...                  index=["A", "B", "C"])
    >>> w = pd.Series({"rd_share": 0.75, "energy_use": 0.25})
    >>> composite_index(d, w, directions={"rd_share": 1, "energy_use": -1}).round(3).tolist()
    [0.0, 0.5, 0.875]
    """
    check_choice(normalisation, ["minmax"], name="normalisation")
    if isinstance(weights, pd.DataFrame):
        raise TypeError(
            "`weights` must be one weight per indicator (a Series or dict); received a "
            "DataFrame. For per-period weights call composite_index on each period's rows "
            "with that period's row of weights."
        )
    frame = as_numeric_frame(data, name="data", min_rows=2)
    weights = as_series(weights, name="weights")
    check_aligned(frame.columns, weights.index, left_name="data columns", right_name="weights")
    check_weights(weights, name="weights")
    w = weights.reindex(frame.columns).to_numpy()
    signs = check_directions(directions, frame.columns).to_numpy()
    x, low, high = _finite_range(_matrix(frame), frame)
    constant = low == high
    weighted_constant = constant & (w > 0)
    if weighted_constant.any():
        raise ValueError(
            f"Indicators {_listed(frame.columns[weighted_constant].tolist())} are constant "
            f"across all rows but have positive weight; their min–max score is 0/0. Drop them "
            f"or give them weight 0."
        )
    use = ~constant
    anchor, span = _anchor_span(low[use], high[use], signs[use])
    scores = ((x[:, use] - anchor) / span + 0.0) @ w[use]
    return pd.Series(np.clip(scores, 0.0, 1.0), index=frame.index, name="composite_index")


def _rescaled_if_overflowing(x: np.ndarray, frame: pd.DataFrame, stats: dict[str, np.ndarray],
                             **scan: bool) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """Values and scan statistics, with columns brought to unit size if a column sum overflowed.

    Entropy weights do not depend on an indicator's unit, so a sum that overflows float64 is
    no error: missing or infinite values still raise (:func:`check_finite`); finite columns
    are multiplied by a power of two (exact) and scanned again with the same options.
    """
    if np.isfinite(stats["sum"]).all():
        return x, stats
    check_finite(frame, name="data")
    scaled = x * power_of_two_scale(np.abs(x).max(axis=0))
    return scaled, _scan(scaled, **scan)


def _finite_range(x: np.ndarray, frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray,
                                                                 np.ndarray]:
    """Values, column minima and maxima for min-max scores, whose range never overflows.

    Missing or infinite values raise (:func:`check_finite`). Min-max scores are scale-free, so
    a column whose sum overflows is no error, and a column whose range overflows (-1e308 to
    1e308) is halved (exact); other data are left untouched.
    """
    with np.errstate(over="ignore"):
        sums = x.sum(axis=0)
    if not np.isfinite(sums).all():
        check_finite(frame, name="data")
    low, high = x.min(axis=0), x.max(axis=0)
    with np.errstate(over="ignore"):
        wide = ~np.isfinite(high - low)
    if wide.any():
        x = x * np.where(wide, 0.5, 1.0)
        low, high = x.min(axis=0), x.max(axis=0)
    return x, low, high


def _unit_sized(x: np.ndarray, stats: dict[str, np.ndarray]) -> tuple[np.ndarray,
                                                                       dict[str, np.ndarray]]:
    """Values and spread statistics with extreme columns brought to unit size (scale-free).

    CRITIC and standard-deviation weights do not depend on an indicator's unit. A column whose
    largest magnitude is above 1e100 or below 1e-100 is multiplied by a power of two (exact),
    so its squares neither overflow nor underflow; other data are left untouched.
    """
    peak = np.maximum(np.abs(stats["min"]), np.abs(stats["max"]))
    with np.errstate(invalid="ignore"):
        extreme = (peak > 1e100) | ((peak < 1e-100) & (peak > 0))
    if not np.isfinite(peak).all() or not extreme.any():
        return x, stats  # missing or infinite values are reported by check_finite_sums
    factor = np.where(extreme, power_of_two_scale(peak), 1.0)
    scaled = x * factor
    return scaled, _scan(scaled, spread=True)


def _check_spread(m2: np.ndarray, frame: pd.DataFrame) -> None:
    """Raise if the sum of squared deviations overflowed (values too large to square)."""
    if not np.isfinite(m2).all():
        cols = frame.columns[~np.isfinite(m2)].tolist()
        raise ValueError(
            f"`data` columns {_listed(cols)} are too large to square in float64 (their "
            f"variance overflows); rescale them (e.g. express them in thousands) before calling."
        )


# ------------------------------------------------------------------------------------------------
# Sensitivity of a composite index to the weighting method
# ------------------------------------------------------------------------------------------------

SENSITIVITY_METHODS = ("entropy_sum", "entropy_minmax", "critic", "std", "equal")


@dataclass(frozen=True)
class WeightSensitivityResult:
    """Composite indices of the same units under several weightings, and their rank agreement.

    Returned by :func:`weight_sensitivity`.

    Attributes
    ----------
    weights : pandas.DataFrame
        Indicators in rows, methods in columns; every column sums to 1.
    indices : pandas.DataFrame
        Units in rows, methods in columns: the composite index under each weighting.
    ranks : pandas.DataFrame
        Units in rows, methods in columns: integer rank, 1 for the highest index (within each
        group if `rank_within` was given); tied units share the best rank.
    spearman : pandas.DataFrame
        Spearman rank correlation of the indices between every pair of methods (methods x
        methods); with `rank_within`, one block per group, rows indexed by (group, method).
    kendall : pandas.DataFrame
        Kendall's tau-b, laid out like `spearman`.
    reference : str
        The method the summary compares the others with (the first of `methods`).
    rank_within : object
        The grouping the ranks were taken within (``None``: all units together).
    """

    weights: pd.DataFrame
    indices: pd.DataFrame
    ranks: pd.DataFrame
    spearman: pd.DataFrame
    kendall: pd.DataFrame
    reference: str
    rank_within: Any = None

    def to_frame(self) -> pd.DataFrame:
        """Index and rank of every unit under every method (columns: quantity, method)."""
        return pd.concat({"index": self.indices, "rank": self.ranks}, axis=1,
                         names=["quantity", "method"])

    def summary(self) -> pd.DataFrame:
        """Agreement of each method's ranking with the reference method's.

        One row per method (per group and method with `rank_within`): Spearman and Kendall
        correlation with the reference, the largest rank change of any unit, the number of
        units whose rank differs and the number of units ranked.
        """
        grouped = self.rank_within is not None
        blocks = (self.ranks.groupby(level=self.rank_within, sort=True) if grouped
                  else [(None, self.ranks)])
        rows = []
        for group, ranks in blocks:
            moves = ranks.sub(ranks[self.reference], axis=0).abs()
            for method in ranks.columns:
                at = method if group is None else (group, method)
                rows.append({
                    **({self.rank_within: group} if grouped else {}), "method": method,
                    "spearman": float(self.spearman.loc[at, self.reference]),
                    "kendall": float(self.kendall.loc[at, self.reference]),
                    "max_rank_change": int(moves[method].max()),
                    "units_moved": int((moves[method] > 0).sum()),
                    "units": len(ranks),
                })
        table = pd.DataFrame(rows)
        if not grouped:
            return table.set_index("method")
        return table.set_index([self.rank_within, "method"])


_TIE_DECIMALS = 12  # indices equal to this many decimals are tied (rounding of the weighted sum)


def _rank_agreement(indices: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Spearman and Kendall (tau-b) correlations between every pair of columns."""
    methods = list(indices.columns)
    rho = pd.DataFrame(np.eye(len(methods)), index=methods, columns=methods)
    tau = rho.copy()
    for i, first in enumerate(methods):
        for second in methods[i + 1:]:
            a, b = indices[first].to_numpy(), indices[second].to_numpy()
            rho.loc[first, second] = rho.loc[second, first] = float(spearmanr(a, b).statistic)
            tau.loc[first, second] = tau.loc[second, first] = float(kendalltau(a, b).statistic)
    for table in (rho, tau):
        table.index.name, table.columns.name = "method", "method"
    return rho, tau


def weight_sensitivity(data: pd.DataFrame | np.ndarray, *,
                       methods: Any = SENSITIVITY_METHODS, directions: Any = None,
                       shift: float = _DEFAULT_SHIFT,
                       rank_within: Any = None) -> WeightSensitivityResult:
    r"""Composite index of the same data under several weightings, side by side.

    Is a ranking of regions a finding, or an artefact of the weights? This builds the composite
    index (:func:`composite_index`) of every unit under each weighting method and reports the
    indices, the rankings and how far the rankings agree (Spearman and Kendall).

    Parameters
    ----------
    data : pandas.DataFrame or numpy.ndarray
        Units in rows (regions, or region-years of a panel), indicators in columns; finite
        numbers, at least three rows, no constant indicator.
    methods : sequence of str, default all of ``SENSITIVITY_METHODS``
        Some of ``"entropy_sum"`` (:func:`entropy_weights`, sum normalisation of the raw
        values), ``"entropy_minmax"`` (the min–max variant with `shift`), ``"critic"``,
        ``"std"`` and ``"equal"``. The first is the reference of
        :meth:`~WeightSensitivityResult.summary`.
    directions : dict or pandas.Series, optional
        ``+1``/``"benefit"`` or ``-1``/``"cost"`` for every indicator; default all benefits.
        Used by every composite index and by the weighting methods that depend on it (see
        Notes).
    shift : float, default 0.01
        The shift of the ``"entropy_minmax"`` weights.
    rank_within : str, optional
        Index level or column of `data` (e.g. ``"year"``) within which units are ranked and
        rank agreement is measured: weights and normalisation still pool all rows (as for a
        pooled panel), but a province is ranked against the other provinces of the same year.

    Returns
    -------
    WeightSensitivityResult
        Weights, indices, ranks, Spearman and Kendall matrices; ``summary()`` compares every
        method with the reference, ``to_frame()`` puts indices and ranks side by side.

    Raises
    ------
    ValueError
        Missing or infinite values, fewer than three units (per group), a constant indicator,
        unknown or repeated `methods`, `directions` that do not match the columns, a negative or
        non-finite `shift`, negative values with ``"entropy_sum"``, an unknown `rank_within`, or
        a composite index that is the same for every unit of a group (no ranking to compare).
    TypeError
        If `data` is not a DataFrame or 2-D array of numbers, or `methods` is not a list.

    Notes
    -----
    Every method's weights :math:`w^{(m)}` enter the same index
    :math:`I^{(m)}_i = \sum_j w^{(m)}_j z_{ij}`, with :math:`z_{ij}` the min–max score by
    direction, so the indices differ by the weights only. ``"entropy_sum"`` weights are
    computed on the raw values, where direction does not enter (see :func:`entropy_weights`);
    the index then applies the directions like every other method. Standard-deviation and equal
    weights do not depend on direction either; CRITIC and min–max entropy do.

    Spearman's :math:`\rho` is the Pearson correlation of the ranks (ties averaged) and
    Kendall's :math:`\tau_b` counts concordant minus discordant pairs, corrected for ties
    [1]_ [2]_; both are 1 when two weightings rank every unit alike. A high correlation can hide
    large moves of single units: ``summary()`` also reports the largest rank change.

    Ties: indices that agree to 12 decimal places are treated as equal before ranking, so that
    rounding in the weighted sums (0.6 computed as 0.6000000000000001) does not order units that
    the arithmetic ties.

    References
    ----------
    .. [1] Spearman, C. (1904). The proof and measurement of association between two things.
       *American Journal of Psychology*, 15(1), 72–101.
    .. [2] Kendall, M. G. (1945). The treatment of ties in ranking problems. *Biometrika*,
       33(3), 239–251.

    Examples
    --------
    Region D has one extreme value; the entropy weights reward that dispersion:

    >>> d = pd.DataFrame({"patents": [1.0, 2.0, 3.0, 12.0], "exports": [4.0, 8.0, 6.0, 3.0]},
    ...                  index=["A", "B", "C", "D"])
    >>> result = weight_sensitivity(d, methods=["equal", "entropy_sum"])
    >>> result.weights["entropy_sum"].round(3).tolist()
    [0.861, 0.139]
    >>> result.ranks
    method  equal  entropy_sum
    A           4            4
    B           1            3
    C           3            2
    D           2            1
    >>> result.summary()[["kendall", "max_rank_change"]].round(3)
                 kendall  max_rank_change
    method
    equal          1.000                0
    entropy_sum    0.333                2
    """
    methods = check_choices(methods, SENSITIVITY_METHODS, name="methods")
    shift = check_real(shift, name="shift", minimum=0.0)  # checked even if entropy_minmax is off
    if rank_within is not None:
        data, group_labels = split_by_level(data, rank_within, name="data", option="rank_within")
    frame = as_numeric_frame(data, name="data", min_rows=3)
    minmax_normalise(frame, directions=directions)  # finite values, directions, no constant
    compute = {
        "entropy_sum": lambda: entropy_weights(frame),
        "entropy_minmax": lambda: entropy_weights(frame, normalisation="minmax",
                                                  directions=directions, shift=shift),
        "critic": lambda: critic_weights(frame, directions=directions),
        "std": lambda: std_weights(frame, directions=directions),
        "equal": lambda: equal_weights(frame, directions=directions),
    }
    weights = pd.DataFrame({method: compute[method]() for method in methods})
    weights.columns.name = "method"
    indices = pd.DataFrame({method: composite_index(frame, weights[method], directions=directions)
                            for method in methods})
    indices.columns.name = "method"
    if rank_within is None:
        blocks = [(None, indices)]
    else:
        periods, rows = _row_groups(pd.Index(group_labels))
        blocks = [(period, indices.iloc[r]) for period, r in zip(periods, rows)]
    rho, tau, ranks = {}, {}, []
    for group, block in blocks:
        block = block.round(_TIE_DECIMALS)
        where = "" if group is None else f" in group {group!r}"
        if len(block) < 3:
            raise ValueError(
                f"Only {len(block)} unit(s){where}; rank agreement needs at least 3 units per "
                f"group. Drop the group or rank all units together (rank_within=None)."
            )
        flat = [m for m in methods if block[m].nunique() < 2]
        if flat:
            raise ValueError(
                f"The composite index under {_listed(flat)} is the same for every unit{where}, "
                f"so there is no ranking to compare; check the data of that group."
            )
        rho[group], tau[group] = _rank_agreement(block)
        ranks.append(block.rank(ascending=False, method="min").astype("int64"))
    ranks = pd.concat(ranks).reindex(indices.index)
    if rank_within is None:
        spearman, kendall = rho[None], tau[None]
    else:
        spearman = pd.concat(rho, names=[rank_within])
        kendall = pd.concat(tau, names=[rank_within])
    return WeightSensitivityResult(weights=weights, indices=indices, ranks=ranks,
                                   spearman=spearman, kendall=kendall, reference=methods[0],
                                   rank_within=rank_within)
