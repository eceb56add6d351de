// The Train page's target select, found as a person finds it: the combobox whose label starts "Target" (its
// label goes on with a hint, and a checkbox beside it also mentions the target).
import type { Page } from '@playwright/test';

export const targetSelect = (page: Page) => page.getByRole('combobox', { name: /^Target/ });
