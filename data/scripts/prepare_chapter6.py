"""Copy and reshape the real dataset Chapter 6 adds from the shared data candidates.

Run once from the repository root, with the shared folder beside it:

    .venv/bin/python data/scripts/prepare_chapter6.py ../shared/data-candidates

It writes data/ggdc10s_structure.csv: value added and employment by sector for China and the
Asian economies of the GGDC 10-Sector Database (and the United States), every year in which both
are printed for all ten sectors. Nothing is estimated or filled in: rows are selected and the
table reshaped. Provenance is in data/datapackage.json (and ../shared/data-candidates/SOURCES.md).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

DATA = Path(__file__).resolve().parents[1]
ECONOMIES = ["CHN", "IDN", "IND", "JPN", "MYS", "PHL", "THA", "TWN", "USA"]
SECTORS = ["AGR", "MIN", "MAN", "PU", "CON", "WRT", "TRA", "FIRE", "GOV", "OTH"]


def ggdc_structure(src: Path) -> pd.DataFrame:
    raw = pd.read_csv(src / "ggdc10s_sectoral_va_emp_1950_2013.csv")
    raw = raw[raw["Country"].isin(ECONOMIES)].dropna(subset=SECTORS)
    long = raw.melt(id_vars=["Country", "Year", "Variable"], value_vars=SECTORS,
                    var_name="sector", value_name="value")
    wide = long.pivot_table(index=["Country", "Year", "sector"], columns="Variable",
                            values="value", aggfunc="first").dropna()  # years with both
    complete = wide.groupby(level=["Country", "Year"]).size() == len(SECTORS)
    wide = wide[complete.reindex(wide.index.droplevel("sector")).to_numpy()]
    out = wide.reset_index().rename(columns={"Country": "economy", "Year": "year",
                                             "VA": "value_added", "EMP": "employment"})
    out["year"] = out["year"].astype("int64")
    out["sector"] = pd.Categorical(out["sector"], categories=SECTORS, ordered=True)
    out = out.sort_values(["economy", "year", "sector"])
    return out[["economy", "year", "sector", "value_added", "employment"]].reset_index(drop=True)


def main() -> None:
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else DATA.parent.parent / "shared" / "data-candidates"
    ggdc_structure(src).to_csv(DATA / "ggdc10s_structure.csv", index=False)


if __name__ == "__main__":
    main()
