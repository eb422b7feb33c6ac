"""Copy the real datasets Chapter 4 uses from the shared data candidates.

Run once from the repository root, with the shared folder beside it:

    .venv/bin/python data/scripts/prepare_chapter4.py ../shared/data-candidates

It writes two files, one row per economy and year, from the World Bank WDI extract
(wdi_selected_indicators_china_peers_long.csv):

- data/port_container_traffic.csv: container port traffic (indicator IS.SHP.GOOD.TU) of mainland
  China, Hong Kong, Singapore and the world;
- data/logistics_performance.csv: the Logistics Performance Index, overall score (indicator
  LP.LPI.OVRL.XQ, 1 = low to 5 = high) of mainland China, Germany, Singapore, Hong Kong, Malaysia,
  India and Vietnam, in the survey years the file holds (2007, 2010, 2012, 2014, 2016, 2018, 2022).

Nothing is estimated, rounded or filled in: rows are selected and columns renamed.
Provenance is in data/datapackage.json (and ../shared/data-candidates/SOURCES.md, file 1).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

DATA = Path(__file__).resolve().parents[1]
WDI_FILE = "wdi_selected_indicators_china_peers_long.csv"
PORT_ECONOMIES = {"CHN": ("China (mainland)", "中国内地"), "HKG": ("Hong Kong SAR, China", "中国香港"),
                  "SGP": ("Singapore", "新加坡"), "WLD": ("World", "世界")}
# China; Germany and Singapore, the highest scores in the extract; Hong Kong, the port peer of
# port_container_traffic; Malaysia, India and Vietnam, emerging Asian economies.
LPI_ECONOMIES = {"CHN": ("China (mainland)", "中国内地"), "DEU": ("Germany", "德国"),
                 "SGP": ("Singapore", "新加坡"), "HKG": ("Hong Kong SAR, China", "中国香港"),
                 "MYS": ("Malaysia", "马来西亚"), "IND": ("India", "印度"),
                 "VNM": ("Vietnam", "越南")}


def _wdi_series(src: Path, indicator: str, economies: dict[str, tuple[str, str]],
                value_name: str) -> pd.DataFrame:
    raw = pd.read_csv(src / WDI_FILE)
    raw = raw[(raw["indicator_code"] == indicator) & raw["country_code"].isin(economies)]
    raw = raw.dropna(subset=["value"])
    out = pd.DataFrame({
        "economy": raw["country_code"],
        "economy_en": raw["country_code"].map(lambda code: economies[code][0]),
        "economy_cn": raw["country_code"].map(lambda code: economies[code][1]),
        "year": raw["year"].astype("int64"),
        value_name: raw["value"],
    })
    return out.sort_values(["economy", "year"]).reset_index(drop=True)


def port_container_traffic(src: Path) -> pd.DataFrame:
    return _wdi_series(src, "IS.SHP.GOOD.TU", PORT_ECONOMIES, "teu")


def logistics_performance(src: Path) -> pd.DataFrame:
    return _wdi_series(src, "LP.LPI.OVRL.XQ", LPI_ECONOMIES, "lpi")


def main() -> None:
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else DATA.parent.parent / "shared" / "data-candidates"
    port_container_traffic(src).to_csv(DATA / "port_container_traffic.csv", index=False)
    logistics_performance(src).to_csv(DATA / "logistics_performance.csv", index=False)


if __name__ == "__main__":
    main()
