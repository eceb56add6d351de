import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import {
	championFor,
	defaultGate,
	evaluateGate,
	gateKey,
	loadGate,
	parseGate,
	saveGate,
	suggestedThreshold
} from '../../../../src/lib/core/evaluate/gate.ts';
import { openRegistry } from '../../../../src/lib/core/registry/registry.ts';
import { fakeRun } from '../report/run-fixture.ts';

const run = fakeRun(); // test accuracy 0.913, log loss 0.25; validation accuracy 0.9

describe('parseGate', () => {
	it('fills defaults and names the bad field', () => {
		expect(parseGate({})).toEqual(defaultGate());
		expect(
			parseGate({ thresholds: [{ metric: ' accuracy ', value: 0.9 }], champion: { metric: 'accuracy' } })
		).toEqual({
			thresholds: [{ metric: 'accuracy', split: 'test', comparator: '>=', value: 0.9 }],
			champion: { metric: 'accuracy', split: 'test', tolerance: 0.01 }
		});
		expect(() => parseGate({ thresholds: [{ metric: 'accuracy', value: 'high' }] })).toThrow(
			'Gate thresholds.0.value: The threshold must be a number.'
		);
		expect(() => parseGate({ thresholds: [{ metric: '', value: 1 }] })).toThrow(/Name the metric/);
		expect(() => parseGate({ champion: { metric: 'r2', tolerance: -1 } })).toThrow(/at least 0 \(got -1\)/);
		expect(() => parseGate({ thresholds: [{ metric: 'r2', value: 1, comparator: '=' }] })).toThrow(
			/one of >= > <= </
		);
	});

	it('suggests the task’s headline metric', () => {
		expect(suggestedThreshold('classification')).toMatchObject({ metric: 'accuracy', comparator: '>=' });
		expect(suggestedThreshold('regression').metric).toBe('r2');
		expect(suggestedThreshold('clustering').metric).toBe('silhouette');
	});
});

describe('evaluateGate', () => {
	it('passes an open gate and says so', () => {
		expect(evaluateGate(defaultGate(), run)).toEqual({
			pass: true,
			reasons: ['No thresholds set: every run passes.'],
			checks: []
		});
	});

	it('reports each threshold met or not, with both numbers', () => {
		const gate = parseGate({
			thresholds: [
				{ metric: 'accuracy', value: 0.9 },
				{ metric: 'accuracy', value: 0.99 },
				{ metric: 'log_loss', comparator: '<', value: 0.2 },
				{ metric: 'accuracy', split: 'validation', comparator: '>', value: 0.9 },
				{ metric: 'r2', value: 0.5 }
			]
		});
		const result = evaluateGate(gate, run);
		expect(result.pass).toBe(false);
		expect(result.checks.map((c) => c.pass)).toEqual([true, false, false, false, false]);
		expect(result.reasons).toEqual([
			'test accuracy 0.913 meets ≥ 0.9.',
			'test accuracy 0.913 does not meet ≥ 0.99.',
			'test log_loss 0.25 does not meet < 0.2.',
			'validation accuracy 0.9 does not meet > 0.9.',
			'test r2: no value on this run (needs ≥ 0.5) — not met.'
		]);
		expect(evaluateGate(parseGate({ thresholds: [{ metric: 'accuracy', value: 0.9 }] }), run).pass).toBe(
			true
		);
	});

	it('checks the champion rule in the metric’s direction, within the tolerance', () => {
		const champion = fakeRun({
			id: 'champ',
			name: 'champion run',
			metrics: { test: { accuracy: 0.92, log_loss: 0.2 } }
		});
		const byAccuracy = parseGate({ champion: { metric: 'accuracy', tolerance: 0.01 } });
		const passing = evaluateGate(byAccuracy, run, champion);
		expect(passing.pass).toBe(true);
		expect(passing.reasons).toEqual([
			"test accuracy 0.913 is 0.007 worse than the champion's 0.92 (champion run); within the tolerance of 0.01."
		]);
		const strict = evaluateGate(
			parseGate({ champion: { metric: 'accuracy', tolerance: 0.005 } }),
			run,
			champion
		);
		expect(strict.pass).toBe(false);
		expect(strict.reasons[0]).toContain('beyond the tolerance of 0.005');
		// Lower is better for log loss: 0.25 against 0.2 is 0.05 worse.
		const byLoss = evaluateGate(
			parseGate({ champion: { metric: 'log_loss', tolerance: 0.01 } }),
			run,
			champion
		);
		expect(byLoss.pass).toBe(false);
		expect(byLoss.reasons[0]).toContain('0.05 worse than');
		const better = evaluateGate(parseGate({ champion: { metric: 'log_loss', tolerance: 0 } }), champion, run);
		expect(better.pass).toBe(true);
		expect(better.reasons[0]).toContain('0.05 better than');
	});

	it('passes the champion rule without a champion, or for the champion itself, and says why', () => {
		const gate = parseGate({ champion: { metric: 'accuracy' } });
		expect(evaluateGate(gate, run).reasons).toEqual([
			'No champion yet: the champion rule has nothing to compare with.'
		]);
		expect(evaluateGate(gate, run, run)).toMatchObject({
			pass: true,
			reasons: ['This run is the champion.']
		});
		const missing = evaluateGate(gate, fakeRun({ id: 'x', metrics: {} }), run);
		expect(missing.pass).toBe(false);
		expect(missing.reasons[0]).toContain("no value on this run to compare with the champion's 0.913");
	});

	it('finds the champion the rule names', () => {
		const gate = parseGate({ champion: { metric: 'accuracy', runId: 'run-b' } });
		const other = fakeRun({ id: 'run-b' });
		expect(championFor(gate, [run, other])).toBe(other);
		expect(championFor(defaultGate(), [run, other])).toBeUndefined();
	});
});

describe('gate storage', () => {
	it('saves per experiment under gate:<id> and loads the default when nothing (or junk) is stored', async () => {
		const registry = await openRegistry({ factory: new IDBFactory() });
		expect(await loadGate(registry, 'e1')).toEqual(defaultGate());
		const saved = await saveGate(registry, 'e1', { thresholds: [{ metric: 'accuracy', value: 0.95 }] });
		expect(saved.thresholds[0]).toEqual({ metric: 'accuracy', split: 'test', comparator: '>=', value: 0.95 });
		expect(await loadGate(registry, 'e1')).toEqual(saved);
		expect(await loadGate(registry, 'e2')).toEqual(defaultGate());
		expect(gateKey('e1')).toBe('gate:e1');
		await registry.setSetting(gateKey('e3'), { thresholds: 'nope' });
		expect(await loadGate(registry, 'e3')).toEqual(defaultGate());
		await expect(
			saveGate(registry, 'e1', { thresholds: [{ metric: 'accuracy', value: Number.POSITIVE_INFINITY }] })
		).rejects.toThrow(/finite/);
	});
});
