"""Build the real and derived datasets of Chapter 3 from the shared data candidates.

Run once from the repository root, with the shared folder beside it:

    .venv/bin/python data/scripts/prepare_chapter3.py ../shared/data-candidates

It writes

* data/province_innovation.csv (derived): six innovation and upgrading indicators of China's
  provinces, 2016-2023, each a ratio of two figures of the China Statistical Yearbook on Science
  and Technology (as compiled in the R package techme). Tibet and Xinjiang are left out: the
  source has no high-tech new-product exports for them in most years. No value is filled in.
* data/wdi_china_trade.csv (real): China's exports and imports of goods and services, industry
  value added (all % of GDP) and the medium and high-tech share of manufactured exports,
  1990-2022, from the World Development Indicators. Columns are selected and renamed only.

Provenance of each file is in data/datapackage.json (and ../shared/data-candidates/SOURCES.md).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

DATA = Path(__file__).resolve().parents[1]
YEARS = range(2016, 2024)  # high-tech new-product figures start in 2016
LEFT_OUT = ["Tibet", "Xinjiang"]

# (table, variable code) of the yearbook compilation for each figure used
FIGURES = {
    "rd_intensity": ("RDIntense", "v4_ztr_qd_RD"),  # GERD / GDP, %
    "gerd": ("RDActivity", "v4_zh_nbzc_hj"),  # 10,000 yuan
    "gerd_basic": ("RDActivity", "v4_zh_nbzc_jcyj"),  # 10,000 yuan
    "inventions_granted": ("RDPatentAuthority", "v4_cg_zlsq2_fm"),  # patents
    "patents_granted": ("RDPatentAuthority", "v4_cg_zlsq2_hj"),  # patents
    "rd_fte": ("RDLaborHour", "v4_zh_qsdl_hj"),  # person-years
    "tech_contracts_sold": ("MarketPush", "v4_cg_jssc_je"),  # 10,000 yuan
    "new_product_exports": ("IndustryRD", "v4_cy_xcp_ck"),  # 10,000 yuan
    "new_product_sales": ("IndustryRD", "v4_cy_xcp_xssr"),  # 10,000 yuan
}


def province_innovation(src: Path) -> pd.DataFrame:
    raw = pd.read_csv(src / "china_province_sci_tech_yearbook_2010_2023_long.csv")
    raw = raw[(raw["province_cn"] != "全国") & raw["year"].isin(YEARS)
              & ~raw["province_en"].isin(LEFT_OUT)]
    names = raw.drop_duplicates("province_en").set_index("province_en")["province_cn"]
    columns = {}
    for name, (table, code) in FIGURES.items():
        rows = raw[(raw["table"] == table) & (raw["var_code"] == code)]
        columns[name] = rows.set_index(["province_en", "year"])["value"]
    figures = pd.DataFrame(columns)
    if figures.isna().any().any() or len(figures) != len(names) * len(YEARS):
        raise SystemExit("province_innovation: a figure is missing; nothing is filled in")
    out = pd.DataFrame({
        "rd_intensity": figures["rd_intensity"],
        "basic_research_share": 100 * figures["gerd_basic"] / figures["gerd"],
        "invention_share": 100 * figures["inventions_granted"] / figures["patents_granted"],
        "inventions_per_1000_fte": 1000 * figures["inventions_granted"] / figures["rd_fte"],
        "tech_market_ratio": 100 * figures["tech_contracts_sold"] / figures["gerd"],
        "new_product_export_share": 100 * figures["new_product_exports"]
        / figures["new_product_sales"],
    }).round(4).reset_index()
    out.insert(1, "province_cn", out["province_en"].map(names))
    return out.sort_values(["year", "province_en"]).reset_index(drop=True)


WDI = {
    "NE.EXP.GNFS.ZS": "exports_pct_gdp",
    "NE.IMP.GNFS.ZS": "imports_pct_gdp",
    "NV.IND.TOTL.ZS": "industry_va_pct_gdp",
    "TX.MNF.TECH.ZS.UN": "medhigh_tech_exports_pct",
}


def wdi_china_trade(src: Path) -> pd.DataFrame:
    wide = pd.read_csv(src / "wdi_china_wide_1960_2025.csv")
    out = wide[["year", *WDI]].rename(columns=WDI)
    out = out[(out["year"] >= 1990) & (out["year"] <= 2022)]
    if out.isna().any().any():
        raise SystemExit("wdi_china_trade: a value is missing in 1990-2022")
    return out.reset_index(drop=True)


def main() -> None:
    default = DATA.parent.parent / "shared" / "data-candidates"
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    province_innovation(src).to_csv(DATA / "province_innovation.csv", index=False)
    wdi_china_trade(src).to_csv(DATA / "wdi_china_trade.csv", index=False)


if __name__ == "__main__":
    main()
