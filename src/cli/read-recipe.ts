// Reads a recipe file for `--recipe`: the same validation as every other way in, with messages that
// name the file.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { BenchtopError, toBenchtopError } from '../lib/core/errors.ts';
import { parseRecipe, type Recipe } from '../lib/core/prep/recipe/index.ts';

export function readRecipeFile(path: string): Recipe {
	if (!existsSync(path) || !statSync(path).isFile())
		throw new BenchtopError('bad-input', `no such recipe file: ${path}`);
	let json: unknown;
	try {
		json = JSON.parse(readFileSync(path, 'utf8'));
	} catch (error) {
		throw new BenchtopError('bad-input', `${path} is not JSON: ${(error as Error).message}`);
	}
	try {
		return parseRecipe(json);
	} catch (error) {
		throw new BenchtopError('bad-input', `${path}: ${toBenchtopError(error).message}`);
	}
}
