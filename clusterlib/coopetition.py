r"""Co-opetition: Lotka–Volterra dynamics, collusion in repeated oligopoly, and pooling gains.

Three families of models for firms (or segments) that gain from and hurt each other:

* **Lotka–Volterra co-opetition** (:func:`lotka_volterra`, :func:`fit_lotka_volterra`). Each of
  :math:`n` firms grows logistically towards its capacity and is helped (mutualism, a positive
  interaction) or hurt (competition, a negative interaction) by the others:

  .. math:: \frac{dx_i}{dt} = \frac{r_i x_i}{K_i}
            \Bigl(K_i - x_i + \sum_{j \ne i} a_{ij} x_j\Bigr),

  with growth rates :math:`r_i > 0`, capacities :math:`K_i > 0` and an interaction matrix
  :math:`A = (a_{ij})` whose diagonal is zero (self-limitation is carried by :math:`K_i`).
  :math:`a_{ij} < 0`: firm :math:`j` competes with firm :math:`i`; :math:`a_{ij} > 0`: it helps.
  With every :math:`a_{ij} = -\alpha_{ij} \le 0` this is the textbook competition model; with
  every :math:`a_{ij} \ge 0` it is Murray's mutualism model.
* **The general form** (:func:`generalized_lotka_volterra`): :math:`\dot x = x \circ (r + Ax)`
  with growth rates and interactions of any sign, so competition, mutualism and predator–prey
  are one model; equilibria are classified including centres and non-hyperbolic points. The
  logistic form above is its special case :math:`A = M` (:meth:`LotkaVolterra.community_matrix`;
  :meth:`GeneralizedLotkaVolterra.from_logistic`). :func:`competition_outcome` states the
  coexistence / dominance / founder-control case of two competitors from the textbook
  conditions, and :func:`lotka_volterra_intervals` gives delta-method, Fieller and bootstrap
  intervals for fitted capacities and interactions.
* **Collusion in a repeated oligopoly** (:func:`collusion`): collusive, Nash and one-shot
  deviation profits of a symmetric :math:`n`-firm Bertrand or Cournot game with linearly
  differentiated products, and the critical discount factor above which grim-trigger
  strategies sustain collusion.
* **Pooling gains** (:func:`pooling_savings`, :func:`calibrate_scale_elasticity`,
  :func:`shapley_value`): what a coalition of firms saves by sharing logistics when cost is a
  power of volume, and how the Shapley value splits the saving.
"""

from __future__ import annotations

import itertools
import math
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from clusterlib import _lazy
from clusterlib import _validate

# Heavy dependencies, imported at first use so that `import clusterlib` stays fast (_lazy.py).
integrate = _lazy.module("scipy.integrate")
optimize = _lazy.module("scipy.optimize")

__all__ = [
    "CollusionResult",
    "CompetitionOutcome",
    "DerivedIntervals",
    "GeneralizedEquilibria",
    "GeneralizedLotkaVolterra",
    "LotkaVolterra",
    "LotkaVolterraEquilibria",
    "LotkaVolterraFit",
    "LotkaVolterraPath",
    "PoolingResult",
    "UnboundedGrowthWarning",
    "calibrate_scale_elasticity",
    "collusion",
    "competition_outcome",
    "fieller_interval",
    "fit_lotka_volterra",
    "generalized_lotka_volterra",
    "lotka_volterra",
    "lotka_volterra_intervals",
    "pooling_savings",
    "shapley_value",
]

#: Most species for which every support is enumerated (2**n linear systems).
MAX_SPECIES = 12
#: Lower end of the bracket in which calibrate_scale_elasticity looks for beta.
_SMALLEST_ELASTICITY = 1e-12
#: Most players for which the Shapley value enumerates every coalition.
MAX_PLAYERS = 16
#: A real part this small relative to the largest eigenvalue counts as zero (non-hyperbolic).
_EIGEN_TOLERANCE = 1e-9
#: Supports whose linear system has a condition number above this are degenerate.
_CONDITION_LIMIT = 1e12
#: Spectral radius at or above 1 - this means unbounded mutualism.
_RADIUS_TOLERANCE = 1e-12
#: Longest simulated time, in units of the fastest growth time 1/max(r), that simulate accepts.
_MAX_HORIZON = 1e4
#: solve_ivp tolerances used unless the caller passes others.
RTOL = 1e-8
ATOL = 1e-10


class UnboundedGrowthWarning(UserWarning):
    """A Lotka–Volterra path left the bound: mutualism too strong for the capacities to hold."""


# ============================================================================================
# Lotka–Volterra co-opetition
# ============================================================================================
def _species_series(data: Any, labels: pd.Index, *, name: str) -> pd.Series:
    """A finite Series over the species, in the order of `labels` (Series and dicts by label,
    arrays take those labels)."""
    return _validate.as_series_on(data, labels, name=name, labels_name="interactions labels",
                                  unit="species")


def _species_matrix(data: Any, *, name: str) -> pd.DataFrame:
    """A square species × species table (nested lists read as an array), at most MAX_SPECIES."""
    if isinstance(data, (list, tuple)):
        data = np.asarray(data)
    matrix = _validate.check_square(_validate.as_frame(data, name=name), name=name)
    _validate.check_integer(matrix.shape[0], name="number of species", minimum=1,
                            maximum=MAX_SPECIES,
                            hint="Equilibria are found by enumerating every subset of species.")
    return matrix


def _support_label(labels: Sequence[Any]) -> str:
    return "+".join(str(label) for label in labels) if len(labels) else "none"


def _classify(eigenvalues: np.ndarray) -> str:
    """Name an equilibrium from the eigenvalues of its Jacobian."""
    scale = max(1.0, float(np.max(np.abs(eigenvalues))))
    real = eigenvalues.real
    if (np.abs(real) <= _EIGEN_TOLERANCE * scale).any():
        return "non-hyperbolic"
    oscillating = (np.abs(eigenvalues.imag) > _EIGEN_TOLERANCE * scale).any()
    if (real < 0).all():
        return "stable spiral" if oscillating else "stable node"
    if (real > 0).all():
        return "unstable spiral" if oscillating else "unstable node"
    return "saddle"


@dataclass(frozen=True, eq=False)
class LotkaVolterraEquilibria:
    """Every equilibrium of a Lotka–Volterra system, its stability and the system's regime.

    Attributes
    ----------
    equilibria : pandas.DataFrame
        One row per equilibrium, labelled by its support (the species present, ``"A+B"``;
        ``"none"`` for the origin): the size of every species, ``type`` (``"stable node"``,
        ``"stable spiral"``, ``"saddle"``, ``"unstable node"``, ``"unstable spiral"`` or
        ``"non-hyperbolic"``), ``stable`` (all eigenvalues with negative real part) and
        ``max_real_eigenvalue``.
    eigenvalues : pandas.DataFrame
        The Jacobian's eigenvalues (complex) at each equilibrium, sorted by real part, largest
        first.
    regime : str
        ``"unbounded growth"``, ``"competitive exclusion"``, ``"stable coexistence"``,
        ``"mutualism"``, ``"independent growth"``, ``"multiple stable states"`` or
        ``"no stable equilibrium"`` (see :meth:`LotkaVolterra.equilibria`).
    bounded : bool or None
        True if every path is proved bounded, False if some paths are proved to grow without
        bound, None if neither test applies (simulate and watch the bound).
    unbounded_species : tuple
        The species whose mutual help is too strong (empty unless ``bounded`` is False).
    degenerate_supports : tuple of str
        Supports whose equilibrium equations have a continuum of solutions (non-isolated
        equilibria); they are left out of `equilibria`.
    """

    equilibria: pd.DataFrame
    eigenvalues: pd.DataFrame
    regime: str
    bounded: bool | None
    unbounded_species: tuple
    degenerate_supports: tuple

    @property
    def stable(self) -> pd.DataFrame:
        """The rows of `equilibria` that are asymptotically stable."""
        return self.equilibria[self.equilibria["stable"]]

    def to_frame(self) -> pd.DataFrame:
        """The table of equilibria (a copy)."""
        return self.equilibria.copy()

    def summary(self) -> pd.DataFrame:
        """Regime, boundedness and the number of equilibria, stable ones named."""
        growth = {True: "bounded", False: "unbounded", None: "not determined"}[self.bounded]
        rows = {
            "regime": self.regime,
            "growth": growth,
            "equilibria": len(self.equilibria),
            "stable equilibria": ", ".join(self.stable.index) or "none",
        }
        if self.unbounded_species:
            rows["unbounded species"] = _support_label(self.unbounded_species)
        return pd.DataFrame({"value": pd.Series(rows, dtype=object)})


@dataclass(frozen=True, eq=False)
class LotkaVolterraPath:
    """A simulated Lotka–Volterra path.

    Attributes
    ----------
    path : pandas.DataFrame
        Sizes of every species (columns) at the requested times (index ``"time"``); if the path
        left the bound, it ends with the time it did so.
    exceeded_bound : bool
        True if the total size passed `bound` and the integration stopped there.
    bound : float
        The total size at which the integration stops.
    status : str
        What happened, in words.
    """

    path: pd.DataFrame
    exceeded_bound: bool
    bound: float
    status: str

    def to_frame(self) -> pd.DataFrame:
        """The path (a copy)."""
        return self.path.copy()

    def summary(self) -> pd.DataFrame:
        """Start and end of the path for every species, and the status."""
        out = pd.DataFrame({"start": self.path.iloc[0], "end": self.path.iloc[-1]})
        out.attrs["status"] = self.status
        out.columns.name = f"t = {self.path.index[0]:g} to {self.path.index[-1]:g}"
        return out


