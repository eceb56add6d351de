// The architecture editor's edits as pure functions: each takes a spec and gives back a whole new one, so the
// page can keep, undo or send specs without worrying that the editor changed one in place.
import type { LayerSpec, LayerType, NetworkSpec } from '$lib/core/models/types.ts';
import { requireFamily } from '$lib/core/models/families.ts';
import { LIMITS } from '$lib/core/models/spec-schema.ts';

/**
 * What a newly added layer starts as: the settings the MLP and CNN family defaults use, so an added layer
 * trains sensibly before anyone tunes it.
 */
export function newLayer(type: LayerType): LayerSpec {
	switch (type) {
		case 'dense':
			return { type, units: 32, activation: 'relu' };
		case 'dropout':
			return { type, rate: 0.1 };
		case 'batch-norm':
			return { type };
		case 'conv2d':
			return { type, filters: 16, kernel: 3, padding: 'same', activation: 'relu' };
		case 'max-pool':
			return { type, size: 2 };
		case 'flatten':
			return { type };
	}
}

/**
 * The layer types worth offering, as the family's engine says (editor.layerTypes): image layers only to a
 * CNN (an MLP's rows are flat, so they could only fail), and none to a linear model, which goes straight
 * from the features to the output.
 */
export function addableLayerTypes(family: NetworkSpec['family']): LayerType[] {
	return [...requireFamily(family).editor.layerTypes];
}

export function canAddLayer(spec: NetworkSpec): boolean {
	return addableLayerTypes(spec.family).length > 0 && spec.layers.length < LIMITS.layers;
}

export function addLayer(spec: NetworkSpec, type: LayerType): NetworkSpec {
	return { ...spec, layers: [...spec.layers, newLayer(type)] };
}

export function replaceLayer(spec: NetworkSpec, index: number, layer: LayerSpec): NetworkSpec {
	return { ...spec, layers: spec.layers.map((old, i) => (i === index ? layer : old)) };
}

export function removeLayer(spec: NetworkSpec, index: number): NetworkSpec {
	return { ...spec, layers: spec.layers.filter((_, i) => i !== index) };
}

/** Swaps a layer with its neighbour; a move past either end leaves the spec as it was. */
export function moveLayer(spec: NetworkSpec, index: number, delta: -1 | 1): NetworkSpec {
	const to = index + delta;
	if (index < 0 || index >= spec.layers.length || to < 0 || to >= spec.layers.length) return spec;
	const layers = [...spec.layers];
	[layers[index], layers[to]] = [layers[to]!, layers[index]!];
	return { ...spec, layers };
}
