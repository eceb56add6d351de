#!/usr/bin/python3
"""How much of the diabetes bar is scikit-learn's own seed: sklearn-random-search.py's search (same pipeline,
space, n_iter=30, cv=5) on benchtop tune's seed-42 search rows, scored on its test rows, with other seeds for
the sampler and the networks (random_state S for both, as the bar's run uses 42). Prints one JSON line a seed
and writes sklearn-search-seeds.json. Run: /usr/bin/python3 bench/reference/sklearn-search-seeds.py 0 1 2 3 4 5
(about two minutes a seed on two cores; tests never need Python)."""
import importlib.util
import json
import os
import sys
import warnings

import pandas as pd
from sklearn.model_selection import RandomizedSearchCV
from sklearn.neural_network import MLPRegressor

HERE = os.path.dirname(os.path.abspath(__file__))
warnings.filterwarnings('ignore')
spec = importlib.util.spec_from_file_location('search', os.path.join(HERE, 'sklearn-random-search.py'))
search = importlib.util.module_from_spec(spec)
spec.loader.exec_module(search)

rows = json.load(open(os.path.join(HERE, 'benchtop-splits.json')))['diabetes']
frame = pd.read_csv(os.path.join(search.SAMPLES, 'diabetes.csv'))
X, y = frame.drop(columns=['progression']), frame['progression']
X_train, X_test = X.iloc[rows['train']], X.iloc[rows['test']]
y_train, y_test = y.iloc[rows['train']], y.iloc[rows['test']]

results = []
for seed in [int(a) for a in sys.argv[1:]]:
    model = MLPRegressor(max_iter=500, early_stopping=False, random_state=seed)
    found = RandomizedSearchCV(search.pipeline(X, model), search.SPACE, n_iter=30, cv=5, scoring='r2',
                               random_state=seed, n_jobs=2)
    found.fit(X_train, y_train)
    result = {'seed': seed, 'cv': round(float(found.best_score_), 4), 'test': round(float(found.score(X_test, y_test)), 4)}
    print(json.dumps(result), flush=True)
    results.append(result)

with open(os.path.join(HERE, 'sklearn-search-seeds.json'), 'w') as f:
    json.dump({
        'what': "sklearn-random-search.py's diabetes search on benchtop tune's seed-42 search rows, scored on its "
                'test rows, with random_state S for the sampler and the networks (the bar uses 42: test 0.4932)',
        'results': results,
    }, f, indent=2)
    f.write('\n')