@dataclass(frozen=True, eq=False)
class LotkaVolterra:
    r"""A validated Lotka–Volterra co-opetition system; create it with :func:`lotka_volterra`.

    Attributes
    ----------
    growth : pandas.Series
        Intrinsic growth rates :math:`r_i > 0`, named ``"growth"``.
    capacity : pandas.Series
        Capacities :math:`K_i > 0`, named ``"capacity"``.
    interactions : pandas.DataFrame
        :math:`a_{ij}`, the effect of the column species on the row species, zero diagonal.
    """

    growth: pd.Series
    capacity: pd.Series
    interactions: pd.DataFrame

    @property
    def species(self) -> pd.Index:
        """The species' labels."""
        return self.growth.index

    def _matrix(self) -> np.ndarray:
        scale = self.growth.to_numpy() / self.capacity.to_numpy()
        return scale[:, None] * (self.interactions.to_numpy() - np.eye(len(scale)))

    def _jacobian(self, x: np.ndarray, matrix: np.ndarray) -> np.ndarray:
        return np.diag(self.growth.to_numpy() + matrix @ x) + x[:, None] * matrix

    def community_matrix(self) -> pd.DataFrame:
        r"""The matrix :math:`M` of :math:`dx_i/dt = x_i (r_i + \sum_j M_{ij} x_j)`.

        :math:`M_{ii} = -r_i/K_i` and :math:`M_{ij} = r_i a_{ij}/K_i` for :math:`j \ne i`.
        """
        return pd.DataFrame(self._matrix(), index=self.species, columns=self.species)

    def _sizes(self, sizes: Any, name: str) -> pd.Series:
        series = _species_series(sizes, self.species, name=name)
        _validate.check_nonnegative(series.to_frame(), name=name,
                                    hint="Sizes of firms cannot be negative.")
        return series

    def rates(self, sizes: pd.Series | np.ndarray | Sequence[float]) -> pd.Series:
        """Growth :math:`dx_i/dt` of every species at the given sizes.

        Raises
        ------
        ValueError
            If `sizes` has other labels than the species, or negative or missing values.
        """
        x = self._sizes(sizes, "sizes")
        values = x.to_numpy() * (self.growth.to_numpy() + self._matrix() @ x.to_numpy())
        return pd.Series(values, index=self.species, name="rate")

    def jacobian(self, sizes: pd.Series | np.ndarray | Sequence[float]) -> pd.DataFrame:
        r"""Jacobian :math:`J = \operatorname{diag}(r + Mx) + \operatorname{diag}(x) M` at `sizes`.

        Raises
        ------
        ValueError
            If `sizes` has other labels than the species, or negative or missing values.
        """
        x = self._sizes(sizes, "sizes").to_numpy()
        return pd.DataFrame(self._jacobian(x, self._matrix()), index=self.species,
                            columns=self.species)

    def _growth_test(self) -> tuple[bool | None, tuple]:
        """Bounded (True), unbounded on some face (False) or undetermined (None)."""
        a = self.interactions.to_numpy()
        helping = np.clip(a, 0.0, None)
        if np.max(np.abs(np.linalg.eigvals(helping))) < 1.0 - _RADIUS_TOLERANCE:
            return True, ()
        n = len(self.species)
        for size in range(2, n + 1):
            for support in itertools.combinations(range(n), size):
                block = a[np.ix_(support, support)]
                if (block < 0).any() or not (block > 0).any():
                    continue
                if np.max(np.linalg.eigvals(block).real) >= 1.0 - _RADIUS_TOLERANCE:
                    return False, tuple(self.species[i] for i in support)
        return None, ()

    def equilibria(self) -> LotkaVolterraEquilibria:
        r"""Every equilibrium, its type from the Jacobian's eigenvalues, and the regime.

        Returns
        -------
        LotkaVolterraEquilibria

        Warns
        -----
        UserWarning
            If the equations of some support are singular but consistent (a continuum of
            equilibria, e.g. identical nullclines); such supports are listed in
            ``degenerate_supports`` and left out. Singular, inconsistent equations (parallel
            nullclines) simply have no equilibrium.

        Notes
        -----
        For each support :math:`S` (the species present) the equilibrium solves
        :math:`(I - A_{SS})\, x_S = K_S`; it is kept if every :math:`x_i, i \in S`, is positive.
        The Jacobian at :math:`x^*` is :math:`J = \operatorname{diag}(r + Mx^*) +
        \operatorname{diag}(x^*) M` (:meth:`community_matrix`); for an absent species its
        eigenvalue is its growth rate when rare, so a boundary equilibrium is stable only if
        no absent species can invade. An equilibrium is stable if every eigenvalue has a
        negative real part (node if they are real, spiral otherwise), a saddle if the signs
        are mixed, and non-hyperbolic if a real part is zero (within
        :math:`10^{-9}` of the largest modulus), where linearisation cannot decide.

        Growth is *bounded* if the spectral radius of :math:`A^+ = \max(A, 0)` is below 1:
        then a positive vector :math:`d` with :math:`(I - A^+)d > 0` exists and
        :math:`\max_i x_i/d_i` must fall once it is large. Growth is *unbounded* if some set
        of species helps each other with no competition among them and the spectral radius
        of their block of :math:`A` is at least 1 (for two species: :math:`a_{12} a_{21}
        \ge 1`, Murray 2002): started with only those species, sizes grow without limit, in
        finite time for the quadratic model. Otherwise neither test applies (``bounded`` is
        None).

        The regime is ``"unbounded growth"`` if growth is unbounded; else, by the stable
        equilibria: none, ``"no stable equilibrium"`` (paths cycle or wander); several,
        ``"multiple stable states"`` (which one is reached depends on the start: founder
        control); exactly one, ``"competitive exclusion"`` if some species are absent from
        it, otherwise ``"mutualism"`` if no interaction is negative and some positive,
        ``"independent growth"`` if every interaction is zero and ``"stable coexistence"``
        otherwise. A unique stable equilibrium need not attract every path when
        :math:`n \ge 3` (there may also be cycles); simulate to see.

        References
        ----------
        .. [1] Strogatz, S. H. (2015). *Nonlinear Dynamics and Chaos*, 2nd ed. Westview Press,
           section 6.4.
        .. [2] Murray, J. D. (2002). *Mathematical Biology I: An Introduction*, 3rd ed.
           Springer, sections 3.5 and 3.6.
        .. [3] Takeuchi, Y. (1996). *Global Dynamical Properties of Lotka–Volterra Systems*.
           World Scientific.

        Examples
        --------
        Strogatz's rabbits and sheep, :math:`\dot x = x(3 - x - 2y)`, :math:`\dot y =
        y(2 - x - y)`:

        >>> model = lotka_volterra(pd.Series({"rabbits": 3.0, "sheep": 2.0}),
        ...                        pd.Series({"rabbits": 3.0, "sheep": 2.0}),
        ...                        pd.DataFrame([[0.0, -2.0], [-1.0, 0.0]],
        ...                                     index=["rabbits", "sheep"],
        ...                                     columns=["rabbits", "sheep"]))
        >>> result = model.equilibria()
        >>> result.equilibria[["rabbits", "sheep", "type"]]
                       rabbits  sheep           type
        support
        none               0.0    0.0  unstable node
        rabbits            3.0    0.0    stable node
        sheep              0.0    2.0    stable node
        rabbits+sheep      1.0    1.0         saddle
        >>> result.regime
        'multiple stable states'
        """
        n = len(self.species)
        capacity = self.capacity.to_numpy()
        a = self.interactions.to_numpy()
        matrix = self._matrix()
        unit = 1.0
        if not 1e-150 <= capacity.max() <= 1e150:
            # sizes scale with the capacities and the Jacobian does not depend on their unit:
            # solve in capacities brought to unit size by a power of two (exact), so that the
            # Jacobian at sizes near 1e308 does not overflow
            unit = float(_validate.power_of_two_scale(capacity.max()))
            capacity = capacity * unit
            matrix = (self.growth.to_numpy() / capacity)[:, None] * (a - np.eye(n))
        labels = list(self.species)
        rows, eigen_rows, names, degenerate = [], [], [], []
        for size in range(n + 1):
            for support in itertools.combinations(range(n), size):
                x = np.zeros(n)
                if support:
                    idx = list(support)
                    system = np.eye(size) - a[np.ix_(idx, idx)]
                    if np.linalg.cond(system) > _CONDITION_LIMIT:
                        # singular: no equilibrium (parallel nullclines) or a continuum of them
                        guess = np.linalg.lstsq(system, capacity[idx], rcond=None)[0]
                        gap = np.linalg.norm(system @ guess - capacity[idx])
                        if gap <= 1e-9 * np.linalg.norm(capacity[idx]):
                            degenerate.append(_support_label([labels[i] for i in idx]))
                        continue
                    x[idx] = np.linalg.solve(system, capacity[idx])
                    if (x[idx] <= 0).any():
                        continue
                eigenvalues = np.linalg.eigvals(self._jacobian(x, matrix))
                eigenvalues = eigenvalues[np.lexsort((-eigenvalues.imag, -eigenvalues.real))]
                kind = _classify(eigenvalues)
                names.append(_support_label([labels[i] for i in support]))
                with np.errstate(over="ignore"):
                    sizes = x / unit
                if not np.isfinite(sizes).all():
                    raise ValueError(
                        f"The equilibrium of {names[-1]} has sizes beyond float64's range "
                        f"(about 1.8e308): capacities near {self.capacity.max():g} with this "
                        f"much mutual help. Express the capacities in larger units (e.g. "
                        f"millions)."
                    )
                rows.append([*sizes, kind, kind.startswith("stable"),
                             float(eigenvalues.real.max())])
                eigen_rows.append(eigenvalues)
        if degenerate:
            warnings.warn(
                f"Supports {degenerate} have a continuum of solutions to their equilibrium "
                f"equations (non-isolated equilibria); they are left out of the table. Perturb "
                f"the interactions slightly to study nearby systems.", UserWarning, stacklevel=2)
        table = pd.DataFrame(rows, index=pd.Index(names, name="support"),
                             columns=[*self.species, "type", "stable", "max_real_eigenvalue"])
        table["stable"] = table["stable"].astype(bool)
        eigen = pd.DataFrame(np.array(eigen_rows), index=table.index,
                             columns=[f"eigenvalue_{k + 1}" for k in range(n)])
        bounded, unbounded = self._growth_test()
        return LotkaVolterraEquilibria(
            equilibria=table, eigenvalues=eigen, regime=self._regime(table, bounded),
            bounded=bounded, unbounded_species=unbounded, degenerate_supports=tuple(degenerate))

    def _regime(self, table: pd.DataFrame, bounded: bool | None) -> str:
        if bounded is False:
            return "unbounded growth"
        stable = table[table["stable"]]
        if len(stable) == 0:
            return "no stable equilibrium"
        if len(stable) > 1:
            return "multiple stable states"
        if (stable[list(self.species)].to_numpy() <= 0).any():
            return "competitive exclusion"
        a = self.interactions.to_numpy()
        if (a == 0).all():
            return "independent growth"
        if (a >= 0).all():
            return "mutualism"
        return "stable coexistence"

    def simulate(self, initial: pd.Series | np.ndarray | Sequence[float], *, t_max: float = 50.0,
                 n_points: int = 201, bound: float | None = None, rtol: float = RTOL,
                 atol: float = ATOL, method: str = "RK45") -> LotkaVolterraPath:
        r"""Integrate the system from `initial` with ``scipy.integrate.solve_ivp``.

        Parameters
        ----------
        initial : pandas.Series or array-like
            Starting size of every species (labelled like the species), non-negative.
        t_max : float, default 50.0
            End time (positive).
        n_points : int, default 201
            Number of equally spaced output times from 0 to `t_max` (at least 2).
        bound : float, optional
            Stop when the total size reaches this value. By default
            :math:`10^6 \times` the largest of the capacities and initial sizes, far above any
            bounded path and far below floating-point overflow.
        rtol, atol : float
            Relative and absolute tolerances of the solver (defaults ``1e-8`` and ``1e-10``):
            explicit, so that a path is the same on every run.
        method : str, default "RK45"
            A ``scipy.integrate.solve_ivp`` method.

        Returns
        -------
        LotkaVolterraPath

        Raises
        ------
        ValueError
            If `initial` is negative, missing or mislabelled, `t_max`, `bound`, `rtol` or
            `atol` is not positive, `n_points` is below 2, or the solver fails.

        Warns
        -----
        UnboundedGrowthWarning
            If the path reached `bound`; the path up to that time is returned.

        Examples
        --------
        >>> model = lotka_volterra([1.0, 1.0], [1.0, 1.0], [[0.0, 0.5], [0.5, 0.0]])
        >>> model.simulate([0.1, 0.2], t_max=40.0).path.iloc[-1].round(4).tolist()
        [2.0, 2.0]
        """
        x0 = self._sizes(initial, "initial").to_numpy()
        t_max = _validate.check_real_between(t_max, name="t_max", low=0.0, high=math.inf)
        horizon = t_max * float(self.growth.max())
        if horizon > _MAX_HORIZON:
            raise ValueError(
                f"`t_max`={t_max:g} is {horizon:.3g} times the fastest growth time (1 / the "
                f"largest growth rate); the solver would need about that many steps and run "
                f"without practical limit. Use t_max of at most "
                f"{_MAX_HORIZON / float(self.growth.max()):g}: by then a path has settled or "
                f"left every bound."
            )
        count = _validate.check_integer(n_points, name="n_points", minimum=2,
                                        maximum=_validate.MAX_COUNT)
        for value, label in ((rtol, "rtol"), (atol, "atol")):
            _validate.check_real_between(value, name=label, low=0.0, high=math.inf)
        with np.errstate(over="ignore"):
            start = float(x0.sum())  # inf if the starting total overflows
        if bound is None:
            largest = max(float(self.capacity.max()), float(x0.max()))
            bound = min(1e6 * largest, np.finfo(float).max / 4)  # 1e6 * 1e308 overflows
            if not bound > start:
                raise ValueError(
                    f"The starting sizes (total {start:g}) are too large to integrate in float64 "
                    f"(the default bound on the total, {bound:g}, is not above them). Rescale "
                    f"`initial` and the capacities, e.g. express them in millions."
                )
        bound = _validate.check_real_between(bound, name="bound", low=0.0, high=math.inf)
        if not bound > start:
            raise ValueError(
                f"`bound` ({bound:g}) must exceed the starting total size ({start:g}); the path "
                f"would stop before it starts. Pass a larger bound or smaller initial sizes."
            )
        return _integrate_path(self.growth.to_numpy(), self._matrix(), x0, self.species,
                               t_max=t_max, count=count, bound=bound, rtol=rtol, atol=atol,
                               method=method, unbounded=": growth is unbounded (mutual help "
                               "outweighs self-limitation)")


