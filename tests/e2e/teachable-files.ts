// The set-up of every spec that needs an image model: a Teachable Machine export made by
// tests/fixtures/teachable, written where the test keeps its outputs, then saved on the Export page.
import { writeFile } from 'node:fs/promises';
import type { Page, TestInfo } from '@playwright/test';
import * as tf from '@tensorflow/tfjs';
import { teachableModel, type TeachableOptions } from '../fixtures/teachable/teachable-model.ts';
import { expect } from './fixtures.ts';

/** The export's files on disk (on the CPU backend) and its TF.js model, for specs that compare with it. */
export async function writeTeachableFiles(
	options: TeachableOptions,
	testInfo: TestInfo
): Promise<{ model: tf.LayersModel; paths: string[] }> {
	await tf.setBackend('cpu');
	const { model, files } = await teachableModel(options);
	const paths = await Promise.all(
		[...files].map(async ([name, bytes]) => {
			const path = testInfo.outputPath(name);
			await writeFile(path, bytes);
			return path;
		})
	);
	return { model, paths };
}

/** On the Export page: picks the files, checks what the import says they are, and saves version 1. */
export async function saveImageModel(
	page: Page,
	paths: string[],
	name: string,
	described: string = 'Teachable Machine image model'
): Promise<void> {
	await page.getByLabel('Model files').setInputFiles(paths);
	await expect(page.getByTestId('import-image-model')).toContainText(described);
	await page.getByLabel('Save as model').fill(name);
	await page.getByRole('button', { name: 'Save as model version' }).click();
	await expect(page.getByTestId('import-saved')).toHaveText(`Saved as ${name} v1.`);
}
