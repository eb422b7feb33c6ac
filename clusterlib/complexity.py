r"""Economic complexity and the product space: where can a location (or cluster) go next?

Every function takes a binary *presence matrix* :math:`M`: locations (countries, regions) in
rows, products (or industries) in columns, :math:`M_{cp} = 1` if location :math:`c` is present
in product :math:`p`. Build it from a location × product table of exports (or employment) with
Balassa's revealed comparative advantage, which is Chapter 1's location quotient::

    presence = cl.location_quotient(exports, binary=True)   # M_cp = 1 where RCA >= 1

The module never recomputes RCA itself (one measure, one API). It provides

* :func:`method_of_reflections`: diversity :math:`k_{c,0}`, ubiquity :math:`k_{p,0}` and their
  iterated averages :math:`k_{c,n}`, :math:`k_{p,n}` (Hidalgo & Hausmann 2009);
* :func:`economic_complexity`: the economic and product complexity indices (ECI, PCI) by the
  eigenvector method;
* :func:`proximity`: the product space (Hidalgo, Klinger, Barabási & Hausmann 2007);
* :func:`density`: how much of the neighbourhood of each product a location already has;
* :func:`complexity_outlook`: complexity outlook index and gain (Hausmann et al. 2014);
* :func:`complexity_sample`: the minimum-exports and minimum-population filters of the
  Growth Lab's rankings, applied to the export table before RCA.

Notation: :math:`k_c = \sum_p M_{cp}` (diversity), :math:`k_p = \sum_c M_{cp}` (ubiquity),
:math:`D = \operatorname{diag}(k_c)`, :math:`U = \operatorname{diag}(k_p)`.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from clusterlib import _lazy
from clusterlib import _validate

# Heavy dependencies, imported at first use so that `import clusterlib` stays fast (_lazy.py).
linalg = _lazy.module("scipy.linalg")
csgraph = _lazy.module("scipy.sparse.csgraph")
csr_matrix = _lazy.function("scipy.sparse", "csr_matrix")

__all__ = [
    "ECI_MIN_RELATIVE_GAP",
    "ComplexityResult",
    "OutlookResult",
    "ReflectionsResult",
    "complexity_outlook",
    "complexity_sample",
    "density",
    "economic_complexity",
    "method_of_reflections",
    "proximity",
]

#: A relative spectral gap (lambda_2 - lambda_3) / lambda_2 below this makes
#: :func:`economic_complexity` warn that ECI is fragile (see its Notes).
ECI_MIN_RELATIVE_GAP = 0.01
_EIGEN_TOLERANCE = 1e-10  # eigenvalues closer than this are treated as equal
_SIDES = ("locations", "products")


# --------------------------------------------------------------------------------------------
# private helpers
# --------------------------------------------------------------------------------------------
def _presence(presence: Any, *, min_locations: int = 1, min_products: int = 2) -> pd.DataFrame:
    return _validate.as_presence_matrix(presence, name="presence", min_rows=min_locations,
                                        min_cols=min_products)


def _zscore(values: np.ndarray) -> np.ndarray:
    return (values - values.mean()) / values.std()


def _components(m: np.ndarray, locations: pd.Index) -> list[list[Any]]:
    """Locations of each connected component of the location-product network."""
    n_loc, n_prod = m.shape
    adjacency = np.zeros((n_loc + n_prod, n_loc + n_prod))
    adjacency[:n_loc, n_loc:] = m
    adjacency[n_loc:, :n_loc] = m.T
    count, labels = csgraph.connected_components(csr_matrix(adjacency), directed=False)
    return [locations[labels[:n_loc] == k].tolist() for k in range(count)]


def _proximity_values(m: np.ndarray) -> np.ndarray:
    """phi_pq = (sum_c M_cp M_cq) / max(k_p, k_q), computed in place on the co-occurrences."""
    co = m.T @ m
    ubiquity = np.diagonal(co).copy()
    co /= np.maximum(ubiquity[:, None], ubiquity[None, :])
    return co


def _neighbourhood(frame: pd.DataFrame, m: np.ndarray, given: Any, *,
                   include_self: bool) -> tuple[np.ndarray, np.ndarray]:
    """Proximity weights (diagonal zeroed unless `include_self`) and their column sums."""
    include_self = _validate.check_flag(include_self, name="include_self")
    if given is None:
        weights = _proximity_values(m)
    else:
        table = _validate.as_frame(given, name="proximity", min_rows=2, min_cols=2)
        table = _validate.check_square_on(table, frame.columns, name="proximity",
                                          labels_name="presence columns")
        _validate.check_in_range(table, name="proximity", low=0.0, high=1.0,
                                 hint="Proximities are conditional probabilities.")
        _validate.check_symmetric(table, name="proximity")
        weights = table.to_numpy(copy=True)
    if not include_self:
        np.fill_diagonal(weights, 0.0)
    totals = weights.sum(axis=0)
    isolated = frame.columns[totals == 0].tolist()
    if isolated:
        raise ValueError(
            f"Products {_validate._listed(isolated)} have proximity 0 to every other product, "
            f"so their density is undefined (0/0). Drop them, or pass include_self=True to "
            f"count each product's proximity 1 to itself."
        )
    return weights, totals


# --------------------------------------------------------------------------------------------
# method of reflections
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class ReflectionsResult:
    """Diversity, ubiquity and their iterated averages (the method of reflections).

    Attributes
    ----------
    locations : pandas.DataFrame
        One row per location, columns ``k_0`` (diversity) ... ``k_N``.
    products : pandas.DataFrame
        One row per product, columns ``k_0`` (ubiquity) ... ``k_N``.
    iterations : int
        :math:`N`, the number of reflections after step 0.
    """

    locations: pd.DataFrame
    products: pd.DataFrame
    iterations: int

    def to_frame(self) -> pd.DataFrame:
        """The locations' table: :math:`k_{c,0}` (diversity) to :math:`k_{c,N}`."""
        return self.locations.copy()

    def summary(self) -> pd.DataFrame:
        """For each step, Spearman rank correlation of the locations' values with step 0 and
        with the step two before (even steps converge to the ECI ranking, odd ones to its
        reverse)."""
        ranks = self.locations.rank()
        rows = {}
        for n, column in enumerate(ranks.columns):
            two_before = ranks.iloc[:, n - 2] if n >= 2 else None
            rows[column] = {
                "rank correlation with k_0": float(ranks[column].corr(ranks.iloc[:, 0])),
                "rank correlation with k_(n-2)": (float(ranks[column].corr(two_before))
                                                  if two_before is not None else None),
            }
        return pd.DataFrame(rows).T


