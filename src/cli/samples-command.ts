// `benchtop samples [--json]`: the sample data sets that ship with the studio, and where their files are.
import { fileURLToPath } from 'node:url';
import { BenchtopError } from '../lib/core/errors.ts';
import { SAMPLE_DATASETS } from '../lib/core/data/sample-manifest.ts';
import type { CommandRunner } from './commands.ts';

const SAMPLES_DIR = fileURLToPath(new URL('../../sample-datasets/', import.meta.url));

export const samplesCommand: CommandRunner = {
	async run(args, io) {
		const unknown = args.filter((a) => a !== '--json');
		if (unknown.length > 0) throw new BenchtopError('bad-input', `unknown option ${unknown[0]} for samples`);
		const samples = SAMPLE_DATASETS.map((s) => ({ ...s, path: `${SAMPLES_DIR}${s.file}` }));
		if (args.includes('--json')) {
			io.out(JSON.stringify(samples, null, 2));
			return 0;
		}
		const shape = (s: (typeof samples)[number]) => `${s.rows} × ${s.columns}`;
		const idWidth = Math.max(...samples.map((s) => s.id.length));
		const shapeWidth = Math.max(...samples.map((s) => shape(s).length));
		for (const s of samples) {
			io.out(
				`${s.id.padEnd(idWidth)}  ${shape(s).padEnd(shapeWidth)}  ${s.task}, target ${s.target}  ${s.path}`
			);
		}
		return 0;
	}
};