def _integrate_path(growth: np.ndarray, matrix: np.ndarray, x0: np.ndarray, species: pd.Index,
                    *, t_max: float, count: int, bound: float, rtol: float, atol: float,
                    method: str, unbounded: str = "") -> LotkaVolterraPath:
    """Integrate dx/dt = x * (growth + matrix @ x) from `x0` (inputs already checked), stopping
    where the total size reaches `bound` with an UnboundedGrowthWarning (its text adds
    `unbounded`). Shared by LotkaVolterra.simulate and GeneralizedLotkaVolterra.simulate."""

    def rhs(_t: float, x: np.ndarray) -> np.ndarray:
        return x * (growth + matrix @ x)

    def leaves_bound(_t: float, x: np.ndarray) -> float:
        return float(x.sum()) - bound

    leaves_bound.terminal = True  # type: ignore[attr-defined]
    leaves_bound.direction = 1.0  # type: ignore[attr-defined]
    times = np.linspace(0.0, t_max, count)
    solution = integrate.solve_ivp(rhs, (0.0, t_max), x0, method=method, t_eval=times,
                                   events=leaves_bound, rtol=rtol, atol=atol)
    if solution.status == -1:
        raise ValueError(f"The solver failed: {solution.message}. Try method='LSODA' or a "
                         f"shorter t_max.")
    t_out, y_out = solution.t, solution.y
    exceeded = solution.status == 1
    if exceeded:
        t_hit = float(solution.t_events[0][0])
        t_out = np.append(t_out, t_hit)
        y_out = np.column_stack([y_out, solution.y_events[0][0]])
        status = (f"the total size reached the bound {bound:g} at t = {t_hit:.4g}{unbounded}; "
                  f"the path stops there")
        # stacklevel 3: the warning names the caller of simulate, as before
        warnings.warn(f"Lotka–Volterra path: {status}.", UnboundedGrowthWarning, stacklevel=3)
    else:
        status = f"integrated to t = {t_max:g} within the bound {bound:g}"
    path = pd.DataFrame(y_out.T, index=pd.Index(t_out, name="time"), columns=species)
    return LotkaVolterraPath(path=path, exceeded_bound=bool(exceeded), bound=bound,
                             status=status)


def lotka_volterra(growth: pd.Series | np.ndarray | Sequence[float],
                   capacity: pd.Series | np.ndarray | Sequence[float],
                   interactions: pd.DataFrame | np.ndarray | Sequence[Sequence[float]]
                   ) -> LotkaVolterra:
    r"""A Lotka–Volterra co-opetition system of :math:`n` firms or segments.

    Parameters
    ----------
    growth : pandas.Series or array-like
        Intrinsic growth rate :math:`r_i > 0` of each species (growth when alone and small).
    capacity : pandas.Series or array-like
        Capacity :math:`K_i > 0` of each species (its size when alone in the market).
    interactions : pandas.DataFrame or 2-D array-like
        Square matrix :math:`a_{ij}`: the effect of one unit of the column species on the
        row species, in units of the row species' size: negative for competition, positive
        for mutualism. Its diagonal must be zero. Rows and columns carry the same labels (any
        order); Series in `growth` and `capacity` must use them too. Arrays take the labels
        of the DataFrame, else 0, 1, ...

    Returns
    -------
    LotkaVolterra
        With methods :meth:`~LotkaVolterra.rates`, :meth:`~LotkaVolterra.jacobian`,
        :meth:`~LotkaVolterra.equilibria` and :meth:`~LotkaVolterra.simulate`.

    Raises
    ------
    TypeError
        If an input is of the wrong kind or not numeric.
    ValueError
        If `interactions` is not square, its row and column labels differ, its diagonal is
        not zero, a label of `growth` or `capacity` is not a species, a growth rate or
        capacity is zero or negative, a value is missing or infinite, or there are more than
        12 species.

    Notes
    -----
    .. math:: \frac{dx_i}{dt} = \frac{r_i x_i}{K_i}
              \Bigl(K_i - x_i + \sum_{j \ne i} a_{ij} x_j\Bigr)

    In Strogatz's and Murray's notation for competition, :math:`a_{ij} = -\alpha_{ij}`. The
    nullcline of species :math:`i` (where it neither grows nor shrinks, apart from
    :math:`x_i = 0`) is the hyperplane :math:`x_i = K_i + \sum_{j \ne i} a_{ij} x_j`. A growth
    rate must be positive: with :math:`r_i \le 0` a species declines when alone and
    :math:`K_i` is not a capacity.

    References
    ----------
    .. [1] Volterra, V. (1926). Fluctuations in the abundance of a species considered
       mathematically. *Nature*, 118, 558–560.
    .. [2] Murray, J. D. (2002). *Mathematical Biology I: An Introduction*, 3rd ed.
       Springer, sections 3.5 (competition) and 3.6 (mutualism).

    Examples
    --------
    >>> model = lotka_volterra(pd.Series({"A": 1.0, "B": 0.5}), pd.Series({"A": 10.0, "B": 8.0}),
    ...                        pd.DataFrame([[0.0, -0.5], [-0.4, 0.0]], index=["A", "B"],
    ...                                     columns=["A", "B"]))
    >>> model.rates(pd.Series({"A": 5.0, "B": 4.0})).round(3).tolist()
    [1.5, 0.5]
    """
    matrix = _species_matrix(interactions, name="interactions")
    diagonal = np.diag(matrix.to_numpy())
    if (diagonal != 0).any():
        bad = matrix.index[diagonal != 0].tolist()
        raise ValueError(
            f"`interactions` must have a zero diagonal; species {_validate._listed(bad)} have "
            f"non-zero self-effects. Self-limitation is set by `capacity`: put 0 on the "
            f"diagonal and change the capacities instead."
        )
    labels = matrix.index
    series = {}
    for data, name in ((growth, "growth"), (capacity, "capacity")):
        series[name] = _species_series(data, labels, name=name)
        _validate.check_positive(series[name].to_frame(), name=name,
                                 hint=f"Every {name} must be positive (see Notes of "
                                      f"lotka_volterra).")
    return LotkaVolterra(growth=series["growth"], capacity=series["capacity"],
                         interactions=matrix)


# --------------------------------------------------------------------------------------------
# estimation
# --------------------------------------------------------------------------------------------
_GROWTH_MEASURES = ("log", "relative")


@dataclass(frozen=True, eq=False)
class LotkaVolterraFit:
    r"""Lotka–Volterra coefficients estimated from observed series by OLS.

    Attributes
    ----------
    results : dict
        The statsmodels ``RegressionResults`` of each species' growth regression.
    coefficients : pandas.DataFrame
        One row per (species, term): ``estimate``, ``std_error``, ``ci_low``, ``ci_high`` and
        ``p_value`` of the intercept :math:`r_i` (term ``"growth"``) and of the slopes
        :math:`M_{ij}` (terms named after the species).
    growth, capacity : pandas.Series
        Point estimates of :math:`r_i` and :math:`K_i = -r_i/M_{ii}`.
    capacity_std_error : pandas.Series
        Delta-method standard errors of the capacities.
    interactions : pandas.DataFrame
        :math:`a_{ij} = -M_{ij}/M_{ii}`, zero diagonal.
    interactions_std_error : pandas.DataFrame
        Their delta-method standard errors.
    n_observations : int
        Number of growth observations (one less than the number of times).
    growth_measure : str
        ``"log"`` or ``"relative"``.
    """

    results: dict
    coefficients: pd.DataFrame
    growth: pd.Series
    capacity: pd.Series
    capacity_std_error: pd.Series
    interactions: pd.DataFrame
    interactions_std_error: pd.DataFrame
    n_observations: int
    growth_measure: str

    def to_frame(self) -> pd.DataFrame:
        """The coefficient table (a copy)."""
        return self.coefficients.copy()

    def summary(self) -> pd.DataFrame:
        """Per species: growth rate, capacity with its standard error, R² and observations."""
        return pd.DataFrame({
            "growth": self.growth,
            "capacity": self.capacity,
            "capacity_std_error": self.capacity_std_error,
            "r_squared": pd.Series({k: float(v.rsquared) for k, v in self.results.items()}),
            "observations": self.n_observations,
        })

    def to_model(self) -> LotkaVolterra:
        """The point estimates as a :class:`LotkaVolterra` system.

        Raises
        ------
        ValueError
            If an estimated growth rate is not positive or a species shows no
            self-limitation (:math:`M_{ii} \\ge 0`): the estimates then describe no
            Lotka–Volterra system with capacities.
        """
        self_effects = pd.Series({s: self.coefficients.loc[(s, s), "estimate"]
                                  for s in self.growth.index})
        problems = []
        if (self.growth <= 0).any():
            problems.append(f"growth rates of {self.growth.index[self.growth <= 0].tolist()} are "
                            f"not positive")
        if (self_effects >= 0).any():
            problems.append(f"{self_effects.index[self_effects >= 0].tolist()} show no "
                            f"self-limitation (own-size slope >= 0)")
        if problems:
            raise ValueError(
                f"The estimates are not a Lotka–Volterra system with capacities: "
                f"{'; '.join(problems)}. Read the coefficient table instead, or use longer "
                f"series."
            )
        return lotka_volterra(self.growth, self.capacity, self.interactions)


def fit_lotka_volterra(series: pd.DataFrame, *, growth_measure: str = "log",
                       alpha: float = 0.05) -> LotkaVolterraFit:
    r"""Estimate Lotka–Volterra growth rates, capacities and interactions from observed series.

    Parameters
    ----------
    series : pandas.DataFrame
        One column per species (firm, segment, port), one row per observation time; the
        index holds the times (years, for instance) in increasing order. Values must be
        positive. At least :math:`n + 3` times for :math:`n` species.
    growth_measure : {"log", "relative"}, default "log"
        How per-capita growth over each interval is measured: the log change
        :math:`\ln(x_{t+1}/x_t)/\Delta t` or the relative change
        :math:`(x_{t+1}-x_t)/(x_t \Delta t)`.
    alpha : float, default 0.05
        Significance level of the confidence intervals, in (0, 1).

    Returns
    -------
    LotkaVolterraFit

    Raises
    ------
    TypeError
        If `series` is not a DataFrame or 2-D array, is not numeric, or its index is not
        numeric.
    ValueError
        If `series` has zero, negative, missing or infinite values, times that do not
        increase, too few times for its number of species, a species whose size is constant
        or sizes that are exactly collinear (the regression's coefficients are then not
        identified), or `growth_measure` or `alpha` is invalid.

    Warns
    -----
    UserWarning
        If a species' own-size slope is not negative: it shows no self-limitation and its
        capacity and interactions are undefined (NaN in the result).

    Notes
    -----
    The discrete-time version of the model,

    .. math:: g_{i,t} = r_i + \sum_j M_{ij}\, x_{j,t} + \varepsilon_{i,t},

    with :math:`g_{i,t}` the per-capita growth from :math:`t` to the next time, is a linear
    regression of each species' growth on the current sizes of all species, estimated by OLS
    (statsmodels), one equation per species. Then :math:`K_i = -r_i / M_{ii}` and
    :math:`a_{ij} = -M_{ij}/M_{ii}`, with standard errors by the delta method from each
    equation's coefficient covariance. With log growth and no noise the model is the Ricker
    map, and OLS recovers its coefficients exactly; for a continuous-time system sampled at
    intervals :math:`\Delta t`, the estimates approach the continuous coefficients as
    :math:`\Delta t` shrinks.

    The errors are assumed independent with constant variance. In short series with
    trending sizes, the sizes act as lagged dependent variables, and OLS is biased in small
    samples (the intervals are then only approximate); common trends also make the slopes
    hard to tell apart. A significant :math:`M_{ij}` is an association, not proof that one
    firm causes the other's growth.

    References
    ----------
    .. [1] Ives, A. R., Dennis, B., Cottingham, K. L. and Carpenter, S. R. (2003). Estimating
       community stability and ecological interactions from time-series data. *Ecological
       Monographs*, 73(2), 301–330.

    Examples
    --------
    A noise-free Ricker series (log growth exactly linear in the sizes) is recovered exactly:

    >>> x = [[1.0, 1.0]]
    >>> for _ in range(7):
    ...     a, b = x[-1]
    ...     x.append([a * np.exp(0.5 - 0.05 * a - 0.01 * b), b * np.exp(0.3 - 0.03 * b)])
    >>> fit = fit_lotka_volterra(pd.DataFrame(x, columns=["A", "B"]))
    >>> fit.capacity.round(6).tolist()
    [10.0, 10.0]
    >>> round(float(fit.interactions.loc["A", "B"]), 6)
    -0.2
    """
    # imported here, and only the module needed (statsmodels.api loads all of statsmodels)
    from statsmodels.regression.linear_model import OLS

    _validate.check_choice(growth_measure, _GROWTH_MEASURES, name="growth_measure")
    level = _validate.check_real_between(alpha, name="alpha", low=0.0, high=1.0)
    frame = _validate.as_frame(series, name="series")
    n = frame.shape[1]
    _validate.check_integer(frame.shape[0], name="number of observation times",
                            minimum=n + 3,
                            hint=f"Each of the {n} growth regression(s) has {n + 1} "
                                 f"coefficients and needs at least one residual degree of "
                                 f"freedom: pass a longer series or fewer species.")
    _validate.check_positive(frame, name="series",
                             hint="Per-capita growth needs positive sizes.")
    times = _validate.check_increasing_index(frame, name="series")
    values = frame.to_numpy()
    step = np.diff(times)[:, None]
    if growth_measure == "log":
        response = np.log(values[1:] / values[:-1]) / step
    else:
        response = (values[1:] - values[:-1]) / (values[:-1] * step)
    species = frame.columns
    terms = ["growth", *species]
    _validate.check_varying(
        frame.iloc[:-1], name="series",
        purpose="A size that never changes is collinear with the intercept, so its "
                "coefficients cannot be estimated.")
    _validate.check_not_collinear(
        frame.iloc[:-1], name="series",
        purpose="Over the observation times their separate effects cannot be estimated.")
    _validate.check_comparable_scales(frame.iloc[:-1], name="series")
    design = pd.DataFrame(values[:-1], columns=species)
    design.insert(0, "growth", 1.0)
    results, blocks = {}, []
    growth, capacity, capacity_se = np.empty(n), np.empty(n), np.empty(n)
    inter, inter_se = np.zeros((n, n)), np.zeros((n, n))
    no_limit = []
    for k, name in enumerate(species):
        fitted = OLS(response[:, k], design).fit()
        results[name] = fitted
        params, cov = fitted.params.to_numpy(), fitted.cov_params().to_numpy()
        blocks.append(np.column_stack([params, fitted.bse, fitted.conf_int(alpha=level),
                                       fitted.pvalues]))
        r, m_ii = params[0], params[k + 1]
        growth[k] = r
        others = [j for j in range(n) if j != k]
        if m_ii >= 0:
            no_limit.append(name)
            capacity[k] = capacity_se[k] = math.nan
            inter[k, others] = inter_se[k, others] = math.nan
            continue
        capacity[k] = -r / m_ii
        gradient = np.array([-1.0 / m_ii, r / m_ii**2])
        pick = [0, k + 1]
        capacity_se[k] = np.sqrt(gradient @ cov[np.ix_(pick, pick)] @ gradient)
        for j in others:
            m_ij = params[j + 1]
            inter[k, j] = -m_ij / m_ii
            gradient = np.array([-1.0 / m_ii, m_ij / m_ii**2])
            pick = [j + 1, k + 1]
            inter_se[k, j] = np.sqrt(gradient @ cov[np.ix_(pick, pick)] @ gradient)
    if no_limit:
        warnings.warn(
            f"Species {no_limit} show no self-limitation (their own-size slope is not "
            f"negative): their capacities and interactions are undefined and reported as NaN. "
            f"Their sizes may still be far below capacity; read the coefficient table.",
            UserWarning, stacklevel=2)
    coefficients = pd.DataFrame(
        np.vstack(blocks), columns=["estimate", "std_error", "ci_low", "ci_high", "p_value"],
        index=pd.MultiIndex.from_product([species, terms], names=["species", "term"]))
    return LotkaVolterraFit(
        results=results, coefficients=coefficients,
        growth=pd.Series(growth, index=species, name="growth"),
        capacity=pd.Series(capacity, index=species, name="capacity"),
        capacity_std_error=pd.Series(capacity_se, index=species, name="capacity_std_error"),
        interactions=pd.DataFrame(inter, index=species, columns=species),
        interactions_std_error=pd.DataFrame(inter_se, index=species, columns=species),
        n_observations=int(len(response)), growth_measure=growth_measure)


