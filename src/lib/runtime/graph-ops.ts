// The operations only image graphs need (Teachable Machine's nested, truncated MobileNet): zero padding,
// global average pooling, and a functional graph's skip connections run as one chain with saved slots
// (save / load / add). Registered into layers.ts's EXTRA_OPS, with the image input into predict.ts, by
// image-index.ts: the runtime a bundle carries holds them only when its plan needs them (model-module.ts),
// so table bundles stay small. Depthwise convolution shares the convolution loop in layers.ts.
import { imagePixels } from './image.ts';
import { EXTRA_OPS, need, type Compile } from './layers.ts';
import type { LayerOp } from './plan.ts';
import { IMAGE_INPUT } from './predict.ts';

type Op<K extends LayerOp['op']> = Compile<Extract<LayerOp, { op: K }>>;

const set = (shape: number[], dims: number[]) => shape.splice(0, shape.length, ...dims);

const save: Op<'save'> = (op, shape, _read, slots) => {
	slots.shapes[op.slot] = [...shape];
	return (x) => ((slots.values[op.slot] = x.slice()), x);
};

const load: Op<'load'> = (op, shape, _read, slots) => {
	need(!!slots.shapes[op.slot], 'graph slots');
	set(shape, slots.shapes[op.slot]!);
	return () => slots.values[op.slot]!.slice();
};

const add: Op<'add'> = (op, shape, _read, slots) => {
	const other = slots.shapes[op.slot];
	need(!!other && other.join() === shape.join(), 'added shapes');
	return (x) => {
		const y = slots.values[op.slot]!;
		for (let i = 0; i < x.length; i++) x[i]! += y[i]!;
		return x;
	};
};

const globalAveragePool: Op<'global-avg-pool'> = (_op, shape) => {
	const [h, w, c] = shape as [number, number, number];
	need(shape.length === 3, 'pooled shapes');
	set(shape, [c]);
	return (x, n) => {
		const out = new Float64Array(n * c);
		for (let r = 0; r < n; r++)
			for (let p = 0; p < h * w; p++)
				for (let q = 0; q < c; q++) out[r * c + q]! += x[(r * h * w + p) * c + q]!;
		for (let i = 0; i < out.length; i++) out[i]! /= h * w;
		return out;
	};
};

const zeroPad: Op<'zero-pad'> = (op, shape) => {
	const [h, w, c] = shape as [number, number, number];
	const [t, b, l, r] = op.pad;
	const oh = h + t + b;
	const ow = w + l + r;
	need(shape.length === 3, 'padded shapes');
	set(shape, [oh, ow, c]);
	return (x, n) => {
		const out = new Float64Array(n * oh * ow * c);
		for (let k = 0; k < n; k++)
			for (let i = 0; i < h; i++)
				out.set(x.subarray((k * h + i) * w * c, (k * h + i + 1) * w * c), ((k * oh + i + t) * ow + l) * c);
		return out;
	};
};

/** Adds the image-graph operations and the image input to the runtime. */
export function registerImageGraphs(): void {
	Object.assign(EXTRA_OPS, {
		save,
		load,
		add,
		'global-avg-pool': globalAveragePool,
		'zero-pad': zeroPad
	});
	IMAGE_INPUT.read = imagePixels;
}