def method_of_reflections(presence: pd.DataFrame | np.ndarray, *,
                          iterations: int = 20) -> ReflectionsResult:
    r"""Diversity, ubiquity and the iterated reflections of Hidalgo & Hausmann (2009).

    Parameters
    ----------
    presence : pandas.DataFrame or numpy.ndarray
        Binary location × product matrix (0/1 or booleans), every row and column with a 1.
    iterations : int, default 20
        Number of reflections :math:`N` after the diversity and ubiquity (step 0).

    Returns
    -------
    ReflectionsResult
        Fields ``locations`` and ``products`` (columns ``k_0`` ... ``k_N``) and
        ``iterations``; methods ``to_frame()`` and ``summary()``.

    Raises
    ------
    TypeError
        If `presence` is not a DataFrame or 2-D array of numbers, or `iterations` not an
        integer.
    ValueError
        If `presence` holds values other than 0 and 1, has an empty row or column (named in the
        message), or `iterations` is below 1.

    Notes
    -----
    .. math::

       k_{c,0} &= \sum_p M_{cp}, \qquad k_{p,0} = \sum_c M_{cp}, \\
       k_{c,n} &= \frac{1}{k_{c,0}} \sum_p M_{cp} \, k_{p,n-1}, \\
       k_{p,n} &= \frac{1}{k_{p,0}} \sum_c M_{cp} \, k_{c,n-1} .

    :math:`k_{c,1}` is the average ubiquity of a location's products (low: it makes rare
    products), :math:`k_{p,1}` the average diversity of a product's makers. Every step is an
    average, so all values converge to one constant; the *ranking* of even steps converges to
    that of the ECI of :func:`economic_complexity`, which is the eigenvector form of the same
    iteration (Hausmann et al. 2014).

    References
    ----------
    .. [1] Hidalgo, C. A. & Hausmann, R. (2009). The building blocks of economic complexity.
       *Proceedings of the National Academy of Sciences*, 106(26), 10570–10575.

    Examples
    --------
    >>> m = pd.DataFrame([[1, 1, 1], [1, 1, 0], [1, 0, 0]], index=["A", "B", "C"],
    ...                  columns=["x", "y", "z"])
    >>> method_of_reflections(m, iterations=1).locations
       k_0  k_1
    A  3.0  2.0
    B  2.0  2.5
    C  1.0  3.0
    """
    frame = _presence(presence, min_locations=1, min_products=1)
    steps = _validate.check_positive_int(iterations, name="iterations",
                                         maximum=_validate.MAX_COUNT)
    m = frame.to_numpy()
    diversity, ubiquity = m.sum(axis=1), m.sum(axis=0)
    k_c, k_p = [diversity], [ubiquity]
    for _ in range(steps):
        k_c_next = (m @ k_p[-1]) / diversity
        k_p_next = (m.T @ k_c[-1]) / ubiquity
        k_c.append(k_c_next)
        k_p.append(k_p_next)
    names = [f"k_{n}" for n in range(steps + 1)]
    return ReflectionsResult(
        locations=pd.DataFrame(np.column_stack(k_c), index=frame.index, columns=names),
        products=pd.DataFrame(np.column_stack(k_p), index=frame.columns, columns=names),
        iterations=steps,
    )


