"""clusterlib: the calculations of the teaching book *Industrial Clusters and Upgrading*.

Use it as ``import clusterlib as cl``; every method is available at the top level
(``cl.location_quotient``, ``cl.entropy_weights``, ``cl.shift_share``, ...), one module per
method family behind it. Datasets are in ``cl.data`` and the book's figure style in
``cl.plotting``.
"""

# How this file is laid out (keep it so; `import clusterlib` must stay well under a second):
# - Every public name is imported explicitly below, from its family module, and listed in
#   `__all__`. To add a public name: add it to its family's `from clusterlib.<module> import (...)`
#   block here, to `__all__` here, and to the module's own `__all__`. Nothing else to register.
# - The family modules import only the standard library, numpy, pandas and clusterlib itself at
#   their top level, so importing all of them here is cheap. scipy's submodules, statsmodels,
#   matplotlib, seaborn and mplfonts (seconds to import) are imported inside the function that
#   uses them, or named lazily in the module's import block with clusterlib/_lazy.py
#   (`stats = _lazy.module("scipy.stats")`), which imports them at first use.
# - tests/test_imports.py fails if `import clusterlib` imports a heavy module;
#   benchmarks/bench_import.py measures the import time against `import pandas`.

from clusterlib import data, dynamics, plotting

# agglomeration: concentration and specialisation (Chapter 1)
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
    lorenz_curve,
    plant_herfindahl,
)

# complexity: economic complexity and the product space (Chapter 2)
from clusterlib.complexity import (
    ComplexityResult,
    OutlookResult,
    ReflectionsResult,
    complexity_outlook,
    complexity_sample,
    density,
    economic_complexity,
    method_of_reflections,
    proximity,
)

# coopetition: Lotka–Volterra, repeated oligopoly, pooling gains (Chapter 4)
from clusterlib.coopetition import (
    CollusionResult,
    CompetitionOutcome,
    DerivedIntervals,
    GeneralizedEquilibria,
    GeneralizedLotkaVolterra,
    LotkaVolterra,
    LotkaVolterraEquilibria,
    LotkaVolterraFit,
    LotkaVolterraPath,
    PoolingResult,
    UnboundedGrowthWarning,
    calibrate_scale_elasticity,
    collusion,
    competition_outcome,
    fieller_interval,
    fit_lotka_volterra,
    generalized_lotka_volterra,
    lotka_volterra,
    lotka_volterra_intervals,
    pooling_savings,
    shapley_value,
)

# dynamics: unit roots, VAR and Granger causality over statsmodels (Chapter 3)
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
    CointegrationResult,
    JohansenResult,
    TodaYamamotoResult,
    ZivotAndrewsResult,
    cumulative_impulse_responses,
    engle_granger,
    johansen_test,
    toda_yamamoto,
    var_standard_errors,
    zivot_andrews_test,
)

# synergy: composite-system synergy and coupling coordination (Chapter 5)
from clusterlib.synergy import (
    CouplingCoordinationResult,
    CouplingNullResult,
    OrderDegreeResult,
    SubsystemOrderResult,
    SynergyResult,
    classify,
    coordination_grades,
    coupling_coordination,
    coupling_null,
    evolution_stages,
    order_degree,
    subsystem_order_degree,
    synergy_degree,
)

# transfer: shift-share, gradients, structural change, transfer simulator (Chapter 6)
from clusterlib.transfer import (
    SECTORS,
    TRANSFER_MODES,
    DynamicShiftShareResult,
    GradientResult,
    ShiftShareResult,
    TransferResult,
    dynamic_shift_share,
    gradient_coefficient,
    lilien_index,
    moore_index,
    screen_breaks,
    shift_share,
    simulate_transfer,
    structure_advancement,
    structure_rationalisation,
)

# valuechain: governance, upgrading, value capture, smile curve (Chapter 2)
from clusterlib.valuechain import (
    GOVERNANCE_TYPES,
    SmileCurveResult,
    governance_table,
    governance_type,
    manufacturing_roles,
    smile_curve,
    upgrading_types,
    value_capture,
)

# weights: objective weights, composite indices and their sensitivity (Chapters 3 and 5)
from clusterlib.weights import (
    SENSITIVITY_METHODS,
    WeightSensitivityResult,
    composite_index,
    critic_weights,
    entropy_weights,
    equal_weights,
    minmax_normalise,
    std_weights,
    weight_sensitivity,
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
    "lorenz_curve",
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
    # valuechain and complexity: global value chains and economic complexity (Chapter 2)
    "GOVERNANCE_TYPES",
    "governance_type",
    "governance_table",
    "upgrading_types",
    "manufacturing_roles",
    "value_capture",
    "smile_curve",
    "SmileCurveResult",
    "method_of_reflections",
    "ReflectionsResult",
    "economic_complexity",
    "ComplexityResult",
    "proximity",
    "density",
    "complexity_outlook",
    "OutlookResult",
    "complexity_sample",
    # synergy: composite-system synergy and coupling coordination (Chapter 5)
    "order_degree",
    "OrderDegreeResult",
    "subsystem_order_degree",
    "SubsystemOrderResult",
    "synergy_degree",
    "SynergyResult",
    "coupling_coordination",
    "CouplingCoordinationResult",
    "coupling_null",
    "CouplingNullResult",
    "coordination_grades",
    "evolution_stages",
    "classify",
    # transfer: shift-share, gradients, structural change, transfer simulator (Chapter 6)
    "shift_share",
    "ShiftShareResult",
    "gradient_coefficient",
    "GradientResult",
    "moore_index",
    "lilien_index",
    "structure_advancement",
    "structure_rationalisation",
    "simulate_transfer",
    "TransferResult",
    "dynamic_shift_share",
    "DynamicShiftShareResult",
    "screen_breaks",
    "SECTORS",
    "TRANSFER_MODES",
    # coopetition: Lotka–Volterra, repeated oligopoly, pooling gains (Chapter 4)
    "lotka_volterra",
    "LotkaVolterra",
    "LotkaVolterraEquilibria",
    "LotkaVolterraPath",
    "UnboundedGrowthWarning",
    "fit_lotka_volterra",
    "LotkaVolterraFit",
    "collusion",
    "CollusionResult",
    "pooling_savings",
    "PoolingResult",
    "calibrate_scale_elasticity",
    "shapley_value",
    "generalized_lotka_volterra",
    "GeneralizedLotkaVolterra",
    "GeneralizedEquilibria",
    "competition_outcome",
    "CompetitionOutcome",
    "lotka_volterra_intervals",
    "DerivedIntervals",
    "fieller_interval",
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
    "engle_granger",
    "CointegrationResult",
    "johansen_test",
    "JohansenResult",
    "zivot_andrews_test",
    "ZivotAndrewsResult",
    "toda_yamamoto",
    "TodaYamamotoResult",
    "cumulative_impulse_responses",
    "var_standard_errors",
]
