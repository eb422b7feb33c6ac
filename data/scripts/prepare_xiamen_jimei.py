"""Select the published figures on Jimei district and Xiamen city used in Chapter 3.

Run once from the repository root, with the shared folder beside it:

    .venv/bin/python data/scripts/prepare_xiamen_jimei.py ../shared/data-candidates

It reads ``xiamen_jimei_bulletins_panel.csv`` (hand-extracted from stored public web pages: the
Xiamen statistical bulletins, the Fujian statistical yearbook and news reports of official
releases; every row with its URL and a verbatim snippet) and writes
``data/xiamen_jimei_published.csv`` (real): the rows of the selection below, each with the
figure as published (``value_published``, ``unit_published``) and in one unit per kind
(``value``, ``unit``: money converted to 亿元, 100 million yuan; shares in %). No value is filled in or revised; derived rows of the candidates file are not used.

Selection: Jimei's GDP in every year with a figure (2016 is a work-report estimate and 2020
comes from a third-party encyclopedia page: both are flagged in ``note``); Jimei's sector
structure (2011, 2016) and above-scale industry figures (2017); Xiamen's GDP in the years with
one published figure (2016 is left out: the sources print 3,737 and 3,784 亿元, before and after
a revision), its three-sector value added, total imports and exports, and the high-tech share of
above-scale industrial value added.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

DATA = Path(__file__).resolve().parents[1]
TO_YI = {"亿元": 1.0, "billion yuan": 10.0, "million yuan": 0.01}
SELECTION = [  # (geo, indicator, years or None for all)
    ("Xiamen-Jimei", "gdp", None),
    ("Xiamen-Jimei", "va_primary_share_gdp", None),
    ("Xiamen-Jimei", "va_secondary_share_gdp", None),
    ("Xiamen-Jimei", "va_tertiary_share_gdp", None),
    ("Xiamen-Jimei", "industry_above_scale_va", None),
    ("Xiamen-Jimei", "hightech_share_of_above_scale_industry_va", None),
    ("Xiamen", "gdp", [2015, 2017, 2018, 2019, 2020, 2021, 2022, 2023]),
    ("Xiamen", "va_primary", None),
    ("Xiamen", "va_secondary", None),
    ("Xiamen", "va_tertiary", None),
    ("Xiamen", "trade_total", None),
    ("Xiamen", "hightech_share_of_above_scale_industry_va", None),
]
COLUMNS = ["geo", "year", "indicator", "value", "unit", "value_published", "unit_published",
           "kind", "source_title", "source_date", "url", "snippet", "note"]


def main(candidates: Path) -> None:
    panel = pd.read_csv(candidates / "xiamen_jimei_bulletins_panel.csv", dtype={"year": str})
    panel = panel[panel["kind"] != "derived"]
    panel = panel[panel["year"].str.fullmatch(r"\d{4}")].assign(year=lambda t: t["year"].astype(int))
    rows = []
    for geo, indicator, years in SELECTION:
        part = panel[(panel["geo"] == geo) & (panel["indicator"] == indicator)]
        if years is not None:
            part = part[part["year"].isin(years)]
        # one row per year: several pages print the same figure (in 亿元 or billion yuan,
        # sometimes rounded); they must agree to 0.1 %
        part = part.assign(value_yi=(part["value"] * part["unit"].map(TO_YI)).round(4))
        for year, group in part.groupby("year"):
            key = "value_yi" if group["value_yi"].notna().all() else "value"
            spread = group[key].max() - group[key].min()
            if spread > 1e-3 * group[key].abs().max():  # allow a rounded copy (703.39 bn)
                raise ValueError(f"{geo} {indicator} {year}: sources disagree: "
                                 f"{group[['value', 'unit', 'url']].to_dict('records')}")
            # the bulletin itself first, then the most precise unit (亿元)
            order = group.assign(rank=(group["kind"] != "published").astype(int) * 2
                                 + (group["unit"] != "亿元").astype(int))
            rows.append(order.sort_values("rank", kind="stable").iloc[0])
    table = pd.DataFrame(rows).rename(columns={"value": "value_published",
                                               "unit": "unit_published"})
    money = table["unit_published"].isin(list(TO_YI))
    if not (money | (table["unit_published"] == "%")).all():
        raise ValueError(f"unexpected units: {sorted(set(table['unit_published']))}")
    table["value"] = table["value_yi"].where(money, table["value_published"])
    table["unit"] = pd.Series("%", index=table.index).where(~money, "亿元")
    table = table[COLUMNS].sort_values(["geo", "indicator", "year"])
    table.to_csv(DATA / "xiamen_jimei_published.csv", index=False)
    print(f"wrote {len(table)} rows to data/xiamen_jimei_published.csv")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data-candidates"))
