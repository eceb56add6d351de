// The live decision boundary of the run training now (or the last one): the plane the worker sent and its
// newest frame. The Train session asks for it only when the model's inputs are two numeric columns of the
// data (boundaryColumns), and passes every boundary event here.
import { boundaryColumns } from '$lib/core/train/boundary-columns.ts';
import type { BoundaryFrame, BoundaryPlane, BoundaryProbeRequest } from '$lib/core/train/boundary-probe.ts';
import type { ColumnSchema } from '$lib/core/table/column-types.ts';
import type { Task } from '$lib/core/models/types.ts';

export type BoundaryEvent =
	| { kind: 'boundary-plane'; plane: BoundaryPlane }
	| { kind: 'boundary-frame'; frame: BoundaryFrame }
	| { kind: 'boundary-unavailable'; reason: string };

export class BoundaryWatch {
	plane = $state.raw<BoundaryPlane | undefined>(undefined);
	frame = $state.raw<BoundaryFrame | undefined>(undefined);
	/** Frames received for this plane: each one is a redraw. */
	frames = $state(0);
	/** Why the last run draws no boundary, when the worker said so. */
	unavailable = $state<string | undefined>(undefined);

	/** What to ask the worker for, or nothing when the boundary does not apply to these inputs. */
	request(
		schema: readonly ColumnSchema[],
		features: readonly string[] | undefined,
		task: Task | null
	): BoundaryProbeRequest | undefined {
		if (!features) return undefined;
		const choice = boundaryColumns(schema, features, task);
		return choice.columns ? { columns: choice.columns } : undefined;
	}

	/** A new run: the old picture goes. */
	reset(): void {
		this.plane = undefined;
		this.frame = undefined;
		this.frames = 0;
		this.unavailable = undefined;
	}

	take(event: BoundaryEvent): void {
		if (event.kind === 'boundary-plane') {
			this.plane = event.plane;
			this.frame = undefined;
			this.frames = 0;
		} else if (event.kind === 'boundary-frame') {
			this.frame = event.frame;
			this.frames++;
		} else this.unavailable = event.reason;
	}
}
