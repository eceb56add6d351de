#!/usr/bin/python3
"""What scikit-learn's MLPRegressor owes to its unscaled targets, on the rows `benchtop tune` uses for diabetes
(benchtop-splits.json): RandomizedSearchCV's winner there (128 relu units, alpha 7.4e-6, batch 16, learning rate
2.8e-4, max_iter 500) fit on the target's own units, as scikit-learn does, and on standardised targets (what
Benchtop trains on unless `targetScaling` is 'none'), three seeds each, scored on the test rows; then the
5-fold CV score of that network (raw targets) beside a plain linear regression on the search rows. Prints only.
Measured (scikit-learn 1.2.1): raw 0.4846 / 0.4914 / 0.4842 (500 iterations), standardised 0.4613 / 0.3291 /
0.3563; 5-fold CV (3 shuffles): linear 0.4486 / 0.4536 / 0.4790, the network 0.4176 / 0.4385 / 0.4578 — so a
search that may choose a linear model has no honest reason to prefer the network that wins on these test rows.
The same holds on RandomizedSearchCV's own folds (KFold(5) unshuffled, as its cv=5 splits a regression): linear
0.4827, the network 0.4690; and on 5 x 5 repeated CV the network trails by 0.0198 (standard error 0.0075).
Run: /usr/bin/python3 bench/reference/sklearn-target-scaling.py
"""
import warnings

from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LinearRegression
from sklearn.metrics import r2_score
from sklearn.model_selection import KFold, RepeatedKFold, cross_val_score
from sklearn.neural_network import MLPRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from diabetes_rows import diabetes_rows

warnings.filterwarnings('ignore', category=ConvergenceWarning)
X_train, X_test, y_train, y_test = diabetes_rows()
scaler = StandardScaler().fit(X_train)
X_train_s, X_test_s = scaler.transform(X_train), scaler.transform(X_test)
mean, std = y_train.mean(), y_train.std()


def network(seed):
    return MLPRegressor((128,), alpha=7.36e-6, batch_size=16, learning_rate_init=2.83e-4, max_iter=500,
                        random_state=seed)


for seed in range(3):
    raw = network(seed).fit(X_train_s, y_train)
    scaled = network(seed).fit(X_train_s, (y_train - mean) / std)
    print(f'seed {seed}: raw targets {r2_score(y_test, raw.predict(X_test_s)):.4f} ({raw.n_iter_} iterations), '
          f'standardised {r2_score(y_test, scaled.predict(X_test_s) * std + mean):.4f} ({scaled.n_iter_})',
          flush=True)
for shuffle in range(3):
    folds = KFold(5, shuffle=True, random_state=shuffle)
    linear = cross_val_score(make_pipeline(StandardScaler(), LinearRegression()), X_train, y_train, cv=folds)
    net = cross_val_score(make_pipeline(StandardScaler(), network(42)), X_train, y_train, cv=folds)
    print(f'5-fold CV, shuffle {shuffle}: linear {linear.mean():.4f}, network {net.mean():.4f}', flush=True)
linear = cross_val_score(make_pipeline(StandardScaler(), LinearRegression()), X_train, y_train, cv=KFold(5))
net = cross_val_score(make_pipeline(StandardScaler(), network(42)), X_train, y_train, cv=KFold(5))
print(f'RandomizedSearchCV\'s folds (unshuffled): linear {linear.mean():.4f}, network {net.mean():.4f}', flush=True)
repeated = RepeatedKFold(n_splits=5, n_repeats=5, random_state=0)
linear = cross_val_score(make_pipeline(StandardScaler(), LinearRegression()), X_train, y_train, cv=repeated)
net = cross_val_score(make_pipeline(StandardScaler(), network(42)), X_train, y_train, cv=repeated)
gap = net - linear
print(f'5 x 5 repeated CV: network minus linear {gap.mean():.4f} (standard error {gap.std() / len(gap) ** 0.5:.4f})',
      flush=True)
