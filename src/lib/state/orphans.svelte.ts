// Runs whose data set version is gone, and records nothing can reach, as the storage panel and the data
// set list show them. One per studio; the first refresh also runs the registry's one-time repair.
import type { Orphans, OrphanRepair, Registry } from '$lib/core/registry/index.ts';
import { toBenchtopError, type BenchtopError } from '$lib/core/errors.ts';
import type { Studio } from './studio.svelte.ts';

const EMPTY: Orphans = { runs: [], unreachable: { artifacts: [], blobs: [], recipes: [], bytes: 0 } };

export class OrphanState {
	found = $state.raw<Orphans>(EMPTY);
	/** What the one-time repair did, when it ran in this tab and found something. */
	repair = $state.raw<OrphanRepair | undefined>(undefined);
	error = $state<BenchtopError | undefined>(undefined);
	private repaired: Promise<void> | undefined;

	constructor(private readonly studio: Studio) {}

	get unreachableCount(): number {
		const { artifacts, blobs, recipes } = this.found.unreachable;
		return artifacts.length + blobs.length + recipes.length;
	}

	async refresh(): Promise<void> {
		const registry = this.studio.registry;
		if (!registry || registry.stale) return;
		try {
			this.repaired ??= this.runRepair(registry);
			await this.repaired;
			this.found = await registry.findOrphans();
		} catch (error) {
			this.error = toBenchtopError(error, 'Could not look for runs whose data set is gone.');
		}
	}

	private async runRepair(registry: Registry): Promise<void> {
		const repair = await registry.repairOrphansOnce();
		if (repair && (repair.orphanRuns > 0 || repair.bytesFreed > 0)) this.repair = repair;
	}

	/** Runs `change`, then shows what is left; a refusal is shown, not thrown. */
	async change(change: (registry: Registry) => Promise<unknown>, failure: string): Promise<boolean> {
		const registry = this.studio.registry;
		if (!registry) return false;
		this.error = undefined;
		try {
			await change(registry);
			return true;
		} catch (error) {
			this.error = toBenchtopError(error, failure);
			return false;
		} finally {
			await this.refresh();
		}
	}
}

const perStudio = new WeakMap<Studio, OrphanState>();

export function useOrphans(studio: Studio): OrphanState {
	let state = perStudio.get(studio);
	if (!state) {
		state = new OrphanState(studio);
		perStudio.set(studio, state);
	}
	return state;
}
