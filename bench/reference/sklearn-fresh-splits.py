#!/usr/bin/python3
"""What the configurations scikit-learn's searches chose are worth on rows that did not choose them: each
RandomizedSearchCV winner (sklearn-random-search-benchtop-split[-S].json, seeds 42 and 1-4) is refit on the
search rows of ten fresh outer splits (fresh-splits.json, written by fresh-splits.ts) and scored on their test
rows, beside a plain linear model (LinearRegression or LogisticRegression) behind the same pipeline. Writes
sklearn-fresh-splits.json. Run: /usr/bin/python3 bench/reference/sklearn-fresh-splits.py [table ...]
"""
import importlib.util
import json
import os
import sys
import warnings

import numpy as np
import pandas as pd
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.neural_network import MLPClassifier, MLPRegressor

HERE = os.path.dirname(os.path.abspath(__file__))
warnings.filterwarnings('ignore', category=ConvergenceWarning)
warnings.filterwarnings('ignore', category=UserWarning)
spec = importlib.util.spec_from_file_location('search', os.path.join(HERE, 'sklearn-random-search.py'))
search = importlib.util.module_from_spec(spec)
spec.loader.exec_module(search)


def load(name):
    if name == 'friedman':
        return pd.read_csv(os.path.join(HERE, 'friedman.csv'))
    return next(l for n, l, _, _ in search.TABLES if n == name)()


def scores(frame, target, task, splits, make_model):
    X, y = frame.drop(columns=[target]), frame[target]
    out = []
    for seed, rows in splits.items():
        model = search.pipeline(X, make_model(int(seed)))
        model.fit(X.iloc[rows['train']], y.iloc[rows['train']])
        out.append(round(float(model.score(X.iloc[rows['test']], y.iloc[rows['test']])), 4))
    return out


def main():
    fresh = json.load(open(os.path.join(HERE, 'fresh-splits.json')))
    only = sys.argv[1:]
    results = {}
    for name, _, target, task in search.TABLES:
        if only and name not in only:
            continue
        frame, splits = load(name), fresh[name]
        classify = task == 'classification'
        linear = scores(frame, target, task, splits,
                        lambda s: LogisticRegression(max_iter=2000) if classify else LinearRegression())
        entry = {'metric': 'accuracy' if classify else 'r2', 'seeds': list(splits),
                 'linear': {'mean': round(float(np.mean(linear)), 4), 'scores': linear}, 'winners': {}}
        for seed in [42, 1, 2, 3, 4]:
            file = os.path.join(HERE, 'sklearn-random-search-benchtop-split' + ('' if seed == 42 else f'-{seed}') + '.json')
            found = json.load(open(file))['results'].get(name) if os.path.exists(file) else None
            if not found:
                continue
            params = dict(found['best_params'])
            params['hidden_layer_sizes'] = tuple(params['hidden_layer_sizes'])
            kind = MLPClassifier if classify else MLPRegressor
            got = scores(frame, target, task, splits, lambda s: kind(max_iter=500, random_state=s, **params))
            entry['winners'][str(seed)] = {'params': found['best_params'], 'search_test': found['test'],
                                           'mean': round(float(np.mean(got)), 4), 'scores': got}
            print(f"{name} seed {seed}: winner {np.mean(got):.4f} over {len(got)} fresh splits "
                  f"(linear {np.mean(linear):.4f})", flush=True)
        results[name] = entry
    path = os.path.join(HERE, 'sklearn-fresh-splits.json')
    kept = json.load(open(path))['results'] if only and os.path.exists(path) else {}
    kept.update(results)
    with open(path, 'w') as f:
        json.dump({'what': 'scikit-learn search winners and a linear model refit on ten fresh outer splits '
                           '(fresh-splits.json), scored on their test rows', 'results': kept}, f, indent=2)
        f.write('\n')


if __name__ == '__main__':
    main()
