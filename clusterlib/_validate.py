"""Shared input checks: every rule on user input lives here, once.

Each check raises :class:`TypeError` for the wrong kind of object and :class:`ValueError` for bad
values or labels, with a message that says what was wrong, what was expected, what was received
and what to do. Nothing here prints, asserts or silently repairs data.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

__all__: list[str] = []  # private module

_MAX_LISTED = 5


def is_real_dtype(dtype: Any) -> bool:
    """Whether a dtype holds real numbers: numeric, but neither boolean nor complex.

    Booleans are yes/no answers, not quantities; complex numbers have no order, and casting
    them to float would drop the imaginary part. Both are refused wherever numbers are read.
    """
    return (pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype)
            and not pd.api.types.is_complex_dtype(dtype))


def _listed(labels: Sequence[Any]) -> str:
    """Render at most a few labels for an error message."""
    labels = list(labels)
    shown = ", ".join(repr(label) for label in labels[:_MAX_LISTED])
    more = f" and {len(labels) - _MAX_LISTED} more" if len(labels) > _MAX_LISTED else ""
    return f"[{shown}{more}]"


def as_frame(data: Any, *, name: str = "data", min_rows: int = 1, min_cols: int = 1) -> pd.DataFrame:
    """Return `data` as a finite float DataFrame with its labels, or raise.

    Accepts a DataFrame or a 2-D NumPy array (labelled 0..n-1). Checks that every column is numeric,
    that there are at least `min_rows` rows and `min_cols` columns, that the labels are unique
    (all by :func:`as_numeric_frame`) and that every value is finite (:func:`check_finite`).
    """
    frame = as_numeric_frame(data, name=name, min_rows=min_rows, min_cols=min_cols)
    check_finite(frame, name=name)
    return frame


def as_series(data: Any, *, name: str = "data", min_length: int = 1) -> pd.Series:
    """Return `data` as a finite float Series, or raise (a Series, dict, or 1-D array/list).

    Nothing is cast on the way in: booleans and numeric strings are refused, not read as numbers.
    """
    if isinstance(data, pd.Series):
        series = data
    elif isinstance(data, Mapping):
        series = pd.Series(dict(data)) if data else pd.Series([], dtype=float)
    elif isinstance(data, (np.ndarray, list, tuple)):
        array = np.asarray(data)
        if array.ndim != 1:
            raise ValueError(
                f"`{name}` must be one-dimensional; received {array.ndim} dimension(s). "
                f"Pass a pandas Series or a flat list."
            )
        series = pd.Series(array)
    else:
        raise TypeError(
            f"`{name}` must be a pandas Series, a dict, a 1-D NumPy array or a list; received "
            f"{type(data).__name__}."
        )
    if len(series) < min_length:
        raise ValueError(
            f"`{name}` needs at least {min_length} value(s); received {len(series)}. Pass more data."
        )
    if series.index.has_duplicates:
        dup = series.index[series.index.duplicated()].unique().tolist()
        raise ValueError(f"`{name}` has duplicated labels {_listed(dup)}; labels must be unique.")
    if not is_real_dtype(series.dtype):
        raise TypeError(
            f"`{name}` must hold numbers (real, not complex or boolean); received dtype "
            f"{series.dtype}. Convert it with pandas.to_numeric."
        )
    series = series.astype(float)
    check_finite(series.to_frame(name=series.name if series.name is not None else name), name=name)
    return series


def is_labelled(data: Any) -> bool:
    """Whether `data` carries its own labels (a Series or a dict), so it is matched by label."""
    return isinstance(data, (pd.Series, Mapping))


def as_series_on(data: Any, labels: pd.Index, *, name: str, labels_name: str,
                 unit: str = "label") -> pd.Series:
    """Return `data` as a finite float Series over `labels`, in their order, or raise.

    A Series or a dict is matched by label (never by position): labels it lacks or that are not
    in `labels` raise, naming them. An array or list is taken in the order of `labels` and must
    have one value per label.
    """
    series = as_series(data, name=name)
    if is_labelled(data):
        check_aligned(labels, series.index, left_name=labels_name, right_name=name)
        return series.reindex(labels).rename(name)
    if len(series) != len(labels):
        raise ValueError(
            f"`{name}` has {len(series)} value(s) but `{labels_name}` has {len(labels)} "
            f"label(s); pass one value per {unit}, or a pandas Series or dict keyed by those "
            f"labels."
        )
    return pd.Series(series.to_numpy(), index=labels, name=name)


def check_finite(frame: pd.DataFrame, *, name: str = "data") -> None:
    """Raise if any value is NaN or infinite, naming the columns and rows concerned."""
    values = frame.to_numpy(dtype=float)
    for test, word in ((np.isnan, "missing (NaN)"), (np.isinf, "infinite")):
        bad = test(values)
        if bad.any():
            cols = frame.columns[bad.any(axis=0)].tolist()
            rows = frame.index[bad.any(axis=1)].tolist()
            raise ValueError(
                f"`{name}` has {word} values in columns {_listed(cols)} (rows {_listed(rows)}); "
                f"expected finite numbers. Fill or drop them explicitly before calling."
            )


def check_nonnegative(frame: pd.DataFrame, *, name: str = "data", hint: str = "") -> None:
    """Raise if any value is negative, naming the columns and rows concerned."""
    values = frame.to_numpy(dtype=float)
    bad = values < 0
    if bad.any():
        cols = frame.columns[bad.any(axis=0)].tolist()
        rows = frame.index[bad.any(axis=1)].tolist()
        advice = hint or "Pass non-negative quantities (employment, output, exports)."
        raise ValueError(
            f"`{name}` has negative values in columns {_listed(cols)} (rows {_listed(rows)}); "
            f"expected values >= 0. {advice}"
        )


def check_no_zero_lines(frame: pd.DataFrame, *, name: str = "data", axis: str = "both") -> None:
    """Raise if a row (region) or column (industry) sums to zero.

    `axis` is ``"rows"``, ``"columns"`` or ``"both"``. A sum that overflows is not zero; the
    callers that need finite sums check them (:func:`checked_sum`).
    """
    if axis in ("rows", "both"):
        with np.errstate(over="ignore"):
            row_sums = frame.sum(axis=1).to_numpy()
        zero_rows = frame.index[row_sums == 0].tolist()
        if zero_rows:
            raise ValueError(
                f"`{name}` has rows {_listed(zero_rows)} that sum to zero; shares are undefined "
                f"for them. Drop these rows before calling."
            )
    if axis in ("columns", "both"):
        with np.errstate(over="ignore"):
            column_sums = frame.sum(axis=0).to_numpy()
        zero_cols = frame.columns[column_sums == 0].tolist()
        if zero_cols:
            raise ValueError(
                f"`{name}` has columns {_listed(zero_cols)} that sum to zero; shares are undefined "
                f"for them. Drop these columns before calling."
            )


def check_no_repeats(labels: Any, *, name: str) -> None:
    """Raise if a list of labels (a selection, an order, an index) names a label twice."""
    index = labels if isinstance(labels, pd.Index) else pd.Index(list(labels), dtype=object)
    if index.has_duplicates:
        repeated = index[index.duplicated()].unique().tolist()
        raise ValueError(
            f"`{name}` names {_listed(repeated)} more than once; each label must appear once "
            f"(a repeat would count it twice or hide a missing one). Name each once."
        )


def check_aligned(left: pd.Index, right: pd.Index, *, left_name: str, right_name: str) -> None:
    """Raise unless two label sets are equal (order may differ) and neither repeats a label."""
    for labels, label_name in ((left, left_name), (right, right_name)):
        check_no_repeats(labels, name=label_name)
    left_set, right_set = set(left), set(right)  # built once: the check is linear in size
    missing = [label for label in left if label not in right_set]
    extra = [label for label in right if label not in left_set]
    if missing or extra:
        parts = []
        if missing:
            parts.append(f"{_listed(missing)} are in `{left_name}` but not in `{right_name}`")
        if extra:
            parts.append(f"{_listed(extra)} are in `{right_name}` but not in `{left_name}`")
        raise ValueError(
            f"Labels of `{left_name}` and `{right_name}` do not match: {'; '.join(parts)}. "
            f"Pass objects with the same labels."
        )


_BENEFIT = {1, 1.0, "+", "benefit", "positive", "max"}
_COST = {-1, -1.0, "-", "cost", "negative", "min"}


def check_directions(directions: Any, columns: pd.Index) -> pd.Series:
    """Return +1 (benefit, larger is better) or -1 (cost) for each column.

    `directions` is None (every indicator is a benefit), or a mapping / Series from column label to
    ``1``/``"+"``/``"benefit"`` or ``-1``/``"-"``/``"cost"``, covering every column exactly.
    """
    if directions is None:
        return pd.Series(1.0, index=columns, name="direction")
    if isinstance(directions, pd.Series):
        check_no_repeats(directions.index, name="directions")
        mapping = directions.to_dict()
    elif isinstance(directions, Mapping):
        mapping = dict(directions)
    else:
        raise TypeError(
            "`directions` must be None, a dict or a pandas Series mapping each indicator to "
            f"+1/'benefit' or -1/'cost'; received {type(directions).__name__}."
        )
    check_aligned(pd.Index(columns), pd.Index(list(mapping)), left_name="data columns",
                  right_name="directions")
    out = {}
    for label in columns:
        value = mapping[label]
        key = value.lower() if isinstance(value, str) else value
        if key in _BENEFIT:
            out[label] = 1.0
        elif key in _COST:
            out[label] = -1.0
        else:
            raise ValueError(
                f"Direction {value!r} for indicator {label!r} is not understood; use +1 or "
                f"'benefit' (larger is better) or -1 or 'cost' (smaller is better)."
            )
    return pd.Series(out, name="direction", dtype=float)


def check_choice(value: Any, choices: Sequence[str], *, name: str) -> str:
    """Raise unless `value` is one of `choices`."""
    if value not in choices:
        raise ValueError(
            f"`{name}` must be one of {list(choices)}; received {value!r}."
        )
    return value


def check_flag(value: Any, *, name: str) -> bool:
    """Return `value` as a bool if it is ``True`` or ``False`` (NumPy booleans too), or raise.

    Strings (``'False'`` is a true string), numbers and None are refused: a flag is a yes/no
    switch, and reading anything else as one would silently pick a branch.
    """
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    raise TypeError(
        f"`{name}` must be True or False; received {type(value).__name__} {value!r}."
    )


#: Largest count of periods, points, replications or iterations accepted: beyond it a call would
#: run for hours or exhaust memory (2**63 periods were accepted before), and no analysis needs it.
MAX_COUNT = 10**6


def as_generator(rng: Any, *, name: str = "rng") -> np.random.Generator:
    """Return ``numpy.random.default_rng(rng)`` for None, a non-negative int or a Generator.

    Anything else (a string, a float, a bool, a legacy RandomState) raises a TypeError naming
    the argument, instead of NumPy's message about SeedSequence entropy.
    """
    if rng is None or isinstance(rng, np.random.Generator):
        return np.random.default_rng(rng)
    if isinstance(rng, (bool, np.bool_)) or not isinstance(rng, (int, np.integer)):
        raise TypeError(
            f"`{name}` must be None, an integer seed or a numpy.random.Generator; received "
            f"{type(rng).__name__} {rng!r}. Pass e.g. {name}=1 for a reproducible result."
        )
    if rng < 0:
        raise ValueError(f"`{name}` must be a non-negative integer seed; received {rng}.")
    return np.random.default_rng(rng)


def check_hashable(value: Any, *, name: str, what: str = "a label") -> None:
    """Raise a TypeError naming the argument if `value` cannot be a label (a list, a dict)."""
    try:
        hash(value)
    except TypeError:
        raise TypeError(
            f"`{name}` must be {what} (a string or another single label); received "
            f"{type(value).__name__} {value!r}. Pass one name, e.g. {name}='year'."
        ) from None


def check_positive_int(value: Any, *, name: str, maximum: int | None = None) -> int:
    """Raise unless `value` is an integer >= 1 (and <= `maximum` if given)."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"`{name}` must be an integer; received {type(value).__name__}.")
    if value < 1 or (maximum is not None and value > maximum):
        upper = f" and at most {maximum}" if maximum is not None else ""
        raise ValueError(f"`{name}` must be at least 1{upper}; received {value}.")
    return int(value)


