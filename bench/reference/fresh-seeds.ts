/** The seeds of the ten fresh outer splits (fresh-splits.ts): `benchtop tune --seed S` makes split S. */
export const FRESH_SEEDS = Array.from({ length: 10 }, (_, i) => 101 + i);
