"""clusterlib: the calculations of the teaching book *Industrial Clusters and Upgrading*.

Use it as ``import clusterlib as cl``; every method is available at the top level
(``cl.location_quotient``, ``cl.entropy_weights``, ...). Datasets are in ``cl.data`` and the
book's figure style in ``cl.plotting``.
"""

from clusterlib import data, plotting

__version__ = "0.1.0"

__all__ = [
    "data",
    "plotting",
]