def check_has_columns(frame: pd.DataFrame, columns: Sequence[Any], *, name: str = "data") -> None:
    """Raise unless every label in `columns` is a column of `frame`."""
    missing = [label for label in columns if label not in frame.columns]
    if missing:
        raise ValueError(
            f"`{name}` has no columns {_listed(missing)}; its columns are "
            f"{_listed(list(frame.columns))}. Pass the names of existing columns."
        )


def check_in_range(frame: pd.DataFrame, *, name: str = "data", low: float, high: float,
                   high_open: bool = False, hint: str = "") -> None:
    """Raise if any value lies outside [low, high] (or [low, high) if `high_open`).

    Names the columns and rows concerned; `hint` is appended to the message.
    """
    values = frame.to_numpy(dtype=float)
    bad = (values < low) | ((values >= high) if high_open else (values > high))
    if bad.any():
        cols = frame.columns[bad.any(axis=0)].tolist()
        rows = frame.index[bad.any(axis=1)].tolist()
        interval = f"[{low}, {high})" if high_open else f"[{low}, {high}]"
        raise ValueError(
            f"`{name}` has values outside {interval} in columns {_listed(cols)} (rows "
            f"{_listed(rows)}); expected values in {interval}. {hint}".rstrip()
        )


def as_numeric_frame(data: Any, *, name: str = "data", min_rows: int = 1,
                     min_cols: int = 1) -> pd.DataFrame:
    """Type, shape, label and dtype rules of every matrix input, without the value scan.

    :func:`as_frame` adds the finiteness scan. Hot paths on large matrices that compute their
    column sums anyway call this and pass those sums to :func:`check_finite_sums`, which raises
    the :func:`check_finite` error. A NumPy array is wrapped without a copy.
    """
    if isinstance(data, pd.DataFrame):
        frame = data
    elif isinstance(data, np.ndarray):
        if data.ndim != 2:
            raise ValueError(
                f"`{name}` must be two-dimensional (rows x columns); received an array with "
                f"{data.ndim} dimension(s). Reshape it or pass a pandas DataFrame."
            )
        frame = pd.DataFrame(data, copy=False)
    else:
        raise TypeError(
            f"`{name}` must be a pandas DataFrame or a 2-D NumPy array; received "
            f"{type(data).__name__}. Convert it with pandas.DataFrame(...)."
        )
    if frame.shape[0] < min_rows or frame.shape[1] < min_cols:
        raise ValueError(
            f"`{name}` needs at least {min_rows} row(s) and {min_cols} column(s); received "
            f"{frame.shape[0]} row(s) x {frame.shape[1]} column(s). Pass more data."
        )
    for axis, labels in (("row", frame.index), ("column", frame.columns)):
        if labels.has_duplicates:
            dup = labels[labels.duplicated()].unique().tolist()
            raise ValueError(
                f"`{name}` has duplicated {axis} labels {_listed(dup)}; each {axis} needs a "
                f"unique label. Aggregate or rename them first."
            )
    dtypes = frame.dtypes
    refused = {dtype for dtype in set(dtypes)
               if not is_real_dtype(dtype)}  # one check per distinct dtype
    bad = [c for c, dtype in dtypes.items() if dtype in refused] if refused else []
    if bad:
        raise TypeError(
            f"`{name}` must hold numbers only; columns {_listed(bad)} are not numeric (real, "
            f"not complex or boolean). Convert them with pandas.to_numeric or drop them."
        )
    return frame.astype(float)