# --------------------------------------------------------------------------------------------
# ECI and PCI
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class ComplexityResult:
    """Economic and product complexity indices with the quantities behind them.

    Attributes
    ----------
    eci : pandas.Series
        Economic complexity index of each location, z-scored, named ``"eci"``.
    pci : pandas.Series
        Product complexity index of each product, z-scored, named ``"pci"``.
    diversity : pandas.Series
        Number of products of each location, named ``"diversity"`` (int).
    ubiquity : pandas.Series
        Number of locations of each product, named ``"ubiquity"`` (int).
    eigenvalues : tuple of float
        The three largest eigenvalues :math:`\\lambda_1 = 1 \\ge \\lambda_2 \\ge \\lambda_3` of
        :math:`\\tilde M`; ECI is the eigenvector of :math:`\\lambda_2`.
    relative_gap : float
        :math:`(\\lambda_2 - \\lambda_3) / \\lambda_2`: small values mean a fragile ECI.
    """

    eci: pd.Series
    pci: pd.Series
    diversity: pd.Series
    ubiquity: pd.Series
    eigenvalues: tuple[float, float, float]
    relative_gap: float

    def to_frame(self, *, side: str = "locations") -> pd.DataFrame:
        """Locations (diversity, eci, eci_rank) or, with ``side="products"``, products
        (ubiquity, pci, pci_rank); rank 1 is the most complex."""
        _validate.check_choice(side, _SIDES, name="side")
        count, index = ((self.diversity, self.eci) if side == "locations"
                        else (self.ubiquity, self.pci))
        rank = index.rank(ascending=False, method="min").astype(int)
        return pd.DataFrame({count.name: count, index.name: index,
                             f"{index.name}_rank": rank})

    def summary(self) -> pd.DataFrame:
        """Sizes, eigenvalues, gap and the sign checks, in one column named ``"value"``."""
        rows = {
            "locations": len(self.eci),
            "products": len(self.pci),
            "lambda_2": self.eigenvalues[1],
            "lambda_3": self.eigenvalues[2],
            "relative gap (lambda_2 - lambda_3) / lambda_2": self.relative_gap,
            "correlation of ECI with diversity": float(self.eci.corr(self.diversity)),
            "correlation of PCI with ubiquity": float(self.pci.corr(self.ubiquity)),
        }
        return pd.DataFrame({"value": pd.Series(rows, dtype=object)})


