// Which backend a training run uses, and why, in words the run record keeps. The person's pick wins when
// it works and can train this model; otherwise the fastest real one that can. Capabilities matter: the
// WASM backend has no gradient for convolution filters (Conv2DBackpropFilter), so it cannot train a CNN.
import type { BackendName } from './backend-names.ts';
import type { BackendReport } from './probe-backends.ts';

export interface TrainingNeeds {
	/** The model has conv2d layers. */
	convolutions: boolean;
}

export interface BackendChoice {
	name: BackendName;
	reason: string;
	software: boolean;
}

function works(report: BackendReport): boolean {
	return report.available && report.tinyOp?.ok !== false;
}

function cannotTrain(name: BackendName, needs: TrainingNeeds): string | undefined {
	if (name === 'wasm' && needs.convolutions) {
		return 'the WASM backend cannot train convolution layers';
	}
	return undefined;
}

/** Null when no backend here can train this model (the message says why). */
export function chooseTrainingBackend(
	reports: BackendReport[],
	requested: BackendName | 'auto',
	needs: TrainingNeeds
): BackendChoice | { name: null; reason: string } {
	const notes: string[] = [];
	if (requested !== 'auto') {
		const report = reports.find((r) => r.name === requested);
		const limit = cannotTrain(requested, needs);
		if (report && works(report) && !limit) {
			return { name: requested, reason: `${requested}, as chosen`, software: report.software === true };
		}
		notes.push(
			limit ? `${limit}` : `${requested} is not available here${report?.reason ? ` (${report.reason})` : ''}`
		);
	}
	const usable = reports.filter((r) => works(r) && !cannotTrain(r.name, needs));
	// A software GPU (SwiftShader, llvmpipe) is slower than WASM or even the CPU backend: last resort.
	const pick = usable.find((r) => !r.software) ?? usable[0];
	if (!pick)
		return {
			name: null,
			reason: `No backend here can train this model${notes.length ? `: ${notes.join('; ')}` : ''}.`
		};
	const skipped = reports
		.filter((r) => r.name !== pick.name && reports.indexOf(r) < reports.indexOf(pick))
		.map((r) =>
			!works(r)
				? `${r.name} unavailable`
				: cannotTrain(r.name, needs)
					? `${r.name} cannot train convolutions`
					: r.software
						? `${r.name} is a software adapter (slower)`
						: `${r.name} skipped`
		);
	const why = [...notes, ...skipped].join('; ');
	return {
		name: pick.name,
		reason: `${pick.name}, chosen automatically${why ? ` (${why})` : ''}`,
		software: pick.software === true
	};
}
