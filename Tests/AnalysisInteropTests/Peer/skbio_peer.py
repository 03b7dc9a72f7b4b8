"""Reference values from scikit-bio for the analysis interop tests.

Usage: skbio_peer.py TABLE PSEUDOCOUNT
TABLE is a BIOM file (read with biom-format) or a tab-separated wide table with taxa as rows
and samples as columns (first column the taxon id). Prints one JSON document with every alpha
metric, the Bray-Curtis, Jaccard and Aitchison distance matrices, and the PCoA of Bray-Curtis.
"""
import json
import sys
import warnings

import numpy as np

warnings.simplefilter("ignore")

from skbio import DistanceMatrix
from skbio.diversity import alpha_diversity, beta_diversity
from skbio.stats.composition import clr
from skbio.stats.ordination import pcoa
from scipy.spatial.distance import pdist, squareform

ALPHA = ["observed_features", "shannon", "simpson", "inv_simpson", "pielou_e", "berger_parker_d",
         "chao1", "goods_coverage"]


def load(path):
    if path.endswith(".tsv"):
        import pandas as pd
        frame = pd.read_csv(path, sep="\t", index_col=0)
        return np.asarray(frame.values.T, dtype=float), [str(s) for s in frame.columns]
    import biom
    table = biom.load_table(path)
    return np.asarray(table.matrix_data.toarray().T, dtype=float), [str(s) for s in table.ids("sample")]


def finite(values):
    return [None if np.isnan(v) else float(v) for v in values]


def main():
    counts, ids = load(sys.argv[1])
    pseudocount = float(sys.argv[2])
    integral = bool(np.all(counts == np.round(counts)))
    alpha = {}
    for metric in ALPHA:
        if metric in ("chao1", "goods_coverage") and not integral:
            continue
        alpha[metric] = finite(alpha_diversity(metric, counts, ids=ids).values)
    result = {"ids": ids, "alpha": alpha, "beta": {}}
    for metric in ("braycurtis", "jaccard"):
        result["beta"][metric] = [finite(row) for row in beta_diversity(metric, counts, ids=ids).data]
    aitchison = squareform(pdist(clr(counts + pseudocount), "euclidean"))
    result["beta"]["aitchison"] = [finite(row) for row in aitchison]
    nonempty = counts.sum(axis=1) > 0
    if nonempty.all() and len(ids) >= 3:
        ordination = pcoa(DistanceMatrix(beta_diversity("braycurtis", counts, ids=ids).data, ids))
        result["pcoa"] = {
            "eigenvalues": [float(v) for v in ordination.eigvals.values],
            "proportion": [float(v) for v in ordination.proportion_explained.values],
            "coordinates": [[float(v) for v in ordination.samples.iloc[:, axis].values]
                            for axis in range(ordination.samples.shape[1])],
        }
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
