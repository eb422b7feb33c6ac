"""Derive and copy the datasets Chapter 2 uses from the shared data candidates.

Run once from the repository root, with the shared folder beside it and a copy of the HS
nomenclature file of github.com/datasets/harmonized-system (``data/harmonized-system.csv`` at
commit 905e5a0fa29f5700d62cb3cc1265f21bc8a92329):

    .venv/bin/python data/scripts/prepare_chapter2.py ../shared/data-candidates harmonized-system.csv

It writes

* data/wiod_dva_exports.csv: gross exports and domestic value added (DVA) in exports by exporter
  and year, from the bilateral WIOD file computed with ``icio, exporter(x) destination(all)``.
  icio's ``destination()`` is the economy whose final demand absorbs the value, not the
  importing partner; the main columns sum over every other economy of final use (checked
  against the candidates' own aggregate file), and the exporter = importer rows, the part of
  the exports that ends up in the exporter's own final demand (e.g. returned as imports of
  goods made from its parts), are kept apart in the ``own_final_*`` columns.
* data/wdi_gdp_per_capita_2017.csv: GDP per capita at PPP (current international $) in 2017 for
  the economies of the WDI candidate file (aggregates such as WLD are left out).
* data/hs4_product_names.csv: the English description of every HS 4-digit heading that occurs in
  data/world_exports_2017.csv. The five headings deleted from the HS after 2007 are not in the
  HS 2022 file; their HS 2007 titles are entered below by hand and marked as such.

Nothing is estimated or filled in. Provenance is in data/datapackage.json.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

DATA = Path(__file__).resolve().parents[1]

# HS 2007 headings of world_exports_2017 that later HS editions deleted (titles shortened).
HS2007_ONLY = {
    "2848": "Phosphides, whether or not chemically defined, excluding ferrophosphorus",
    "6908": "Glazed ceramic flags and paving, hearth or wall tiles; glazed ceramic mosaic cubes",
    "8107": "Cadmium and articles thereof, including waste and scrap",
    "8469": "Typewriters other than printers of heading 8471; word-processing machines",
    "8803": "Parts of goods of heading 8801 or 8802 (balloons, aircraft, spacecraft)",
}
WDI_AGGREGATES = {"WLD", "EAS", "LMY", "UMC", "HIC"}


def wiod_dva_exports(src: Path) -> pd.DataFrame:
    raw = pd.read_csv(src / "wiod_bilateral_dva_gross_exports_2002_2014.csv")
    abroad = raw[raw["exporter"] != raw["importer"]]
    out = (abroad.groupby(["exporter", "year"], as_index=False)[["gross_exports_musd",
                                                                 "dva_musd"]].sum())
    check = pd.read_csv(src / "wiod_dva_share_by_exporter_2002_2014.csv")
    merged = out.merge(check, on=["exporter", "year"], suffixes=("", "_candidate"))
    if len(merged) != len(out) or not np.allclose(merged["dva_musd"],
                                                   merged["dva_musd_candidate"], rtol=1e-9):
        sys.exit("The bilateral sums do not reproduce the candidates' aggregate file.")
    own = (raw[raw["exporter"] == raw["importer"]]
           .rename(columns={"gross_exports_musd": "own_final_gross_musd",
                            "dva_musd": "own_final_dva_musd"})
           [["exporter", "year", "own_final_gross_musd", "own_final_dva_musd"]])
    out = out.merge(own, on=["exporter", "year"], how="left", validate="one_to_one")
    if out[["own_final_gross_musd", "own_final_dva_musd"]].isna().any().any():
        sys.exit("An exporter-year has no exporter = importer row.")
    values = ["gross_exports_musd", "dva_musd", "own_final_gross_musd", "own_final_dva_musd"]
    out[values] = out[values].round(4)
    return out.sort_values(["exporter", "year"]).reset_index(drop=True)


def wdi_gdp_per_capita(src: Path) -> pd.DataFrame:
    raw = pd.read_csv(src / "wdi_selected_indicators_china_peers_long.csv")
    rows = raw[(raw["indicator_code"] == "NY.GDP.PCAP.PP.CD") & (raw["year"] == 2017)
               & ~raw["country_code"].isin(WDI_AGGREGATES)]
    out = rows.rename(columns={"value": "gdp_per_capita_ppp"})
    return out[["country_code", "country_name", "gdp_per_capita_ppp"]].sort_values(
        "country_code").reset_index(drop=True)


def hs4_names(hs_file: Path) -> pd.DataFrame:
    hs = pd.read_csv(hs_file, dtype=str)
    headings = hs[hs["level"] == "4"].set_index("hscode")["description"]
    codes = sorted(pd.read_csv(DATA / "world_exports_2017.csv", dtype={"hs4": str})["hs4"].unique())
    rows = []
    for code in codes:
        if code in headings.index:
            rows.append((code, headings[code], "HS 2022"))
        else:
            rows.append((code, HS2007_ONLY[code], "HS 2007 (heading deleted later; entered by hand)"))
    return pd.DataFrame(rows, columns=["hs4", "description", "source"])


def main() -> None:
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else DATA.parent.parent / "shared" / "data-candidates"
    hs_file = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("harmonized-system.csv")
    wiod_dva_exports(src).to_csv(DATA / "wiod_dva_exports.csv", index=False)
    wdi_gdp_per_capita(src).to_csv(DATA / "wdi_gdp_per_capita_2017.csv", index=False)
    hs4_names(hs_file).to_csv(DATA / "hs4_product_names.csv", index=False)


if __name__ == "__main__":
    main()