# ============================================================================================
# collusion in a repeated oligopoly
# ============================================================================================
_COMPETITION = ("bertrand", "cournot")
#: Below this substitutability the profiles coincide to rounding precision (see collusion).
_MIN_SUBSTITUTABILITY = 1e-3


@dataclass(frozen=True, eq=False)
class CollusionResult:
    r"""Stage-game profiles of a symmetric repeated oligopoly and the collusion threshold.

    Attributes
    ----------
    profiles : pandas.DataFrame
        Rows ``"collusive"`` (joint-profit maximum shared equally), ``"nash"`` (one-shot
        equilibrium) and ``"deviation"`` (the best one-shot deviation of one firm while the
        others collude); columns ``price``, ``quantity`` and ``profit`` of one firm (the
        deviating firm in the last row).
    critical_discount : float
        :math:`\delta^* = (\pi^D - \pi^C)/(\pi^D - \pi^N)`: grim-trigger strategies sustain
        collusion if and only if the discount factor is at least this.
    n_firms : int
    competition : str
        ``"bertrand"`` or ``"cournot"``.
    substitutability : float
        :math:`\gamma` in (0, 1]; 1 means homogeneous products.
    deviation_excludes_rivals : bool
        True if the Bertrand deviant's best price leaves its rivals with no sales.
    """

    profiles: pd.DataFrame
    critical_discount: float
    n_firms: int
    competition: str
    substitutability: float
    deviation_excludes_rivals: bool

    def to_frame(self) -> pd.DataFrame:
        """The three profiles (a copy)."""
        return self.profiles.copy()

    def summary(self) -> pd.DataFrame:
        """One row: the setting, the three profits and the critical discount factor."""
        profit = self.profiles["profit"]
        return pd.DataFrame([{
            "competition": self.competition, "n_firms": self.n_firms,
            "substitutability": self.substitutability,
            "collusive_profit": float(profit["collusive"]), "nash_profit": float(profit["nash"]),
            "deviation_profit": float(profit["deviation"]),
            "critical_discount": self.critical_discount,
        }])

    def present_values(self, discount: float) -> pd.Series:
        r"""Discounted profit of colluding forever and of deviating once (then Nash forever).

        :math:`V^C = \pi^C/(1-\delta)` and :math:`V^D = \pi^D + \delta\pi^N/(1-\delta)`.

        Raises
        ------
        ValueError
            If `discount` is not in (0, 1).
        """
        delta = _validate.check_real_between(
            discount, name="discount", low=0.0, high=1.0,
            hint="A discount factor is the weight of next period's profit, between 0 and 1.")
        profit = self.profiles["profit"]
        return pd.Series({
            "collude": float(profit["collusive"]) / (1 - delta),
            "deviate": float(profit["deviation"]) + delta * float(profit["nash"]) / (1 - delta),
        }, name="present_value")

    def sustainable(self, discount: float) -> bool:
        """Whether grim-trigger strategies sustain collusion at this discount factor.

        Raises
        ------
        ValueError
            If `discount` is not in (0, 1).
        """
        values = self.present_values(discount)
        return bool(values["collude"] >= values["deviate"])


def _profiles(n: int, competition: str, gamma: float, margin: float
              ) -> tuple[dict[str, tuple[float, float]], bool]:
    """(price-cost margin, quantity) of each profile with slope 1, and the exclusion flag."""
    spread = 1 + gamma * (n - 1)  # D: how one firm's output moves every price
    collusive = (margin / 2, margin / (2 * spread))
    if competition == "cournot":
        q_nash = margin / (2 + gamma * (n - 1))
        q_dev = margin * (2 + gamma * (n - 1)) / (4 * spread)
        return {"collusive": collusive, "nash": (q_nash, q_nash), "deviation": (q_dev, q_dev)}, False
    if gamma == 1.0:  # homogeneous Bertrand: p = c; a deviant undercuts and takes the market
        return {"collusive": collusive, "nash": (0.0, margin / n),
                "deviation": (margin / 2, margin / 2)}, True
    own = 1 + gamma * (n - 2)  # E
    m_nash = margin * (1 - gamma) / (2 + gamma * (n - 3))
    nash = (m_nash, (margin - m_nash) / spread)
    m_dev = margin * (2 + gamma * (n - 3)) / (4 * own)
    if margin / 2 >= gamma * (margin - m_dev):  # rivals keep non-negative sales
        return {"collusive": collusive, "nash": nash,
                "deviation": (m_dev, m_dev * own / ((1 - gamma) * spread))}, False
    q_dev = margin / (2 * gamma)  # just low enough that the rivals sell nothing
    return {"collusive": collusive, "nash": nash, "deviation": (margin - q_dev, q_dev)}, True


def collusion(n_firms: int, *, competition: str = "bertrand", substitutability: float = 1.0,
              intercept: float = 1.0, marginal_cost: float = 0.0, slope: float = 1.0
              ) -> CollusionResult:
    r"""Collusive, Nash and deviation profits of a symmetric oligopoly, and the threshold
    discount factor for collusion under grim-trigger strategies.

    Parameters
    ----------
    n_firms : int
        Number of firms, at least 2.
    competition : {"bertrand", "cournot"}, default "bertrand"
        Firms set prices (Bertrand) or quantities (Cournot) each period.
    substitutability : float, default 1.0
        :math:`\gamma` in (0, 1]: how far a rival's output lowers a firm's price relative to
        its own; 1 means homogeneous products (the document's "homogeneous competition"),
        values near 0 nearly independent ones.
    intercept : float, default 1.0
        Demand intercept :math:`a`, above `marginal_cost`.
    marginal_cost : float, default 0.0
        Constant marginal cost :math:`c \ge 0`.
    slope : float, default 1.0
        Slope :math:`b > 0` of inverse demand.

    Returns
    -------
    CollusionResult

    Raises
    ------
    TypeError
        If `n_firms` is not an integer or a parameter is not a number.
    ValueError
        If there are fewer than two firms, `competition` is unknown, `substitutability` is
        outside (0, 1], `slope` is not positive, `marginal_cost` is negative, or `intercept`
        does not exceed `marginal_cost`.

    Notes
    -----
    Inverse demand for firm :math:`i` (Häckner 2000; Singh and Vives 1984 for two firms):

    .. math:: p_i = a - b\Bigl(q_i + \gamma \sum_{j \ne i} q_j\Bigr).

    With :math:`\alpha = a - c`, :math:`D = 1 + \gamma(n-1)` and :math:`E = 1 + \gamma(n-2)`,
    per firm (write :math:`b = 1`; quantities and profits scale with :math:`1/b`):

    * collusion: :math:`p - c = \alpha/2`, :math:`q = \alpha/(2D)`, :math:`\pi^C =
      \alpha^2/(4D)`;
    * Cournot: :math:`\pi^N = \alpha^2/(2+\gamma(n-1))^2` and the deviant's
      :math:`\pi^D = \alpha^2 (2+\gamma(n-1))^2 / (16 D^2)`;
    * Bertrand, :math:`\gamma < 1`: :math:`p^N - c = \alpha(1-\gamma)/(2+\gamma(n-3))`,
      :math:`q^N = (\alpha - (p^N - c))/D`; the deviant's margin
      :math:`\alpha(2+\gamma(n-3))/(4E)` and :math:`\pi^D = \alpha^2(2+\gamma(n-3))^2 /
      (16(1-\gamma)ED)`, valid while the rivals keep non-negative sales,
      :math:`\alpha/2 \ge \gamma(\alpha - (p^D - c))`. Beyond that (close substitutes) the
      best deviation prices the rivals just out of the market: :math:`q^D = \alpha/(2\gamma)`,
      :math:`\pi^D = \alpha^2(2\gamma - 1)/(4\gamma^2)` (Deneckere 1983 for two firms);
    * Bertrand, :math:`\gamma = 1`: :math:`p^N = c`, :math:`\pi^N = 0`, and the deviant
      undercuts the collusive price by an arbitrarily small amount and takes the whole
      collusive market, :math:`\pi^D = \alpha^2/4` (reported at the collusive price).

    A firm colludes forever, worth :math:`\pi^C/(1-\delta)`, or deviates once and earns the
    Nash profit forever after, worth :math:`\pi^D + \delta\pi^N/(1-\delta)`; collusion is
    sustained iff :math:`\delta \ge \delta^* = (\pi^D-\pi^C)/(\pi^D-\pi^N)`. Closed forms:
    homogeneous Bertrand :math:`\delta^* = 1 - 1/n`; homogeneous Cournot
    :math:`\delta^* = (n+1)^2/(n^2+6n+1)`, 9/17 for a duopoly (Gibbons 1992). Grim trigger is
    not the harshest credible punishment (Abreu 1988), so :math:`\delta^*` is an upper bound
    on what collusion needs.

    References
    ----------
    .. [1] Friedman, J. W. (1971). A non-cooperative equilibrium for supergames. *Review of
       Economic Studies*, 38(1), 1–12.
    .. [2] Gibbons, R. (1992). *Game Theory for Applied Economists*. Princeton University
       Press, section 2.3.C.
    .. [3] Deneckere, R. (1983). Duopoly supergames with product differentiation.
       *Economics Letters*, 11(1–2), 37–42.
    .. [4] Häckner, J. (2000). A note on price and quantity competition in differentiated
       oligopolies. *Journal of Economic Theory*, 93(2), 233–239.

    Examples
    --------
    >>> result = collusion(2, competition="cournot")
    >>> round(result.critical_discount, 6), round(9 / 17, 6)
    (0.529412, 0.529412)
    >>> collusion(4, competition="bertrand").critical_discount
    0.75
    """
    count = _validate.check_integer(n_firms, name="n_firms", minimum=2,
                                    hint="Collusion needs at least two firms.")
    _validate.check_choice(competition, _COMPETITION, name="competition")
    gamma = _validate.check_real_between(
        substitutability, name="substitutability", low=0.0, high=1.0, high_open=False,
        hint="Use 1 for homogeneous products; at 0 the firms are independent monopolists and "
             "there is nothing to collude on.")
    b = _validate.check_real_between(slope, name="slope", low=0.0, high=math.inf)
    cost = _validate.check_real(marginal_cost, name="marginal_cost", minimum=0.0)
    a = _validate.check_real(intercept, name="intercept")
    if a <= cost:
        raise ValueError(
            f"`intercept` ({a!r}) must exceed `marginal_cost` ({cost!r}); otherwise nothing is "
            f"sold at a price that covers cost."
        )
    if gamma < _MIN_SUBSTITUTABILITY:
        raise ValueError(
            f"`substitutability` {gamma!r} is too close to 0: the collusive, Nash and deviation "
            f"profits then differ by about substitutability**2 of their size, which float64 "
            f"cannot resolve, so the critical discount factor (a ratio of those differences) "
            f"would be rounding noise. Use a value of at least {_MIN_SUBSTITUTABILITY:g}; as it "
            f"tends to 0 the critical discount factor tends to 0.5."
        )
    # the profiles are computed for a unit margin and slope (the critical discount factor does
    # not depend on them) and then scaled, refusing profits outside float64's range
    margin = a - cost
    profiles, excludes = _profiles(count, competition, gamma, 1.0)
    unit = {name: m * q for name, (m, q) in profiles.items()}
    profit_scale = margin * (margin / b)
    if not (np.isfinite(profit_scale) and profit_scale >= np.finfo(float).tiny):
        raise ValueError(
            f"The profits, of order (intercept - marginal_cost)**2 / slope = {margin!r}**2 / "
            f"{b!r}, are outside the range of float64 numbers. Express prices and quantities in "
            f"other units (e.g. thousands of yuan) so that this is between 1e-300 and 1e300."
        )
    table = pd.DataFrame(
        {name: {"price": cost + m * margin, "quantity": q * (margin / b),
                "profit": unit[name] * profit_scale}
         for name, (m, q) in profiles.items()}).T
    table.index.name = "profile"
    p_c, p_n, p_d = (unit[k] for k in ("collusive", "nash", "deviation"))
    return CollusionResult(profiles=table, critical_discount=(p_d - p_c) / (p_d - p_n),
                           n_firms=count, competition=competition, substitutability=gamma,
                           deviation_excludes_rivals=excludes)


