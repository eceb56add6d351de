// Test helper: profiles of the sample data sets the chart tests draw.
import { profileTable, type ProfileOptions } from '../../../src/lib/core/data/profile/index.ts';
import { loadSample } from '../core/data/profile/load-sample.ts';

export function sampleProfile(file: string, options: ProfileOptions = {}) {
	const { table, schema } = loadSample(file);
	return profileTable(table, schema, options);
}

export function column(profile: ReturnType<typeof sampleProfile>, name: string) {
	const found = profile.columns.find((c) => c.name === name);
	if (!found) throw new Error(`no column ${name}`);
	return found;
}
