#!/usr/bin/python3
"""scikit-learn reference figures for the real-table suite, written to tests/real-tables/reference.json.

For every table of manifest.json and every seed, it scores on the rows Benchtop's splitter draws
(splits.json, written by export-splits.ts), so both sides see the same training and test rows:

- a plain pipeline: numbers median-imputed and standard-scaled; text columns that parse as dates split
  into year, month and weekday (then imputed and scaled as numbers); other text one-hot encoded (most
  frequent value imputed, unseen values ignored), or dropped as free text when most of its values are
  different; rows without a target dropped;
- two models on it: LogisticRegression / Ridge, and an MLP (regression targets standardised for the MLP);
- the baseline: the training rows' majority class (accuracy) or mean (R² on the test rows).

The metric is accuracy for classification and R² (averaged over outputs) for regression. The reference
is the better of the two models' means over the seeds. Run from the repository root:
    /usr/bin/python3 tests/real-tables/reference.py [table id ...]
Tests never run this; they read the JSON it writes.
"""
import json
import subprocess
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import sklearn
from sklearn.compose import ColumnTransformer, TransformedTargetRegressor
from sklearn.exceptions import ConvergenceWarning
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.metrics import accuracy_score, r2_score
from sklearn.neural_network import MLPClassifier, MLPRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

ROOT = Path(__file__).resolve().parents[2]
SUITE = ROOT / "tests" / "real-tables"
# A text column with more distinct values than this share of its present values is free text or an id.
FREE_TEXT_SHARE = 0.5
# A text column is a date when at least this share of its present values parse as one.
DATE_SHARE = 0.9


def read_table(path: Path) -> pd.DataFrame:
    suffix = path.suffix.lower()
    if suffix == ".json":
        return pd.DataFrame(json.loads(path.read_text()))
    if suffix == ".parquet":
        # No Parquet reader for Python on this machine: hyparquet (the reader Benchtop ships) dumps it.
        script = (
            "import {asyncBufferFromFile, parquetReadObjects} from 'hyparquet';"
            f"const rows = await parquetReadObjects({{file: await asyncBufferFromFile({json.dumps(str(path))})}});"
            "process.stdout.write(JSON.stringify(rows, (k, v) => typeof v === 'bigint' ? Number(v) : v));"
        )
        out = subprocess.run(
            ["node", "--input-type=module", "-e", script], cwd=ROOT, check=True, capture_output=True, text=True
        ).stdout
        return pd.DataFrame(json.loads(out))
    header = path.open().readline()
    sep = "\t" if suffix == ".tsv" else max([",", ";", "\t"], key=header.count)
    return pd.read_csv(path, sep=sep)


def as_date(column: pd.Series) -> pd.Series | None:
    present = column.dropna()
    if present.empty or pd.api.types.is_numeric_dtype(column):
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parsed = pd.to_datetime(column, errors="coerce")
    return parsed if parsed.notna().sum() >= DATE_SHARE * len(present) else None


def plain_features(frame: pd.DataFrame, targets: list[str]) -> tuple[pd.DataFrame, list[str], list[str], list[str]]:
    """The feature frame with dates split into parts; the numeric and category columns; what was dropped."""
    features = frame.drop(columns=targets)
    numeric, categories, dropped = [], [], []
    out = {}
    for name in features.columns:
        column = features[name]
        if pd.api.types.is_bool_dtype(column):
            out[name] = column.astype(str)
            categories.append(name)
            continue
        if pd.api.types.is_numeric_dtype(column):
            out[name] = column
            numeric.append(name)
            continue
        date = as_date(column)
        if date is not None:
            for part, values in (("year", date.dt.year), ("month", date.dt.month), ("weekday", date.dt.weekday)):
                out[f"{name}_{part}"] = values.astype(float)
                numeric.append(f"{name}_{part}")
            continue
        present = column.dropna()
        if present.nunique() > FREE_TEXT_SHARE * len(present):
            dropped.append(name)
            continue
        out[name] = column.astype(object).where(column.notna(), np.nan)
        categories.append(name)
    return pd.DataFrame(out, index=frame.index), numeric, categories, dropped


def preprocessor(numeric: list[str], categories: list[str]) -> ColumnTransformer:
    return ColumnTransformer(
        [
            ("numbers", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric),
            (
                "categories",
                make_pipeline(
                    SimpleImputer(strategy="most_frequent"),
                    OneHotEncoder(handle_unknown="ignore", sparse_output=False),
                ),
                categories,
            ),
        ]
    )


