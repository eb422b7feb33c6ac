"""Generate a SYNTHETIC 2015-2022 panel of Jimei district's indicators for Chapter 3.

Writes data/synthetic_jimei.csv: one row per year, one column per indicator of the three
dimensions of the Jimei document's framework (digital density, innovation stickiness, open
capacity) and two structure indicators.

The document (Huang & Wang, section 1) says it built an entropy-weight upgrading index on
2015-2022 panel data, but it prints neither the data nor the index. Only single figures are
quoted, mostly for 2022. This script makes a panel that agrees with every quoted figure and
invents everything else:

* every value the document states is kept exactly, in the year it gives (the figure's seed_facts
  id is listed below; where the document gives no year, the figure is placed in 2022, the year
  of the paragraph it stands in);
* a bound ("more than 900", "less than 15") becomes a value drawn uniformly inside the bound;
* the 2015 value of each indicator is drawn from an invented plausible range (ANCHORS below);
* the years between are a straight line between the fixed values, plus seeded noise
  (AR(1), 3 % of the level), rounded as the document rounds.

Every number other than the quoted ones is synthetic. The dataset must never be presented as
Jimei's data. Run from the repository root (deterministic: the seed is fixed below):

    .venv/bin/python data/scripts/make_synthetic_jimei.py
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

SEED = 2015
YEARS = list(range(2015, 2023))
NOISE = 0.03  # standard deviation of the noise, as a share of the level
PERSISTENCE = 0.5  # AR(1) coefficient of the noise
DATA = Path(__file__).resolve().parents[1]

# indicator: (2015 range (invented), {year: seed_facts id} fixed exactly, bound, decimals)
# bound: (seed_facts id, year, "above" or "below") for "more than" / "less than" figures
ANCHORS = {
    "digital_service_export_share": ((3.0, 6.0), {2022: "JM-044"}, None, 1),
    "cross_region_project_share": ((15.0, 25.0), {2022: "JM-006"}, None, 1),
    "smart_equipment_penetration": ((8.0, 12.0), {2022: "JM-026"}, None, 1),
    "automated_warehouse_coverage": ((8.0, 14.0), {2022: "JM-053"}, None, 1),
    "supplier_upgrading_share": ((6.0, 10.0), {2022: "JM-050"}, None, 1),
    "patent_local_conversion": ((8.0, 12.0), {}, ("JM-036", 2022, "below"), 1),
    "graduate_retention": ((15.0, 22.0), {2022: "JM-049"}, None, 1),
    "outsourcing_revenue_share": ((70.0, 78.0), {2022: "JM-038"}, None, 1),
    "sea_rail_share": ((18.0, 22.0), {2018: "JM-046", 2022: "JM-047"}, None, 1),
    "ecommerce_unit_price": ((18.0, 24.0), {2022: "JM-042"}, None, 1),
    "foreign_trade": ((450.0, 600.0), {}, ("JM-039", 2022, "above"), 0),
    "manufacturing_va_rate": ((20.0, 23.0), {2022: "JM-003"}, None, 1),
    "leading_industries_share": ((60.0, 66.0), {2022: "JM-024"}, None, 1),
}
BOUND_WIDTH = 0.06  # a bound becomes a draw within 6 % of it, on the side the document says


def simulate(rng: np.random.Generator, facts: pd.Series) -> pd.DataFrame:
    columns = {}
    for name, (start_range, fixed_ids, bound, decimals) in ANCHORS.items():
        fixed = {year: float(facts[fact_id]) for year, fact_id in fixed_ids.items()}
        if bound is not None:
            fact_id, year, side = bound
            limit, step = float(facts[fact_id]), 10.0 ** -decimals
            if side == "above":  # strictly above the limit, within BOUND_WIDTH of it
                value = round(rng.uniform(limit, limit * (1 + BOUND_WIDTH)), decimals)
                fixed[year] = max(value, limit + step)
            else:
                value = round(rng.uniform(limit * (1 - BOUND_WIDTH), limit), decimals)
                fixed[year] = min(value, limit - step)
        knots = {YEARS[0]: rng.uniform(*start_range), **fixed}
        line = np.interp(YEARS, sorted(knots), [knots[y] for y in sorted(knots)])
        noise = np.zeros(len(YEARS))
        for t in range(1, len(YEARS)):
            noise[t] = PERSISTENCE * noise[t - 1] + rng.normal(0.0, NOISE)
        values = np.round(line * (1 + noise), decimals)
        for year, value in fixed.items():
            values[YEARS.index(year)] = value
        columns[name] = values
    panel = pd.DataFrame(columns)
    panel.insert(0, "year", YEARS)
    panel["foreign_trade"] = panel["foreign_trade"].astype("int64")
    return panel


if __name__ == "__main__":
    seed_facts = pd.read_csv(DATA / "seed_facts.csv").set_index("id")["value"]
    synthetic = simulate(np.random.default_rng(SEED), seed_facts)
    synthetic.to_csv(DATA / "synthetic_jimei.csv", index=False)
