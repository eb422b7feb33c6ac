"""Write the SYNTHETIC value chain and the two SYNTHETIC regions of Chapter 6's transfer simulator.

Run from the repository root:

    .venv/bin/python data/scripts/make_synthetic_transfer.py

No random draws: the values are stylised round numbers chosen by the authors, not estimates of any
real cluster or city. The value chain of a footwear cluster has six stages whose value added per
worker traces a "smile" (high in R&D, design, branding and sales, low in production and assembly);
the source region is a large coastal economy, the destination a smaller, more agricultural one.
Units: value added in 100 million yuan (亿元) per year, employment in 10,000 persons (万人).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

DATA = Path(__file__).resolve().parents[1]

CHAIN = pd.DataFrame(
    [("rd", "研发 R&D", "tertiary", 8.0, 0.20),
     ("design", "设计 design", "tertiary", 9.0, 0.30),
     ("production", "生产制造 production", "secondary", 32.0, 4.00),
     ("assembly", "组装 assembly", "secondary", 15.0, 2.50),
     ("branding", "品牌 branding", "tertiary", 7.5, 0.15),
     ("sales", "销售 sales", "tertiary", 17.0, 0.85)],
    columns=["stage", "stage_label", "sector", "value_added", "employment"],
)

REGIONS = pd.DataFrame(
    [("source", "primary", 150.0, 30.0),
     ("source", "secondary", 2500.0, 180.0),
     ("source", "tertiary", 3500.0, 230.0),
     ("destination", "primary", 350.0, 180.0),
     ("destination", "secondary", 700.0, 90.0),
     ("destination", "tertiary", 800.0, 150.0)],
    columns=["region", "sector", "value_added", "employment"],
)


def main() -> None:
    CHAIN.to_csv(DATA / "synthetic_value_chain.csv", index=False)
    REGIONS.to_csv(DATA / "synthetic_transfer_regions.csv", index=False)


if __name__ == "__main__":
    main()
