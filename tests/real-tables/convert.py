"""Copies the scikit-learn and statsmodels tables of the real-table suite into <data dir> as plain files
with named columns. Values are copied as shipped (text for text); only the container changes where the
shipped file has none (scikit-learn's breast cancer gets its feature names) or a quirk (anes96's quoted
names). Usage: /usr/bin/python3 convert.py <data dir>"""
import csv
import shutil
import sys
from pathlib import Path

import sklearn
from sklearn.datasets import load_breast_cancer

import statsmodels.datasets

out = Path(sys.argv[1])
sm = Path(statsmodels.datasets.__file__).parent

# Wide (30 features), integer-coded binary target (0 = malignant, 1 = benign), as scikit-learn loads it.
cancer = load_breast_cancer(as_frame=True).frame
cancer["target"] = cancer["target"].astype(int)
cancer.to_csv(out / "breast-cancer.csv", index=False)

# Shipped tab-separated with quoted names ('popul'): the names lose their quotes, the rows are copied.
with open(sm / "anes96" / "anes96.csv", newline="") as src, open(out / "anes96.tsv", "w", newline="") as dst:
    rows = list(csv.reader(src, delimiter="\t"))
    rows[0] = [name.strip("'") for name in rows[0]]
    csv.writer(dst, delimiter="\t", lineterminator="\n").writerows(rows)

# Copied as shipped: fair (6,366 rows), macrodata (quarterly), modechoice (semicolon-separated).
shutil.copy(sm / "fair" / "fair.csv", out / "fair.csv")
shutil.copy(sm / "macrodata" / "macrodata.csv", out / "macrodata.csv")
shutil.copy(sm / "modechoice" / "modechoice.csv", out / "modechoice.csv")
print(f"scikit-learn {sklearn.__version__}, statsmodels from {sm}")