# ============================================================================================
# pooling gains and the Shapley value
# ============================================================================================
def _coalition_masks(n: int) -> np.ndarray:
    return np.arange(1 << n, dtype=np.int64)


def _popcount(masks: np.ndarray) -> np.ndarray:
    return np.array([bin(int(m)).count("1") for m in masks], dtype=np.int64)


def _shapley_from_values(values: np.ndarray, n: int) -> np.ndarray:
    """Shapley value from v over all 2**n coalitions (bit k set: player k is in)."""
    masks = _coalition_masks(n)
    sizes = _popcount(masks)
    weights = np.array([math.factorial(s) * math.factorial(n - s - 1) / math.factorial(n)
                        if s < n else 0.0 for s in sizes])
    out = np.empty(n)
    for k in range(n):
        without = masks[(masks >> k) & 1 == 0]
        out[k] = float(np.sum(weights[without] * (values[without | (1 << k)] - values[without])))
    return out


def _coalition_key(members: Any) -> frozenset:
    """The players of a coalition given as a tuple, list, set or frozenset, or one player alone
    (a string, a number or any other single label); a player listed twice is refused."""
    if isinstance(members, (tuple, list)):
        if len(set(members)) != len(members):
            raise ValueError(
                f"Coalition {members!r} of `game` lists a player more than once; a coalition is "
                f"a set of players. Name each member once."
            )
        return frozenset(members)
    if isinstance(members, (set, frozenset)):
        return frozenset(members)
    _validate.check_hashable(members, name="game", what="a coalition or a single player")
    return frozenset([members])


def shapley_value(game: Mapping[Any, float] | Callable[[tuple], float], *,
                  players: Sequence[Any] | None = None) -> pd.Series:
    r"""Shapley value of a transferable-utility cooperative game.

    Parameters
    ----------
    game : mapping or callable
        The worth :math:`v(S)` of every non-empty coalition :math:`S`: a mapping from
        coalitions (frozensets, sets or tuples of players; a single player may be given alone)
        to numbers, covering all :math:`2^n - 1` non-empty coalitions (the empty coalition,
        if present, must be worth 0); or a function of a tuple of players (in the order of
        `players`).
    players : sequence, optional
        The players, in the order to report them. Required with a function; with a mapping,
        by default the players of the largest coalition in sorted order.

    Returns
    -------
    pandas.Series
        Each player's value, named ``"shapley_value"``; the values add up to :math:`v(N)`.

    Raises
    ------
    TypeError
        If `game` is neither a mapping nor callable, or a worth is not a number.
    ValueError
        If a coalition is missing or names an unknown player, the empty coalition is not worth
        0, a worth is not finite, `players` repeats a player, or there are fewer than one or
        more than 16 players.

    Notes
    -----
    .. math::

       \phi_i &= \sum_{S \subseteq N \setminus \{i\}} \frac{|S|!\,(n-|S|-1)!}{n!} \\
              &\qquad \bigl(v(S \cup \{i\}) - v(S)\bigr),

    each player's marginal contribution averaged over all orders in which the grand
    coalition can form. It is the unique rule that is efficient (shares add up to
    :math:`v(N)`), symmetric (interchangeable players get the same), gives a null player
    zero and is additive over games (Shapley 1953). For a convex game it lies in the core
    (Shapley 1971): no coalition gets less than it could secure alone. Every coalition is
    enumerated, so the work doubles with each player.

    References
    ----------
    .. [1] Shapley, L. S. (1953). A value for n-person games. In H. W. Kuhn and A. W. Tucker
       (eds.), *Contributions to the Theory of Games II*, 307–317. Princeton University Press.
    .. [2] Shapley, L. S. (1971). Cores of convex games. *International Journal of Game
       Theory*, 1(1), 11–26.

    Examples
    --------
    A glove game: player A holds a left glove, B and C right gloves; a pair is worth 1.

    >>> pairs = {("A",): 0, ("B",): 0, ("C",): 0, ("A", "B"): 1, ("A", "C"): 1, ("B", "C"): 0,
    ...          ("A", "B", "C"): 1}
    >>> shapley_value(pairs).round(4).tolist()
    [0.6667, 0.1667, 0.1667]
    """
    if isinstance(game, Mapping):
        worth, given_as = {}, {}
        for members, value in game.items():
            key = _coalition_key(members)
            number = _validate.check_real(value, name=f"v({members!r})")
            if key in worth and worth[key] != number:
                raise ValueError(
                    f"`game` gives coalition {given_as[key]!r} the worth {worth[key]!r} and "
                    f"{members!r} (the same players) the worth {number!r}; a coalition has one "
                    f"worth whatever the order of its players. Keep one of them."
                )
            worth[key], given_as[key] = number, members
        if players is None:
            largest = max(worth, key=len) if worth else frozenset()
            players = sorted(largest, key=str)
    elif callable(game):
        if players is None:
            raise ValueError("`players` is required when `game` is a function; pass the list "
                             "of players.")
        worth = None
    else:
        raise TypeError(f"`game` must be a mapping from coalitions to worths or a function of a "
                        f"coalition; received {type(game).__name__}.")
    if isinstance(players, (str, bytes)) or not isinstance(players, (Sequence, pd.Index)):
        raise TypeError(
            f"`players` must be a list of players; received {type(players).__name__} "
            f"{players!r} (a string would be split into letters). Pass e.g. ['A', 'B']."
        )
    roster = list(players)
    n = _validate.check_integer(len(roster), name="number of players", minimum=1,
                                maximum=MAX_PLAYERS,
                                hint="The Shapley value enumerates all 2**n coalitions.")
    if len(set(roster)) != n:
        raise ValueError(f"`players` repeats players: {roster}; list each player once.")
    values = np.zeros(1 << n)
    if worth is not None:
        unknown = sorted({p for c in worth for p in c} - set(roster), key=str)
        if unknown:
            raise ValueError(f"Coalitions name players {unknown} who are not in `players` "
                             f"{roster}; pass the full list of players.")
        if worth.get(frozenset(), 0.0) != 0.0:
            raise ValueError(f"The empty coalition must be worth 0; received "
                             f"{worth[frozenset()]!r}. Shift every worth by that amount.")
    missing = []
    for mask in range(1, 1 << n):
        members = tuple(roster[k] for k in range(n) if mask >> k & 1)
        if worth is None:
            values[mask] = _validate.check_real(game(members), name=f"v({members!r})")
        elif frozenset(members) in worth:
            values[mask] = worth[frozenset(members)]
        else:
            missing.append(members)
    if missing:
        raise ValueError(f"{len(missing)} coalition(s) have no worth, e.g. "
                         f"{_validate._listed(missing)}; give the worth of every non-empty "
                         f"coalition.")
    return pd.Series(_shapley_from_values(values, n), index=pd.Index(roster, name="player"),
                     name="shapley_value")


def _pooling_inputs(volumes: Any, name: str = "volumes") -> pd.Series:
    series = _validate.as_series(volumes, name=name, min_length=2)
    _validate.check_positive(series.to_frame(), name=name,
                             hint="Every firm in a pool ships a positive volume.")
    _validate.check_integer(len(series), name="number of firms", minimum=2, maximum=MAX_PLAYERS,
                            hint="Pooling needs at least two firms; savings are split over "
                                 "all 2**n coalitions.")
    return series


def _check_elasticity(value: Any) -> float:
    return _validate.check_real_between(
        value, name="scale_elasticity", low=0.0, high=1.0, high_open=False,
        hint="Cost proportional to volume**elasticity has economies of scale for elasticities "
             "below 1 (1: no economies, no saving).")


@dataclass(frozen=True, eq=False)
class PoolingResult:
    """What firms save by pooling logistics, coalition by coalition, and its Shapley split.

    Attributes
    ----------
    firms : pandas.DataFrame
        One row per firm: ``volume``, ``stand_alone_cost``, ``shapley_saving`` (its Shapley
        share of the grand coalition's saving), ``shapley_saving_share`` (that share over its
        stand-alone cost) and ``proportional_saving`` (the saving split in proportion to
        stand-alone costs, for comparison).
    coalitions : pandas.DataFrame
        One row per coalition (``"A+B"``): ``size``, ``stand_alone_cost``, ``pooled_cost``,
        ``saving`` and ``saving_share``.
    saving_share : float
        Saving of the grand coalition as a share of its stand-alone cost.
    scale_elasticity : float
    """

    firms: pd.DataFrame
    coalitions: pd.DataFrame
    saving_share: float
    scale_elasticity: float

    def to_frame(self) -> pd.DataFrame:
        """The per-firm table (a copy)."""
        return self.firms.copy()

    def summary(self) -> pd.DataFrame:
        """The per-coalition table (a copy)."""
        return self.coalitions.copy()


