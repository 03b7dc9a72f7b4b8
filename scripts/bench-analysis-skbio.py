"""The scikit-bio side of scripts/bench-analysis.

Usage: bench-analysis-skbio.py TABLE.tsv (beta METRIC | alpha) OUTPUT
Reads a wide table (taxa as rows, samples as columns, a taxonomy column) with pandas, runs
scikit-bio's beta_diversity or alpha_diversity (every metric mhub offers) on it, writes the
result (DistanceMatrix TSV, or an alpha table) and prints the seconds spent in scikit-bio alone.
"""
import sys
import time
import warnings

import numpy as np
import pandas as pd

warnings.simplefilter("ignore")
from skbio.diversity import alpha_diversity, beta_diversity

ALPHA = ["observed_features", "shannon", "simpson", "inv_simpson", "pielou_e", "berger_parker_d",
         "chao1", "goods_coverage"]

frame = pd.read_csv(sys.argv[1], sep="\t", skiprows=1, index_col=0).drop(columns=["taxonomy"])
counts = np.ascontiguousarray(frame.values.T)
ids = [str(column) for column in frame.columns]
started = time.perf_counter()
if sys.argv[2] == "beta":
    result = beta_diversity(sys.argv[3], counts, ids=ids)
    spent = time.perf_counter() - started
    result.write(sys.argv[4])
else:
    result = pd.DataFrame({metric: alpha_diversity(metric, counts, ids=ids) for metric in ALPHA})
    spent = time.perf_counter() - started
    result.to_csv(sys.argv[3], sep="\t", index_label="sample_id")
print(f"{spent:.2f}")
