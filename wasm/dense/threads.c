// The threaded build of the dense engine: dense.c's kernels on a shared memory, with entry points that let
// several threads (Web Workers, or worker_threads in Node) share one batch. Data-parallel: every thread
// runs forward and backward on its slice of the batch with its own activations and gradient buffers
// (a "slice net" sharing the weights of the main net), then one thread sums the slices' gradients and takes
// the optimizer step. Synchronisation (Atomics.wait/notify) lives in JavaScript:
// src/lib/core/train/fused/threaded-dense-engine.ts. Built by wasm/dense/build.sh with -matomics and
// --shared-memory --import-memory.
#include "dense.c"

/** A net for one more thread: the main net's weights, layout and settings, its own activations, deltas,
 * gradients, scratch and dropout products for up to `max_batch` rows. Returns 0 when memory runs out. */
__attribute__((export_name("slice_net"))) struct net *slice_net(const struct net *base, int max_batch) {
	struct net *n = alloc(sizeof(struct net));
	if (!n) return 0;
	*n = *base;
	int largest = 0;
	for (int l = 0; l < base->layers; l++) {
		int in = base->sizes[l], outw = base->sizes[l + 1];
		largest = in * outw > largest ? in * outw : largest;
		n->weight_grad[l] = alloc(4ul * in * outw);
		n->bias_grad[l] = alloc(4ul * outw);
		/* the last layer's outputs go straight into base's, at the slice's rows (slice_gradients) */
		if (l + 1 < base->layers) n->out[l + 1] = alloc(4ul * max_batch * outw);
		n->delta[l + 1] = alloc(4ul * max_batch * outw);
		n->dropped[l] = base->mask[l] ? alloc(4ul * max_batch * outw) : 0;
		if (!n->weight_grad[l] || !n->bias_grad[l] || !n->out[l + 1] || !n->delta[l + 1]) return 0;
		if (base->mask[l] && !n->dropped[l]) return 0;
	}
	n->delta[0] = alloc(4ul * max_batch * base->sizes[0]);
	n->scratch = alloc(4ul * largest);
	return n->delta[0] && n->scratch ? n : 0;
}

/**
 * Forward and backward on rows [row0, row0 + rows) of a batch of `total` rows whose inputs, targets and
 * dropout masks start at x, y and base's masks. The slice's gradients and loss are scaled by rows / total,
 * so the slices' sums are the whole batch's mean gradient and loss. `n` may be `base` itself (the slice of
 * the thread that takes the step). Leaves the slice's loss in n->loss_value.
 */
__attribute__((export_name("slice_gradients"))) void slice_gradients(struct net *n, const struct net *base, const float *x,
                                                                  const float *y, int row0, int rows, int total) {
	int L = n->layers;
	for (int l = 0; l < L; l++) n->mask[l] = base->mask[l] ? base->mask[l] + (long)row0 * n->sizes[l + 1] : 0;
	n->out[L] = base->out[L] + (long)row0 * n->sizes[L]; /* so base's outputs hold the whole batch's */
	run_forward(n, x + (long)row0 * n->sizes[0], rows, 1);
	float share = (float)rows / (float)total;
	float loss = loss_gradient(n, y + (long)row0 * n->sizes[L], rows) * share;
	float *delta = n->delta[L];
	for (int i = 0; i < rows * n->sizes[L]; i++) delta[i] *= share;
	backward(n, rows);
	n->loss_value = loss;
}

/** Sums the gradients and losses of `count` slice nets (`nets`, not counting base) into base's, then takes
 * one optimizer step; returns the batch's loss with the L2 penalty, as train_batch does. */
__attribute__((export_name("reduce_update"))) float reduce_update(struct net *base, struct net *const *nets, int count) {
	float loss = base->loss_value;
	for (int t = 0; t < count; t++) {
		const struct net *n = nets[t];
		loss += n->loss_value;
		for (int l = 0; l < base->layers; l++) {
			int weights = base->sizes[l] * base->sizes[l + 1], outw = base->sizes[l + 1];
			float *g = base->weight_grad[l];
			const float *h = n->weight_grad[l];
			int i = 0;
			for (; i + 4 <= weights; i += 4) wasm_v128_store(g + i, wasm_f32x4_add(wasm_v128_load(g + i), wasm_v128_load(h + i)));
			for (; i < weights; i++) g[i] += h[i];
			for (int j = 0; j < outw; j++) base->bias_grad[l][j] += n->bias_grad[l][j];
		}
	}
	return apply_update(base, loss);
}
