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
    """Return `data` as a finite float Series, or raise (accepts a Series or 1-D array/list)."""
    if isinstance(data, pd.Series):
        series = data
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
            f"`{name}` must be a pandas Series, a 1-D NumPy array or a list; received "
            f"{type(data).__name__}."
        )
    if len(series) < min_length:
        raise ValueError(
            f"`{name}` needs at least {min_length} value(s); received {len(series)}. Pass more data."
        )
    if series.index.has_duplicates:
        dup = series.index[series.index.duplicated()].unique().tolist()
        raise ValueError(f"`{name}` has duplicated labels {_listed(dup)}; labels must be unique.")
    if not pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series):
        raise TypeError(
            f"`{name}` must hold numbers; received dtype {series.dtype}. Convert it with "
            f"pandas.to_numeric."
        )
    series = series.astype(float)
    check_finite(series.to_frame(name=series.name if series.name is not None else name), name=name)
    return series


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

    `axis` is ``"rows"``, ``"columns"`` or ``"both"``.
    """
    if axis in ("rows", "both"):
        zero_rows = frame.index[frame.sum(axis=1).to_numpy() == 0].tolist()
        if zero_rows:
            raise ValueError(
                f"`{name}` has rows {_listed(zero_rows)} that sum to zero; shares are undefined "
                f"for them. Drop these rows before calling."
            )
    if axis in ("columns", "both"):
        zero_cols = frame.columns[frame.sum(axis=0).to_numpy() == 0].tolist()
        if zero_cols:
            raise ValueError(
                f"`{name}` has columns {_listed(zero_cols)} that sum to zero; shares are undefined "
                f"for them. Drop these columns before calling."
            )


def check_aligned(left: pd.Index, right: pd.Index, *, left_name: str, right_name: str) -> None:
    """Raise unless two label sets are equal (order may differ)."""
    missing = [label for label in left if label not in set(right)]
    extra = [label for label in right if label not in set(left)]
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
    bad = [c for c in frame.columns if not pd.api.types.is_numeric_dtype(frame[c])
           or pd.api.types.is_bool_dtype(frame[c])]
    if bad:
        raise TypeError(
            f"`{name}` must hold numbers only; columns {_listed(bad)} are not numeric. "
            f"Convert them with pandas.to_numeric or drop them."
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


def _index_step_problem(index: pd.Index) -> str:
    """Why a time index is not equally spaced (empty if it is, or cannot be judged)."""
    if len(index) < 2:
        return ""
    if isinstance(index, pd.PeriodIndex):
        steps = np.diff(index.asi8)
        unit = f"one period ({index.freqstr})"
        expected = 1
    elif isinstance(index, pd.DatetimeIndex):
        if len(index) < 3 or pd.infer_freq(index) is not None:
            return ""
        return (f"the dates {_listed([str(d.date()) for d in index])} have no regular "
                f"frequency")
    elif pd.api.types.is_integer_dtype(index):
        steps = np.diff(index.to_numpy())
        expected = int(steps[0]) if steps[0] > 0 else 1
        unit = f"steps of {expected}"
    else:
        return ""
    bad = np.flatnonzero(steps != expected)
    if bad.size == 0:
        return ""
    i = int(bad[0])
    return f"{index[i]!s} is followed by {index[i + 1]!s} (expected {unit})"


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