def economic_complexity(presence: pd.DataFrame | np.ndarray) -> ComplexityResult:
    r"""Economic complexity index (ECI) and product complexity index (PCI), eigenvector method.

    Parameters
    ----------
    presence : pandas.DataFrame or numpy.ndarray
        Binary location × product matrix (0/1 or booleans), at least three locations and three
        products, every row and column with a 1; e.g.
        ``cl.location_quotient(exports, binary=True)``.

    Returns
    -------
    ComplexityResult
        Fields ``eci``, ``pci``, ``diversity``, ``ubiquity``, ``eigenvalues``,
        ``relative_gap``; methods ``to_frame(side=...)`` and ``summary()``.

    Raises
    ------
    TypeError
        If `presence` is not a DataFrame or 2-D array of numbers.
    ValueError
        If `presence` holds values other than 0 and 1, has an empty row or column (named),
        fewer than three rows or columns, falls apart into disconnected groups of locations and
        products (named), or its second eigenvalue is repeated (e.g. every location has every
        product), so that no single ECI exists.

    Warns
    -----
    UserWarning
        If the relative gap :math:`(\lambda_2 - \lambda_3) / \lambda_2` is below
        :data:`ECI_MIN_RELATIVE_GAP` (1 %): the ranking may change a lot with small changes to
        the matrix.

    Notes
    -----
    With :math:`\tilde M = D^{-1} M U^{-1} M^\top`, i.e.
    :math:`\tilde M_{cc'} = \sum_p M_{cp} M_{c'p} / (k_c k_p)`, the ECI is the eigenvector
    :math:`K` of the second-largest eigenvalue :math:`\lambda_2`, standardised,

    .. math:: ECI_c = \frac{K_c - \operatorname{mean}(K)}{\operatorname{sd}(K)},

    and the PCI the same for :math:`Q = U^{-1} M^\top K` (the eigenvector of
    :math:`U^{-1} M^\top D^{-1} M` for the same eigenvalue). The standard deviation is the
    population one (divisor :math:`n`); the Growth Lab's Stata ``ecomplexity`` divides by
    :math:`n - 1` over the rows of its long (location × product) table, so its ECI is ours times
    :math:`\sqrt{(n_c n_p - 1)/(n_c n_p)}`, and it reports PCI on the ECI's scale.

    *Sign convention.* An eigenvector has no sign; the ECI's is fixed so that ECI correlates
    positively with diversity, and PCI's so that :math:`D^{-1} M \, PCI` (the mean PCI of a
    location's products) correlates positively with ECI, as in the Atlas (Hausmann et al.
    2014). Then PCI correlates negatively with ubiquity in typical data.

    *Computation.* :math:`\tilde M` is similar to the symmetric
    :math:`S = D^{-1/2} M U^{-1} M^\top D^{-1/2}`, so its eigenvalues are real and
    :math:`K = D^{-1/2} w` for an eigenvector :math:`w` of :math:`S` (LAPACK ``syevr`` via
    ``scipy.linalg.eigh``, only the three largest eigenpairs). When there are more locations
    than products the same is done on the product side. :math:`\lambda_1 = 1` always.

    *When ECI is not meaningful.* If the network is disconnected, :math:`\lambda_2 = 1` and the
    "eigenvector" only labels the groups: an error. If :math:`\lambda_2 = \lambda_3` the
    eigenvector is not unique: an error. If the two are close the eigenvector is fragile
    (perturbation theory bounds its change by the size of the change to the matrix over the
    gap): a warning below a relative gap of 1 %. Small matrices, and nested ones in which the
    ECI ranking merely repeats diversity, deserve the same caution.

    References
    ----------
    .. [1] Hidalgo, C. A. & Hausmann, R. (2009). The building blocks of economic complexity.
       *PNAS*, 106(26), 10570–10575.
    .. [2] Hausmann, R., Hidalgo, C. A., Bustos, S., Coscia, M., Simoes, A. & Yildirim, M. A.
       (2014). *The Atlas of Economic Complexity*. MIT Press.
    .. [3] Mealy, P., Farmer, J. D. & Teytelboym, A. (2019). Interpreting economic complexity.
       *Science Advances*, 5(1), eaau1705.

    Examples
    --------
    >>> m = pd.DataFrame([[1, 1, 1, 1], [1, 1, 1, 0], [1, 1, 0, 0], [0, 1, 0, 0]],
    ...                  index=["A", "B", "C", "D"], columns=["w", "x", "y", "z"])
    >>> result = economic_complexity(m)
    >>> result.eci.round(3).tolist()
    [1.342, 0.447, -0.447, -1.342]
    >>> result.to_frame(side="products")["pci_rank"].tolist()
    [3, 4, 2, 1]
    """
    frame = _presence(presence, min_locations=3, min_products=3)
    m = frame.to_numpy()
    diversity, ubiquity = m.sum(axis=1), m.sum(axis=0)
    n_loc, n_prod = m.shape
    scaled = m / np.sqrt(diversity)[:, None] / np.sqrt(ubiquity)[None, :]
    by_locations = n_loc <= n_prod
    gram = scaled @ scaled.T if by_locations else scaled.T @ scaled
    size = gram.shape[0]
    values, vectors = linalg.eigh(gram, subset_by_index=[size - 3, size - 1])
    lam1, lam2, lam3 = (float(v) for v in values[::-1])
    if lam2 > 1.0 - _EIGEN_TOLERANCE:
        groups = _components(m, frame.index)
        smallest = min(groups, key=len)
        raise ValueError(
            f"The location-product network falls apart into {len(groups)} groups that share no "
            f"product (e.g. locations {_validate._listed(smallest)}); ECI would only label the "
            f"groups. Compute it for each connected group separately, or drop the small ones."
        )
    if lam2 - lam3 <= _EIGEN_TOLERANCE:
        raise ValueError(
            f"The second eigenvalue is repeated (lambda_2 = lambda_3 = {lam2:.6g}), so the ECI "
            f"eigenvector is not unique. This happens when rows are too alike (e.g. every "
            f"location has every product) or the matrix is too small or symmetric; ECI cannot "
            f"rank these locations."
        )
    second = vectors[:, 1]  # eigh returns ascending order: columns are lambda_3, lambda_2, lambda_1
    if by_locations:
        eci_raw = second / np.sqrt(diversity)
        pci_raw = (m.T @ eci_raw) / ubiquity
    else:
        pci_raw = second / np.sqrt(ubiquity)
        eci_raw = (m @ pci_raw) / diversity
    correlation = float(np.corrcoef(eci_raw, diversity)[0, 1]) if diversity.std() > 0 else 0.0
    if not abs(correlation) > 1e-12:
        raise ValueError(
            "ECI is uncorrelated with diversity (every location has the same number of "
            "products, or the eigenvector is orthogonal to diversity), so the sign convention "
            "cannot be applied; ECI is not defined for this matrix."
        )
    sign = 1.0 if correlation > 0 else -1.0
    relative_gap = (lam2 - lam3) / lam2 if lam2 > 0 else 0.0
    if relative_gap < ECI_MIN_RELATIVE_GAP:
        warnings.warn(
            f"The second and third eigenvalues are close (lambda_2 = {lam2:.4g}, lambda_3 = "
            f"{lam3:.4g}, relative gap {relative_gap:.2%}); the ECI ranking may change "
            f"substantially with small changes to the matrix.",
            UserWarning, stacklevel=2)
    return ComplexityResult(
        eci=pd.Series(_zscore(sign * eci_raw), index=frame.index, name="eci"),
        pci=pd.Series(_zscore(sign * pci_raw), index=frame.columns, name="pci"),
        diversity=pd.Series(diversity.astype(np.int64), index=frame.index, name="diversity"),
        ubiquity=pd.Series(ubiquity.astype(np.int64), index=frame.columns, name="ubiquity"),
        eigenvalues=(lam1, lam2, lam3),
        relative_gap=float(relative_gap),
    )


