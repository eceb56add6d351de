// Safe formulas for the derive step: parse text into a JSON syntax tree, check it, evaluate it over columns.
export { parseFormula, MAX_FORMULA_LENGTH, MAX_FORMULA_NESTING } from './parse.ts';
export { evaluateFormula } from './evaluate.ts';
export { FORMULA_NODE, formulaColumns, formulaDepth, type FormulaNode, type BinaryOperator } from './ast.ts';
export { FUNCTION_NAMES, findFunction } from './functions.ts';
export { formulaError } from './tokenize.ts';