def check_finite_sums(sums: np.ndarray, frame: pd.DataFrame, *, name: str = "data") -> None:
    """Raise unless the column sums of `frame` are finite (cheap stand-in for a value scan).

    A NaN or infinite value always makes its column sum non-finite, so finite sums prove finite
    values. Otherwise the exact :func:`check_finite` error is raised; if every value is finite
    the sums overflowed, and that is reported instead.
    """
    if np.isfinite(sums).all():
        return
    check_finite(frame, name=name)
    cols = frame.columns[~np.isfinite(sums)].tolist()
    raise ValueError(
        f"`{name}` columns {_listed(cols)} are too large to sum in float64 (the total "
        f"overflows); rescale them (e.g. express them in thousands) before calling."
    )


def check_real(value: Any, *, name: str, minimum: float | None = None) -> float:
    """Return `value` as a finite float (>= `minimum` if given), or raise."""
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"`{name}` must be a real number; received {type(value).__name__}.")
    value = float(value)
    if not np.isfinite(value):
        raise ValueError(f"`{name}` must be a finite number; received {value!r}.")
    if minimum is not None and value < minimum:
        raise ValueError(f"`{name}` must be at least {minimum}; received {value!r}.")
    return value


def check_weights(weights: pd.Series, *, name: str = "weights", tolerance: float = 1e-9) -> None:
    """Raise unless `weights` are non-negative and sum to 1 within `tolerance`."""
    check_nonnegative(weights.to_frame(name="weight"), name=name,
                      hint="Weights must be non-negative.")
    total = float(weights.sum())
    if abs(total - 1.0) > tolerance:
        raise ValueError(
            f"`{name}` must sum to 1 (within {tolerance:g}); they sum to {total!r}. Normalise "
            f"them first, e.g. weights / weights.sum()."
        )


def split_by_level(data: Any, key: Any, *, name: str = "data",
                   option: str = "time") -> tuple[pd.DataFrame, pd.Index]:
    """Return `data` without the grouping column and the group label of every row.

    `key` names an index level (e.g. ``"year"`` of a (region, year) MultiIndex) or a column; the
    column, if that is where it was found, moves from the columns to the last index level.
    """
    if not isinstance(data, pd.DataFrame):
        raise TypeError(
            f"`{option}` needs `{name}` to be a pandas DataFrame with an index level or column "
            f"{key!r}; received {type(data).__name__}."
        )
    check_hashable(key, name=option, what="the name of one index level or column")
    in_index = key in [level for level in data.index.names if level is not None]
    in_columns = key in data.columns
    if in_index and in_columns:
        raise ValueError(
            f"`{option}`={key!r} is both an index level and a column of `{name}`; rename one "
            f"of them."
        )
    if in_index:
        labels, frame = data.index.get_level_values(key), data
    elif in_columns:
        # the period joins the row labels, so a region may appear once per period
        frame = data.set_index(key, append=True)
        labels = frame.index.get_level_values(key)
    else:
        raise ValueError(
            f"`{option}`={key!r} is neither an index level nor a column of `{name}`; its index "
            f"levels are {list(data.index.names)} and its columns {_listed(list(data.columns))}. "
            f"Pass the name of the level or column that holds the period."
        )
    if labels.isna().any():
        rows = data.index[np.asarray(labels.isna())].tolist()
        raise ValueError(
            f"`{name}` has missing `{option}` labels in rows {_listed(rows)}; fill or drop "
            f"them before calling."
        )
    return frame, labels


def check_label_in(label: Any, index: pd.Index, *, name: str, option: str) -> None:
    """Raise unless `label` is one of the labels of `index` (e.g. a base year of a series)."""
    if label not in set(index):
        raise ValueError(
            f"`{option}`={label!r} is not a label of `{name}`; its labels are "
            f"{_listed(list(index))}. Pass one of them."
        )


