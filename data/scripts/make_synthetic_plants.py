"""Generate SYNTHETIC plant-level data for the Ellison–Glaeser example.

Writes data/synthetic_plants.csv (one row per plant) and data/synthetic_regions.csv (each region's
aggregate employment, the x_r of the model, which the plants' own totals only approximate).

No real plant-level (establishment) data with locations is available to this book, so Chapter 1
teaches the Ellison–Glaeser index on data simulated from the index's own model, where the true
agglomeration parameter of each industry is known. Every number in the file is synthetic.

The model (Ellison and Glaeser 1997, section 2, "natural advantage" version): region r has share
x_r of aggregate employment. For an industry with parameter gamma, the probabilities with which
its plants choose regions are drawn once, p ~ Dirichlet(x (1 - gamma) / gamma), so that
E[p_r] = x_r and Var[p_r] = gamma x_r (1 - x_r); gamma = 0 means p = x (pure "dartboard"). Each
plant then picks a region independently with probabilities p. Plant sizes are log-normal.

Run from the repository root (deterministic: the seed is fixed below):

    .venv/bin/python data/scripts/make_synthetic_plants.py
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

SEED = 1997
N_REGIONS = 30
AGGREGATE_EMPLOYMENT = 1_000_000
PLANTS_PER_INDUSTRY = 200
GAMMA_LEVELS = (0.0, 0.02, 0.05, 0.1, 0.2, 0.4)
INDUSTRIES_PER_LEVEL = 5
DATA = Path(__file__).resolve().parents[1]


def simulate(rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    regions = [f"region_{r:02d}" for r in range(1, N_REGIONS + 1)]
    x = rng.dirichlet(np.full(N_REGIONS, 2.0))  # regions' shares of aggregate employment
    totals = pd.DataFrame({"region": regions,
                           "employment": np.rint(x * AGGREGATE_EMPLOYMENT).astype(int)})
    x = totals["employment"].to_numpy() / totals["employment"].sum()  # the shares as published
    true_gamma = {f"ind_{level:02d}_{k}": gamma
                  for level, gamma in enumerate(GAMMA_LEVELS, start=1)
                  for k in "abcde"[:INDUSTRIES_PER_LEVEL]}
    rows = []
    for industry, gamma in true_gamma.items():
        p = x if gamma == 0 else rng.dirichlet(x * (1 - gamma) / gamma)
        location = rng.choice(N_REGIONS, size=PLANTS_PER_INDUSTRY, p=p)
        size = np.maximum(1, np.rint(rng.lognormal(mean=3.0, sigma=1.0, size=PLANTS_PER_INDUSTRY)))
        for region, employment in zip(location, size, strict=True):
            rows.append((industry, gamma, regions[region], int(employment)))
    plants = pd.DataFrame(rows, columns=["industry", "true_gamma", "region", "employment"])
    plants.insert(0, "plant_id", [f"P{i:05d}" for i in range(1, len(plants) + 1)])
    return plants, totals


if __name__ == "__main__":
    plants, totals = simulate(np.random.default_rng(SEED))
    plants.to_csv(DATA / "synthetic_plants.csv", index=False)
    totals.to_csv(DATA / "synthetic_regions.csv", index=False)