def pooling_savings(volumes: pd.Series | np.ndarray | Sequence[float], *,
                    scale_elasticity: float, unit_cost: float = 1.0) -> PoolingResult:
    r"""Cost saving of every coalition that pools logistics, and the Shapley split of the total.

    Parameters
    ----------
    volumes : pandas.Series or array-like
        Each firm's volume (parcels, cubic metres, shipments), positive; 2 to 16 firms. The
        labels name the firms (0, 1, ... for arrays).
    scale_elasticity : float
        :math:`\beta` in (0, 1] of the cost function :math:`C(V) = c V^\beta`.
    unit_cost : float, default 1.0
        :math:`c > 0`, the cost of one unit of volume handled alone.

    Returns
    -------
    PoolingResult

    Raises
    ------
    TypeError
        If `volumes` is not a Series, array or list, or a parameter is not a number.
    ValueError
        If a volume is zero, negative or missing, there are fewer than 2 or more than 16
        firms, `scale_elasticity` is outside (0, 1], or `unit_cost` is not positive.

    Notes
    -----
    A coalition :math:`S` that ships its volumes together pays :math:`C(\sum_{i \in S} v_i)`
    instead of :math:`\sum_{i \in S} C(v_i)`, and saves

    .. math:: s(S) = \sum_{i \in S} c\,v_i^\beta - c\Bigl(\sum_{i \in S} v_i\Bigr)^\beta .

    For :math:`k` equal firms the saving share is :math:`1 - k^{\beta - 1}`. A power law is
    the usual reduced form of economies of scale in logistics; inventory pooling with the
    square-root law (Maister 1976) is the case :math:`\beta = 1/2`. Because the cost is
    concave in the coalition's total volume, the savings game is convex, so the Shapley
    value (:func:`shapley_value`) is in its core: no group of firms could save more by
    leaving.

    References
    ----------
    .. [1] Maister, D. H. (1976). Centralisation of inventories and the "square root law".
       *International Journal of Physical Distribution*, 6(3), 124–134.
    .. [2] Shapley, L. S. (1971). Cores of convex games. *International Journal of Game
       Theory*, 1(1), 11–26.

    Examples
    --------
    >>> result = pooling_savings(pd.Series({"A": 1.0, "B": 1.0}), scale_elasticity=0.5)
    >>> round(result.saving_share, 4), round(1 - 2 ** -0.5, 4)
    (0.2929, 0.2929)
    >>> result.firms["shapley_saving"].round(4).tolist()
    [0.2929, 0.2929]
    """
    series = _pooling_inputs(volumes)
    beta = _check_elasticity(scale_elasticity)
    c = _validate.check_real_between(unit_cost, name="unit_cost", low=0.0, high=math.inf)
    labels = series.index
    n = len(series)
    volume = series.to_numpy()
    alone = c * volume**beta
    masks = _coalition_masks(n)
    member = (masks[:, None] >> np.arange(n)) & 1
    with np.errstate(over="ignore", invalid="ignore"):  # an overflow is reported just below
        total = member @ volume
        stand_alone = member @ alone
        pooled = c * total**beta
        saving = stand_alone - pooled
    _validate.check_no_overflow(np.concatenate([total, stand_alone, pooled]), name="volumes",
                                operation="pool (a coalition's volume or cost)")
    shapley = _shapley_from_values(saving, n)
    grand = saving[-1]
    with np.errstate(over="ignore"):
        proportional = grand * alone / alone.sum()
    if not np.isfinite(proportional).all():  # grand * alone overflowed: divide first
        proportional = grand * (alone / alone.sum())
    firms = pd.DataFrame({
        "volume": volume, "stand_alone_cost": alone, "shapley_saving": shapley,
        "shapley_saving_share": shapley / alone,
        "proportional_saving": proportional,
    }, index=labels)
    names = [_support_label(labels[member[m].astype(bool)]) for m in masks[1:]]
    coalitions = pd.DataFrame({
        "size": member[1:].sum(axis=1).astype(int), "stand_alone_cost": stand_alone[1:],
        "pooled_cost": pooled[1:], "saving": saving[1:],
        "saving_share": saving[1:] / stand_alone[1:],
    }, index=pd.Index(names, name="coalition")).sort_values(["size"], kind="stable")
    return PoolingResult(firms=firms, coalitions=coalitions,
                         saving_share=float(grand / stand_alone[-1]), scale_elasticity=beta)


def calibrate_scale_elasticity(volumes: pd.Series | np.ndarray | Sequence[float], *,
                               saving: float) -> float:
    r"""The scale elasticity :math:`\beta` at which pooling `volumes` saves the share `saving`.

    Parameters
    ----------
    volumes : pandas.Series or array-like
        Volumes of the firms that pool (2 to 16, positive).
    saving : float
        Observed saving as a share of the stand-alone cost, in (0, 1).

    Returns
    -------
    float
        :math:`\beta \in (0, 1)` solving :math:`1 - (\sum_i v_i)^\beta / \sum_i v_i^\beta =`
        `saving`.

    Raises
    ------
    ValueError
        If a volume is not positive, there are fewer than 2 or more than 16 firms, `saving`
        is outside (0, 1), or `saving` is at least :math:`1 - 1/n`, which no
        :math:`\beta > 0` reaches.

    Notes
    -----
    The saving share falls steadily from :math:`1 - 1/n` (as :math:`\beta \to 0`) to 0 (at
    :math:`\beta = 1`), so the root is unique; it is found with Brent's method
    (``scipy.optimize.brentq``, tolerance :math:`10^{-12}`). Two equal volumes model a
    doubling of throughput: :math:`\beta = 1 + \log_2(1 - s)`.

    Examples
    --------
    >>> beta = calibrate_scale_elasticity([1.0, 1.0], saving=0.15)
    >>> round(beta, 6), round(1 + float(np.log2(0.85)), 6)
    (0.765535, 0.765535)
    """
    series = _pooling_inputs(volumes)
    share = _validate.check_real_between(saving, name="saving", low=0.0, high=1.0)
    volume = series.to_numpy()
    n = len(volume)
    if share >= 1 - 1 / n:
        raise ValueError(
            f"A saving of {share:g} cannot come from pooling {n} firms with cost "
            f"proportional to volume**beta: the most it can reach is {1 - 1 / n:g} (as beta "
            f"goes to 0). Pool more firms or check the saving."
        )
    volume = volume * _validate.power_of_two_scale(volume.max())  # the share is scale-free
    total = volume.sum()

    def gap(beta: float) -> float:
        return 1 - total**beta / np.sum(volume**beta) - share

    if gap(_SMALLEST_ELASTICITY) < 0:
        raise ValueError(
            f"A saving of {share:g} needs a scale elasticity below {_SMALLEST_ELASTICITY:g}: it "
            f"is within rounding of the most pooling {n} firms can save ({1 - 1 / n:g}, as beta "
            f"goes to 0), where beta is not identified. Check the saving."
        )
    return float(optimize.brentq(gap, _SMALLEST_ELASTICITY, 1.0, xtol=1e-12, rtol=1e-12))



# ============================================================================================
# Lotka–Volterra in general form, the two-species competition outcome, and intervals for
# derived quantities of a fitted system
# ============================================================================================
def _classify_general(eigenvalues: np.ndarray) -> str:
    """Name an equilibrium of the general model from its Jacobian's eigenvalues.

    As :func:`_classify`, and ``"centre"`` when every eigenvalue is purely imaginary and non-zero
    (a linear centre).
    """
    scale = max(1.0, float(np.max(np.abs(eigenvalues))))
    zero_real = np.abs(eigenvalues.real) <= _EIGEN_TOLERANCE * scale
    if zero_real.any():
        if zero_real.all() and (np.abs(eigenvalues.imag) > _EIGEN_TOLERANCE * scale).all():
            return "centre"
        return "non-hyperbolic"
    return _classify(eigenvalues)


@dataclass(frozen=True, eq=False)
class GeneralizedEquilibria:
    """Every isolated equilibrium of a generalized Lotka–Volterra system and its type.

    Attributes
    ----------
    equilibria : pandas.DataFrame
        One row per equilibrium, labelled by its support (``"A+B"``; ``"none"`` for the
        origin): the size of every species, ``type`` (``"stable node"``, ``"stable spiral"``,
        ``"saddle"``, ``"unstable node"``, ``"unstable spiral"``, ``"centre"`` or
        ``"non-hyperbolic"``), ``stable`` (every eigenvalue with negative real part) and
        ``max_real_eigenvalue``.
    eigenvalues : pandas.DataFrame
        The Jacobian's eigenvalues (complex) at each equilibrium, largest real part first.
    degenerate_supports : tuple of str
        Supports with a continuum of equilibria, left out of `equilibria`.
    """

    equilibria: pd.DataFrame
    eigenvalues: pd.DataFrame
    degenerate_supports: tuple

    @property
    def stable(self) -> pd.DataFrame:
        """The rows of `equilibria` that are asymptotically stable."""
        return self.equilibria[self.equilibria["stable"]]

    def to_frame(self) -> pd.DataFrame:
        """The table of equilibria (a copy)."""
        return self.equilibria.copy()

    def summary(self) -> pd.DataFrame:
        """Number of equilibria and the supports of each type."""
        rows = {"equilibria": len(self.equilibria)}
        for kind, part in self.equilibria.groupby("type", sort=True):
            rows[kind] = ", ".join(part.index)
        return pd.DataFrame({"value": pd.Series(rows, dtype=object)})