def check_varying(frame: pd.DataFrame, *, name: str = "data", purpose: str = "") -> None:
    """Raise if any column is constant (zero variation), naming the columns concerned."""
    values = frame.to_numpy(dtype=float)
    constant = (values == values[:1]).all(axis=0)
    if constant.any():
        why = f" {purpose}" if purpose else ""
        raise ValueError(
            f"Series {_listed(frame.columns[constant].tolist())} in `{name}` are constant; "
            f"expected series that vary over time.{why} Drop them before calling."
        )


def check_not_collinear(frame: pd.DataFrame, *, name: str = "data", purpose: str = "") -> None:
    """Raise if a column is an exact affine combination of the others, naming the columns.

    Call after :func:`check_varying` (a constant column is the simplest case of this rule). A
    column counts as collinear when regressing it on a constant and the other columns leaves
    residuals below ``1e-10`` of its own centred norm.
    """
    values = frame.to_numpy(dtype=float)
    if values.shape[1] < 2:
        return
    # scale-free: each column is first brought to unit size by a power of two (exact), so that
    # neither its unit nor its magnitude (1e-200 or 1e200) changes the verdict
    values = values * power_of_two_scale(np.abs(values).max(axis=0))
    centred = values - values.mean(axis=0)
    norms = np.linalg.norm(centred, axis=0)
    centred = centred / np.where(norms > 0, norms, 1.0)
    collinear = []
    for j in range(values.shape[1]):
        others = np.delete(centred, j, axis=1)
        coef = np.linalg.lstsq(others, centred[:, j], rcond=None)[0]
        residual = centred[:, j] - others @ coef
        if np.linalg.norm(residual) <= 1e-10 * np.linalg.norm(centred[:, j]):
            collinear.append(frame.columns[j])
    if collinear:
        why = f" {purpose.strip()}" if purpose else ""
        raise ValueError(
            f"Series {_listed(collinear)} in `{name}` are exact linear combinations of each "
            f"other (one equals a constant plus multiples of the others); expected series "
            f"with their own variation.{why} Drop all but one of them before calling."
        )


def power_of_two_scale(size: Any) -> Any:
    """Powers of two that bring each positive `size` into [0.5, 1) (1 for a zero size).

    Multiplying by a power of two is exact in floating point, so a measure that does not depend
    on the unit can be computed on the rescaled values without overflow (squares of 1e200) or
    underflow (squares of 1e-200), and without changing any digit of ordinary data's result.
    """
    _, exponent = np.frexp(np.asarray(size, dtype=float))
    # a subnormal size (below 2**-1022) is brought up to about 2**-50 only: 2**1075 overflows
    return np.ldexp(1.0, np.clip(-exponent, -1000, 1000))


def row_geometric_mean(values: np.ndarray) -> np.ndarray:
    """``prod(values, axis=1) ** (1 / k)`` of non-negative rows, without underflow or overflow.

    The plain product is used (bit for bit the same as before) unless it underflows to a
    subnormal or zero, or overflows, for a row without zeros; those rows are recomputed in
    logarithms, so levels of 1e-200 give a geometric mean of 1e-200, not 0.
    """
    k = values.shape[1]
    with np.errstate(under="ignore", over="ignore"):
        product = np.prod(values, axis=1)
    mean = product ** (1.0 / k)
    redo = ((product < np.finfo(float).tiny) | ~np.isfinite(product)) & (values > 0).all(axis=1)
    if redo.any():
        mean[redo] = np.exp(np.log(values[redo]).mean(axis=1))
    return mean


#: Largest ratio between the typical sizes of a least-squares design's columns (the constant
#: term counts as 1) for which statsmodels' solvers keep enough digits.
SCALE_RATIO_LIMIT = 1e10


def check_comparable_scales(frame: pd.DataFrame, *, name: str = "data", constant: bool = True,
                            limit: float = SCALE_RATIO_LIMIT) -> None:
    """Raise if the series' typical sizes (root mean squares) differ by more than `limit`.

    A regression on series of very different magnitudes (GDP in yuan, about 1e13, next to a
    share or the constant term) is ill-conditioned: statsmodels' least squares then loses most
    of its digits, or drops a column as "rank-deficient", and returns wrong coefficients. With
    `constant` the constant term (size 1) is one of the columns. The fix is a change of units.
    """
    values = frame.to_numpy(dtype=float)
    peak = np.abs(values).max(axis=0)
    scale = power_of_two_scale(peak)
    rms = np.sqrt(np.mean((values * scale) ** 2, axis=0)) / scale  # no overflow or underflow
    labels = list(frame.columns)
    if constant:
        rms, labels = np.append(rms, 1.0), labels + ["the constant term"]
    live = rms > 0
    if live.sum() < 2:
        return
    sizes, names = rms[live], [label for label, keep in zip(labels, live) if keep]
    big, small = int(np.argmax(sizes)), int(np.argmin(sizes))
    ratio = sizes[big] / sizes[small]
    if ratio > limit:
        raise ValueError(
            f"The columns of `{name}` differ too much in scale for least squares: "
            f"{names[big]!r} has typical size {sizes[big]:.3g} and {names[small]!r} "
            f"{sizes[small]:.3g} (a factor of {ratio:.1e}, above {limit:.0e}); statsmodels' "
            f"solver would lose most of its digits and could return wrong coefficients. Change "
            f"the units first (e.g. GDP in 100 million yuan rather than yuan, or divide each "
            f"series by a round number); tests and fitted values do not depend on the units."
        )


def _index_step_problem(index: pd.Index) -> str:
    """Why a time index is not equally spaced (empty if it is, or cannot be judged)."""
    if len(index) < 2:
        return ""
    if isinstance(index, pd.PeriodIndex):
        steps = np.diff(index.asi8)
        unit = f"one period ({index.freqstr})"
        expected = 1
    elif isinstance(index, pd.DatetimeIndex):
        if len(index) < 3:
            return ""
        # pandas 3 warns (Pandas4Warning) that infer_freq will return an offset, not a string;
        # only "is there a frequency" matters here, so ask for the future behaviour.
        with pd.option_context("future.infer_freq_returns_offset", True):
            if pd.infer_freq(index) is not None:
                return ""
        return (f"the dates {_listed([str(d.date()) for d in index])} have no regular "
                f"frequency")
    elif pd.api.types.is_integer_dtype(index):
        steps = np.diff(index.to_numpy())
        expected = int(steps[0]) if steps[0] > 0 else 1
        unit = f"steps of {expected}"
    elif pd.api.types.is_float_dtype(index):
        # times such as quarters 2024.25: equal steps up to rounding of the labels
        times = index.to_numpy(dtype=float)
        steps = np.diff(times)
        expected = float(steps[0]) if steps[0] > 0 else 1.0
        unit = f"steps of {expected:g}"
        scale = max(float(np.abs(times).max()), abs(expected))
        steps = np.where(np.abs(steps - expected) <= 1e-9 * scale, expected, steps)
    else:
        return ""
    bad = np.flatnonzero(steps != expected)
    if bad.size == 0:
        return ""
    i = int(bad[0])
    return f"{index[i]!s} is followed by {index[i + 1]!s} (expected {unit})"


