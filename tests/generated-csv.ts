// A deterministic, realistic CSV of any size (decimals, integers, categories, dates, short text), the
// same for the million-row end-to-end test and the ingest benchmark, so their figures compare.
export const GENERATED_CSV_HEADER = 'id,amount,balance,score,age,visits,city,plan,joined,comment';

export function generateCsv(rows: number): string {
	const cities = ['Lisbon', 'Oslo', 'Lima', 'Hanoi', 'Accra', 'Quito'];
	const lines = [GENERATED_CSV_HEADER];
	let seed = 7;
	const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
	for (let i = 0; i < rows; i++) {
		const day = String(1 + (i % 28)).padStart(2, '0');
		lines.push(
			`${i},${(next() * 1000).toFixed(2)},${(next() * 1e5).toFixed(2)},${next().toFixed(4)},${18 + (i % 70)},` +
				`${Math.floor(next() * 500)},${cities[i % cities.length]},${i % 3 ? 'free' : 'pro'},2024-03-${day},row ${i % 1000}`
		);
	}
	return `${lines.join('\n')}\n`;
}