# --------------------------------------------------------------------------------------------
# product space
# --------------------------------------------------------------------------------------------
def proximity(presence: pd.DataFrame | np.ndarray) -> pd.DataFrame:
    r"""Proximity between every pair of products: the product space of Hidalgo et al. (2007).

    Parameters
    ----------
    presence : pandas.DataFrame or numpy.ndarray
        Binary location × product matrix (0/1 or booleans), at least two products, every row
        and column with a 1.

    Returns
    -------
    pandas.DataFrame
        Products × products (``attrs["name"] == "proximity"``), symmetric, values in [0, 1],
        ones on the diagonal.

    Raises
    ------
    TypeError
        If `presence` is not a DataFrame or 2-D array of numbers.
    ValueError
        If `presence` holds values other than 0 and 1 or has an empty row or column (named).

    Notes
    -----
    .. math::

       \phi_{pq} &= \min\{P(M_p = 1 \mid M_q = 1), \\
                 &\qquad\ P(M_q = 1 \mid M_p = 1)\} \\
                 &= \frac{\sum_c M_{cp} M_{cq}}{\max(k_p, k_q)} ,

    the smaller of the two conditional probabilities that a location present in one product is
    present in the other (the minimum makes :math:`\phi` symmetric and discounts pairs in which
    one product is present almost everywhere). :math:`\phi_{pp} = 1`. Hidalgo et al. (2007)
    compute it from RCA >= 1 presence over several years of trade data; whether a product's
    proximity to itself enters :func:`density` is a separate choice (see there).

    References
    ----------
    .. [1] Hidalgo, C. A., Klinger, B., Barabási, A.-L. & Hausmann, R. (2007). The product
       space conditions the development of nations. *Science*, 317(5837), 482–487.

    Examples
    --------
    >>> m = pd.DataFrame({"shirts": [1, 1, 1, 0], "shoes": [1, 1, 0, 0], "chips": [0, 0, 1, 1]},
    ...                  index=["A", "B", "C", "D"])
    >>> proximity(m).round(3)
            shirts  shoes  chips
    shirts   1.000  0.667  0.333
    shoes    0.667  1.000  0.000
    chips    0.333  0.000  1.000
    """
    frame = _presence(presence)
    out = pd.DataFrame(_proximity_values(frame.to_numpy()), index=frame.columns,
                       columns=frame.columns)
    out.attrs["name"] = "proximity"
    return out


