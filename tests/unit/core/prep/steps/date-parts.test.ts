// The date-parts step: year, month, day, weekday (0 = Monday) and hour in UTC, as pandas gives them.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
	applyRecipe,
	fitRecipe,
	parseFittedRecipe,
	parseRecipe,
	validateStepParams
} from '../../../../../src/lib/core/prep/recipe/index.ts';
import { type PrepTable } from '../../../../../src/lib/core/table/prep-table.ts';
import { datePartsStep } from '../../../../../src/lib/core/prep/steps/date-parts/index.ts';
import { loadSample } from '../../data/profile/load-sample.ts';
import { prepTable } from './prep-table.ts';

type Params = v.InferOutput<typeof datePartsStep.params>;
const params = (p: Record<string, unknown>) => validateStepParams('date-parts', p, 0) as Params;

// Expected values from pandas: pd.to_datetime(…, utc=True).dt.year / month / day / weekday / hour.
const TEXTS = [
	'2012-01-01',
	'2024-02-29T13:45:00Z',
	'2023-12-31T23:59:59Z',
	'1970-01-01',
	'2000-07-04T06:00:00+02:00'
];
const PANDAS = [
	[2012, 1, 1, 6, 0],
	[2024, 2, 29, 3, 13],
	[2023, 12, 31, 6, 23],
	[1970, 1, 1, 3, 0],
	[2000, 7, 4, 1, 4]
];

const events = () =>
	prepTable({
		when: { type: 'date', values: [...TEXTS.map((t) => new Date(t)), null] },
		n: { type: 'integer', values: [1, 2, 3, 4, 5, 6] }
	});

function column(table: PrepTable, name: string): unknown[] {
	return Array.from(table.table.array(name) as ArrayLike<unknown>);
}