def models(task: str, seed: int) -> dict:
    if task == "classification":
        return {
            "linear": LogisticRegression(max_iter=2000),
            "mlp": MLPClassifier(hidden_layer_sizes=(64,), max_iter=500, random_state=seed),
        }
    return {
        "linear": Ridge(alpha=1.0),
        "mlp": TransformedTargetRegressor(
            regressor=MLPRegressor(hidden_layer_sizes=(64,), max_iter=500, random_state=seed),
            transformer=StandardScaler(),
        ),
    }


def score(task: str, truth, predicted) -> float:
    if task == "classification":
        return float(accuracy_score(truth, predicted))
    return float(r2_score(truth, predicted, multioutput="uniform_average"))


def baseline(task: str, y_train: pd.DataFrame, y_test: pd.DataFrame) -> float:
    if task == "classification":
        majority = y_train.iloc[:, 0].value_counts().idxmax()
        return float((y_test.iloc[:, 0] == majority).mean())
    means = np.tile(y_train.mean().to_numpy(), (len(y_test), 1))
    return score(task, y_test.to_numpy(), means)


def class_labels(frame: pd.DataFrame, targets: list[str]) -> pd.DataFrame:
    # Labels compared as text, so 1 and 1.0 are one class, as they are in a CSV.
    return frame[targets].apply(lambda c: c.map(lambda v: v if pd.isna(v) else str(v)))


def run_table(table: dict, splits: dict, seeds: list[int]) -> dict:
    frame = read_table(ROOT / table["file"])
    if len(frame) != splits["rows"]:
        raise SystemExit(f"{table['id']}: {len(frame)} rows read here, {splits['rows']} in splits.json")
    targets, task = table["target"], table["task"]
    task = "regression" if task == "multi-output" else task
    features, numeric, categories, dropped = plain_features(frame, targets)
    y = class_labels(frame, targets) if task == "classification" else frame[targets].astype(float)
    per_seed = []
    for seed in seeds:
        assignment = np.array(list(splits["seeds"][str(seed)]["rows"]))
        has_target = y.notna().all(axis=1).to_numpy()
        train = (assignment == "t") & has_target
        test = (assignment == "e") & has_target
        figures = {"seed": seed, "train": int(train.sum()), "test": int(test.sum())}
        for name, model in models(task, seed).items():
            pipeline = make_pipeline(preprocessor(numeric, categories), model)
            y_train = y[train].iloc[:, 0] if task == "classification" or len(targets) == 1 else y[train]
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ConvergenceWarning)
                pipeline.fit(features[train], y_train.to_numpy() if task == "classification" else y_train)
            predicted = pipeline.predict(features[test])
            truth = y[test].iloc[:, 0].to_numpy() if task == "classification" else y[test].to_numpy()
            figures[name] = score(task, truth, predicted)
        figures["baseline"] = baseline(task, y[train], y[test])
        per_seed.append(figures)
    mean = {k: float(np.mean([s[k] for s in per_seed])) for k in ("linear", "mlp", "baseline")}
    best = max(("linear", "mlp"), key=lambda k: mean[k])
    return {
        "rows": len(frame),
        "task": table["task"],
        "metric": "accuracy" if task == "classification" else "r2",
        "seeds": seeds,
        "reference": mean[best],
        "best": best,
        "linear": mean["linear"],
        "mlp": mean["mlp"],
        "baseline": mean["baseline"],
        "columns": {"numeric": numeric, "categories": categories, "dropped": dropped},
        "perSeed": per_seed,
    }


def write(out_path: Path, manifest: dict, tables: dict) -> None:
    """Written after every table, so a long run that is stopped keeps what it finished."""
    order = [t["id"] for t in manifest["tables"] if t["id"] in tables]
    document = {
        "generator": "tests/real-tables/reference.py",
        "sklearn": sklearn.__version__,
        "tables": {k: tables[k] for k in order},
    }
    out_path.write_text(json.dumps(document, indent=1) + "\n")


def main() -> None:
    manifest = json.loads((SUITE / "manifest.json").read_text())
    splits = json.loads((SUITE / "splits.json").read_text())
    out_path = SUITE / "reference.json"
    only = set(sys.argv[1:])
    previous = json.loads(out_path.read_text())["tables"] if out_path.exists() else {}
    tables = dict(previous)
    for table in manifest["tables"]:
        if only and table["id"] not in only:
            continue
        started = time.time()
        seeds = table.get("seeds", manifest["seeds"])
        result = run_table(table, splits[table["id"]], seeds)
        tables[table["id"]] = result
        write(out_path, manifest, tables)
        print(
            f"{table['id']:20} {result['metric']:8} linear {result['linear']:.3f}  mlp {result['mlp']:.3f}"
            f"  baseline {result['baseline']:.3f}  ({time.time() - started:.0f} s)",
            flush=True,
        )


if __name__ == "__main__":
    main()
