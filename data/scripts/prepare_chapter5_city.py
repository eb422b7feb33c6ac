"""Select the real Guangzhou figures of Chapter 5 from the shared bulletin panel.

Run once from the repository root, with the shared folder beside it:

    .venv/bin/python data/scripts/prepare_chapter5_city.py ../shared/data-candidates

It writes data/guangzhou_city_figures.csv (long form: one row per year and indicator) from
guangzhou_bulletins_panel.csv (hand-extracted from stored public web pages; every row keeps its
page title, address and kind, here renamed source_kind). Selected, and nothing else changed:

* GDP and the value added of the three sectors, 2010-2023 where published. Where the panel holds
  several vintages of one year, the NBS city database (kind "published") is kept for 2010-2017;
  later years have one row each (2018 has GDP and tertiary value added only; 2019 and 2020 GDP
  only; 2023 primary value added is derived in the source panel as GDP minus the other sectors).
* Cross-border e-commerce trade (2017, 2022, 2023), container throughput of the port (2017, 2020,
  2023) and the stock of national high-tech enterprises (2015, 2019): the points that exist.

Provenance and checks: ../shared/data-candidates/SOURCES.md, section 11; data/datapackage.json.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

DATA = Path(__file__).resolve().parents[1]
SERIES = ["gdp", "va_primary", "va_secondary", "va_tertiary"]
POINTS = {"cbec_trade": None, "port_container_throughput": None, "hitech_enterprises": [2015, 2019]}
COLUMNS = ["year", "indicator", "indicator_zh", "value", "unit", "kind", "source_title", "url",
           "note"]


def select(panel: pd.DataFrame) -> pd.DataFrame:
    panel = panel[panel["geo"] == "Guangzhou"]
    series = panel[panel["indicator"].isin(SERIES)]
    nbs = series["source_title"].str.startswith("国家统计局 主要城市年度数据")
    early = series[(series["year"] <= 2017) & nbs]
    late = series[series["year"] >= 2018]
    # one row per year and indicator after 2017: the quick-report GDP of 2023, not its rounding
    late = late[~((late["indicator"] == "gdp") & (late["year"] == 2023) & (late["value"] == 30356))]
    late = late.drop_duplicates(["year", "indicator"], keep="first")
    rows = [early, late]
    for name, years in POINTS.items():
        chosen = panel[panel["indicator"] == name]
        rows.append(chosen if years is None else chosen[chosen["year"].isin(years)])
    out = pd.concat(rows)[COLUMNS].sort_values(["indicator", "year"]).reset_index(drop=True)
    out["note"] = out["note"].fillna("—")
    out = out.rename(columns={"kind": "source_kind"})
    duplicated = out.duplicated(["year", "indicator"])
    if duplicated.any():
        raise SystemExit(f"duplicate rows:\n{out[duplicated]}")
    return out


def main() -> None:
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else DATA.parent.parent / "shared" / "data-candidates"
    panel = pd.read_csv(src / "guangzhou_bulletins_panel.csv")
    out = select(panel)
    out.to_csv(DATA / "guangzhou_city_figures.csv", index=False)
    print(f"wrote {len(out)} rows to data/guangzhou_city_figures.csv")


if __name__ == "__main__":
    main()