def density(presence: pd.DataFrame | np.ndarray, *, proximity: pd.DataFrame | None = None,
            include_self: bool = False) -> pd.DataFrame:
    r"""Density of each location's products around each product (how "near" it already is).

    Parameters
    ----------
    presence : pandas.DataFrame or numpy.ndarray
        Binary location × product matrix (0/1 or booleans), every row and column with a 1.
    proximity : pandas.DataFrame, optional
        Product × product proximities with the same labels as the columns of `presence` (any
        order), symmetric, in [0, 1], e.g. computed from another year or a larger set of
        locations. By default :func:`proximity` of `presence`.
    include_self : bool, default False
        Whether a product's proximity to itself (1) counts in its own density. False, the
        default, follows the Growth Lab's Stata ``ecomplexity``: density then measures the
        *other* products around :math:`p`. py-ecomplexity counts it (True).

    Returns
    -------
    pandas.DataFrame
        Locations × products (``attrs["name"] == "density"``), values in [0, 1].

    Raises
    ------
    TypeError
        If `presence` or `proximity` is not a DataFrame or array of numbers, or `include_self`
        not a boolean.
    ValueError
        If `presence` holds values other than 0 and 1 or has an empty row or column (named);
        if `proximity` does not match the products, is not symmetric or leaves [0, 1]; or if a
        product has proximity 0 to every other product (its density is 0/0).

    Notes
    -----
    .. math::

       \omega_{cp} = \frac{\sum_{q} M_{cq}\, \phi_{qp}}{\sum_{q} \phi_{qp}} ,

    summing over every product :math:`q \ne p` (and :math:`q = p` too if `include_self`). It is
    the share of product :math:`p`'s neighbourhood, weighted by proximity, in which location
    :math:`c` is already present; :math:`1 - \omega_{cp}` is the "distance" of the Atlas.
    With ``include_self=True`` a product the location already has gets a density at least
    :math:`1 / \sum_q \phi_{qp}` from itself alone.

    References
    ----------
    .. [1] Hidalgo, C. A., Klinger, B., Barabási, A.-L. & Hausmann, R. (2007). The product
       space conditions the development of nations. *Science*, 317(5837), 482–487.
    .. [2] Hausmann, R. et al. (2014). *The Atlas of Economic Complexity*. MIT Press.

    Examples
    --------
    >>> m = pd.DataFrame({"shirts": [1, 1, 1, 0], "shoes": [1, 1, 0, 0], "chips": [0, 0, 1, 1]},
    ...                  index=["A", "B", "C", "D"])
    >>> density(m).round(3)
       shirts  shoes  chips
    A   0.667    1.0    1.0
    B   0.667    1.0    1.0
    C   0.333    1.0    1.0
    D   0.333    0.0    0.0
    """
    frame = _presence(presence)
    m = frame.to_numpy()
    weights, totals = _neighbourhood(frame, m, proximity, include_self=include_self)
    out = pd.DataFrame((m @ weights) / totals, index=frame.index, columns=frame.columns)
    out.attrs["name"] = "density"
    return out


@dataclass(frozen=True, eq=False)
class OutlookResult:
    """Complexity outlook index of each location and outlook gain of each location-product pair.

    Attributes
    ----------
    outlook : pandas.Series
        Complexity outlook index (COI) of each location, named ``"complexity_outlook_index"``.
    gain : pandas.DataFrame
        Complexity outlook gain (COG), locations × products; 0 where the location is present.
    """

    outlook: pd.Series
    gain: pd.DataFrame

    def to_frame(self) -> pd.DataFrame:
        """Locations with their outlook index and the product with the largest gain."""
        best = self.gain.idxmax(axis=1)
        return pd.DataFrame({self.outlook.name: self.outlook, "largest_gain_product": best,
                             "largest_gain": self.gain.max(axis=1)})

    def summary(self) -> pd.DataFrame:
        """Count, mean, minimum, median and maximum of the outlook index."""
        values = self.outlook
        return pd.DataFrame({"count": [values.count()], "mean": [values.mean()],
                             "min": [values.min()], "median": [values.median()],
                             "max": [values.max()]}, index=[values.name])