def _time_index(index: pd.Index, *, name: str) -> pd.Index:
    """A time index whose gaps can be judged: whole-number float years become integers, text
    that reads as numbers (years from a CSV read as strings) is refused with the fix."""
    if isinstance(index, pd.MultiIndex) or len(index) == 0:
        return index
    if pd.api.types.is_float_dtype(index):
        times = index.to_numpy(dtype=float)
        if (np.isfinite(times).all() and (times == np.round(times)).all()
                and np.abs(times).max() < 2.0**53):
            return pd.Index(times.astype(np.int64), name=index.name)
        return index
    if pd.api.types.is_object_dtype(index) or pd.api.types.is_string_dtype(index):
        labels = list(index)
        if all(isinstance(label, str) for label in labels):
            numbers = pd.to_numeric(pd.Series(labels), errors="coerce")
            if numbers.notna().all():
                raise TypeError(
                    f"The time index of `{name}` holds text that reads as numbers "
                    f"({_listed(labels)}); a missing period cannot be detected in text labels. "
                    f"Convert them first, e.g. data.index = data.index.astype(int) for years."
                )
    return index


def as_time_series_frame(data: Any, *, name: str = "data", min_rows: int = 2,
                         min_cols: int = 1) -> pd.DataFrame:
    """Return time series as a finite float DataFrame (periods in rows, series in columns).

    Accepts a DataFrame, a Series (one series) or a mapping of name to Series (aligned by
    :func:`as_aligned_frame`). Series of unequal length or over different periods, missing values
    (gaps in a series), non-numeric series, a time index that is not increasing or not equally
    spaced (a missing year) and duplicated labels all raise an error that names the series or
    periods concerned.
    """
    if isinstance(data, Mapping) and not isinstance(data, pd.DataFrame):
        data = as_aligned_frame(data, name=name, min_columns=1)
    elif isinstance(data, pd.Series):
        data = data.to_frame(name=data.name if data.name is not None else "series")
    elif not isinstance(data, pd.DataFrame):
        raise TypeError(
            f"`{name}` must be a pandas DataFrame (periods in rows, series in columns), a "
            f"Series or a dict of Series; received {type(data).__name__}."
        )
    frame = as_numeric_frame(data, name=name, min_rows=1, min_cols=min_cols)
    frame = frame.set_axis(_time_index(frame.index, name=name), axis=0)
    values = frame.to_numpy(dtype=float)
    missing = ~np.isfinite(values)
    if missing.any():
        cols = frame.columns[missing.any(axis=0)].tolist()
        rows = frame.index[missing.any(axis=1)].tolist()
        raise ValueError(
            f"Series {_listed(cols)} in `{name}` have missing or infinite values (gaps) in "
            f"periods {_listed(rows)}; expected complete series. Cut the sample to the "
            f"periods every series covers, or fill the gaps explicitly before calling."
        )
    if not frame.index.is_monotonic_increasing:
        raise ValueError(
            f"The time index of `{name}` is not increasing; expected periods in time order. "
            f"Sort the data first (data.sort_index())."
        )
    gap = _index_step_problem(frame.index)
    if gap:
        raise ValueError(
            f"The time index of `{name}` is not equally spaced: {gap}. A unit-root test or a "
            f"VAR needs consecutive periods; fill in the missing periods or use an unbroken "
            f"span."
        )
    if len(frame) < min_rows:
        raise ValueError(
            f"`{name}` needs at least {min_rows} observations; received {len(frame)}. Pass a "
            f"longer sample."
        )
    return frame


def check_choices(values: Any, choices: Sequence[str], *, name: str) -> list[str]:
    """Return `values` as a list of distinct members of `choices` (at least one), or raise."""
    if isinstance(values, str) or not isinstance(values, Sequence):
        raise TypeError(
            f"`{name}` must be a list of names from {list(choices)}; received "
            f"{type(values).__name__} {values!r}."
        )
    values = list(values)
    if not values:
        raise ValueError(f"`{name}` is empty; pass at least one of {list(choices)}.")
    unknown = [value for value in values if value not in choices]
    if unknown:
        raise ValueError(
            f"`{name}` has unknown entries {_listed(unknown)}; expected names from "
            f"{list(choices)}."
        )
    if len(set(values)) < len(values):
        dup = sorted({value for value in values if values.count(value) > 1})
        raise ValueError(f"`{name}` lists {_listed(dup)} more than once; name each once.")
    return values



# --------------------------------------------------------------------------------------------
# Rules that Chapter 3 shares with main (identical to main's copies, added there by the Chapter
# 4 and 5 branches): keep one copy of each when merging.
# --------------------------------------------------------------------------------------------

def as_aligned_frame(series: Mapping[Any, pd.Series], *, name: str,
                     min_columns: int = 2) -> pd.DataFrame:
    """Columns from a mapping of Series that must share the same labels (e.g. the same years).

    Raises naming the labels (years) that one Series has and another lacks, so that subsystems
    observed in different years are never silently aligned with NaN.
    """
    if len(series) < min_columns:
        raise ValueError(
            f"`{name}` needs at least {min_columns} series; received {len(series)}. Pass one "
            f"series per subsystem."
        )
    items = list(series.items())
    first_key, first = items[0]
    for key, other in items:
        if not isinstance(other, pd.Series):
            raise TypeError(
                f"`{name}[{key!r}]` must be a pandas Series; received {type(other).__name__}."
            )
        check_aligned(first.index, other.index, left_name=f"{name}[{first_key!r}]",
                      right_name=f"{name}[{key!r}]")
    return pd.DataFrame({key: other.reindex(first.index) for key, other in items})


