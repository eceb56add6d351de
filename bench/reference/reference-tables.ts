// The reference tables and their targets, as sklearn-random-search.py lists them.
import { join } from 'node:path';

const HERE = import.meta.dirname;
const ROOT = join(HERE, '..', '..');

export const REFERENCE_TABLES = [
	['wine', join(ROOT, 'sample-datasets', 'wine.csv'), 'cultivar'],
	['penguins', join(ROOT, 'sample-datasets', 'penguins.csv'), 'Species'],
	['diabetes', join(ROOT, 'sample-datasets', 'diabetes.csv'), 'progression'],
	['friedman', join(HERE, 'friedman.csv'), 'y']
] as const;
