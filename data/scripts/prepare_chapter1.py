"""Copy and reshape the real datasets Chapter 1 uses from the shared data candidates.

Run once from the repository root, with the shared folder beside it:

    .venv/bin/python data/scripts/prepare_chapter1.py ../shared/data-candidates

It writes data/city_sectors.csv, data/ggdc10s_employment.csv, data/province_hightech.csv,
data/province_gdp.csv and data/world_exports_2017.csv.
Nothing is estimated or filled in: rows are selected, columns renamed and tables reshaped. The one
derived column is the provinces' GDP in data/province_gdp.csv, computed from two published
figures (R&D expenditure over R&D intensity, see province_gdp below).
Provenance of each file is in data/datapackage.json (and ../shared/data-candidates/SOURCES.md).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

DATA = Path(__file__).resolve().parents[1]


def city_sectors(src: Path) -> pd.DataFrame:
    raw = pd.read_csv(src / "nbs_major_cities_gdp_three_sectors_1999_2017.csv")
    sectors = {"va_primary": "primary", "va_secondary": "secondary", "va_tertiary": "tertiary"}
    raw = raw[raw["indicator"].isin(sectors)]
    wide = raw.pivot_table(index=["city_cn", "city_en", "year"], columns="indicator",
                           values="value", aggfunc="first").rename(columns=sectors)
    wide = wide.dropna().reset_index()  # keep only city-years with all three sectors printed
    wide = wide[wide["year"] >= 2007]  # before 2007 the table covers only four or five cities
    wide.columns.name = None
    wide = wide[["city_en", "city_cn", "year", "primary", "secondary", "tertiary"]]
    return wide.sort_values(["year", "city_en"]).reset_index(drop=True)


def ggdc_employment(src: Path) -> pd.DataFrame:
    raw = pd.read_csv(src / "ggdc10s_sectoral_va_emp_1950_2013.csv")
    emp = raw[(raw["Variable"] == "EMP") & raw["Year"].isin([1990, 2000, 2010])]
    sectors = ["AGR", "MIN", "MAN", "PU", "CON", "WRT", "TRA", "FIRE", "GOV", "OTH"]
    emp = emp.dropna(subset=sectors)
    out = emp[["Country", "Region", "Year", *sectors, "SUM"]].rename(
        columns={"Country": "economy", "Region": "region", "Year": "year", "SUM": "total"})
    return out.sort_values(["year", "economy"]).reset_index(drop=True)


def _yearbook_provinces(src: Path, table: str, keep: dict[str, str]) -> pd.DataFrame:
    """One table of the S&T yearbook's long file, provinces only (not the national total), one
    row per province and year, the variables in `keep` as columns under their new names."""
    raw = pd.read_csv(src / "china_province_sci_tech_yearbook_2010_2023_long.csv")
    raw = raw[(raw["table"] == table) & raw["var_code"].isin(keep)]
    raw = raw[raw["province_cn"] != "全国"]
    wide = raw.pivot_table(index=["province_en", "province_cn", "year"], columns="var_code",
                           values="value", aggfunc="first").rename(columns=keep).reset_index()
    wide.columns.name = None
    return wide


def province_hightech(src: Path) -> pd.DataFrame:
    wide = _yearbook_provinces(src, "IndustryOperation",
                               {"v4_cy_scjy_qys": "enterprises", "v4_cy_scjy_zyyw": "revenue"})
    wide["enterprises"] = wide["enterprises"].astype("int64")
    return wide.sort_values(["year", "province_en"]).reset_index(drop=True)


def province_gdp(src: Path) -> pd.DataFrame:
    """Provincial GDP implied by the yearbook's R&D expenditure and R&D intensity (GERD / GDP).

    The yearbook prints GERD (亿元, one decimal) and its ratio to GDP (%, two decimals) for each
    province; GDP = GERD / (intensity / 100). Both figures are rounded, so the relative error is
    at most (1 + 0.05 / GERD) / (1 - 0.005 / intensity) - 1 (2.4% for Tibet in 2023, 7.0% for
    Tibet in 2011, at most 0.6% where the intensity is 1% or more).
    """
    wide = _yearbook_provinces(src, "RDIntense",
                               {"v4_ztr_jf_RD": "gerd", "v4_ztr_qd_RD": "rd_intensity"})
    if wide[["gerd", "rd_intensity"]].isna().any().any() or (wide["rd_intensity"] <= 0).any():
        raise SystemExit("province_gdp: a figure is missing or not positive; nothing is filled in")
    wide["gdp"] = (wide["gerd"] / (wide["rd_intensity"] / 100)).round(1)
    return wide.sort_values(["year", "province_en"]).reset_index(drop=True)


def world_exports(src: Path) -> pd.DataFrame:
    raw = pd.read_csv(src / "world_exports_hs4_2017_country_product.csv", dtype={"hs4": str})
    out = raw.rename(columns={"exporter_iso3": "exporter", "export_value_usd": "exports_usd"})
    return out[["exporter", "hs4", "exports_usd"]].sort_values(["exporter", "hs4"])


def main() -> None:
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else DATA.parent.parent / "shared" / "data-candidates"
    city_sectors(src).to_csv(DATA / "city_sectors.csv", index=False)
    ggdc_employment(src).to_csv(DATA / "ggdc10s_employment.csv", index=False)
    province_hightech(src).to_csv(DATA / "province_hightech.csv", index=False)
    province_gdp(src).to_csv(DATA / "province_gdp.csv", index=False)
    world_exports(src).to_csv(DATA / "world_exports_2017.csv", index=False)


if __name__ == "__main__":
    main()