def as_bounds(bounds: Any, columns: pd.Index, signs: pd.Series) -> tuple[pd.Series, pd.Series]:
    """User-given lower and upper bounds of every indicator, as two float Series.

    `bounds` is a DataFrame indexed by indicator with columns ``lower`` and ``upper``, or a
    mapping from indicator to a ``(lower, upper)`` pair; it must cover every column exactly.
    """
    if isinstance(bounds, pd.DataFrame):
        check_has_columns(bounds, ["lower", "upper"], name="bounds")
        check_no_repeats(bounds.index, name="bounds")
        pairs = {label: (row["lower"], row["upper"]) for label, row in bounds.iterrows()}
    elif isinstance(bounds, Mapping):
        pairs = dict(bounds)
    else:
        raise TypeError(
            "`bounds` must be 'sample', 'extended', a DataFrame with columns 'lower' and 'upper' "
            "indexed by indicator, or a dict {indicator: (lower, upper)}; received "
            f"{type(bounds).__name__}."
        )
    missing = [label for label in columns if label not in pairs]
    if missing:
        kinds = ", ".join(f"{label!r} ({'negative' if signs[label] < 0 else 'positive'} "
                          f"direction)" for label in missing[:_MAX_LISTED])
        raise ValueError(
            f"`bounds` gives no lower and upper bound for indicators {kinds}"
            f"{' and more' if len(missing) > _MAX_LISTED else ''}. Every indicator needs both "
            f"bounds, whatever its direction; add them, or use bounds='sample' or 'extended'."
        )
    extra = [label for label in pairs if label not in set(columns)]
    if extra:
        raise ValueError(
            f"`bounds` names indicators {_listed(extra)} that are not columns of `data`; "
            f"remove them or check the spelling."
        )
    lower, upper = {}, {}
    for label in columns:
        pair = pairs[label]
        if isinstance(pair, (str, bytes)) or not isinstance(pair, Sequence) or len(pair) != 2:
            raise TypeError(
                f"Bounds of indicator {label!r} must be a (lower, upper) pair; received {pair!r}."
            )
        lower[label] = check_real(pair[0], name=f"lower bound of {label!r}")
        upper[label] = check_real(pair[1], name=f"upper bound of {label!r}")
        if lower[label] > upper[label]:
            raise ValueError(
                f"Indicator {label!r} has lower bound {lower[label]!r} above its upper bound "
                f"{upper[label]!r}; pass (lower, upper) with lower <= upper: bounds are values, so the "
                f"smaller number comes first whatever the indicator's direction."
            )
    return (pd.Series(lower, name="lower", dtype=float), pd.Series(upper, name="upper",
                                                                       dtype=float))


def check_within_bounds(frame: pd.DataFrame, lower: pd.Series, upper: pd.Series) -> None:
    """Raise if any value lies outside its indicator's [lower, upper], naming indicator and rows."""
    for label in frame.columns:
        column, low, high = frame[label], float(lower[label]), float(upper[label])
        outside = (column < low) | (column > high)
        if outside.any():
            rows = frame.index[outside.to_numpy()].tolist()
            raise ValueError(
                f"Indicator {label!r} has values outside its bounds [{low!r}, "
                f"{high!r}] in rows {_listed(rows)} (values "
                f"{_listed(column[outside].tolist())}); the bounds must contain the data. Widen "
                f"them, or use bounds='extended'."
            )


_CLOSED = ("left", "right", "both", "neither")


def check_grade_table(grades: Any, *, name: str = "grades") -> pd.DataFrame:
    """Return a validated grade table: rows of ``lower``, ``upper``, ``closed``, ``label``.

    Rows must be ordered by ``lower`` with ``lower < upper``; ``closed`` says which side of each
    interval is closed (``"left"``, ``"right"``, ``"both"`` or ``"neither"``); labels are unique
    strings. Intervals must not overlap, also not in a shared boundary closed on both sides; gaps
    are allowed (a value in a gap is reported when classified).
    """
    if not isinstance(grades, pd.DataFrame):
        raise TypeError(
            f"`{name}` must be a pandas DataFrame with columns lower, upper, closed and label; "
            f"received {type(grades).__name__}."
        )
    check_has_columns(grades, ["lower", "upper", "closed", "label"], name=name)
    if len(grades) == 0:
        raise ValueError(f"`{name}` has no rows; pass at least one grade.")
    table = grades[["lower", "upper", "closed", "label"]].reset_index(drop=True)
    bounds = as_frame(table[["lower", "upper"]], name=f"{name}[['lower', 'upper']]")
    bad = table.index[~table["closed"].isin(_CLOSED)].tolist()
    if bad:
        raise ValueError(
            f"`{name}` rows {_listed(bad)} have `closed` values "
            f"{_listed(table.loc[bad, 'closed'].tolist())}; expected one of {list(_CLOSED)}."
        )
    labels = table["label"]
    if not all(isinstance(label, str) and label for label in labels) or labels.duplicated().any():
        raise ValueError(f"`{name}` needs a unique, non-empty text label in every row.")
    empty = bounds.index[bounds["lower"] >= bounds["upper"]].tolist()
    if empty:
        raise ValueError(
            f"`{name}` rows {_listed(empty)} have lower >= upper; every grade needs lower < upper."
        )
    for i in range(len(table) - 1):
        high, low_next = float(bounds.at[i, "upper"]), float(bounds.at[i + 1, "lower"])
        closes_right = table.at[i, "closed"] in ("right", "both")
        closes_left = table.at[i + 1, "closed"] in ("left", "both")
        if low_next < high or (low_next == high and closes_right and closes_left):
            raise ValueError(
                f"Grades {table.at[i, 'label']!r} and {table.at[i + 1, 'label']!r} of `{name}` "
                f"overlap (or share the boundary {high!r} closed on both sides); order the rows "
                f"by `lower` and close each shared boundary on one side only."
            )
    return table.assign(lower=bounds["lower"], upper=bounds["upper"])


# ------------------------------------------------------------------------------------------------
# Rules added for reference totals, overflow and paired matrices (Chapter 6: agglomeration and
# transfer)
# ------------------------------------------------------------------------------------------------
def check_no_overflow(total: Any, *, name: str = "data", operation: str = "sum") -> None:
    """Raise if an internal total (or array of totals) of finite values overflowed float64.

    The values were checked finite before, so an infinite total means the arithmetic overflowed
    (values near 1e308, or squares and products of values above about 1e154), not bad data.
    Compute squares and products of scalars as Python floats (``float(t) * float(t)``) and sums
    with :func:`checked_sum`, so that NumPy prints no overflow warning before this error.
    """
    if not np.isfinite(total).all():
        raise ValueError(
            f"`{name}` is too large to {operation} in float64: an internal total overflows to "
            f"infinity. Rescale it (e.g. express it in thousands or millions) before calling."
        )


