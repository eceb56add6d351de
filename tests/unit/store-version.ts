// A table stored as a data set version on a real registry (fake-indexeddb), as an import stores it: for
// the tests that train on, continue from or check drift against a stored version.
import { tableToArrowIPC } from '../../src/lib/core/data/arrow-ipc.ts';
import type { DatasetRecord, Registry } from '../../src/lib/core/registry/index.ts';
import type { PrepTable } from '../../src/lib/core/table/prep-table.ts';

export async function storeVersion(
	registry: Registry,
	name: string,
	input: PrepTable
): Promise<DatasetRecord> {
	const { record } = await registry.saveDatasetVersion({
		name,
		source: { kind: 'paste' },
		rows: input.table.numRows(),
		schema: input.schema,
		arrow: tableToArrowIPC(input.table, input.schema)
	});
	return record;
}
