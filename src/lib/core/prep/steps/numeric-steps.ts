// Steps that fill, scale, bin, transform or clip numbers.
export const NUMERIC_STEPS = [] as const;