def checked_sum(values: np.ndarray, *, axis: int | None = None, name: str = "data") -> Any:
    """``values.sum(axis=axis)`` (the same arithmetic), raising if any sum overflows float64."""
    with np.errstate(over="ignore"):
        total = values.sum(axis=axis)
    check_no_overflow(total, name=name)
    return total


#: Relative shortfall of a published regional total below the matrix's row sum that is read
#: as rounding of the published figures (accepted with a warning); a larger one raises.
ROUNDING_SHORTFALL = 1e-3


def check_regional_totals(total: Any, regions: pd.Index, row_sum: np.ndarray, *,
                          name: str = "total", tolerance: float = 1e-9,
                          shortfall: float = ROUNDING_SHORTFALL,
                          stacklevel: int = 4) -> np.ndarray:
    """Return one positive total per region, at least the region's row sum, or raise.

    A regional total (GDP, total employment) must include the industries listed in the matrix,
    so it may not be smaller than their sum, up to a relative rounding `tolerance`. Published
    totals rounded separately from their parts may fall short by a little more: a shortfall of
    at most `shortfall` (0.1 %) of the row sum is accepted with a warning naming the regions,
    and the row sum is used as their total; a larger one raises.
    """
    series = as_series(total, name=name)
    check_aligned(regions, series.index, left_name="matrix rows", right_name=name)
    series = series.reindex(regions)
    check_nonnegative(series.to_frame(name=name), name=name,
                      hint="Pass each region's total activity.")
    values = series.to_numpy()
    zero = values == 0
    if zero.any():
        raise ValueError(
            f"`{name}` is zero for regions {_listed(regions[zero].tolist())}; expected positive "
            f"regional totals. Drop these regions."
        )
    short = values < row_sum * (1.0 - tolerance)
    if short.any():
        gap = np.where(short, (row_sum - values) / np.where(row_sum > 0, row_sum, 1.0), 0.0)
        large = gap > shortfall
        if large.any():
            shown = ", ".join(f"{label!r}: {value:g} < {part:g}" for label, value, part in
                              list(zip(regions[large], values[large],
                                       row_sum[large]))[:_MAX_LISTED])
            raise ValueError(
                f"`{name}` is smaller than the matrix's row sum for regions "
                f"{_listed(regions[large].tolist())} ({shown}), by more than the "
                f"{shortfall:.1%} that rounding of published totals explains; a region's total "
                f"activity must include the industries in `matrix`. Pass totals over all "
                f"industries."
            )
        import warnings

        warnings.warn(
            f"`{name}` falls short of the matrix's row sum for regions "
            f"{_listed(regions[short].tolist())} by at most {gap.max():.3%} (within the "
            f"{shortfall:.1%} read as rounding of published totals); their row sums are used as "
            f"their totals.", UserWarning, stacklevel=stacklevel)
        values = np.maximum(values, row_sum)
    return values


def check_same_labels(first: pd.DataFrame, second: pd.DataFrame, *, first_name: str,
                      second_name: str) -> None:
    """Raise unless two matrices have the same row labels and the same column labels.

    The message names the regions (rows) or industries (columns) found in one and not the other.
    """
    check_aligned(first.index, second.index, left_name=f"{first_name} rows (regions)",
                  right_name=f"{second_name} rows (regions)")
    check_aligned(first.columns, second.columns, left_name=f"{first_name} columns (industries)",
                  right_name=f"{second_name} columns (industries)")


def _cells(frame: pd.DataFrame, mask: np.ndarray) -> str:
    """The (row, column) labels of the True cells of `mask`, for an error message."""
    rows, cols = np.nonzero(mask)
    return _listed([(frame.index[r], frame.columns[c]) for r, c in zip(rows, cols)])


def check_output_employment(output: pd.DataFrame, employment: pd.DataFrame, *,
                            output_name: str = "output", employment_name: str = "employment",
                            empty_cells_allowed: bool = True) -> None:
    """Raise if a cell has output but no employment (labour productivity would be infinite).

    With ``empty_cells_allowed=False`` a cell with neither output nor employment raises too
    (its productivity is 0/0). Both matrices must already be aligned, finite and non-negative.
    """
    out, emp = output.to_numpy(), employment.to_numpy()
    bad = (out > 0) & (emp == 0)
    if bad.any():
        raise ValueError(
            f"`{employment_name}` is zero where `{output_name}` is positive, in cells (region, "
            f"industry) {_cells(output, bad)}; labour productivity is infinite there. Check the "
            f"data or aggregate the industry."
        )
    empty = (out == 0) & (emp == 0)
    if not empty_cells_allowed and empty.any():
        raise ValueError(
            f"Cells (region, industry) {_cells(output, empty)} have neither `{output_name}` nor "
            f"`{employment_name}`, so their relative labour productivity is undefined (0/0). "
            f"Drop or aggregate those industries before calling."
        )


def check_positive(frame: pd.DataFrame, *, name: str = "data", hint: str = "") -> None:
    """Raise if any value is zero or negative, naming the cells concerned."""
    bad = frame.to_numpy() <= 0
    if bad.any():
        raise ValueError(
            f"`{name}` has zero or negative values in cells (row, column) {_cells(frame, bad)}; "
            f"expected values > 0. {hint}".rstrip()
        )


def check_fraction(value: Any, *, name: str) -> float:
    """Return `value` as a float in [0, 1], or raise."""
    number = check_real(value, name=name, minimum=0.0)
    if number > 1.0:
        raise ValueError(f"`{name}` must be a fraction between 0 and 1; received {number!r}.")
    return number


# --------------------------------------------------------------------------------------------
# rules added for clusterlib.coopetition (Chapter 4)
# --------------------------------------------------------------------------------------------
def check_square(frame: pd.DataFrame, *, name: str = "matrix") -> pd.DataFrame:
    """Return a square matrix whose rows and columns carry the same labels, columns in row order.

    Raises if the matrix is not square or its row and column labels differ (order may differ).
    """
    if frame.shape[0] != frame.shape[1]:
        raise ValueError(
            f"`{name}` must be square (one row and one column per unit); received "
            f"{frame.shape[0]} row(s) x {frame.shape[1]} column(s)."
        )
    check_aligned(frame.index, frame.columns, left_name=f"{name} rows",
                  right_name=f"{name} columns")
    return frame.loc[:, list(frame.index)]


