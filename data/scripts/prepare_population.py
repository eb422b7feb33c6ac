"""Population of the exporters of data/world_exports_2017.csv in 2017 (World Bank WDI).

Run once from the repository root with the population file of github.com/datasets/population
(``data/population.csv`` at commit 425fc447a53a26c767a15a7de60c4cc2478a0595, a CSV copy of the
World Bank indicator SP.POP.TOTL):

    .venv/bin/python data/scripts/prepare_population.py population.csv

It writes data/wdi_population_2017.csv: one row per exporter code of world_exports_2017 that the
World Bank table lists for 2017 (regional and income aggregates are not exporter codes, so they
drop out). Exporters the World Bank does not list (uninhabited islands, some territories, and
Taiwan, which the trade file does not report either) are listed on stdout and left out: nothing
is estimated or filled in. Provenance is in data/datapackage.json.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

DATA = Path(__file__).resolve().parents[1]
YEAR = 2017


def main() -> None:
    raw = pd.read_csv(sys.argv[1])
    exporters = set(pd.read_csv(DATA / "world_exports_2017.csv", dtype={"hs4": str})["exporter"])
    year = raw[raw["Year"] == YEAR]
    out = (year[year["Country Code"].isin(exporters)]
           .rename(columns={"Country Code": "country_code", "Country Name": "country_name",
                            "Value": "population"})[["country_code", "country_name", "population"]]
           .astype({"population": "int64"})
           .sort_values("country_code").reset_index(drop=True))
    if out["country_code"].duplicated().any():
        sys.exit("A country code occurs twice in the population file.")
    print("exporters without a World Bank population:", sorted(exporters - set(out["country_code"])))
    out.to_csv(DATA / "wdi_population_2017.csv", index=False)


if __name__ == "__main__":
    main()