@dataclass(frozen=True, eq=False)
class GeneralizedLotkaVolterra:
    r"""A generalized Lotka–Volterra system :math:`\dot x = x \circ (r + A x)`.

    Create it with :func:`generalized_lotka_volterra` or from a logistic-form system with
    :meth:`from_logistic`.

    Attributes
    ----------
    growth : pandas.Series
        Growth rates :math:`r_i` of any sign (negative: a species that declines alone, such
        as a predator without prey), named ``"growth"``.
    matrix : pandas.DataFrame
        Interaction matrix :math:`A`, entries of any sign: :math:`A_{ij}` is the change in
        species :math:`i`'s per-capita growth per unit of species :math:`j`; the diagonal
        holds self-limitation (negative), zero or self-facilitation.
    """

    growth: pd.Series
    matrix: pd.DataFrame

    @property
    def species(self) -> pd.Index:
        """The species' labels."""
        return self.growth.index

    @classmethod
    def from_logistic(cls, model: LotkaVolterra) -> GeneralizedLotkaVolterra:
        r"""The same system written in general form: :math:`r` unchanged, :math:`A = M`.

        :math:`M` is :meth:`LotkaVolterra.community_matrix`, :math:`M_{ii} = -r_i/K_i`,
        :math:`M_{ij} = r_i a_{ij}/K_i`; paths, equilibria and eigenvalues are identical.

        Raises
        ------
        TypeError
            If `model` is not a :class:`LotkaVolterra`.
        """
        if not isinstance(model, LotkaVolterra):
            raise TypeError(f"`model` must be a LotkaVolterra (from lotka_volterra); received "
                            f"{type(model).__name__}.")
        return cls(growth=model.growth.rename("growth"), matrix=model.community_matrix())

    def _sizes(self, sizes: Any, name: str) -> pd.Series:
        series = _species_series(sizes, self.species, name=name)
        _validate.check_nonnegative(series.to_frame(), name=name,
                                    hint="Population sizes cannot be negative.")
        return series

    def _jacobian(self, x: np.ndarray) -> np.ndarray:
        a = self.matrix.to_numpy()
        return np.diag(self.growth.to_numpy() + a @ x) + x[:, None] * a

    def rates(self, sizes: pd.Series | np.ndarray | Sequence[float]) -> pd.Series:
        r"""Growth :math:`\dot x_i = x_i (r_i + \sum_j A_{ij} x_j)` at the given sizes.

        Raises
        ------
        ValueError
            If `sizes` has other labels than the species, or negative or missing values.
        """
        x = self._sizes(sizes, "sizes").to_numpy()
        values = x * (self.growth.to_numpy() + self.matrix.to_numpy() @ x)
        return pd.Series(values, index=self.species, name="rate")

    def jacobian(self, sizes: pd.Series | np.ndarray | Sequence[float]) -> pd.DataFrame:
        r"""Jacobian :math:`J = \operatorname{diag}(r + Ax) + \operatorname{diag}(x) A`.

        Raises
        ------
        ValueError
            If `sizes` has other labels than the species, or negative or missing values.
        """
        x = self._sizes(sizes, "sizes").to_numpy()
        return pd.DataFrame(self._jacobian(x), index=self.species, columns=self.species)

    def equilibria(self) -> GeneralizedEquilibria:
        r"""Every isolated equilibrium with non-negative sizes, and its type.

        Returns
        -------
        GeneralizedEquilibria

        Warns
        -----
        UserWarning
            If the equations of some support have a continuum of solutions; such supports are
            listed in ``degenerate_supports`` and left out.

        Notes
        -----
        For each support :math:`S` the equilibrium solves :math:`A_{SS} x_S = -r_S` and is kept
        if every :math:`x_i, i \in S`, is positive. The type follows from the eigenvalues of
        the Jacobian (Strogatz 2015, sections 5.2 and 6.3): all real parts negative, stable
        (node if real, spiral if complex); all positive, unstable; mixed, a saddle; every
        eigenvalue purely imaginary, a ``"centre"``; any other zero real part,
        ``"non-hyperbolic"``. Zero means within :math:`10^{-9}` of the largest modulus.

        A centre of the *linearised* system need not be a centre of the nonlinear one
        (Strogatz 2015, section 6.3). For the predator–prey model
        :math:`\dot x = x(a - by)`, :math:`\dot y = y(-c + dx)` it is one: the closed orbits
        around :math:`(c/d, a/b)` are level sets of a conserved quantity (Murray 2002,
        section 3.1).

        References
        ----------
        .. [1] Strogatz, S. H. (2015). *Nonlinear Dynamics and Chaos*, 2nd ed. Westview Press.
        .. [2] Murray, J. D. (2002). *Mathematical Biology I: An Introduction*, 3rd ed.
           Springer, sections 3.1, 3.5 and 3.6.
        .. [3] Hofbauer, J. and Sigmund, K. (1998). *Evolutionary Games and Population
           Dynamics*. Cambridge University Press.

        Examples
        --------
        Murray's dimensionless predator–prey model :math:`\dot u = u(1 - v)`,
        :math:`\dot v = \alpha v(u - 1)` with :math:`\alpha = 4`:

        >>> model = generalized_lotka_volterra(pd.Series({"prey": 1.0, "predator": -4.0}),
        ...     pd.DataFrame([[0.0, -1.0], [4.0, 0.0]], index=["prey", "predator"],
        ...                  columns=["prey", "predator"]))
        >>> model.equilibria().equilibria[["prey", "predator", "type"]]
                        prey  predator    type
        support
        none             0.0       0.0  saddle
        prey+predator    1.0       1.0  centre
        """
        n = len(self.species)
        r = self.growth.to_numpy()
        a = self.matrix.to_numpy()
        labels = list(self.species)
        rows, eigen_rows, names, degenerate = [], [], [], []
        for size in range(n + 1):
            for support in itertools.combinations(range(n), size):
                x = np.zeros(n)
                if support:
                    idx = list(support)
                    system = a[np.ix_(idx, idx)]
                    target = -r[idx]
                    if np.linalg.cond(system) > _CONDITION_LIMIT:
                        guess = np.linalg.lstsq(system, target, rcond=None)[0]
                        gap = np.linalg.norm(system @ guess - target)
                        if gap <= 1e-9 * max(1.0, float(np.linalg.norm(target))):
                            degenerate.append(_support_label([labels[i] for i in idx]))
                        continue
                    x[idx] = np.linalg.solve(system, target)
                    if (x[idx] <= 0).any():
                        continue
                eigenvalues = np.linalg.eigvals(self._jacobian(x))
                eigenvalues = eigenvalues[np.lexsort((-eigenvalues.imag, -eigenvalues.real))]
                kind = _classify_general(eigenvalues)
                names.append(_support_label([labels[i] for i in support]))
                rows.append([*x, kind, kind.startswith("stable"),
                             float(eigenvalues.real.max())])
                eigen_rows.append(eigenvalues)
        if degenerate:
            warnings.warn(
                f"Supports {degenerate} have a continuum of solutions to their equilibrium "
                f"equations (non-isolated equilibria); they are left out of the table. Perturb "
                f"the matrix slightly to study nearby systems.", UserWarning, stacklevel=2)
        table = pd.DataFrame(rows, index=pd.Index(names, name="support"),
                             columns=[*self.species, "type", "stable", "max_real_eigenvalue"])
        table["stable"] = table["stable"].astype(bool)
        eigen = pd.DataFrame(np.array(eigen_rows), index=table.index,
                             columns=[f"eigenvalue_{k + 1}" for k in range(n)])
        return GeneralizedEquilibria(equilibria=table, eigenvalues=eigen,
                                     degenerate_supports=tuple(degenerate))

    def simulate(self, initial: pd.Series | np.ndarray | Sequence[float], *, t_max: float = 50.0,
                 n_points: int = 201, bound: float | None = None, rtol: float = RTOL,
                 atol: float = ATOL, method: str = "RK45") -> LotkaVolterraPath:
        r"""Integrate the system from `initial` with ``scipy.integrate.solve_ivp``.

        Parameters and behaviour as :meth:`LotkaVolterra.simulate`; by default `bound` is
        :math:`10^6 \times` the largest initial size (at least :math:`10^6`).

        Returns
        -------
        LotkaVolterraPath

        Raises
        ------
        ValueError
            If `initial` is negative, missing or mislabelled, `t_max`, `bound`, `rtol` or
            `atol` is not positive, `n_points` is below 2, or the solver fails.

        Warns
        -----
        UnboundedGrowthWarning
            If the path reached `bound`; the path up to that time is returned.

        Examples
        --------
        Along a predator–prey path :math:`\dot x = x(1 - y)`, :math:`\dot y = y(x - 1)` the
        quantity :math:`x - \ln x + y - \ln y` stays constant (a closed orbit):

        >>> model = generalized_lotka_volterra([1.0, -1.0], [[0.0, -1.0], [1.0, 0.0]])
        >>> path = model.simulate([2.0, 1.0], t_max=20.0).path
        >>> level = path[0] - np.log(path[0]) + path[1] - np.log(path[1])
        >>> bool(np.allclose(level, level.iloc[0], rtol=1e-6))
        True
        """
        x0 = self._sizes(initial, "initial").to_numpy()
        t_max = _validate.check_real_between(t_max, name="t_max", low=0.0, high=math.inf)
        count = _validate.check_integer(n_points, name="n_points", minimum=2)
        for value, label in ((rtol, "rtol"), (atol, "atol")):
            _validate.check_real_between(value, name=label, low=0.0, high=math.inf)
        if bound is None:
            bound = 1e6 * max(1.0, float(x0.max()))
        bound = _validate.check_real_between(bound, name="bound", low=0.0, high=math.inf)
        return _integrate_path(self.growth.to_numpy(), self.matrix.to_numpy(), x0,
                               self.species, t_max=t_max, count=count, bound=bound, rtol=rtol,
                               atol=atol, method=method)


def generalized_lotka_volterra(growth: pd.Series | np.ndarray | Sequence[float],
                               matrix: pd.DataFrame | np.ndarray | Sequence[Sequence[float]]
                               ) -> GeneralizedLotkaVolterra:
    r"""A generalized Lotka–Volterra system :math:`\dot x = x \circ (r + A x)`.

    Competition, mutualism and predator–prey are one model: the signs of :math:`r` and
    :math:`A` are free. :func:`lotka_volterra` is the logistic convenience form with positive
    growth rates and capacities; :meth:`GeneralizedLotkaVolterra.from_logistic` turns it into
    this one.

    Parameters
    ----------
    growth : pandas.Series or array-like
        Per-capita growth rate :math:`r_i` of each species when all are rare, any sign.
    matrix : pandas.DataFrame or 2-D array-like
        Square matrix :math:`A`, any signs; :math:`A_{ij}` is the effect of one unit of the
        column species on the per-capita growth of the row species. Rows and columns carry
        the same labels (any order); a Series in `growth` must use them too. Arrays take the
        labels of the DataFrame, else 0, 1, ...

    Returns
    -------
    GeneralizedLotkaVolterra

    Raises
    ------
    TypeError
        If an input is of the wrong kind or not numeric.
    ValueError
        If `matrix` is not square or its row and column labels differ, a label of `growth` is
        not a species, a value is missing or infinite, or there are more than 12 species.

    Notes
    -----
    With :math:`r_i > 0` and :math:`A_{ii} < 0`, species :math:`i` alone grows logistically to
    :math:`K_i = -r_i/A_{ii}`; the logistic form of :func:`lotka_volterra` has
    :math:`a_{ij} = A_{ij}/(-A_{ii})` (Murray 2002, sections 3.5–3.6; Hofbauer and Sigmund
    1998).

    Examples
    --------
    Strogatz's rabbits and sheep (section 6.4) in general form:

    >>> model = generalized_lotka_volterra([3.0, 2.0], [[-1.0, -2.0], [-1.0, -1.0]])
    >>> model.rates([1.0, 1.0]).tolist()
    [0.0, 0.0]
    """
    frame = _species_matrix(matrix, name="matrix")
    rates = _species_series(growth, frame.index, name="growth")
    return GeneralizedLotkaVolterra(growth=rates, matrix=frame.astype(float))


@dataclass(frozen=True, eq=False)
class CompetitionOutcome:
    r"""The long-run outcome of two competing species, from the textbook conditions.

    Attributes
    ----------
    outcome : str
        ``"coexistence"`` (each species can invade the other: a stable interior point),
        ``"dominance"`` (only one can: it wins from every start with both present),
        ``"founder control"`` (neither can: bistable exclusion, the winner depends on the start)
        or ``"borderline"`` (an invasion rate is exactly zero: non-hyperbolic, the linear
        conditions do not decide).
    winner : object or None
        The dominant species under ``"dominance"``, else None.
    table : pandas.DataFrame
        One row per species: ``capacity`` :math:`K_i`, ``competition`` :math:`\alpha_{ij}`
        (effect of the other species, in units of its own size), ``murray_ratio``
        :math:`\alpha_{ij} K_j/K_i` (Murray's :math:`a_{ij}`) and ``invasion_rate``, its
        per-capita growth when rare with the other at capacity, :math:`r_i(1 - \alpha_{ij}
        K_j/K_i)`.
    """

    outcome: str
    winner: Any
    table: pd.DataFrame

    def to_frame(self) -> pd.DataFrame:
        """The per-species table (a copy)."""
        return self.table.copy()

    def summary(self) -> pd.DataFrame:
        """Outcome and winner."""
        return pd.DataFrame({"value": pd.Series(
            {"outcome": self.outcome, "winner": "none" if self.winner is None else self.winner},
            dtype=object)})


def competition_outcome(model: LotkaVolterra | GeneralizedLotkaVolterra, *,
                        tolerance: float = 1e-12) -> CompetitionOutcome:
    r"""Coexistence, dominance or founder control of two competing species.

    Parameters
    ----------
    model : LotkaVolterra or GeneralizedLotkaVolterra
        Two species that compete: positive growth rates, self-limitation (:math:`A_{ii} < 0`)
        and non-positive cross effects.
    tolerance : float, default 1e-12
        A Murray ratio within this of 1 counts as exactly 1 (``"borderline"``).

    Returns
    -------
    CompetitionOutcome

    Raises
    ------
    TypeError
        If `model` is not a Lotka–Volterra system.
    ValueError
        If it does not have exactly two species, a growth rate is not positive, a species
        has no self-limitation, or a species helps the other (a positive cross effect).

    Notes
    -----
    Write the system as :math:`\dot x_i = r_i x_i (1 - (x_i + \alpha_{ij} x_j)/K_i)` and
    let :math:`a_{12} = \alpha_{12} K_2/K_1`, :math:`a_{21} = \alpha_{21} K_1/K_2` (Murray 2002,
    section 3.5). Species 1 can invade species 2 at its capacity iff :math:`a_{12} < 1`, i.e.
    :math:`\alpha_{12} < K_1/K_2`. Then (Murray 2002, section 3.5; Strogatz 2015, section 6.4):

    * :math:`a_{12} < 1, a_{21} < 1`: stable coexistence;
    * :math:`a_{12} > 1, a_{21} > 1`: founder control; the interior point is a saddle and
      its stable manifold (the separatrix) divides the two basins;
    * :math:`a_{12} < 1 < a_{21}`: species 1 dominates (and symmetrically).

    Dominance and founder control are both *competitive exclusion*; the ratio conditions
    involve the capacities, not only the interaction strengths. The growth rates do not
    affect the outcome.

    References
    ----------
    .. [1] Murray, J. D. (2002). *Mathematical Biology I: An Introduction*, 3rd ed. Springer,
       section 3.5.
    .. [2] Strogatz, S. H. (2015). *Nonlinear Dynamics and Chaos*, 2nd ed. Westview Press,
       section 6.4.

    Examples
    --------
    Strogatz's rabbits and sheep: :math:`\dot x = x(3 - x - 2y)`, :math:`\dot y = y(2 - x - y)`.

    >>> model = generalized_lotka_volterra(pd.Series({"rabbits": 3.0, "sheep": 2.0}),
    ...     pd.DataFrame([[-1.0, -2.0], [-1.0, -1.0]], index=["rabbits", "sheep"],
    ...                  columns=["rabbits", "sheep"]))
    >>> competition_outcome(model).outcome
    'founder control'
    """
    if isinstance(model, LotkaVolterra):
        model = GeneralizedLotkaVolterra.from_logistic(model)
    if not isinstance(model, GeneralizedLotkaVolterra):
        raise TypeError(f"`model` must be a LotkaVolterra or GeneralizedLotkaVolterra; received "
                        f"{type(model).__name__}.")
    tol = _validate.check_real_between(tolerance, name="tolerance", low=0.0, high=1.0,
                                       low_open=False)
    species = model.species
    if len(species) != 2:
        raise ValueError(f"competition_outcome needs exactly two species; the model has "
                         f"{len(species)}. Use .equilibria() for more species.")
    r = model.growth.to_numpy()
    a = model.matrix.to_numpy()
    problems = []
    if (r <= 0).any():
        problems.append(f"growth rates {r.tolist()} must be positive")
    if (np.diag(a) >= 0).any():
        problems.append(f"self-effects {np.diag(a).tolist()} must be negative (self-limitation)")
    if a[0, 1] > 0 or a[1, 0] > 0:
        problems.append(f"cross effects {[a[0, 1], a[1, 0]]} must be zero or negative "
                        f"(competition)")
    if problems:
        raise ValueError(f"Not a two-species competition model: {'; '.join(problems)}. For "
                         f"mutualism or predator–prey read .equilibria() instead.")
    capacity = -r / np.diag(a)
    alpha = np.array([a[0, 1] / a[0, 0], a[1, 0] / a[1, 1]])
    ratio = alpha * capacity[::-1] / capacity
    invasion = r * (1 - ratio)
    near = np.abs(ratio - 1) <= tol
    winner = None
    if near.any():
        outcome = "borderline"
    elif (ratio < 1).all():
        outcome = "coexistence"
    elif (ratio > 1).all():
        outcome = "founder control"
    else:
        outcome = "dominance"
        winner = species[int(np.argmin(ratio))]
    table = pd.DataFrame({"capacity": capacity, "competition": alpha, "murray_ratio": ratio,
                          "invasion_rate": invasion}, index=species)
    return CompetitionOutcome(outcome=outcome, winner=winner, table=table)


