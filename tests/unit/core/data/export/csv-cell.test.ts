// Issue 14 item 9: CSV cells a spreadsheet would run are neutralised (OWASP), raw cells stay exact.
import { describe, expect, it } from 'vitest';
import {
	CSV_CELLS_DESCRIPTION,
	csvField,
	isFormulaLike,
	neutraliseFormula
} from '../../../../../src/lib/core/data/export/csv-cell.ts';
import { tableToCsv } from '../../../../../src/lib/core/data/export/table-to-csv.ts';
import { importTable } from '../../../../../src/lib/core/data/import/index.ts';
import { parseDelimitedText } from '../../../../../src/lib/core/data/parse-delimited-text.ts';
import type { ModelBundle } from '../../../../../src/lib/core/predict/model-bundle.ts';
import type { PredictedRows } from '../../../../../src/lib/core/predict/predict-rows.ts';
import { predictionsCsv } from '../../../../../src/lib/core/predict/predictions-csv.ts';

const HOSTILE = [
	'=cmd|" /C calc"!A0',
	'@HYPERLINK("http://evil.example","x")',
	'+SUM(1,2)',
	'-2+3',
	'\tx',
	'\rx'
];

describe('neutraliseFormula', () => {
	it.each(HOSTILE)('prefixes %j with a single quote', (text) => {
		expect(isFormulaLike(text)).toBe(true);
		expect(neutraliseFormula(text)).toBe(`'${text}`);
	});

	it.each(['setosa', '-1', '+3.5', '-1.5e-3', '.5', 'a=b', " '=x", ''])('leaves %j as it is', (text) => {
		expect(isFormulaLike(text)).toBe(false);
		expect(neutraliseFormula(text)).toBe(text);
	});
});

describe('csvField', () => {
	it('neutralises, then quotes where CSV needs it, for spreadsheets', () => {
		expect(csvField('=cmd|" /C calc"!A0', 'spreadsheet')).toBe(`"'=cmd|"" /C calc""!A0"`);
		expect(csvField('+SUM(1,2)', 'spreadsheet')).toBe(`"'+SUM(1,2)"`);
		expect(csvField('\tx', 'spreadsheet')).toBe(`'\tx`);
		expect(csvField('@A1', 'spreadsheet')).toBe(`'@A1`);
		expect(csvField(null, 'spreadsheet')).toBe('');
	});

	it('writes raw cells exactly, quoted only for CSV syntax', () => {
		expect(csvField('=cmd|" /C calc"!A0', 'raw')).toBe('"=cmd|"" /C calc""!A0"');
		expect(csvField('@A1', 'raw')).toBe('@A1');
		expect(csvField(' padded ', 'raw')).toBe('" padded "');
	});

	it('has words for each choice', () => {
		expect(CSV_CELLS_DESCRIPTION.spreadsheet).toMatch(/single quote/);
		expect(CSV_CELLS_DESCRIPTION.raw).toMatch(/for code/);
	});
});

describe('tableToCsv with hostile cells', () => {
	const { table, schema } = parseDelimitedText(
		'=name,amount,note\n' + '"=cmd|"" /C calc""!A0",-5,@HYPERLINK(1)\n' + 'plain,3,"+SUM(1,2)"\n'
	);

	it('neutralises text cells and headers by default, never numbers', () => {
		const lines = tableToCsv(table, schema).split('\r\n');
		expect(lines[0]).toBe(`'=name,amount,note`);
		expect(lines[1]).toBe(`"'=cmd|"" /C calc""!A0",-5,'@HYPERLINK(1)`);
		expect(lines[2]).toBe(`plain,3,"'+SUM(1,2)"`);
	});

	it('raw cells read back as the very same table', async () => {
		const back = await importTable(tableToCsv(table, schema, 'raw'), { fileName: 'x.csv' });
		expect(back.schema).toEqual(schema);
		expect(back.table.objects()).toEqual(table.objects());
	});
});

describe('predictionsCsv with hostile class labels', () => {
	const bundle = {
		task: 'classification',
		targets: ['y'],
		classes: ['=1+1', 'ok']
	} as unknown as ModelBundle;
	const predicted = {
		rows: 2,
		errors: [null, '@bad row'],
		errorCount: 1,
		labels: ['=1+1', null],
		proba: Float32Array.from([0.75, 0.25, NaN, NaN])
	} as unknown as PredictedRows;

	it('neutralises labels, p_<label> headers and errors for spreadsheets', () => {
		expect(predictionsCsv(bundle, predicted, 'spreadsheet').split('\n')).toEqual([
			`label,p_=1+1,p_ok,error`,
			`'=1+1,0.75,0.25,`,
			`,,,'@bad row`,
			''
		]);
	});

	it('is raw by default (the CLI writes for code)', () => {
		expect(predictionsCsv(bundle, predicted).split('\n')[1]).toBe('=1+1,0.75,0.25,');
	});
});
