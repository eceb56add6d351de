#!/usr/bin/python3
"""The winner scikit-learn's RandomizedSearchCV found (sklearn-random-search.json), refit on the training rows
`benchtop tune` uses and scored on its test rows (benchtop-splits.json, written by benchtop-splits.ts), so the
two libraries' test figures are compared on the same rows. Seeds 0-4 of the MLP's random_state (the search used
42) show how much the figure moves with the initial weights alone. Writes sklearn-on-benchtop-split.json.
Run: /usr/bin/python3 bench/reference/sklearn-on-benchtop-split.py
"""
import json
import os
import warnings

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.exceptions import ConvergenceWarning
from sklearn.impute import SimpleImputer
from sklearn.neural_network import MLPClassifier, MLPRegressor
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.join(HERE, '..', '..', 'sample-datasets')
warnings.filterwarnings('ignore', category=ConvergenceWarning)
TABLES = {
    'wine': (os.path.join(SAMPLES, 'wine.csv'), 'cultivar'),
    'penguins': (os.path.join(SAMPLES, 'penguins.csv'), 'Species'),
    'diabetes': (os.path.join(SAMPLES, 'diabetes.csv'), 'progression'),
    'friedman': (os.path.join(HERE, 'friedman.csv'), 'y'),
}

reference = json.load(open(os.path.join(HERE, 'sklearn-random-search.json')))['results']
splits = json.load(open(os.path.join(HERE, 'benchtop-splits.json')))
results = {}
for name, (path, target) in TABLES.items():
    frame = pd.read_csv(path)
    X, y = frame.drop(columns=[target]), frame[target]
    numbers = [c for c in X.columns if pd.api.types.is_numeric_dtype(X[c])]
    categories = [c for c in X.columns if c not in numbers]
    classify = reference[name]['task'] == 'classification'
    params = dict(reference[name]['best_params'])
    params['hidden_layer_sizes'] = tuple(params['hidden_layer_sizes'])
    train, test = splits[name]['train'], splits[name]['test']
    scores = []
    for seed in range(5):
        prep = ColumnTransformer([
            ('numbers', Pipeline([('impute', SimpleImputer(strategy='median')), ('scale', StandardScaler())]), numbers),
            ('categories', Pipeline([('impute', SimpleImputer(strategy='most_frequent')),
                                     ('encode', OneHotEncoder(handle_unknown='ignore'))]), categories),
        ])
        model = (MLPClassifier if classify else MLPRegressor)(max_iter=500, random_state=seed, **params)
        pipe = Pipeline([('prep', prep), ('model', model)]).fit(X.iloc[train], y.iloc[train])
        scores.append(round(float(pipe.score(X.iloc[test], y.iloc[test])), 4))
    results[name] = {'metric': reference[name]['metric'], 'test_by_seed': scores,
                     'test_mean': round(float(np.mean(scores)), 4)}
    print(name, results[name], flush=True)
with open(os.path.join(HERE, 'sklearn-on-benchtop-split.json'), 'w') as f:
    json.dump({'what': "sklearn-random-search.json's best_params, MLP random_state 0-4, refit on benchtop tune's "
               'training rows and scored on its test rows (benchtop-splits.json)', 'results': results}, f, indent=2)
    f.write('\n')
