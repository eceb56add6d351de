// The importer's public face: read any supported table into a typed arquero table.
export { importTable } from './import-table.ts';
export { detectFormat } from './detect-format.ts';
export type {
	ImportFormat,
	ImportNotice,
	ImportOptions,
	ImportProgress,
	ImportResult
} from './import-types.ts';
