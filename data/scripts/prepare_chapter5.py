"""Build the real (derived) Guangzhou synergy panel of Chapter 5 from the shared data candidates.

Run once from the repository root, with the shared folder beside it:

    .venv/bin/python data/scripts/prepare_chapter5.py ../shared/data-candidates

It writes data/guangzhou_synergy_real.csv: one row per year 2010-2016, one column per real series
that stands in for an indicator of the document's system (data/synergy_indicators.csv says which).
The years are those in which every series is published: the container-port and provincial R&D
series start in 2010, and the provincial high-tech tables have no 2017 edition in the source.
Two columns are computed: merchandise trade = exports + imports, and broadband subscriptions =
subscriptions per 100 people x population / 100. Nothing is estimated or filled in.
Provenance: data/datapackage.json and ../shared/data-candidates/SOURCES.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

DATA = Path(__file__).resolve().parents[1]
YEARS = range(2010, 2017)
PROVINCE = {  # (table, variable code) in the science-and-technology yearbook compilation
    "hightech_enterprises_guangdong": ("IndustryOperation", "v4_cy_scjy_qys"),
    "hightech_profit_guangdong": ("IndustryOperation", "v4_cy_scjy_lrze"),
    "patents_granted_guangdong": ("RDPatentAuthority", "v4_cg_zlsq2_hj"),
    "rd_personnel_fte_guangdong": ("RDLaborHour", "v4_zh_qsdl_hj"),
    "gerd_guangdong": ("RDSource", "v4_zh_nbzc_hj"),
}


def national(src: Path) -> pd.DataFrame:
    wdi = pd.read_csv(src / "wdi_china_wide_1960_2025.csv").set_index("year").loc[list(YEARS)]
    return pd.DataFrame({
        "merchandise_trade_chn": (wdi["TX.VAL.MRCH.CD.WT"] + wdi["TM.VAL.MRCH.CD.WT"]) / 1e9,
        "container_teu_chn": wdi["IS.SHP.GOOD.TU"] / 1e4,
        "broadband_subscriptions_chn": wdi["IT.NET.BBND.P2"] * wdi["SP.POP.TOTL"] / 100 / 1e4,
    })


def city(src: Path) -> pd.Series:
    raw = pd.read_csv(src / "nbs_major_cities_gdp_three_sectors_1999_2017.csv")
    rows = raw[(raw["city_en"] == "Guangzhou") & (raw["indicator"] == "va_secondary")]
    return rows.set_index("year")["value"].loc[list(YEARS)].rename("secondary_va_guangzhou")


def province(src: Path) -> pd.DataFrame:
    raw = pd.read_csv(src / "china_province_sci_tech_yearbook_2010_2023_long.csv")
    raw = raw[raw["province_en"] == "Guangdong"]
    columns = {}
    for name, (table, code) in PROVINCE.items():
        rows = raw[(raw["table"] == table) & (raw["var_code"] == code)]
        columns[name] = rows.set_index("year")["value"].loc[list(YEARS)]
    return pd.DataFrame(columns)


def main() -> None:
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else DATA.parent.parent / "shared" / "data-candidates"
    panel = national(src).join(city(src)).join(province(src))
    if panel.isna().any().any():
        raise SystemExit(f"missing values in the panel:\n{panel[panel.isna().any(axis=1)]}")
    panel.index.name = "year"
    counts = ["hightech_enterprises_guangdong", "patents_granted_guangdong",
              "rd_personnel_fte_guangdong", "gerd_guangdong"]
    panel[counts] = panel[counts].astype("int64")
    panel = panel.round({"merchandise_trade_chn": 3, "container_teu_chn": 4,
                         "broadband_subscriptions_chn": 2})
    panel.reset_index().to_csv(DATA / "guangzhou_synergy_real.csv", index=False)


if __name__ == "__main__":
    main()
