// Imports a file on the Data page through its file picker and returns the data set version it made.
import type { Page } from '@playwright/test';

export interface UploadFile {
	name: string;
	mimeType: string;
	buffer: Buffer;
}

export const csvFile = (name: string, text: string): UploadFile => ({
	name,
	mimeType: 'text/csv',
	buffer: Buffer.from(text)
});

export async function importFile(page: Page, file: UploadFile): Promise<string> {
	await page.goto('/data');
	await page.getByLabel('Choose a file…').setInputFiles(file);
	await page.waitForURL(/\/data\?id=/);
	return new URL(page.url()).searchParams.get('id')!;
}

/** A CSV made of `text`, imported. */
export const importCsv = (page: Page, name: string, text: string): Promise<string> =>
	importFile(page, csvFile(name, text));
