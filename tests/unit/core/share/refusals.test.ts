// Every way a link can be wrong gets its own refusal and a message that says what is wrong with it.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	SHARE_LIMITS,
	decodeShareLink,
	encodeShareFragment,
	sharePayloadFromRun,
	type SharePayload
} from '../../../../src/lib/core/share/index.ts';
import { fromBase64Url, toBase64, toBase64Url } from '../../../../src/lib/core/share/base64url.ts';
import { crc32 } from '../../../../src/lib/core/share/crc32.ts';
import { IRIS_DATASET, irisRun, shareableArtifact } from './shared-run.ts';
import { linkOfBytes, linkOfJson, linkOfText } from './link-bytes.ts';

let plain: SharePayload;
let withWeights: SharePayload;
beforeAll(async () => {
	await tf.setBackend('cpu');
	const trained = await irisRun();
	plain = sharePayloadFromRun(trained.run, IRIS_DATASET);
	withWeights = sharePayloadFromRun(trained.run, IRIS_DATASET, {
		artifact: await shareableArtifact(trained)
	});
}, 60_000);

function refusal(link: string) {
	const result = decodeShareLink(link);
	if (result.ok) throw new Error('accepted');
	return result;
}

/** The plain payload with one change, as JSON (a deep copy first). */
function changed(edit: (p: Record<string, unknown>) => void, base: () => SharePayload = () => plain) {
	const copy = JSON.parse(JSON.stringify(base())) as Record<string, unknown>;
	edit(copy);
	return linkOfJson(copy);
}

