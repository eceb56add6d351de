// Opens a sample on the Data page, then the Train page for the version it made, once the task is read.
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

export async function openTrain(page: Page, sample: string): Promise<string> {
	await page.goto('/');
	await page.getByRole('button', { name: `Open ${sample}` }).click();
	await page.waitForURL(/\/data\?id=/);
	const id = new URL(page.url()).searchParams.get('id')!;
	await page.goto(`/train?id=${encodeURIComponent(id)}`);
	await expect(page.getByTestId('task-reason')).not.toContainText('Reading');
	return id;
}