def check_real_between(value: Any, *, name: str, low: float, high: float, low_open: bool = True,
                       high_open: bool = True, hint: str = "") -> float:
    """Return `value` as a float inside the interval from `low` to `high`, or raise.

    The ends are excluded when `low_open` / `high_open` (the default: an open interval).
    """
    number = check_real(value, name=name)
    too_low = number <= low if low_open else number < low
    too_high = number >= high if high_open else number > high
    if too_low or too_high:
        interval = f"{'(' if low_open else '['}{low:g}, {high:g}{')' if high_open else ']'}"
        raise ValueError(f"`{name}` must lie in {interval}; received {number!r}. {hint}".rstrip())
    return number


def check_integer(value: Any, *, name: str, minimum: int, maximum: int | None = None,
                  hint: str = "") -> int:
    """Return `value` as an int between `minimum` and `maximum` (inclusive), or raise."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"`{name}` must be an integer; received {type(value).__name__}.")
    if value < minimum or (maximum is not None and value > maximum):
        upper = f" and at most {maximum}" if maximum is not None else ""
        raise ValueError(
            f"`{name}` must be at least {minimum}{upper}; received {value}. {hint}".rstrip()
        )
    return int(value)


def check_increasing_index(frame: pd.DataFrame, *, name: str = "data") -> np.ndarray:
    """Return the row labels as floats if they are numbers in strictly increasing order, or raise.

    Used for time series whose index holds the observation times (years, quarters as 2024.25).
    """
    index = frame.index
    if not pd.api.types.is_numeric_dtype(index) or pd.api.types.is_bool_dtype(index):
        raise TypeError(
            f"`{name}` must be indexed by observation times (numbers such as years); its index "
            f"has dtype {index.dtype}. Set the time column as the index, e.g. "
            f"data.set_index('year')."
        )
    times = np.asarray(index, dtype=float)
    if not np.isfinite(times).all() or (np.diff(times) <= 0).any():
        raise ValueError(
            f"`{name}` must have finite, strictly increasing times in its index; sort it with "
            f"data.sort_index() and drop repeated times."
        )
    return times


# ------------------------------------------------------------------------------------------------
# Value chains and economic complexity (Chapter 2)
# ------------------------------------------------------------------------------------------------
_LEVELS = {"high": True, "low": False}


def as_high_low(value: Any, *, name: str) -> bool:
    """Return True for ``True``/``"high"`` and False for ``False``/``"low"`` (any case), or raise.

    Integers (even 0 and 1) are refused: a level is a yes/no judgement, not a number.
    """
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, str):
        key = value.strip().lower()
        if key in _LEVELS:
            return _LEVELS[key]
        raise ValueError(
            f"`{name}` must be 'high' or 'low' (or True/False); received {value!r}. Judge the "
            f"level first and pass one of these two words."
        )
    raise TypeError(
        f"`{name}` must be True/False or the string 'high'/'low'; received "
        f"{type(value).__name__} {value!r}."
    )


def check_parts_within_whole(parts: pd.Series, whole: float, *, tolerance: float = 1e-9) -> float:
    """Raise unless the parts add up to at most `whole` (relative `tolerance`); return the rest."""
    total = float(parts.sum())
    rest = whole - total
    if rest < -tolerance * whole:
        raise ValueError(
            f"The parts add up to {total:g}, more than the whole ({whole:g}); a price cannot be "
            f"split into more than itself. Check the parts {_listed(list(parts.index))} and "
            f"the price."
        )
    return max(rest, 0.0)


def as_presence_matrix(data: Any, *, name: str = "presence", min_rows: int = 1,
                       min_cols: int = 1) -> pd.DataFrame:
    """Return a binary location × product presence matrix as a 0.0/1.0 float frame, or raise.

    Accepts a DataFrame or 2-D array of 0/1 numbers or booleans. Every value must be 0 or 1 and
    every location (row) and product (column) must have at least one 1; the error names the
    offending labels.
    """
    if isinstance(data, pd.DataFrame):
        bool_cols = [c for c, dtype in data.dtypes.items() if pd.api.types.is_bool_dtype(dtype)]
        if bool_cols:
            data = data.astype({c: int for c in bool_cols})
    elif isinstance(data, np.ndarray) and data.dtype == bool:
        data = data.astype(float)
    frame = as_frame(data, name=name, min_rows=min_rows, min_cols=min_cols)
    values = frame.to_numpy()
    bad = (values != 0.0) & (values != 1.0)
    if bad.any():
        cols = frame.columns[bad.any(axis=0)].tolist()
        rows = frame.index[bad.any(axis=1)].tolist()
        example = float(values[bad][0])
        raise ValueError(
            f"`{name}` must be a binary presence matrix (1 = present, 0 = absent); columns "
            f"{_listed(cols)} (rows {_listed(rows)}) hold other values, e.g. {example!r}. Build "
            f"it from export values with cl.location_quotient(exports, binary=True)."
        )
    empty_rows = frame.index[values.sum(axis=1) == 0].tolist()
    if empty_rows:
        raise ValueError(
            f"`{name}` has locations {_listed(empty_rows)} with no product present (diversity "
            f"0); complexity measures are undefined for them. Drop these rows before calling."
        )
    empty_cols = frame.columns[values.sum(axis=0) == 0].tolist()
    if empty_cols:
        raise ValueError(
            f"`{name}` has products {_listed(empty_cols)} that no location has (ubiquity 0); "
            f"complexity measures are undefined for them. Drop these columns before calling."
        )
    return frame


def check_square_on(frame: pd.DataFrame, labels: pd.Index, *, name: str,
                    labels_name: str) -> pd.DataFrame:
    """Raise unless `frame` is square with rows and columns both equal to `labels` (any order);
    return it in the order of `labels`."""
    check_aligned(labels, frame.index, left_name=labels_name, right_name=f"{name} rows")
    check_aligned(labels, frame.columns, left_name=labels_name, right_name=f"{name} columns")
    return frame.loc[labels, labels]


def check_symmetric(frame: pd.DataFrame, *, name: str, tolerance: float = 1e-12) -> None:
    """Raise unless a square frame is symmetric within `tolerance`, naming a pair that is not."""
    values = frame.to_numpy()
    gap = np.abs(values - values.T)
    if gap.max() > tolerance:
        i, j = np.unravel_index(int(gap.argmax()), gap.shape)
        raise ValueError(
            f"`{name}` must be symmetric; the entries for ({frame.index[i]!r}, "
            f"{frame.columns[j]!r}) and the reverse pair differ by {gap[i, j]:.3g}. Pass the "
            f"symmetric proximity returned by cl.proximity."
        )

