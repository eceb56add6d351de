// Steps that choose, filter, encode or derive columns and rows.
import { datePartsStep as dateParts } from './date-parts/index.ts';
import { dedupe } from './dedupe/index.ts';
import { derive } from './derive/index.ts';
import { drop } from './drop/index.ts';
import { encode } from './encode/index.ts';
import { filter } from './filter/index.ts';

export const COLUMN_STEPS = [drop, filter, encode, dateParts, derive, dedupe] as const;
