"""Simulate the SYNTHETIC Guangzhou panel of Chapter 5: all 35 indicators of the document, 2012-2023.

Run from the repository root:

    .venv/bin/python data/scripts/make_synthetic_synergy.py

It writes data/synthetic_guangzhou_synergy.csv. Nothing in it is an observation. Each subsystem
follows one latent development path, drawn from its own random stream, so that the two
subsystems are independent by construction (no channel from one to the other):

* digital trade: a logistic rise centred on 2017.5, plus small year-to-year noise;
* industrial clusters: a random walk with drift 0.09 and standard deviation 0.07 per year.

Indicator j of a subsystem is base_j * exp(growth_j * latent_t + e_jt) with e_jt ~ N(0, sd_j):
base levels and growth factors are round numbers chosen only to give each series the document's
unit and a plausible order of magnitude; they are not estimates for Guangzhou. Counts are rounded
to integers; the two policy counts and the berths never fall (cumulative maxima); the product
sales rate stays below 100 %.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

DATA = Path(__file__).resolve().parents[1]
SEED = 20221105
YEARS = np.arange(2012, 2024)

# id: (base level in the document's unit, growth over the latent range, noise sd, kind)
# kind: "float", "int" (a count), "cummax" (a count that never falls), "rate" (a % below 100)
DIGITAL_TRADE = {
    "DT01": (9000.0, 0.45, 0.04, "float"),     # total trade, 亿元
    "DT02": (400.0, 1.60, 0.08, "float"),      # digital trade exports, 亿元
    "DT03": (150.0, 2.20, 0.10, "float"),      # cross-border e-commerce retail, 亿元
    "DT04": (200.0, 1.30, 0.07, "float"),      # computer and information services trade, 亿元
    "DT05": (30000.0, 0.50, 0.02, "float"),    # household consumption per capita, 元
    "DT06": (3.0, 0.60, 0.04, "float"),        # social logistics, 万亿元
    "DT07": (60, 1.00, 0.06, "int"),           # A-rated logistics firms
    "DT08": (0.8, 1.90, 0.10, "float"),        # international express items, 亿
    "DT09": (25.0, 1.70, 0.09, "float"),       # international express revenue, 亿元
    "DT10": (1500000.0, 1.40, 0.06, "float"),  # express revenue, 万元
    "DT11": (300.0, 0.40, 0.02, "float"),      # railway length, km
    "DT12": (9000.0, 0.10, 0.01, "float"),     # road length, km
    "DT13": (250, 0.50, 0.05, "int"),          # civil air routes
    "DT14": (130.0, 0.60, 0.05, "float"),      # air freight, 万吨
    "DT15": (800, 0.08, 0.01, "cummax"),       # quay berths
    "DT16": (40000.0, 0.35, 0.03, "float"),    # coastal port throughput, 万吨
    "DT17": (400.0, 0.90, 0.05, "float"),      # fixed broadband subscribers, 万户
    "DT18": (3, 1.60, 0.15, "cummax"),         # digital trade laws and regulations
    "DT19": (1, 1.40, 0.20, "cummax"),         # cross-border e-commerce pilot zones
}
CLUSTERS = {
    "IC01": (18000.0, 0.30, 0.03, "float"),    # gross industrial output, 亿元
    "IC02": (4500, 0.50, 0.04, "int"),         # enterprises
    "IC03": (900.0, 0.40, 0.06, "float"),      # fixed-asset investment, 亿元
    "IC04": (1100.0, 0.45, 0.07, "float"),     # profit, 亿元
    "IC05": (7.0, 0.15, 0.03, "float"),        # profit and tax per 100 yuan, 元
    "IC06": (3500.0, 0.20, 0.05, "float"),     # export delivery value, 亿元
    "IC07": (96.5, 2.50, 0.30, "rate"),        # product sales rate, %
    "IC08": (250.0, 0.05, 0.02, "float"),      # average employment, 万人
    "IC09": (2500000.0, 0.90, 0.07, "float"),  # new-product development expenditure, 万元
    "IC10": (40000, 1.00, 0.06, "int"),        # patents granted
    "IC11": (900, 0.70, 0.05, "int"),          # technology development institutions
    "IC12": (60000, 0.60, 0.04, "int"),        # technical personnel, person-years
    "IC13": (3000000.0, 0.80, 0.04, "float"),  # R&D funding, 万元
    "IC14": (1500, 1.10, 0.06, "int"),         # enterprises with R&D
    "IC15": (30000000.0, 0.70, 0.06, "float"), # new-product sales, 万元
    "IC16": (700.0, 0.35, 0.08, "float"),      # infrastructure investment, 亿元
}


def latent_paths(seed: int) -> tuple[np.ndarray, np.ndarray, list[np.random.Generator]]:
    """Independent latent paths of the two subsystems, and one noise stream for each."""
    dt_stream, ic_stream = (np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(2))
    logistic = 1.0 / (1.0 + np.exp(-(YEARS - 2017.5) / 1.6))
    digital = logistic + dt_stream.normal(0.0, 0.02, size=len(YEARS))
    clusters = np.concatenate([[0.0], np.cumsum(ic_stream.normal(0.09, 0.07, size=len(YEARS) - 1))])
    return digital, clusters, [dt_stream, ic_stream]


def indicators(spec: dict, latent: np.ndarray, rng: np.random.Generator) -> pd.DataFrame:
    columns = {}
    for name, (base, growth, sd, kind) in spec.items():
        noise = rng.normal(0.0, sd, size=len(latent))
        if kind == "rate":  # additive on a percentage, kept below 100
            columns[name] = np.minimum(base + growth * latent + noise, 99.9).round(2)
            continue
        values = base * np.exp(growth * latent + noise)
        if kind == "int":
            columns[name] = np.rint(values).astype("int64")
        elif kind == "cummax":
            columns[name] = np.maximum.accumulate(np.rint(values)).astype("int64")
        else:
            columns[name] = values.round(3)
    return pd.DataFrame(columns, index=pd.Index(YEARS, name="year"))


def main() -> None:
    digital, clusters, (dt_stream, ic_stream) = latent_paths(SEED)
    panel = indicators(DIGITAL_TRADE, digital, dt_stream).join(
        indicators(CLUSTERS, clusters, ic_stream))
    panel.reset_index().to_csv(DATA / "synthetic_guangzhou_synergy.csv", index=False)


if __name__ == "__main__":
    main()
