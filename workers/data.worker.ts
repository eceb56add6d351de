// The data worker: parsing and typing tables off the main thread. Thin: it only wires core to comlink.
import { expose, transfer } from 'comlink';
import { BenchtopError } from '$lib/core/errors.ts';
import { tableToArrowIPC } from '$lib/core/data/arrow-ipc.ts';
import { parseDelimitedText } from '$lib/core/data/parse-delimited-text.ts';
import type { ColumnSchema } from '$lib/core/data/column-types.ts';
import { installErrorTransfer } from '$lib/worker-client/error-transfer.ts';

installErrorTransfer();

export interface ParsedTable {
	arrow: Uint8Array;
	schema: ColumnSchema[];
	rows: number;
}

async function fetchText(url: string): Promise<string> {
	let response: Response;
	try {
		response = await fetch(url);
	} catch (error) {
		throw new BenchtopError('bad-input', `Could not load ${url}: the network request failed.`, String(error));
	}
	if (!response.ok)
		throw new BenchtopError('bad-input', `Could not load ${url}: the server answered ${response.status}.`);
	return response.text();
}

const api = {
	async parseCsvUrl(url: string): Promise<ParsedTable> {
		const { table, schema } = parseDelimitedText(await fetchText(url));
		const arrow = tableToArrowIPC(table, schema);
		return transfer({ arrow, schema, rows: table.numRows() }, [arrow.buffer]);
	}
};

export type DataWorkerApi = typeof api;

expose(api);
