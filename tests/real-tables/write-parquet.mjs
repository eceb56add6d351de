// Writes a JSON array of flat records as Parquet with the project's hyparquet-writer: numbers as DOUBLE
// (INT32 when every value is a whole number that fits), strings as UTF-8, nulls kept.
// Usage: node tests/real-tables/write-parquet.mjs <in.json> <out.parquet>
import { readFileSync } from 'node:fs';
import { parquetWriteFile } from 'hyparquet-writer';

const [input, output] = process.argv.slice(2);
if (!input || !output) throw new Error('usage: node write-parquet.mjs <in.json> <out.parquet>');
const records = JSON.parse(readFileSync(input, 'utf8'));
const names = [...new Set(records.flatMap((r) => Object.keys(r)))];
const columnData = names.map((name) => {
	const data = records.map((r) => (r[name] === undefined ? null : r[name]));
	const present = data.filter((v) => v !== null);
	const numeric = present.every((v) => typeof v === 'number');
	const whole = numeric && present.every((v) => Number.isInteger(v) && Math.abs(v) < 2 ** 31);
	return { name, data, type: numeric ? (whole ? 'INT32' : 'DOUBLE') : 'STRING' };
});
parquetWriteFile({ filename: output, columnData });
console.log(`${output}: ${records.length} rows, ${names.length} columns`);
