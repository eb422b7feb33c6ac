"""The book's datasets: ``load(name)`` returns a DataFrame that carries its metadata.

Every dataset is a CSV file in the repository's ``data/`` folder, described in
``data/datapackage.json`` (a Frictionless data package: fields, types, units, source, licence and a
``kind`` of real, derived or synthetic). Notebooks find data only through this module, so a chapter
runs from any working directory.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path
from collections.abc import Sequence
from typing import Any

import pandas as pd

__all__ = ["data_dir", "list_datasets", "metadata", "load", "catalogue", "fields", "facts"]

_ENV_VAR = "CLUSTERLIB_DATA"
_DTYPES = {"string": "str", "integer": "int64", "number": "float64"}


def data_dir() -> Path:
    """Folder that holds the CSV files and ``datapackage.json``.

    The environment variable ``CLUSTERLIB_DATA`` overrides the default, which is the ``data/``
    folder beside the installed (editable) ``clusterlib`` package.

    Examples
    --------
    >>> (data_dir() / "datapackage.json").is_file()
    True
    """
    override = os.environ.get(_ENV_VAR)
    folder = Path(override) if override else Path(__file__).resolve().parents[1] / "data"
    if not (folder / "datapackage.json").is_file():
        raise FileNotFoundError(
            f"No datapackage.json in {folder}. Install clusterlib from a clone of the book with "
            f"`pip install -e .`, or set {_ENV_VAR} to the folder that holds the data."
        )
    return folder


@lru_cache(maxsize=1)
def _package(folder: str) -> dict[str, Any]:
    with open(Path(folder) / "datapackage.json", encoding="utf-8") as handle:
        return json.load(handle)


def list_datasets() -> list[str]:
    """Names of all datasets, in the order of ``datapackage.json``.

    Examples
    --------
    >>> "seed_facts" in list_datasets()
    True
    """
    return [resource["name"] for resource in _package(str(data_dir()))["resources"]]


def metadata(name: str) -> dict[str, Any]:
    """The data-package description of one dataset (title, kind, sources, licence, schema).

    Raises
    ------
    TypeError
        If `name` is not a string.
    ValueError
        If no dataset has that name.

    Examples
    --------
    >>> metadata("synthetic_plants")["kind"]
    'synthetic'
    """
    if not isinstance(name, str):
        raise TypeError(f"Dataset name must be a string; received {type(name).__name__}.")
    for resource in _package(str(data_dir()))["resources"]:
        if resource["name"] == name:
            return json.loads(json.dumps(resource))  # a copy the caller may change freely
    raise ValueError(
        f"Unknown dataset {name!r}; expected one of {list_datasets()}. "
        f"See the data appendix for what each holds."
    )


def load(name: str) -> pd.DataFrame:
    """Load one dataset as a DataFrame typed by its schema, with its metadata in ``.attrs``.

    Parameters
    ----------
    name : str
        Dataset name, one of :func:`list_datasets`.

    Returns
    -------
    pandas.DataFrame
        Columns typed as the schema says (string, int64, float64); ``df.attrs["metadata"]`` holds
        the data-package description, ``df.attrs["kind"]`` is ``"real"``, ``"derived"`` or
        ``"synthetic"`` and ``df.attrs["units"]`` maps each column to its unit, where it has one.

    Raises
    ------
    ValueError
        If no dataset has that name, or the file's header does not match its schema.

    Examples
    --------
    >>> plants = load("synthetic_plants")
    >>> plants.attrs["kind"], plants.shape
    ('synthetic', (6000, 5))
    """
    meta = metadata(name)
    fields = meta["schema"]["fields"]
    dtypes = {field["name"]: _DTYPES[field["type"]] for field in fields}
    path = data_dir() / meta["path"]
    frame = pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values={
        field["name"]: [""] for field in fields if field["type"] != "string"})
    expected = [field["name"] for field in fields]
    if list(frame.columns) != expected:
        raise ValueError(
            f"{path.name} has columns {list(frame.columns)} but its schema lists {expected}; "
            f"fix the file or data/datapackage.json so that they agree."
        )
    frame.attrs["metadata"] = meta
    frame.attrs["kind"] = meta["kind"]
    frame.attrs["units"] = {field["name"]: field["unit"] for field in fields if "unit" in field}
    return frame


def catalogue() -> pd.DataFrame:
    """One row per dataset: title, kind, size, source and licence (the book's data appendix).

    Examples
    --------
    >>> table = catalogue()
    >>> table.loc["synthetic_plants", "kind"]
    'synthetic'
    """
    rows = []
    for name in list_datasets():
        meta = metadata(name)
        frame = load(name)
        rows.append({
            "dataset": name,
            "title": meta["title"],
            "kind": meta["kind"],
            "rows": len(frame),
            "columns": frame.shape[1],
            "source": "; ".join(source["title"] for source in meta["sources"]),
            "licence": "; ".join(licence["name"] for licence in meta["licenses"]),
        })
    return pd.DataFrame(rows).set_index("dataset")


def fields(name: str) -> pd.DataFrame:
    """The schema of one dataset as a table: type, unit and description of every column.

    Raises
    ------
    ValueError
        If no dataset has that name.

    Examples
    --------
    >>> fields("city_sectors").loc["secondary", "unit"]
    '100 million yuan (亿元), current prices'
    """
    meta = metadata(name)
    table = pd.DataFrame([
        {"column": field["name"], "type": field["type"], "unit": field.get("unit", ""),
         "description": field["description"]}
        for field in meta["schema"]["fields"]
    ])
    return table.set_index("column")


_FACT_COLUMNS = ("region", "indicator", "value", "unit", "year")


def _as_printed(value: float, unit: str) -> str:
    """A quoted figure as a reader expects it: whole numbers without decimals, thousands grouped
    (except years), other values in their shortest exact form."""
    if float(value).is_integer():
        is_year = unit == "year" or unit.startswith("year ")  # a date, not a duration ("years")
        return str(int(value)) if is_year else f"{int(value):,}"
    return format(value, ",")


def facts(ids: Sequence[str], *, columns: Sequence[str] = _FACT_COLUMNS) -> pd.DataFrame:
    """Rows of ``seed_facts`` laid out for reading, each value as its document prints it.

    Tables of quoted figures mix years, counts and shares in one column; as floats they would
    print as ``1400.000`` or ``1860.0``. Here the ``value`` column is text: whole numbers have
    no decimals (thousands grouped, except years), others keep their own digits (``21.7``,
    ``0.65``). Compute with :func:`load` (``load("seed_facts")``); show with this.

    Parameters
    ----------
    ids : sequence of str
        Row ids of ``seed_facts`` (``"GQ-004"``), in the order to show them.
    columns : sequence of str, default ("region", "indicator", "value", "unit", "year")
        Columns of ``seed_facts`` to keep.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``id``, the requested columns in order, ``value`` as text.

    Raises
    ------
    TypeError
        If `ids` is a single string instead of a sequence of ids.
    ValueError
        If `ids` is empty or names an unknown row, or `columns` an unknown column.

    Examples
    --------
    >>> facts(["GQ-004", "JM-003"], columns=["value", "unit"])
           value       unit
    id
    GQ-004  1,400  years (年)
    JM-003   21.7          %
    """
    if isinstance(ids, str) or not isinstance(ids, Sequence):
        raise TypeError(
            f"`ids` must be a list of seed_facts ids such as ['GQ-004']; received "
            f"{type(ids).__name__} {ids!r}."
        )
    if len(ids) == 0:
        raise ValueError("`ids` is empty; pass the seed_facts ids to show, e.g. ['GQ-004'].")
    table = load("seed_facts").set_index("id")
    unknown = [fact_id for fact_id in ids if fact_id not in table.index]
    if unknown:
        raise ValueError(
            f"Unknown seed_facts ids {unknown}; expected ids such as 'GQ-004'. See "
            f"cl.data.load('seed_facts') for all of them."
        )
    bad_columns = [column for column in columns if column not in table.columns]
    if bad_columns:
        raise ValueError(
            f"Unknown seed_facts columns {bad_columns}; expected some of {list(table.columns)}."
        )
    rows = table.loc[list(ids)]
    shown = rows.assign(value=[_as_printed(value, unit)
                               for value, unit in zip(rows["value"], rows["unit"])])
    return shown[list(columns)]
