// Preparing the generated 1,000,000 × 10 table (100,000 with --quick): a seeded split, the default recipe
// (drop the id and the text, fill, split the date, scale, one-hot) fitted on the 70% training rows, then
// applied to every row. Side by side with the same work in scikit-learn (SimpleImputer, StandardScaler,
// OneHotEncoder in a ColumnTransformer) when Debian's python3-sklearn is installed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, openAsBlob, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { importTable } from '../src/lib/core/data/import/index.ts';
import { defaultRecipe } from '../src/lib/core/prep/default-recipe.ts';
import { applyRecipe, fitRecipe } from '../src/lib/core/prep/recipe/index.ts';
import { takeRows } from '../src/lib/core/table/take-rows.ts';
import { splitRows } from '../src/lib/core/prep/split/index.ts';
import { generateCsv } from '../tests/generated-csv.ts';
import type { Benchmark, Figure } from './types.ts';

const SKLEARN_PYTHON = '/usr/bin/python3';

/**
 * Seconds for fit (on 70%) and transform (all rows) in scikit-learn, or undefined without it. `maxLevels`
 * is the recipe's own, so both sides write the same one-hot columns (max_categories counts "other"), and
 * `dateParts` are the recipe's: the parts are taken from the dates inside the timed pipeline (a
 * FunctionTransformer), since Benchtop's apply takes them too, then filled and scaled as the recipe does.
 * scikit-learn keeps its default sparse one-hot output (its fastest); Benchtop writes dense 0/1 columns.
 */
function sklearnSeconds(
	file: string,
	maxLevels: number,
	dateParts: readonly string[]
): { fit: number; apply: number } | undefined {
	if (!existsSync(SKLEARN_PYTHON)) return undefined;
	const script = `import sys, time
try:
    import numpy, pandas
    from sklearn.compose import ColumnTransformer
    from sklearn.pipeline import make_pipeline
    from sklearn.impute import SimpleImputer
    from sklearn.preprocessing import FunctionTransformer, StandardScaler, OneHotEncoder
    from sklearn.model_selection import train_test_split
except ImportError:
    print("none"); sys.exit(0)
frame = pandas.read_csv(sys.argv[1], parse_dates=["joined"])
numbers = ["amount", "balance", "score", "age", "visits"]
categories = ["city", "plan", "comment"]
parts = sys.argv[3].split(",")
# Benchtop's date parts (UTC; weekday 0 = Monday; a part on a circle as the sine or cosine of its angle).
CYCLES = {"month": (12, 1), "weekday": (7, 0), "hour": (24, 0)}
def date_parts(frame):
    when = frame["joined"].dt
    out = {}
    for part in parts:
        base, _, wave = part.partition("_")
        value = getattr(when, base).to_numpy(dtype="float64")
        if wave:
            period, first = CYCLES[base]
            angle = 2 * numpy.pi * (value - first) / period
            value = numpy.round((numpy.sin(angle) if wave == "sin" else numpy.cos(angle)) * 1e12) / 1e12
        out[part] = value
    return pandas.DataFrame(out, index=frame.index)
train, _ = train_test_split(frame, train_size=0.7, random_state=42)
prep = ColumnTransformer([
    ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numbers),
    ("cat", make_pipeline(SimpleImputer(strategy="most_frequent"), OneHotEncoder(max_categories=int(sys.argv[2]) + 1, handle_unknown="infrequent_if_exist")), categories),
    ("date", make_pipeline(FunctionTransformer(date_parts), SimpleImputer(strategy="median"), StandardScaler()), ["joined"]),
])
start = time.perf_counter()
prep.fit(train)
fit = time.perf_counter() - start
start = time.perf_counter()
prep.transform(frame)
print(fit, time.perf_counter() - start)`;
	const out = execFileSync(SKLEARN_PYTHON, ['-c', script, file, String(maxLevels), dateParts.join(',')], {
		encoding: 'utf8'
	}).trim();
	if (out === 'none') return undefined;
	const [fit, apply] = out.split(' ').map(Number);
	return { fit: fit!, apply: apply! };
}

export const recipePrep: Benchmark = {
	name: 'recipe-prep',
	description: 'default recipe fitted on a 70% split and applied to every row, rows per second',
	async run({ quick }) {
		const rows = quick ? 100_000 : 1_000_000;
		const dir = mkdtempSync(join(tmpdir(), 'benchtop-recipe-'));
		const file = join(dir, 'prep.csv');
		try {
			writeFileSync(file, generateCsv(rows));
			const input = await importTable(await openAsBlob(file), { fileName: 'prep.csv' });
			const { recipe } = defaultRecipe(input, []);

			const splitStart = performance.now();
			const split = splitRows(input, {
				method: 'random',
				train: 0.7,
				validation: 0.15,
				test: 0.15,
				seed: 42
			});
			const train = takeRows(input, split.train);
			const splitMs = performance.now() - splitStart;

			const fitStart = performance.now();
			const fitted = fitRecipe(recipe, train);
			const fitMs = performance.now() - fitStart;

			const applyStart = performance.now();
			const output = applyRecipe(fitted, input, 'evaluate');
			const applyMs = performance.now() - applyStart;
			if (output.table.numRows() !== rows) throw new Error(`applied to ${output.table.numRows()} rows`);

			const rate = (n: number, ms: number, note: string): Figure => ({
				value: Math.round(n / (ms / 1000)),
				unit: 'rows/s',
				note
			});
			const steps = recipe.steps.map((s) => s.op).join(', ');
			const figures: Record<string, Figure> = {
				rows: { value: rows, unit: 'rows' },
				loadAverage: {
					value: loadavg()[0]!,
					unit: '',
					note: '1-minute load average when the run began: above the core count, figures are relative only'
				},
				splitAndTake: {
					value: Math.round(splitMs),
					unit: 'ms',
					note: 'seeded 70/15/15 split, training rows taken'
				},
				benchtopFit: rate(split.train.length, fitMs, `fit on ${split.train.length} training rows: ${steps}`),
				benchtopApply: rate(rows, applyMs, `apply to all ${rows} rows, ${output.schema.length} columns out`)
			};
			const encodeStep = recipe.steps.find((s) => s.op === 'encode');
			const maxLevels = Number((encodeStep?.params as { maxLevels?: number } | undefined)?.maxLevels ?? 20);
			const dateStep = recipe.steps.find((s) => s.op === 'date-parts');
			const dateParts = (dateStep?.params as { parts?: string[] } | undefined)?.parts ?? [];
			const sklearn = sklearnSeconds(file, maxLevels, dateParts);
			if (sklearn) {
				figures.sklearnFit = rate(
					split.train.length,
					sklearn.fit * 1000,
					`ColumnTransformer.fit, same steps (OneHotEncoder max_categories=${maxLevels + 1}; date parts ${dateParts.join(', ')} inside the pipeline)`
				);
				figures.sklearnApply = rate(
					rows,
					sklearn.apply * 1000,
					'ColumnTransformer.transform, same steps (date parts included; sparse one-hot output)'
				);
				// Above 1 means Benchtop is faster than scikit-learn (the goal is at least 1).
				const ratio = (benchtopRate: number, sklearnRate: number): Figure => ({
					value: benchtopRate / sklearnRate,
					unit: '×',
					note: 'Benchtop rows/s ÷ scikit-learn rows/s, same run'
				});
				figures.fitVsSklearn = ratio(figures.benchtopFit!.value, figures.sklearnFit.value);
				figures.applyVsSklearn = ratio(figures.benchtopApply!.value, figures.sklearnApply.value);
			}
			return figures;
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}
};
