"""Copy the real dataset Chapter 4 uses from the shared data candidates.

Run once from the repository root, with the shared folder beside it:

    .venv/bin/python data/scripts/prepare_chapter4.py ../shared/data-candidates

It writes data/port_container_traffic.csv: container port traffic (World Bank WDI indicator
IS.SHP.GOOD.TU) of mainland China, Hong Kong, Singapore and the world, one row per economy and
year. Nothing is estimated or filled in: rows are selected and columns renamed.
Provenance is in data/datapackage.json (and ../shared/data-candidates/SOURCES.md, file 1).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

DATA = Path(__file__).resolve().parents[1]
ECONOMIES = {"CHN": ("China (mainland)", "中国内地"), "HKG": ("Hong Kong SAR, China", "中国香港"),
             "SGP": ("Singapore", "新加坡"), "WLD": ("World", "世界")}


def port_container_traffic(src: Path) -> pd.DataFrame:
    raw = pd.read_csv(src / "wdi_selected_indicators_china_peers_long.csv")
    raw = raw[(raw["indicator_code"] == "IS.SHP.GOOD.TU") & raw["country_code"].isin(ECONOMIES)]
    raw = raw.dropna(subset=["value"])
    out = pd.DataFrame({
        "economy": raw["country_code"],
        "economy_en": raw["country_code"].map(lambda code: ECONOMIES[code][0]),
        "economy_cn": raw["country_code"].map(lambda code: ECONOMIES[code][1]),
        "year": raw["year"].astype("int64"),
        "teu": raw["value"],
    })
    return out.sort_values(["economy", "year"]).reset_index(drop=True)


def main() -> None:
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else DATA.parent.parent / "shared" / "data-candidates"
    port_container_traffic(src).to_csv(DATA / "port_container_traffic.csv", index=False)


if __name__ == "__main__":
    main()