def complexity_outlook(presence: pd.DataFrame | np.ndarray, *, pci: pd.Series | None = None,
                       proximity: pd.DataFrame | None = None,
                       include_self: bool = False) -> OutlookResult:
    r"""Complexity outlook index (COI) and complexity outlook gain (COG) of each location.

    Parameters
    ----------
    presence : pandas.DataFrame or numpy.ndarray
        Binary location × product matrix (0/1 or booleans), every row and column with a 1.
    pci : pandas.Series, optional
        Product complexity of each product (labels of the columns of `presence`). By default
        the PCI of :func:`economic_complexity` of `presence`.
    proximity : pandas.DataFrame, optional
        Product proximities as in :func:`density`; by default :func:`proximity` of `presence`.
    include_self : bool, default False
        Whether a product's proximity to itself counts, as in :func:`density`.

    Returns
    -------
    OutlookResult
        Fields ``outlook`` (COI per location) and ``gain`` (COG per location and product);
        methods ``to_frame()`` and ``summary()``.

    Raises
    ------
    TypeError
        If an input is of the wrong kind.
    ValueError
        As :func:`density` and :func:`economic_complexity`; also if `pci` does not cover the
        products exactly.

    Notes
    -----
    With density :math:`\omega_{cp}` (:func:`density`) and proximity weights :math:`\phi`,

    .. math::

       COI_c &= \sum_p \omega_{cp} (1 - M_{cp})\, PCI_p , \\
       COG_{cp} &= (1 - M_{cp}) \sum_{q} \frac{\phi_{pq}}{\sum_{r} \phi_{rq}} \\
                &\qquad (1 - M_{cq})\, PCI_q .

    COI is the complexity of the products a location does not yet have, weighted by how near
    they are; COG is the rise in the COI that adding product :math:`p` would bring through the
    other missing products it moves closer (Hausmann et al. 2014). It leaves out that :math:`p`'s
    own term :math:`\omega_{cp} PCI_p` drops out of the COI once :math:`p` is present (with the
    proximities held fixed and ``include_self=False``, the exact change of COI is
    :math:`COG_{cp} - \omega_{cp} PCI_p`), as the Growth Lab's Stata and Python ``ecomplexity``
    code does too. Both are in PCI units and not standardised here (the Stata and
    Python ``ecomplexity`` packages z-score COI afterwards). They inherit every limit of PCI.

    References
    ----------
    .. [1] Hausmann, R., Hidalgo, C. A., Bustos, S., Coscia, M., Simoes, A. & Yildirim, M. A.
       (2014). *The Atlas of Economic Complexity*. MIT Press.

    Examples
    --------
    >>> m = pd.DataFrame({"shirts": [1, 1, 1, 0], "shoes": [1, 1, 0, 0], "chips": [0, 0, 1, 1]},
    ...                  index=["A", "B", "C", "D"])
    >>> result = complexity_outlook(m, pci=pd.Series({"shirts": 0.0, "shoes": -1.0,
    ...                                               "chips": 1.0}))
    >>> result.outlook.round(3).tolist()
    [1.0, 1.0, -1.0, 0.0]
    """
    frame = _presence(presence)
    m = frame.to_numpy()
    if pci is None:
        complexity_index = economic_complexity(frame).pci.to_numpy()
    else:
        given = _validate.as_series(pci, name="pci")
        _validate.check_aligned(frame.columns, given.index, left_name="presence columns",
                                right_name="pci")
        complexity_index = given.reindex(frame.columns).to_numpy()
    weights, totals = _neighbourhood(frame, m, proximity, include_self=include_self)
    absent = 1.0 - m
    omega = (m @ weights) / totals
    outlook = (omega * absent) @ complexity_index
    gain = absent * ((absent * complexity_index) @ (weights / totals[:, None]))
    return OutlookResult(
        outlook=pd.Series(outlook, index=frame.index, name="complexity_outlook_index"),
        gain=pd.DataFrame(gain, index=frame.index, columns=frame.columns),
    )


