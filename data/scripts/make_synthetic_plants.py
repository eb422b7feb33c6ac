"""Generate data/synthetic_plants.csv: SYNTHETIC plant-level data for the Ellison–Glaeser example.

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
PLANTS_PER_INDUSTRY = 400
TRUE_GAMMA = {"ind_a": 0.0, "ind_b": 0.01, "ind_c": 0.02, "ind_d": 0.05,
              "ind_e": 0.1, "ind_f": 0.2, "ind_g": 0.3, "ind_h": 0.5}
OUT = Path(__file__).resolve().parents[1] / "synthetic_plants.csv"


def simulate(rng: np.random.Generator) -> pd.DataFrame:
    regions = [f"region_{r:02d}" for r in range(1, N_REGIONS + 1)]
    x = rng.dirichlet(np.full(N_REGIONS, 2.0))  # regions' shares of aggregate employment
    rows = []
    for industry, gamma in TRUE_GAMMA.items():
        p = x if gamma == 0 else rng.dirichlet(x * (1 - gamma) / gamma)
        location = rng.choice(N_REGIONS, size=PLANTS_PER_INDUSTRY, p=p)
        size = np.maximum(1, np.rint(rng.lognormal(mean=3.0, sigma=1.0, size=PLANTS_PER_INDUSTRY)))
        for region, employment in zip(location, size, strict=True):
            rows.append((industry, gamma, regions[region], int(employment)))
    plants = pd.DataFrame(rows, columns=["industry", "true_gamma", "region", "employment"])
    plants.insert(0, "plant_id", [f"P{i:05d}" for i in range(1, len(plants) + 1)])
    return plants


if __name__ == "__main__":
    simulate(np.random.default_rng(SEED)).to_csv(OUT, index=False)
