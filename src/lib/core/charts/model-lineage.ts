// A model version's lineage as a drawing: data set version → recipe → run → model version, with the
// version it was trained further from feeding the run, and what was made from the version (exports,
// share links) after it. A pure layout (boxes on a grid, arrows between them) that the page draws as
// SVG; one column, top to bottom, so it reads the same at 390 px as on a desktop.

/** What the layout reads of a model version (registry/model-records.ts's ModelVersionRecord fits it;
 * charts sits below registry, so the shape is stated here). */
export interface LineageSource {
	id: string;
	version: number;
	lineage: {
		datasetId: string;
		datasetHash: string;
		datasetName?: string;
		recipe: { steps: readonly { enabled: boolean }[] };
		runId: string;
		parentVersionId: string | null;
	};
	run: { name: string };
	artifact: { sha256: string };
}

export type LineageNodeKind = 'dataset' | 'recipe' | 'run' | 'parent' | 'version' | 'derived';

export interface LineageNode {
	id: string;
	kind: LineageNodeKind;
	/** The first line: what it is. */
	label: string;
	/** The second line: which one (a name, a short hash). */
	detail: string;
	x: number;
	y: number;
}

export interface LineageEdge {
	from: string;
	to: string;
	/** Start and end points on the boxes' edges. */
	x1: number;
	y1: number;
	x2: number;
	y2: number;
}

export interface LineageLayout {
	nodes: LineageNode[];
	edges: LineageEdge[];
	width: number;
	height: number;
	/** Box size, the same for every node. */
	box: { width: number; height: number };
}

/** Something made from the version later (an export, a share link). */
export interface DerivedItem {
	id: string;
	label: string;
	detail: string;
}

const BOX = { width: 220, height: 46 };
const GAP_Y = 28;
const GAP_X = 24;

/**
 * Lays out `version`'s lineage. `parent` is the version it was trained further from, when still stored
 * (its number and model name are shown); `derived` are exports and share links made from it.
 */
export function lineageLayout(
	version: LineageSource,
	options: {
		modelName: string;
		parent?: { id: string; version: number } | undefined;
		derived?: DerivedItem[];
	}
): LineageLayout {
	const { lineage, run } = version;
	const steps = lineage.recipe.steps.filter((step) => step.enabled).length;
	const chain: Omit<LineageNode, 'x' | 'y'>[] = [
		{
			id: `dataset:${lineage.datasetId}`,
			kind: 'dataset',
			label: `Data set ${lineage.datasetName ?? ''}`.trim(),
			detail: `SHA-256 ${lineage.datasetHash.slice(0, 12)}…`
		},
		{
			id: `recipe:${version.id}`,
			kind: 'recipe',
			label: 'Recipe',
			detail: steps === 0 ? 'no steps' : `${steps} ${steps === 1 ? 'step' : 'steps'}`
		},
		{ id: `run:${lineage.runId}`, kind: 'run', label: 'Run', detail: run.name },
		{
			id: `version:${version.id}`,
			kind: 'version',
			label: `${options.modelName} v${version.version}`,
			detail: `weights ${version.artifact.sha256.slice(0, 12)}…`
		}
	];
	const nodes: LineageNode[] = chain.map((node, row) => ({ ...node, x: 0, y: row * (BOX.height + GAP_Y) }));
	const edges: LineageEdge[] = [];
	for (let i = 1; i < nodes.length; i++) edges.push(down(nodes[i - 1]!, nodes[i]!));

	let width = BOX.width;
	const runNode = nodes[2]!;
	if (lineage.parentVersionId) {
		// The parent's weights started the run: a box beside the recipe, with an arrow into the run.
		const parent: LineageNode = {
			id: `version:${lineage.parentVersionId}`,
			kind: 'parent',
			label: options.parent ? `Trained from v${options.parent.version}` : 'Trained from a version',
			detail: options.parent ? options.modelName : 'no longer stored',
			x: BOX.width + GAP_X,
			y: nodes[1]!.y
		};
		nodes.push(parent);
		edges.push(down(parent, runNode));
		width = 2 * BOX.width + GAP_X;
	}
	const versionNode = nodes[3]!;
	(options.derived ?? []).forEach((item, i) => {
		const node: LineageNode = {
			id: `derived:${item.id}`,
			kind: 'derived',
			label: item.label,
			detail: item.detail,
			x: 0,
			y: versionNode.y + (i + 1) * (BOX.height + GAP_Y)
		};
		nodes.push(node);
		edges.push(down(versionNode, node));
	});
	const height = Math.max(...nodes.map((node) => node.y)) + BOX.height;
	return { nodes, edges, width, height, box: { ...BOX } };
}

/** An arrow from the bottom middle of `from` to the top middle of `to`. */
function down(from: LineageNode, to: LineageNode): LineageEdge {
	return {
		from: from.id,
		to: to.id,
		x1: from.x + BOX.width / 2,
		y1: from.y + BOX.height,
		x2: to.x + BOX.width / 2,
		y2: to.y
	};
}
