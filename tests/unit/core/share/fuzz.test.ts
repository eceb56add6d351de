// Share-link fuzzing: thousands of random and mutated links. Every one is either accepted into an
// experiment that passes validation again, or refused with a reason and a message — never an exception
// escaping, never the catch-all 'internal' refusal (a gap in the checks), never a hang.
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	decodeShareLink,
	encodeShareFragment,
	sharePayloadFromRun,
	validateSharePayload,
	type SharePayload
} from '../../../../src/lib/core/share/index.ts';
import { IRIS_DATASET, irisRun, shareableArtifact } from './shared-run.ts';
import { linkOfJson } from './link-bytes.ts';

let plain: SharePayload;
let withWeights: SharePayload;
let links: string[];
beforeAll(async () => {
	await tf.setBackend('cpu');
	const trained = await irisRun();
	plain = sharePayloadFromRun(trained.run, IRIS_DATASET);
	withWeights = sharePayloadFromRun(trained.run, IRIS_DATASET, {
		artifact: await shareableArtifact(trained)
	});
	links = [plain, withWeights].map((p) => `#${encodeShareFragment(p)}`);
}, 60_000);

/** Decodes and checks the answer's shape; returns it for further checks. */
function check(link: string) {
	const started = performance.now();
	const result = decodeShareLink(link);
	expect(performance.now() - started).toBeLessThan(2_000);
	if (result.ok) {
		// Accepted: a valid experiment, which validates again to itself.
		expect(validateSharePayload(JSON.parse(JSON.stringify(result.payload)))).toEqual(result.payload);
	} else {
		expect(result.reason).not.toBe('internal');
		expect(result.message.length).toBeGreaterThan(10);
	}
	return result;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const linkChar = fc.constantFrom(...ALPHABET.split(''), '=', '&', '#', '%', '.', ' ', 'é', '\u202e');

/** One edit of a link: a character changed, inserted or removed, a cut, or a slice repeated. */
const mutation = fc.oneof(
	fc.record({ kind: fc.constant('set' as const), at: fc.nat(), char: linkChar }),
	fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), char: linkChar }),
	fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
	fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
	fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) })
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(link: string, edit: Mutation): string {
	const at = edit.at % (link.length + 1);
	switch (edit.kind) {
		case 'set':
			return link.slice(0, at) + edit.char + link.slice(at + 1);
		case 'insert':
			return link.slice(0, at) + edit.char + link.slice(at);
		case 'delete':
			return link.slice(0, at) + link.slice(at + 1);
		case 'cut':
			return link.slice(0, at);
		case 'repeat':
			return link.slice(0, at) + link.slice(at, at + edit.length).repeat(3) + link.slice(at);
	}
}

/** Paths into the payload's JSON, to replace one value with something arbitrary. */
function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
	out.push(prefix);
	if (typeof value === 'object' && value !== null && prefix.length < 6) {
		for (const [key, child] of Object.entries(value)) {
			// Weight arrays are long; a few of their entries are enough.
			if (Array.isArray(value) && Number(key) > 3) break;
			paths(child, [...prefix, Array.isArray(value) ? Number(key) : key], out);
		}
	}
	return out;
}

function replaceAt(root: unknown, path: (string | number)[], value: unknown): unknown {
	if (path.length === 0) return value;
	const copy = JSON.parse(JSON.stringify(root)) as Record<string | number, unknown>;
	let node = copy;
	for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
	node[path.at(-1)!] = value;
	return copy;
}

describe('decodeShareLink under fuzzing', () => {
	it('random text is refused with a message', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 300 }), (text) => {
				check(text);
				check(`#share=${text}`);
				check(`#share=bt1.${text}`);
			}),
			{ numRuns: 1500 }
		);
	});

	it('mutated real links are accepted whole or refused with a message', () => {
		fc.assert(
			fc.property(fc.nat(1), fc.array(mutation, { minLength: 1, maxLength: 4 }), (which, edits) => {
				check(edits.reduce(mutate, links[which]!));
			}),
			{ numRuns: 2000 }
		);
	}, 120_000);

	it('well-packed payloads with any one value replaced are accepted or refused, never crash', () => {
		const all = [plain, withWeights].map((p) => paths(JSON.parse(JSON.stringify(p))));
		fc.assert(
			fc.property(
				fc.nat(1),
				fc.nat(),
				fc.oneof(
					fc.jsonValue({ maxDepth: 4 }),
					fc.anything({ maxDepth: 3 }),
					fc.constantFrom(NaN, -0, 1e308, '', '<img src=x onerror=alert(1)>', [], {})
				),
				(which, pick, value) => {
					const base = which === 0 ? plain : withWeights;
					const options = all[which]!;
					const result = check(linkOfJson(replaceAt(base, options[pick % options.length]!, value)));
					// A link that only changed a name or a number within range may still open; one that removed
					// the structure never does.
					if (result.ok) expect(result.payload.format).toBe(1);
				}
			),
			{ numRuns: 2000 }
		);
	}, 120_000);

	it('arbitrary JSON in a well-formed link is refused, not crashed on', () => {
		fc.assert(
			fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
				expect(check(linkOfJson(value)).ok).toBe(false);
			}),
			{ numRuns: 1000 }
		);
	});
});
