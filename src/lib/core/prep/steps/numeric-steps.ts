// Steps that fill, scale, bin, transform or clip numbers.
import { bin } from './bin/index.ts';
import { clip } from './clip/index.ts';
import { impute } from './impute/index.ts';
import { scale } from './scale/index.ts';
import { transform } from './transform/index.ts';

export const NUMERIC_STEPS = [impute, scale, bin, transform, clip] as const;