describe('decodeShareLink refuses', () => {
	it('a link with no experiment', () => {
		expect(refusal('https://example.org/share').message).toMatch(/no “#share=” part/);
		expect(refusal('#share=').reason).toBe('empty');
	});

	it('a link that is not Benchtop’s, or of another format', () => {
		expect(refusal('#share=hello').reason).toBe('not-a-share-link');
		const newer = refusal(linkOfJson(plain, 2));
		expect(newer.reason).toBe('unknown-version');
		expect(newer.message).toContain('newer Benchtop (share format 2)');
		expect(refusal(linkOfJson(plain, 0)).message).toContain('format 0, which no Benchtop ever wrote');
	});

	it('a link past the length cap, before decoding it', () => {
		const result = refusal(`#share=bt1.${'A'.repeat(SHARE_LIMITS.linkChars + 1)}`);
		expect(result.reason).toBe('too-long');
		expect(result.message).toContain('131,077 characters');
	});

	it('a damaged link: a foreign character, a cut, a changed byte', () => {
		const link = `#${encodeShareFragment(plain)}`;
		const foreign = refusal(`${link.slice(0, 40)}*${link.slice(41)}`);
		expect(foreign.reason).toBe('damaged');
		expect(foreign.message).toMatch(/character it never holds at position \d+/);
		expect(refusal(link.slice(0, Math.floor(link.length / 2))).reason).toBe('damaged');
		// Flipping characters in the middle: it either no longer unpacks or no longer reads as JSON/schema.
		const middle = Math.floor(link.length / 2);
		const flipped = `${link.slice(0, middle)}${link[middle] === 'A' ? 'B' : 'A'}${link.slice(middle + 1)}`;
		expect(['damaged', 'not-json', 'invalid']).toContain(refusal(flipped).reason);
	});

	it('contents changed under their checksum (a weight edited in the packed text)', () => {
		const original = new TextEncoder().encode(JSON.stringify(withWeights));
		const edited = JSON.stringify(withWeights).replace(
			/"float32":"(.)/,
			(_, c: string) => `"float32":"${c === 'A' ? 'B' : 'A'}`
		);
		const link = linkOfText(edited);
		// Same packing, but the checksum of the original: what a changed character in a stored block gives.
		const packed = fromBase64Url(link.slice('#share=bt1.'.length));
		new DataView(packed.buffer).setUint32(0, crc32(original));
		const result = refusal(`#share=bt1.${toBase64Url(packed)}`);
		expect(result.reason).toBe('damaged');
		expect(result.message).toContain('do not match its checksum');
		// The edited contents under their own checksum are a valid experiment with other weights: the checksum
		// is about damage, not authorship.
		expect(decodeShareLink(link).ok).toBe(true);
	});

	it('a deflate bomb, stopped at the size cap', () => {
		// That the inflater stops at the cap rather than after unpacking is checked in pieces.test.ts.
		const result = refusal(linkOfBytes(new Uint8Array(64 * 1024 * 1024).fill(32)));
		expect(result.reason).toBe('too-big');
		expect(result.message).toContain('more than 4 MiB');
	});

	it('contents that are not JSON, or nest absurdly deep', () => {
		expect(refusal(linkOfText('{"format":1,')).reason).toBe('not-json');
		expect(refusal(linkOfBytes(new Uint8Array([0xff, 0xfe, 0x00]))).reason).toBe('not-json');
		const deep = refusal(linkOfText(`${'['.repeat(5000)}${']'.repeat(5000)}`));
		expect(deep.reason).toBe('too-deep');
	});

	it('a payload outside the schema, naming the field', () => {
		expect(refusal(linkOfJson([1, 2])).message).toMatch(/must be an object/);
		expect(refusal(changed((p) => (p.script = 'alert(1)'))).message).toContain('has no field “script”');
		expect(refusal(changed((p) => (p.seed = 1.5))).message).toContain(
			'seed: the seed must be a whole number'
		);
		expect(refusal(changed((p) => ((p.data as { hash: string }).hash = 'nope'))).message).toContain(
			'data.hash: the content hash must be 64 lower-case hex digits'
		);
		expect(refusal(changed((p) => (p.data = { kind: 'url', url: 'javascript:alert(1)' }))).message).toContain(
			'the data must be a sample, inline data or a file reference'
		);
	});

	it('parts the studio’s own parsers refuse, with their messages', () => {
		const recipe = refusal(
			changed((p) => ((p.recipe as { steps: unknown[] }).steps = [{ op: 'eval', params: {}, enabled: true }]))
		);
		expect(recipe.message).toMatch(/^In the link's recipe: /);
		const spec = refusal(
			changed(
				(p) => ((p.spec as { layers: unknown[] }).layers = [{ type: 'dense', units: 0, activation: 'relu' }])
			)
		);
		expect(spec.message).toContain('Layer 1 (dense): units must be a whole number from 1 to 4096');
		expect(refusal(changed((p) => ((p.settings as { epochs: number }).epochs = -3))).message).toMatch(
			/^In the link's training settings: /
		);
		expect(refusal(changed((p) => (p.seed = 6))).message).toBe(
			"The link's seed (6) is not the one in its settings (5)."
		);
		expect(refusal(changed((p) => ((p.data as { sampleId: string }).sampleId = 'secrets'))).message).toBe(
			'The link names the sample “secrets”, which this Benchtop does not ship.'
		);
	});

	it('a model too big to ask anyone to train', () => {
		const layers = Array.from({ length: 8 }, () => ({ type: 'dense', units: 4096, activation: 'relu' }));
		const result = refusal(changed((p) => ((p.spec as { layers: unknown[] }).layers = layers)));
		expect(result.reason).toBe('over-limit');
		expect(result.message).toMatch(/would have [\d,]+ parameters; a link may ask for at most 2,000,000/);
	});

	it('inline data that does not hold together', () => {
		const base = (columns: unknown) =>
			changed((p) => (p.data = { kind: 'inline', name: 'x', hash: 'a'.repeat(64), columns }));
		expect(
			refusal(
				base([
					{ name: 'species', type: 'category', values: ['a', 'b'] },
					{ name: 'x', type: 'number', values: [1] }
				])
			).message
		).toBe("The link's inline column “x” has 1 values; the first column has 2.");
		expect(refusal(base([{ name: 'species', type: 'number', values: ['a'] }])).message).toContain(
			'(number) holds a string in row 1'
		);
		expect(refusal(base([{ name: 'x', type: 'number', values: [1] }])).message).toBe(
			'The link names the column “species”, which its data does not have.'
		);
	});

	it('tampered weights: wrong length, not finite, a layer the topology lacks', () => {
		const nan = new Uint8Array(new Float32Array([Number.NaN]).buffer);
		const result = refusal(
			changed(
				(p) => {
					const w = (p.model as { weights: { float32: string } }).weights;
					const bytes = Uint8Array.from(atob(w.float32), (c) => c.charCodeAt(0));
					bytes.set(nan, 0);
					w.float32 = toBase64(bytes);
				},
				() => withWeights
			)
		);
		expect(result.message).toMatch(/^In the link's weights: .*not finite/);
		const short = refusal(
			changed(
				(p) => ((p.model as { weights: { float32: string } }).weights.float32 = 'AAAA'),
				() => withWeights
			)
		);
		expect(short.message).toMatch(/truncated or not this model's/);
		const renamed = refusal(
			changed(
				(p) => {
					const specs = (p.model as { weights: { specs: { name: string }[] } }).weights.specs;
					specs[0]!.name = 'evil/kernel';
				},
				() => withWeights
			)
		);
		expect(renamed.message).toContain('“evil/kernel”, which no layer in modelTopology has');
	});
});