describe('date-parts', () => {
	it('gives every part as pandas does, in UTC, with missing dates missing', () => {
		const p = params({ columns: ['when'], parts: ['year', 'month', 'day', 'weekday', 'hour'] });
		const out = datePartsStep.apply(p, datePartsStep.fit(p, events()), events(), 'train');
		expect(out.schema).toEqual([
			{ name: 'when_year', type: 'integer' },
			{ name: 'when_month', type: 'integer' },
			{ name: 'when_day', type: 'integer' },
			{ name: 'when_weekday', type: 'integer' },
			{ name: 'when_hour', type: 'integer' },
			{ name: 'n', type: 'integer' }
		]);
		const rows = PANDAS.map((_, r) =>
			['year', 'month', 'day', 'weekday', 'hour'].map((part) => column(out, `when_${part}`)[r])
		);
		expect(rows).toEqual(PANDAS);
		expect(['year', 'month', 'day', 'weekday', 'hour'].map((part) => column(out, `when_${part}`)[5])).toEqual(
			[null, null, null, null, null]
		);
	});

	it('defaults to year, month and weekday, and can keep the original date', () => {
		const p = params({ columns: ['when'], keepOriginal: true });
		expect(p.parts).toEqual(['year', 'month', 'weekday']);
		const out = datePartsStep.apply(p, datePartsStep.fit(p, events()), events(), 'train');
		expect(out.schema.map((c) => c.name)).toEqual(['when', 'when_year', 'when_month', 'when_weekday', 'n']);
		expect(out.schema[0]!.type).toBe('date');
		expect(column(out, 'when_month').slice(0, 2)).toEqual([1, 2]);
	});

	it('puts month, weekday and hour on circles (sine, cosine), so December sits next to January', () => {
		const p = params({
			columns: ['when'],
			parts: ['month_sin', 'month_cos', 'weekday_sin', 'weekday_cos', 'hour_cos']
		});
		const table = prepTable({
			when: {
				type: 'date',
				// January 1st 2024 (a Monday, midnight), April 1st (a Monday, 06:00), December 31st (a Tuesday).
				values: [
					new Date(Date.UTC(2024, 0, 1)),
					new Date(Date.UTC(2024, 3, 1, 6)),
					new Date(Date.UTC(2024, 11, 31)),
					null
				]
			}
		});
		const out = datePartsStep.apply(p, datePartsStep.fit(p, table), table, 'train');
		expect(out.schema).toEqual([
			{ name: 'when_month_sin', type: 'number' },
			{ name: 'when_month_cos', type: 'number' },
			{ name: 'when_weekday_sin', type: 'number' },
			{ name: 'when_weekday_cos', type: 'number' },
			{ name: 'when_hour_cos', type: 'number' }
		]);
		expect(column(out, 'when_month_sin')).toEqual([0, 1, -0.5, null]);
		expect(column(out, 'when_month_cos')).toEqual([
			1,
			0,
			Math.round(Math.cos((2 * Math.PI * 11) / 12) * 1e12) / 1e12,
			null
		]);
		expect(column(out, 'when_weekday_sin').slice(0, 2)).toEqual([0, 0]);
		expect(column(out, 'when_hour_cos').slice(0, 2)).toEqual([1, 0]);
		// December and January are neighbours on the circle: as close as January and February.
		const at = (m: number) => [Math.sin((2 * Math.PI * m) / 12), Math.cos((2 * Math.PI * m) / 12)];
		const distance = (a: number[], b: number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!);
		const [sin, cos] = [column(out, 'when_month_sin') as number[], column(out, 'when_month_cos') as number[]];
		expect(distance([sin[2]!, cos[2]!], [sin[0]!, cos[0]!])).toBeCloseTo(distance(at(0), at(1)), 10);
	});

	it('accepts a single part from a one-value form field', () => {
		expect(params({ columns: ['when'], parts: 'hour' }).parts).toEqual(['hour']);
	});

	it('reads dates that arrive as text or epoch milliseconds when applying', () => {
		const p = params({ columns: ['when'], parts: ['year', 'weekday'] });
		const state = datePartsStep.fit(p, events());
		const loose = prepTable({ when: { type: 'date', values: ['2024-02-29', 0, 'soon', undefined] } });
		const out = datePartsStep.apply(p, state, loose, 'predict');
		expect(column(out, 'when_year')).toEqual([2024, 1970, null, null]);
		expect(column(out, 'when_weekday')).toEqual([3, 3, null, null]);
	});

	it('names a column that is not a date, a missing column and a bad part', () => {
		expect(() => datePartsStep.fit(params({ columns: ['n'] }), events())).toThrow(
			'Column “n” is integer; date parts need a date column.'
		);
		expect(() => datePartsStep.fit(params({ columns: ['day'] }), events())).toThrow(
			'Column “day” is not in the table at this step'
		);
		expect(() => params({ columns: ['when'], parts: ['minute'] })).toThrow(
			/Date parts are year, month, day, weekday, hour/
		);
		expect(() => params({ columns: ['when'], parts: [] })).toThrow(/at least one part/);
		expect(() => params({ columns: [] })).toThrow(/at least one date column/);
	});

	it('refuses to overwrite an existing column of the same name', () => {
		const table = prepTable({
			when: { type: 'date', values: [new Date(0)] },
			when_year: { type: 'integer', values: [1] }
		});
		const p = params({ columns: ['when'] });
		expect(() => datePartsStep.apply(p, datePartsStep.fit(p, table), table, 'train')).toThrow(
			'This step would create a second column named “when_year”.'
		);
	});

	it('state survives JSON and the state schema; defaults and describe', () => {
		const p = params({ columns: ['when'] });
		const state = datePartsStep.fit(p, events());
		expect(v.parse(datePartsStep.state, JSON.parse(JSON.stringify(state)))).toEqual(state);
		const defaults = datePartsStep.defaults(events().schema, { target: [] });
		expect(defaults).toEqual({
			columns: ['when'],
			parts: ['year', 'month_sin', 'month_cos', 'weekday_sin', 'weekday_cos'],
			keepOriginal: false
		});
		expect(datePartsStep.describe(defaults)).toBe(
			'Split when into year, month_sin, month_cos, weekday_sin, weekday_cos'
		);
	});

	it('runs through fitRecipe and applyRecipe on the Seattle weather sample', () => {
		const weather = loadSample('seattle-weather.csv');
		expect(weather.schema[0]).toEqual({ name: 'date', type: 'date' });
		const recipe = parseRecipe({ version: 1, steps: [{ op: 'date-parts', params: { columns: ['date'] } }] });
		const fitted = parseFittedRecipe(JSON.parse(JSON.stringify(fitRecipe(recipe, weather))));
		const out = applyRecipe(fitted, weather);
		expect(out.schema.slice(0, 3).map((c) => c.name)).toEqual(['date_year', 'date_month', 'date_weekday']);
		// 2012-01-01 was a Sunday.
		expect([0, 1, 2].map((k) => column(out, out.schema[k]!.name)[0])).toEqual([2012, 1, 6]);
		expect(new Set(column(out, 'date_year'))).toEqual(new Set([2012, 2013, 2014, 2015]));
	});
});