# --------------------------------------------------------------------------------------------
# sample
# --------------------------------------------------------------------------------------------
def complexity_sample(exports: pd.DataFrame | np.ndarray, *, min_exports: float = 0.0,
                      population: pd.Series | None = None,
                      min_population: float | None = None) -> pd.DataFrame:
    r"""Keep the locations large enough to rank, as the Growth Lab's rankings do.

    Parameters
    ----------
    exports : pandas.DataFrame or numpy.ndarray
        Location × product table of export values (non-negative, finite), before RCA.
    min_exports : float, default 0
        Keep a location only if its total exports (the row sum, in the units of `exports`) are
        at least this.
    population : pandas.Series, optional
        Population of each location, labelled like the rows of `exports` (it may hold more
        labels, e.g. a World Bank table with regional aggregates). Needed with `min_population`.
    min_population : float, optional
        Keep a location only if its population is at least this (same units as `population`).

    Returns
    -------
    pandas.DataFrame
        The rows of `exports` that pass both filters, in their original order, without the
        products that no retained location exports (their RCA is undefined).

    Raises
    ------
    TypeError
        If `exports` is not a table of numbers, `population` is not numeric, or a threshold is
        not a real number.
    ValueError
        If `exports` has missing or negative values; a threshold is negative; `min_population`
        is given without `population` or `population` without `min_population`; `population`
        lacks a label of `exports` or has a negative value; or fewer than two locations or
        two products remain.

    Notes
    -----
    Filter *before* computing RCA: RCA compares a location's export structure with that of the
    "world", and the world is the set of locations retained, so dropping a location changes
    every other location's RCA (hence presence, ECI and PCI). The Atlas of Economic Complexity
    ranks only countries above minimum population and trade thresholds (Hausmann et al. 2014),
    because a handful of recorded export lines of a tiny economy can give it an extreme ECI. The
    thresholds are the analyst's choice; state them with the ranking.

    References
    ----------
    .. [1] Hausmann, R., Hidalgo, C. A., Bustos, S., Coscia, M., Simoes, A. & Yildirim, M. A.
       (2014). *The Atlas of Economic Complexity*. MIT Press.

    Examples
    --------
    >>> x = pd.DataFrame({"toys": [50.0, 8.0, 1.0], "chips": [50.0, 2.0, 0.0],
    ...                   "rum": [0.0, 0.0, 3.0]}, index=["A", "B", "C"])
    >>> complexity_sample(x, min_exports=5.0)
         toys  chips
    A  50.0   50.0
    B   8.0    2.0
    >>> pop = pd.Series({"A": 9e6, "B": 0.4e6, "C": 2e6})
    >>> complexity_sample(x, population=pop, min_population=1e6).index.tolist()
    ['A', 'C']
    """
    frame = _validate.as_frame(exports, name="exports", min_rows=1, min_cols=1)
    _validate.check_nonnegative(frame, name="exports",
                                hint="Pass export values (>= 0), not RCAs or growth rates.")
    threshold = _validate.check_real(min_exports, name="min_exports", minimum=0.0)
    keep = frame.sum(axis=1).to_numpy() >= threshold
    if (population is None) != (min_population is None):
        given, missing = (("population", "min_population") if population is not None
                          else ("min_population", "population"))
        raise ValueError(
            f"`{given}` was passed without `{missing}`; the population filter needs both. Pass "
            f"`population=` (a Series by location) and `min_population=` (the threshold), or "
            f"neither."
        )
    if population is not None:
        pop_threshold = _validate.check_real(min_population, name="min_population", minimum=0.0)
        pop = _validate.as_series(population, name="population")
        absent = [label for label in frame.index if label not in set(pop.index)]
        if absent:
            raise ValueError(
                f"`population` has no value for {_validate._listed(absent)} of `exports`; every "
                f"location needs a population to be filtered on it. Add them, or drop those "
                f"rows from `exports` first (and say so)."
            )
        pop = pop.reindex(frame.index)
        _validate.check_nonnegative(pop.to_frame(), name="population",
                                    hint="Pass head counts (>= 0).")
        keep &= pop.to_numpy() >= pop_threshold
    kept = frame.loc[keep]
    kept = kept.loc[:, kept.sum(axis=0).to_numpy() > 0]
    if kept.shape[0] < 2 or kept.shape[1] < 2:
        raise ValueError(
            f"Only {kept.shape[0]} location(s) and {kept.shape[1]} exported product(s) pass the "
            f"filters (min_exports={threshold:g}, min_population={min_population!r}); "
            f"complexity needs at least two of each. Lower the thresholds."
        )
    return kept