@dataclass(frozen=True, eq=False)
class DerivedIntervals:
    r"""Confidence intervals for the capacities and interactions of a fitted Lotka–Volterra system.

    Attributes
    ----------
    intervals : pandas.DataFrame
        One row per (species, quantity), quantity ``"capacity"`` or the name of the other
        species (the interaction :math:`a_{ij}`): ``estimate``, ``delta_low``/``delta_high``
        (delta method), ``fieller_low``/``fieller_high`` (infinite ends when the Fieller set is
        unbounded), ``bootstrap_low``/``bootstrap_high`` (percentile, pairs bootstrap) and
        ``bootstrap_undefined`` (share of replicates with no self-limitation, where the ratio is
        undefined).
    regressor_correlation : pandas.DataFrame
        Correlations between the sizes the growth rates are regressed on.
    level : float
        Confidence level (1 - alpha).
    n_boot : int
        Number of bootstrap replicates.
    bootstrap_replicates : pandas.DataFrame
        The ratio in every bootstrap replicate: one row per replicate, one column per row of
        `intervals` (same (species, quantity) labels); NaN where the replicate shows no
        self-limitation (:math:`M_{ii} \ge 0`) or its design is rank-deficient. The percentile
        interval is taken over the other replicates; keeping them lets a reader count the
        undefined ones differently (for a capacity, as "no finite capacity").
    """

    intervals: pd.DataFrame
    regressor_correlation: pd.DataFrame
    level: float
    n_boot: int
    bootstrap_replicates: pd.DataFrame

    def to_frame(self) -> pd.DataFrame:
        """The interval table (a copy)."""
        return self.intervals.copy()

    def summary(self) -> pd.DataFrame:
        """Interval widths by method."""
        t = self.intervals
        return pd.DataFrame({"estimate": t["estimate"],
                             "delta_width": t["delta_high"] - t["delta_low"],
                             "fieller_width": t["fieller_high"] - t["fieller_low"],
                             "bootstrap_width": t["bootstrap_high"] - t["bootstrap_low"]})


def fieller_interval(numerator: float, denominator: float, covariance: Any, *,
                     critical: float) -> tuple[float, float]:
    r"""Fieller's confidence set for the ratio :math:`\theta = -p/q` of two estimates.

    Parameters
    ----------
    numerator, denominator : float
        The estimates :math:`p` and :math:`q`.
    covariance : 2 x 2 array-like
        Their covariance matrix, :math:`p` first.
    critical : float
        Critical value of the test statistic (e.g. the t quantile), positive.

    Returns
    -------
    tuple of float
        The interval's ends; ``(-inf, inf)`` when the set is unbounded (:math:`q` is not
        significantly different from zero at this level: :math:`q^2 < c^2 v_{qq}`).

    Raises
    ------
    ValueError
        If `covariance` is not a 2 x 2 positive semi-definite matrix, or `critical` is not
        positive, or an input is not finite.

    Notes
    -----
    The set holds every :math:`\theta` with :math:`(p + \theta q)^2 \le c^2 (v_{pp} +
    2\theta v_{pq} + \theta^2 v_{qq})`, the values not rejected by a t test of
    :math:`p + \theta q = 0` (Fieller 1954). When the quadratic's leading coefficient
    :math:`q^2 - c^2 v_{qq}` is positive it is a finite interval; otherwise it is unbounded
    (the whole line or two rays), reported as :math:`(-\infty, \infty)`.

    References
    ----------
    .. [1] Fieller, E. C. (1954). Some problems in interval estimation. *Journal of the Royal
       Statistical Society B*, 16(2), 175–185.

    Examples
    --------
    With p = 2, q = -1, variances 0.01 and no correlation, the delta method gives
    :math:`2 \pm 1.96 \cdot 0.224 = (1.562, 2.438)`; Fieller's interval is shifted right,
    because a ratio's sampling distribution is skewed:

    >>> low, high = fieller_interval(2.0, -1.0, [[0.01, 0.0], [0.0, 0.01]], critical=1.96)
    >>> round(low, 3), round(high, 3)
    (1.626, 2.534)
    """
    p = _validate.check_real(numerator, name="numerator")
    q = _validate.check_real(denominator, name="denominator")
    c = _validate.check_real_between(critical, name="critical", low=0.0, high=math.inf)
    cov = _validate.as_frame(np.asarray(covariance, dtype=float) if not isinstance(
        covariance, pd.DataFrame) else covariance, name="covariance").to_numpy()
    if cov.shape != (2, 2) or not np.allclose(cov, cov.T) or \
            np.min(np.linalg.eigvalsh(cov)) < -1e-12 * max(1.0, float(np.abs(cov).max())):
        raise ValueError(f"`covariance` must be a symmetric positive semi-definite 2 x 2 "
                         f"matrix; received {cov.tolist()}.")
    c2 = c * c
    lead = q * q - c2 * cov[1, 1]
    if lead <= 0:
        return -math.inf, math.inf
    half = 2 * (p * q - c2 * cov[0, 1])
    const = p * p - c2 * cov[0, 0]
    disc = half * half - 4 * lead * const
    # disc >= 0 whenever lead > 0 (the point estimate -p/q lies in the set)
    root = math.sqrt(max(disc, 0.0))
    ends = sorted(((-half - root) / (2 * lead), (-half + root) / (2 * lead)))
    # the quadratic is in theta for (p + theta q) = 0, i.e. theta = -p/q
    return float(ends[0]), float(ends[1])


def lotka_volterra_intervals(fit: LotkaVolterraFit, *, alpha: float = 0.05, n_boot: int = 999,
                             rng: int | np.random.Generator | None = None) -> DerivedIntervals:
    r"""Delta-method, Fieller and bootstrap intervals for a fitted system's capacities.

    Capacities :math:`K_i = -r_i/M_{ii}` and interactions :math:`a_{ij} = -M_{ij}/M_{ii}` are
    ratios of regression coefficients. The delta method's symmetric interval can be far too
    narrow for a ratio whose denominator is imprecise; Fieller's method and the bootstrap do
    not assume symmetry.

    Parameters
    ----------
    fit : LotkaVolterraFit
        From :func:`fit_lotka_volterra`.
    alpha : float, default 0.05
        One minus the confidence level, in (0, 1).
    n_boot : int, default 999
        Bootstrap replicates (at least 99).
    rng : int, numpy.random.Generator or None
        Seed or generator for the bootstrap.

    Returns
    -------
    DerivedIntervals

    Raises
    ------
    TypeError
        If `fit` is not a :class:`LotkaVolterraFit` or `n_boot` is not an integer.
    ValueError
        If `alpha` is not in (0, 1) or `n_boot` is below 99.

    Notes
    -----
    All three use the t quantile with each equation's residual degrees of freedom. The delta
    interval is the estimate :math:`\pm t \cdot \mathrm{se}` with the standard error of
    :func:`fit_lotka_volterra`. Fieller's set (:func:`fieller_interval`) uses the two
    coefficients' OLS covariance. The pairs bootstrap resamples observation times (rows of
    growth and sizes together), refits every equation by least squares and takes the
    percentiles of the ratio over the replicates where :math:`M_{ii} < 0`; the share of other
    replicates is reported. Resampling rows ignores the serial dependence of a time series,
    so the bootstrap interval is itself approximate. The correlation of the regressors is
    reported because near-collinear sizes make every slope, and so every ratio, imprecise.

    References
    ----------
    .. [1] Fieller, E. C. (1954). Some problems in interval estimation. *Journal of the Royal
       Statistical Society B*, 16(2), 175–185.
    .. [2] Efron, B. and Tibshirani, R. J. (1993). *An Introduction to the Bootstrap*.
       Chapman & Hall, chapters 9 (regression) and 13 (percentile intervals).

    Examples
    --------
    >>> x = [[1.0, 1.0]]
    >>> noise = np.random.default_rng(0).normal(0, 0.02, size=(11, 2))
    >>> for e in noise:
    ...     a, b = x[-1]
    ...     x.append([a * np.exp(0.5 - 0.05 * a - 0.01 * b + e[0]),
    ...               b * np.exp(0.3 - 0.03 * b + e[1])])
    >>> fit = fit_lotka_volterra(pd.DataFrame(x, columns=["A", "B"]))
    >>> out = lotka_volterra_intervals(fit, n_boot=199, rng=1).to_frame()
    >>> bool((out["fieller_low"] <= out["estimate"]).all())
    True
    """
    from scipy import stats

    if not isinstance(fit, LotkaVolterraFit):
        raise TypeError(f"`fit` must be a LotkaVolterraFit (from fit_lotka_volterra); received "
                        f"{type(fit).__name__}.")
    level = _validate.check_real_between(alpha, name="alpha", low=0.0, high=1.0)
    replicates = _validate.check_integer(n_boot, name="n_boot", minimum=99,
                                         hint="Percentile intervals need many replicates.")
    generator = np.random.default_rng(rng)
    species = list(fit.growth.index)
    n = len(species)
    first = fit.results[species[0]]
    design = np.asarray(first.model.exog, dtype=float)
    response = np.column_stack([np.asarray(fit.results[s].model.endog, dtype=float)
                                for s in species])
    rows = design.shape[0]
    draws = generator.integers(0, rows, size=(replicates, rows))
    boot = np.full((replicates, n, n + 1), np.nan)
    for b, pick in enumerate(draws):
        x_b = design[pick]
        if np.linalg.matrix_rank(x_b) < x_b.shape[1]:
            continue
        boot[b] = np.linalg.lstsq(x_b, response[pick], rcond=None)[0].T
    records, index, replicate_columns = [], [], []
    for k, name in enumerate(species):
        result = fit.results[name]
        params = np.asarray(result.params, dtype=float)
        cov = np.asarray(result.cov_params(), dtype=float)
        t_crit = float(stats.t.ppf(1 - level / 2, result.df_resid))
        m_ii = params[k + 1]
        quantities = [("capacity", 0, float(fit.capacity[name]),
                       float(fit.capacity_std_error[name]))]
        for j, other in enumerate(species):
            if j != k:
                quantities.append((other, j + 1, float(fit.interactions.loc[name, other]),
                                   float(fit.interactions_std_error.loc[name, other])))
        for label, column, estimate, se in quantities:
            if m_ii >= 0:
                records.append([estimate, *([math.nan] * 6), math.nan])
                index.append((name, label))
                replicate_columns.append(np.full(replicates, math.nan))
                continue
            pick = [column, k + 1]
            f_low, f_high = fieller_interval(params[column], m_ii, cov[np.ix_(pick, pick)],
                                             critical=t_crit)
            num, den = boot[:, k, column], boot[:, k, k + 1]
            defined = np.isfinite(den) & (den < 0)
            ratios = -num[defined] / den[defined]
            replicate_columns.append(np.where(defined, -num / np.where(defined, den, -1.0),
                                              math.nan))
            b_low, b_high = (np.quantile(ratios, [level / 2, 1 - level / 2])
                             if len(ratios) else (math.nan, math.nan))
            records.append([estimate, estimate - t_crit * se, estimate + t_crit * se,
                            f_low, f_high, float(b_low), float(b_high),
                            1.0 - float(defined.mean())])
            index.append((name, label))
    table = pd.DataFrame(records, columns=["estimate", "delta_low", "delta_high", "fieller_low",
                                           "fieller_high", "bootstrap_low", "bootstrap_high",
                                           "bootstrap_undefined"],
                         index=pd.MultiIndex.from_tuples(index, names=["species", "quantity"]))
    sizes = pd.DataFrame(design[:, 1:], columns=species)
    draws_table = pd.DataFrame(np.column_stack(replicate_columns), columns=table.index,
                               index=pd.RangeIndex(replicates, name="replicate"))
    return DerivedIntervals(intervals=table, regressor_correlation=sizes.corr(),
                            level=1 - level, n_boot=replicates,
                            bootstrap_replicates=draws_table)
