// Test helper for the model commands: trains small seeded models with `benchtop train` into a temp folder,
// zips a model folder, writes edited copies of sample files, and runs any command through main().
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { expect } from 'vitest';
import { main } from '../../../src/cli/main.ts';

export const sample = (name: string) =>
	fileURLToPath(new URL(`../../../sample-datasets/${name}`, import.meta.url));

export function workFolder(name: string): string {
	return mkdtempSync(join(tmpdir(), `benchtop-${name}-`));
}

export async function cli(args: string[]) {
	const out: string[] = [];
	const err: string[] = [];
	const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
	return { code, out, err };
}

/** `benchtop train … --out <folder>/<name>`; returns the model folder. */
export async function trainModel(folder: string, name: string, args: string[]): Promise<string> {
	const dir = join(folder, name);
	const { code, err } = await cli(['train', ...args, '--out', dir, '--seed', '3', '--json']);
	expect(err).toEqual([]);
	expect(code).toBe(0);
	return dir;
}

/** The model folder's files in a .zip, inside a folder of their own (as zipping a folder makes them). */
export function zipModel(dir: string, zipPath: string): string {
	const files: Record<string, Uint8Array> = {};
	for (const name of readdirSync(dir)) files[`my-model/${name}`] = readFileSync(join(dir, name));
	writeFileSync(zipPath, zipSync(files));
	return zipPath;
}

/** A copy of a sample CSV, as `copy`, with `edit` applied to its lines (header is line 0). */
export function editedSample(
	folder: string,
	name: string,
	copy: string,
	edit: (lines: string[]) => string[]
): string {
	const lines = readFileSync(sample(name), 'utf8').trimEnd().split('\n');
	const path = join(folder, copy);
	writeFileSync(path, `${edit(lines).join('\n')}\n`);
	return path;
}
