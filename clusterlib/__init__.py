"""clusterlib: the calculations of the teaching book *Industrial Clusters and Upgrading*.

Use it as ``import clusterlib as cl``; every method is available at the top level
(``cl.location_quotient``, ``cl.entropy_weights``, ...). Datasets are in ``cl.data`` and the
book's figure style in ``cl.plotting``.
"""

from clusterlib import data, plotting
from clusterlib.agglomeration import (
    EllisonGlaeserResult,
    HerfindahlResult,
    concentration_ratio,
    ellison_glaeser,
    gini,
    herfindahl,
    hoover_coefficient,
    krugman_index,
    locational_gini,
    location_quotient,
    plant_herfindahl,
)
from clusterlib.weights import (
    composite_index,
    critic_weights,
    entropy_weights,
    equal_weights,
    minmax_normalise,
    std_weights,
)
# weights: sensitivity of a composite index to the weighting method (Chapter 3)
from clusterlib.weights import SENSITIVITY_METHODS, WeightSensitivityResult, weight_sensitivity
# dynamics: unit roots, VAR and Granger causality over statsmodels (Chapter 3)
from clusterlib import dynamics
from clusterlib.dynamics import (
    GrangerMonteCarloResult,
    UnitRootResult,
    VARStabilityResult,
    fit_var,
    granger_causality,
    granger_f_test,
    granger_monte_carlo,
    impulse_responses,
    select_lag_order,
    unit_root_tests,
    var_observations_needed,
    var_stability,
    variance_decomposition,
)

__version__ = "0.1.0"

__all__ = [
    "data",
    "plotting",
    # agglomeration: concentration and specialisation (Chapter 1)
    "location_quotient",
    "herfindahl",
    "HerfindahlResult",
    "concentration_ratio",
    "krugman_index",
    "hoover_coefficient",
    "gini",
    "locational_gini",
    "ellison_glaeser",
    "EllisonGlaeserResult",
    "plant_herfindahl",
    # weights: objective weights and composite indices (Chapters 3 and 5)
    "minmax_normalise",
    "entropy_weights",
    "critic_weights",
    "std_weights",
    "equal_weights",
    "composite_index",
    # weights and dynamics: weight sensitivity, unit roots, VAR, Granger (Chapter 3)
    "weight_sensitivity",
    "WeightSensitivityResult",
    "SENSITIVITY_METHODS",
    "dynamics",
    "unit_root_tests",
    "UnitRootResult",
    "var_observations_needed",
    "select_lag_order",
    "fit_var",
    "granger_causality",
    "impulse_responses",
    "variance_decomposition",
    "var_stability",
    "VARStabilityResult",
    "granger_f_test",
    "granger_monte_carlo",
    "GrangerMonteCarloResult",
]
