"""Benchtop's seed-42 diabetes rows (benchtop-splits.json): the search rows and the 89 test rows, as arrays,
for the reference scripts that compare models on them."""
import json
import os

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))


def diabetes_rows():
    """(X_train, X_test, y_train, y_test): Benchtop's search rows and test rows of diabetes.csv."""
    frame = pd.read_csv(os.path.join(HERE, '..', '..', 'sample-datasets', 'diabetes.csv'))
    split = json.load(open(os.path.join(HERE, 'benchtop-splits.json')))['diabetes']
    X, y = frame.drop(columns=['progression']).values, frame['progression'].values
    return X[split['train']], X[split['test']], y[split['train']], y[split['test']]
