#!/usr/bin/python3
"""scikit-learn's RandomizedSearchCV (30 iterations, 5-fold CV on the training rows) over MLPClassifier /
MLPRegressor on wine, penguins, diabetes and a generated Friedman #1 table: the figures `benchtop tune
--time 120s` is compared against (bench/reference/README.md). Test share 0.2, stratified for classes,
random_state 42, as `benchtop tune` cuts its test rows. Writes friedman.csv (the generated table, for
benchtop to read) and sklearn-random-search.json. Run: /usr/bin/python3 bench/reference/sklearn-random-search.py

With --benchtop-split the same search runs on the very rows `benchtop tune` searches and is scored on its test
rows (benchtop-splits.json, written by benchtop-splits.ts), so both libraries' test figures count the same
rows with the same metric; it writes sklearn-random-search-benchtop-split.json (friedman.csv is read, not
rewritten, so the rows stay those of the checked-in file).
"""
import sys
import json
import os
import time
import warnings

import numpy as np
import pandas as pd
import sklearn
from scipy.stats import loguniform, randint
from sklearn.compose import ColumnTransformer
from sklearn.datasets import make_friedman1
from sklearn.exceptions import ConvergenceWarning
from sklearn.impute import SimpleImputer
from sklearn.model_selection import RandomizedSearchCV, train_test_split
from sklearn.neural_network import MLPClassifier, MLPRegressor
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.join(HERE, '..', '..', 'sample-datasets')
warnings.filterwarnings('ignore', category=ConvergenceWarning)


def friedman_table():
    X, y = make_friedman1(n_samples=1000, n_features=10, noise=1.0, random_state=0)
    frame = pd.DataFrame(X, columns=[f'x{i}' for i in range(10)])
    frame['y'] = np.round(y, 6)
    frame = frame.round(6)
    frame.to_csv(os.path.join(HERE, 'friedman.csv'), index=False)
    return frame


TABLES = [
    ('wine', lambda: pd.read_csv(os.path.join(SAMPLES, 'wine.csv')), 'cultivar', 'classification'),
    ('penguins', lambda: pd.read_csv(os.path.join(SAMPLES, 'penguins.csv')), 'Species', 'classification'),
    ('diabetes', lambda: pd.read_csv(os.path.join(SAMPLES, 'diabetes.csv')), 'progression', 'regression'),
    ('friedman', friedman_table, 'y', 'regression'),
]

SPACE = {
    'model__hidden_layer_sizes': [(16,), (32,), (64,), (128,), (32, 32), (64, 32), (64, 64), (128, 64)],
    'model__alpha': loguniform(1e-6, 1e-1),
    'model__learning_rate_init': loguniform(1e-4, 3e-2),
    'model__activation': ['relu', 'tanh'],
    'model__batch_size': [16, 32, 64, 128],
}


def pipeline(X, model):
    """Median-impute and standard-scale the numbers, one-hot the categories, then `model`."""
    numbers = [c for c in X.columns if pd.api.types.is_numeric_dtype(X[c])]
    categories = [c for c in X.columns if c not in numbers]
    prep = ColumnTransformer([
        ('numbers', Pipeline([('impute', SimpleImputer(strategy='median')), ('scale', StandardScaler())]), numbers),
        ('categories', Pipeline([('impute', SimpleImputer(strategy='most_frequent')),
                                 ('encode', OneHotEncoder(handle_unknown='ignore'))]), categories),
    ])
    return Pipeline([('prep', prep), ('model', model)])


def run(name, load, target, task, rows=None, seed=42):
    frame = load()
    if rows is None:
        frame = frame.dropna(subset=[target])
    X = frame.drop(columns=[target])
    y = frame[target]
    classify = task == 'classification'
    model = (MLPClassifier if classify else MLPRegressor)(max_iter=500, early_stopping=False, random_state=seed)
    if rows is None:
        X_train, X_test, y_train, y_test = train_test_split(
            X, y, test_size=0.2, random_state=42, stratify=y if classify else None)
    else:
        # Benchtop's row numbers count the file's rows (its split drops no rows with a missing target here).
        X_train, X_test = X.iloc[rows['train']], X.iloc[rows['test']]
        y_train, y_test = y.iloc[rows['train']], y.iloc[rows['test']]
    search = RandomizedSearchCV(pipeline(X, model), SPACE, n_iter=30, cv=5,
                                scoring='accuracy' if classify else 'r2', random_state=seed, n_jobs=1)
    started = time.time()
    search.fit(X_train, y_train)
    seconds = time.time() - started
    test = search.score(X_test, y_test)
    best = {k.replace('model__', ''): (list(v) if isinstance(v, tuple) else v) for k, v in search.best_params_.items()}
    print(f'{name}: cv {search.best_score_:.4f}, test {test:.4f} ({seconds:.0f} s) {best}', flush=True)
    return {
        'task': task, 'target': target, 'metric': 'accuracy' if classify else 'r2',
        'rows': {'train': len(X_train), 'test': len(X_test)},
        'cv_best': round(float(search.best_score_), 4), 'test': round(float(test), 4),
        'best_params': {k: (float(v) if isinstance(v, float) else v) for k, v in best.items()},
        'seconds': round(seconds, 1),
    }


if __name__ == '__main__':
    same_rows = '--benchtop-split' in sys.argv
    # --seed S (with --benchtop-split): the rows `benchtop tune --seed S` searches (benchtop-splits-S.json),
    # the search and the networks seeded with S too; results go to sklearn-random-search-benchtop-split-S.json.
    seed = int(sys.argv[sys.argv.index('--seed') + 1]) if '--seed' in sys.argv else 42
    if seed != 42 and not same_rows:
        sys.exit('--seed goes with --benchtop-split')
    split_file = 'benchtop-splits.json' if seed == 42 else f'benchtop-splits-{seed}.json'
    splits = json.load(open(os.path.join(HERE, split_file))) if same_rows else {}
    tables = [(n, (lambda: pd.read_csv(os.path.join(HERE, 'friedman.csv'))) if n == 'friedman' and same_rows else l, t, k)
              for n, l, t, k in TABLES]
    only = [a for i, a in enumerate(sys.argv[1:]) if not a.startswith('--') and sys.argv[i] != '--seed']
    name = ('sklearn-random-search.json' if not same_rows else 'sklearn-random-search-benchtop-split.json'
            if seed == 42 else f'sklearn-random-search-benchtop-split-{seed}.json')
    path = os.path.join(HERE, name)
    # Naming tables runs only those and keeps the file's other tables, so a long run can go in parts.
    results = json.load(open(path))['results'] if only and os.path.exists(path) else {}
    for table, load, target, task in tables:
        if only and table not in only:
            continue
        results[table] = run(table, load, target, task, splits.get(table), seed)
        out = {
            'what': 'RandomizedSearchCV(n_iter=30, cv=5) over MLPClassifier/MLPRegressor(max_iter=500), ' +
                    (f"on benchtop tune's search rows, scored on its test rows ({split_file}), seed {seed}" if same_rows
                     else 'test share 0.2, random_state 42'),
            'sklearn': sklearn.__version__,
            'results': results,
        }
        with open(path, 'w') as f:
            json.dump(out, f, indent=2)
            f.write('\n')
