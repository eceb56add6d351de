// benchtop.json through its schema: a record `benchtop train` wrote is read back; version problems are told
// apart (text, negative, newer); every other problem names its field and what was expected.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseBenchtopModel } from '../../../../src/lib/core/models/benchtop-model-schema.ts';
import { sample, trainModel, workFolder } from '../../cli/model-fixtures.ts';

let written: Record<string, unknown>;
const edited = (edit: (json: Record<string, unknown>) => void) => {
	const copy = structuredClone(written);
	edit(copy);
	return copy;
};

beforeAll(async () => {
	const dir = await trainModel(workFolder('schema'), 'iris', [
		sample('iris.csv'),
		'--target',
		'species',
		'--model',
		'mlp',
		'--epochs',
		'10'
	]);
	written = JSON.parse(readFileSync(join(dir, 'benchtop.json'), 'utf8'));
}, 60_000);

describe('parseBenchtopModel', () => {
	it('reads what benchtop train wrote', () => {
		const record = parseBenchtopModel(written);
		expect(record.task).toBe('classification');
		expect(record.classes).toEqual(['setosa', 'versicolor', 'virginica']);
		expect(record.features).toHaveLength(4);
		expect(record.weightsSha256).toMatch(/^[0-9a-f]{64}$/);
		expect(record.spec.family).toBe('mlp');
		expect(record.run.seed).toBe(3);
	});

	it('tells version problems apart', () => {
		expect(() => parseBenchtopModel(edited((j) => (j.version = '1')))).toThrow(
			'benchtop.json: “version” is "1" (text); expected a whole number from 1 (this benchtop writes version 1)'
		);
		expect(() => parseBenchtopModel(edited((j) => (j.version = -7)))).toThrow(
			'benchtop.json: “version” is -7; expected a whole number from 1'
		);
		expect(() => parseBenchtopModel(edited((j) => (j.version = 2)))).toThrow(
			'benchtop.json: format version 2; this benchtop reads version 1: update benchtop to read it'
		);
		expect(() => parseBenchtopModel(edited((j) => delete j.format))).toThrow(
			'benchtop.json: “format” is missing; expected "benchtop-model"'
		);
	});

	it('names the field and what was expected', () => {
		expect(() => parseBenchtopModel(edited((j) => (j.features = [])))).toThrow(
			'benchtop.json: “features” is empty; a model needs at least one input column'
		);
		expect(() => parseBenchtopModel(edited((j) => (j.inputSchema = [{ name: 'a', type: 'blob' }])))).toThrow(
			'benchtop.json: “inputSchema[0].type” must be one of integer, number, boolean, date, category, text'
		);
		expect(() => parseBenchtopModel(edited((j) => (j.task = 'regression')))).toThrow(
			'benchtop.json: “spec.task” is classification but “task” is regression; they must agree'
		);
		expect(() => parseBenchtopModel(edited((j) => (j.weightsSha256 = 'xyz')))).toThrow(
			'benchtop.json: “weightsSha256” must be 64 hexadecimal digits'
		);
		expect(() => parseBenchtopModel(edited((j) => (j.spec = { family: 'mlp' })))).toThrow(
			/^benchtop\.json: “spec”: /
		);
	});
});
