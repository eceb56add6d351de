// A fused training step for dense networks: forward, loss gradient, backward and the optimizer update for
// one batch in a single call, in place in this module's memory, so a batch costs one JS→WASM crossing
// instead of TF.js's dozens of small ops. Freestanding C (no libc) built with clang for wasm32 + SIMD128:
// see wasm/dense/build.sh. The page and Node hold the network's numbers in this module's memory; the
// layout of `struct net` is mirrored in src/lib/core/train/fused/dense-engine.ts.
#include <wasm_simd128.h>

#define MAX_LAYERS 16

enum activation { LINEAR = 0, RELU = 1, SIGMOID = 2, TANH = 3, SOFTMAX = 4 };
enum loss { MSE = 0, CROSS_ENTROPY = 1, HUBER = 2, BINARY_CROSS_ENTROPY = 3 };
enum optimizer { SGD = 0, MOMENTUM = 1, ADAM = 2, RMSPROP = 3 };

struct net {
	int layers;
	int loss;
	int optimizer;
	int step; /* optimizer steps taken so far (Adam's bias correction) */
	float rate, beta1, beta2, epsilon, momentum, decay; /* decay: RMSprop's, of the mean square */
	float beta1_power, beta2_power; /* beta^step, kept as TF.js keeps accBeta */
	int sizes[MAX_LAYERS + 1];
	int activation[MAX_LAYERS];
	float l2[MAX_LAYERS];
	float *weight[MAX_LAYERS], *bias[MAX_LAYERS];
	float *weight_grad[MAX_LAYERS], *bias_grad[MAX_LAYERS];
	/* Adam: first and second moments; momentum SGD: the velocity in the first. */
	float *weight_m[MAX_LAYERS], *weight_v[MAX_LAYERS], *bias_m[MAX_LAYERS], *bias_v[MAX_LAYERS];
	float *out[MAX_LAYERS + 1];   /* out[0] is the batch's input; out[l+1] layer l's activations */
	float *delta[MAX_LAYERS + 1]; /* the loss's gradient by each layer's pre-activation (or input) */
	float *scratch;               /* a transposed weight matrix, max(in*out) floats */
	/* Dropout after layer l: the batch's multipliers (0 or 1/keep, drawn by the caller as TF.js draws them)
	 * and the dropped activations the next layer reads; both null where the layer has no dropout. */
	float *mask[MAX_LAYERS];
	float *dropped[MAX_LAYERS];
	float loss_value;
	/* Keras's L1 on each layer's kernel (0 for none), beside l2. */
	float l1[MAX_LAYERS];
	/* AdamW's decoupled decay as the factor each step multiplies every weight by, 1 − rate·decay (1: none). */
	float weight_shrink;
	float huber_delta; /* Huber's: squared error within it, absolute past it */
};

extern unsigned char __heap_base;
static unsigned long heap_top = 0;

/** A bump allocator: the engine allocates once per network and never frees. */
__attribute__((export_name("alloc"))) void *alloc(unsigned long bytes) {
	if (heap_top == 0) heap_top = (unsigned long)&__heap_base;
	heap_top = (heap_top + 15) & ~15ul;
	unsigned long start = heap_top;
	heap_top += bytes;
	unsigned long pages_needed = (heap_top + 65535) / 65536;
	unsigned long pages = __builtin_wasm_memory_size(0);
	if (pages_needed > pages && __builtin_wasm_memory_grow(0, pages_needed - pages) == (unsigned long)-1) return 0;
	return (void *)start;
}

__attribute__((export_name("reset_heap"))) void reset_heap(void) { heap_top = 0; }

__attribute__((export_name("net_size"))) int net_size(void) { return sizeof(struct net); }

/* ---- math helpers (no libc) ---- */

static float exp_approx_guard(float x) { return x < -87.f ? -87.f : (x > 88.f ? 88.f : x); }

/* expf to float precision: range reduction by ln 2, a degree-7 polynomial, and the exponent set by bits. */
static float fexp(float x) {
	x = exp_approx_guard(x);
	float k = __builtin_floorf(x * 1.44269504088896341f + 0.5f);
	float r = x - k * 0.693145751953125f - k * 1.42860682030941723e-6f;
	float p = 1.f + r * (1.f + r * (0.5f + r * (1.f / 6 + r * (1.f / 24 + r * (1.f / 120 + r * (1.f / 720 + r * (1.f / 5040)))))));
	union { float f; int i; } scale = { .i = ((int)k + 127) << 23 };
	return p * scale.f;
}

/* log to float precision: mantissa in [sqrt(1/2), sqrt(2)), atanh series. */
static float flog(float x) {
	union { float f; int i; } u = { .f = x };
	int e = ((u.i >> 23) & 255) - 127;
	u.i = (u.i & 0x007fffff) | 0x3f800000;
	float m = u.f;
	if (m > 1.41421356f) { m *= 0.5f; e += 1; }
	float s = (m - 1.f) / (m + 1.f), s2 = s * s;
	float series = 2.f * s * (1.f + s2 * (1.f / 3 + s2 * (1.f / 5 + s2 * (1.f / 7 + s2 * (1.f / 9 + s2 / 11)))));
	return series + (float)e * 0.69314718055994531f;
}

static float fsqrt(float x) { return __builtin_sqrtf(x); }

/* ---- GEMM micro-kernels: row-major, C = A·B (+ bias) ----
 * MR rows × NQ vectors of 4 columns stay in registers across the whole inner loop. 4 × 2 (8 accumulators,
 * 2 B vectors, a splat and a product: 12 of x86's 16 SIMD registers) measured fastest in V8 among 4×4 (the
 * first version: 16 accumulators spill), 6×2, 8×2, 4×3, 5×2, 2×4, 3×2 and 4×1: 1.4× the 4×4 kernel on
 * 32→256→256→1 (CPU time in Node; MR and NQ must divide the batch and widths or the tails run scalar). */
#define MR 4
#define NQ 2
#define NR (4 * NQ)

/* c + a·b. The relaxed build (-DRELAXED_SIMD) uses relaxed-SIMD's f32x4.relaxed_madd, one fused instruction
 * where the CPU has FMA: clang 14 emits it under the proposal's first opcode, which build.sh rewrites to the
 * standard one (patch-relaxed.mjs). The page picks that build where WebAssembly.validate accepts it. */
#ifdef RELAXED_SIMD
#define MADD(a, b, c) ((v128_t)__builtin_wasm_fma_f32x4((__f32x4)(a), (__f32x4)(b), (__f32x4)(c)))
#else
#define MADD(a, b, c) wasm_f32x4_add(wasm_f32x4_mul(a, b), c)
#endif

/* C[m][n] = bias[n] + Σk A[m][k]·B[k][n]  (A: rows×inner, B: inner×cols). */
static void gemm_bias(int rows, int inner, int cols, const float *A, const float *B, const float *bias, float *C) {
	int i = 0;
	for (; i + MR <= rows; i += MR) {
		int j = 0;
		for (; j + NR <= cols; j += NR) {
			v128_t c[MR][NQ];
			for (int r = 0; r < MR; r++)
				for (int q = 0; q < NQ; q++) c[r][q] = bias ? wasm_v128_load(bias + j + 4 * q) : wasm_f32x4_splat(0);
			const float *a = A + i * inner;
			for (int k = 0; k < inner; k++) {
				const float *b = B + k * cols + j;
				v128_t bv[NQ];
				for (int q = 0; q < NQ; q++) bv[q] = wasm_v128_load(b + 4 * q);
				for (int r = 0; r < MR; r++) {
					v128_t s = wasm_v128_load32_splat(a + r * inner + k);
					for (int q = 0; q < NQ; q++) c[r][q] = MADD(s, bv[q], c[r][q]);
				}
			}
			for (int r = 0; r < MR; r++)
				for (int q = 0; q < NQ; q++) wasm_v128_store(C + (i + r) * cols + j + 4 * q, c[r][q]);
		}
		for (; j + 4 <= cols; j += 4) {
			v128_t c[MR];
			for (int r = 0; r < MR; r++) c[r] = bias ? wasm_v128_load(bias + j) : wasm_f32x4_splat(0);
			for (int k = 0; k < inner; k++) {
				v128_t b = wasm_v128_load(B + k * cols + j);
				for (int r = 0; r < MR; r++) c[r] = MADD(wasm_v128_load32_splat(A + (i + r) * inner + k), b, c[r]);
			}
			for (int r = 0; r < MR; r++) wasm_v128_store(C + (i + r) * cols + j, c[r]);
		}
		for (; j < cols; j++)
			for (int r = 0; r < MR; r++) {
				float s = bias ? bias[j] : 0.f;
				for (int k = 0; k < inner; k++) s += A[(i + r) * inner + k] * B[k * cols + j];
				C[(i + r) * cols + j] = s;
			}
	}
	for (; i < rows; i++)
		for (int j = 0; j < cols; j++) {
			float s = bias ? bias[j] : 0.f;
			for (int k = 0; k < inner; k++) s += A[i * inner + k] * B[k * cols + j];
			C[i * cols + j] = s;
		}
}

/* G[k][n] = Σi A[i][k]·D[i][n]  (the weight gradient: Aᵀ·D, A: rows×inner, D: rows×cols). */
static void gemm_at_b(int rows, int inner, int cols, const float *A, const float *D, float *G) {
	int k = 0;
	for (; k + MR <= inner; k += MR) {
		int j = 0;
		for (; j + NR <= cols; j += NR) {
			v128_t c[MR][NQ];
			for (int r = 0; r < MR; r++)
				for (int q = 0; q < NQ; q++) c[r][q] = wasm_f32x4_splat(0);
			for (int i = 0; i < rows; i++) {
				const float *d = D + i * cols + j;
				v128_t dv[NQ];
				for (int q = 0; q < NQ; q++) dv[q] = wasm_v128_load(d + 4 * q);
				const float *a = A + i * inner + k;
				for (int r = 0; r < MR; r++) {
					v128_t s = wasm_v128_load32_splat(a + r);
					for (int q = 0; q < NQ; q++) c[r][q] = MADD(s, dv[q], c[r][q]);
				}
			}
			for (int r = 0; r < MR; r++)
				for (int q = 0; q < NQ; q++) wasm_v128_store(G + (k + r) * cols + j + 4 * q, c[r][q]);
		}
		for (; j < cols; j++)
			for (int r = 0; r < MR; r++) {
				float s = 0.f;
				for (int i = 0; i < rows; i++) s += A[i * inner + k + r] * D[i * cols + j];
				G[(k + r) * cols + j] = s;
			}
	}
	for (; k < inner; k++)
		for (int j = 0; j < cols; j++) {
			float s = 0.f;
			for (int i = 0; i < rows; i++) s += A[i * inner + k] * D[i * cols + j];
			G[k * cols + j] = s;
		}
}

/* T = Mᵀ (M: rows×cols) in 4×4 blocks moved by shuffles: a column-at-a-time copy strides through T and
 * cost 6% of a 32→256→256→1 batch. */
static void transpose(int rows, int cols, const float *M, float *T) {
	int i = 0;
	for (; i + 4 <= rows; i += 4) {
		int j = 0;
		for (; j + 4 <= cols; j += 4) {
			v128_t r0 = wasm_v128_load(M + i * cols + j), r1 = wasm_v128_load(M + (i + 1) * cols + j);
			v128_t r2 = wasm_v128_load(M + (i + 2) * cols + j), r3 = wasm_v128_load(M + (i + 3) * cols + j);
			v128_t t0 = wasm_i32x4_shuffle(r0, r1, 0, 4, 1, 5), t1 = wasm_i32x4_shuffle(r0, r1, 2, 6, 3, 7);
			v128_t t2 = wasm_i32x4_shuffle(r2, r3, 0, 4, 1, 5), t3 = wasm_i32x4_shuffle(r2, r3, 2, 6, 3, 7);
			wasm_v128_store(T + j * rows + i, wasm_i32x4_shuffle(t0, t2, 0, 1, 4, 5));
			wasm_v128_store(T + (j + 1) * rows + i, wasm_i32x4_shuffle(t0, t2, 2, 3, 6, 7));
			wasm_v128_store(T + (j + 2) * rows + i, wasm_i32x4_shuffle(t1, t3, 0, 1, 4, 5));
			wasm_v128_store(T + (j + 3) * rows + i, wasm_i32x4_shuffle(t1, t3, 2, 3, 6, 7));
		}
		for (; j < cols; j++)
			for (int r = 0; r < 4; r++) T[j * rows + i + r] = M[(i + r) * cols + j];
	}
	for (; i < rows; i++)
		for (int j = 0; j < cols; j++) T[j * rows + i] = M[i * cols + j];
}

/* ---- activations ---- */

static void activate(int kind, float *z, int count, int width) {
	switch (kind) {
	case RELU: {
		int i = 0;
		v128_t zero = wasm_f32x4_splat(0);
		for (; i + 4 <= count; i += 4) wasm_v128_store(z + i, wasm_f32x4_max(wasm_v128_load(z + i), zero));
		for (; i < count; i++) z[i] = z[i] > 0.f ? z[i] : 0.f;
		break;
	}
	case SIGMOID:
		for (int i = 0; i < count; i++) z[i] = 1.f / (1.f + fexp(-z[i]));
		break;
	case TANH:
		for (int i = 0; i < count; i++) {
			float e = fexp(-2.f * __builtin_fabsf(z[i]));
			float t = (1.f - e) / (1.f + e);
			z[i] = z[i] < 0.f ? -t : t;
		}
		break;
	case SOFTMAX:
		for (int row = 0; row < count / width; row++) {
			float *p = z + row * width, top = p[0], sum = 0.f;
			for (int j = 1; j < width; j++) top = p[j] > top ? p[j] : top;
			for (int j = 0; j < width; j++) sum += (p[j] = fexp(p[j] - top));
			for (int j = 0; j < width; j++) p[j] /= sum;
		}
		break;
	default:
		break;
	}
}

/* delta ← delta · f'(z), with f' taken from the activation's output a. */
static void activation_backward(int kind, const float *a, float *delta, int count) {
	switch (kind) {
	case RELU: {
		/* A compare mask and an and: clang 14 made the plain loop a branch per element, which ReLU's
		 * half-random signs mispredict (0.5 ms of a 3.4 ms batch of 32→256→256→1). */
		int i = 0;
		v128_t zero = wasm_f32x4_splat(0);
		for (; i + 4 <= count; i += 4)
			wasm_v128_store(delta + i, wasm_v128_and(wasm_v128_load(delta + i), wasm_f32x4_gt(wasm_v128_load(a + i), zero)));
		for (; i < count; i++) delta[i] = a[i] > 0.f ? delta[i] : 0.f;
		break;
	}
	case SIGMOID:
		for (int i = 0; i < count; i++) delta[i] *= a[i] * (1.f - a[i]);
		break;
	case TANH:
		for (int i = 0; i < count; i++) delta[i] *= 1.f - a[i] * a[i];
		break;
	default:
		break;
	}
}

/* ---- the loss and its gradient by the output ---- */

#define CLIP 1e-7f

/* Keras's losses, averaged over the batch: categorical cross-entropy on probabilities clipped to
 * [1e-7, 1 - 1e-7] (the clip's gradient is 0 outside); or, averaged over outputs, mean squared error,
 * Huber (½e² within delta, delta·(|e| − ½delta) past it) or binary cross-entropy on sigmoid outputs
 * (clipped alike). Writes dLoss/dz of the last layer into `delta` (through softmax for cross-entropy). */
static float loss_gradient(struct net *n, const float *y, int batch) {
	int L = n->layers, width = n->sizes[L];
	const float *p = n->out[L];
	float *delta = n->delta[L];
	double total = 0;
	if (n->loss == CROSS_ENTROPY) {
		for (int i = 0; i < batch; i++) {
			const float *pi = p + i * width, *yi = y + i * width;
			float *di = delta + i * width;
			float dot = 0.f;
			for (int j = 0; j < width; j++) {
				float q = pi[j] < CLIP ? CLIP : (pi[j] > 1.f - CLIP ? 1.f - CLIP : pi[j]);
				total -= yi[j] * flog(q);
				/* dL/dp, zero where the clip holds the probability */
				float g = (pi[j] > CLIP && pi[j] < 1.f - CLIP) ? -yi[j] / pi[j] / (float)batch : 0.f;
				di[j] = g;
				dot += g * pi[j];
			}
			for (int j = 0; j < width; j++) di[j] = pi[j] * (di[j] - dot); /* the softmax's Jacobian */
		}
	} else if (n->loss == HUBER) {
		/* The gradient is the error clipped to ±delta: two SIMD compares, the loss summed alongside. */
		float d = n->huber_delta, scale = 1.f / (float)(batch * width);
		int count = batch * width, i = 0;
		v128_t hi = wasm_f32x4_splat(d), lo = wasm_f32x4_splat(-d), sv = wasm_f32x4_splat(scale);
		for (; i + 4 <= count; i += 4)
			wasm_v128_store(delta + i, wasm_f32x4_mul(sv, wasm_f32x4_min(hi, wasm_f32x4_max(lo, wasm_f32x4_sub(wasm_v128_load(p + i), wasm_v128_load(y + i))))));
		for (; i < count; i++) {
			float e = p[i] - y[i];
			delta[i] = scale * (e > d ? d : (e < -d ? -d : e));
		}
		for (i = 0; i < count; i++) {
			float a = __builtin_fabsf(p[i] - y[i]), q = a < d ? a : d;
			total += 0.5f * q * q + d * (a - q);
		}
		total /= width;
		activation_backward(n->activation[L - 1], p, delta, count);
	} else if (n->loss == BINARY_CROSS_ENTROPY) {
		float scale = 1.f / (float)(batch * width);
		for (int i = 0; i < batch * width; i++) {
			float q = p[i] < CLIP ? CLIP : (p[i] > 1.f - CLIP ? 1.f - CLIP : p[i]);
			total -= y[i] * flog(q) + (1.f - y[i]) * flog(1.f - q);
			/* dL/dp, zero where the clip holds the probability; the sigmoid's derivative follows */
			delta[i] = (p[i] >= CLIP && p[i] <= 1.f - CLIP) ? scale * ((1.f - y[i]) / (1.f - p[i]) - y[i] / p[i]) : 0.f;
		}
		total /= width;
		activation_backward(n->activation[L - 1], p, delta, batch * width);
	} else {
		float scale = 2.f / (float)(batch * width);
		for (int i = 0; i < batch * width; i++) {
			float e = p[i] - y[i];
			total += e * e;
			delta[i] = scale * e;
		}
		total /= width;
		activation_backward(n->activation[L - 1], p, delta, batch * width);
	}
	return (float)(total / batch);
}

/* ---- optimizer updates, as TF.js's optimizers compute them ---- */

static void update(struct net *n, float *w, float *g, float *m, float *v, int count) {
	float rate = n->rate;
	if (n->weight_shrink != 1.f) {
		/* AdamW: w ← w·(1 − rate·decay) before Adam's step, as PyTorch's AdamW (the step reads only g). */
		v128_t shrink = wasm_f32x4_splat(n->weight_shrink);
		int i = 0;
		for (; i + 4 <= count; i += 4) wasm_v128_store(w + i, wasm_f32x4_mul(wasm_v128_load(w + i), shrink));
		for (; i < count; i++) w[i] *= n->weight_shrink;
	}
	if (n->optimizer == ADAM) {
		float b1 = n->beta1, b2 = n->beta2, c1 = 1.f - n->beta1_power, c2 = 1.f - n->beta2_power;
		for (int i = 0; i < count; i++) {
			m[i] = b1 * m[i] + (1.f - b1) * g[i];
			v[i] = b2 * v[i] + (1.f - b2) * g[i] * g[i];
			w[i] -= rate * (m[i] / c1) / (fsqrt(v[i] / c2) + n->epsilon);
		}
	} else if (n->optimizer == RMSPROP) {
		/* TF.js's RMSprop without momentum: w -= rate · g / sqrt(ms + epsilon) */
		float d = n->decay;
		for (int i = 0; i < count; i++) {
			v[i] = d * v[i] + (1.f - d) * g[i] * g[i];
			w[i] -= rate * g[i] / fsqrt(v[i] + n->epsilon);
		}
	} else if (n->optimizer == MOMENTUM) {
		for (int i = 0; i < count; i++) {
			m[i] = n->momentum * m[i] + g[i];
			w[i] -= rate * m[i];
		}
	} else {
		for (int i = 0; i < count; i++) w[i] -= rate * g[i];
	}
}

/* What layer l reads: the input, the previous layer's activations, or those after its dropout (training). */
static const float *layer_input(const struct net *n, int l, int training) {
	if (l > 0 && training && n->mask[l - 1]) return n->dropped[l - 1];
	return n->out[l];
}

static float *run_forward(struct net *n, const float *x, int batch, int training) {
	n->out[0] = (float *)x;
	for (int l = 0; l < n->layers; l++) {
		int in = n->sizes[l], outw = n->sizes[l + 1];
		gemm_bias(batch, in, outw, layer_input(n, l, training), n->weight[l], n->bias[l], n->out[l + 1]);
		activate(n->activation[l], n->out[l + 1], batch * outw, outw);
		if (training && n->mask[l]) {
			const float *a = n->out[l + 1], *m = n->mask[l];
			float *d = n->dropped[l];
			for (int i = 0; i < batch * outw; i++) d[i] = a[i] * m[i];
		}
	}
	return n->out[n->layers];
}

/** Forward only, as at inference (no dropout): `x` (batch × sizes[0]) to the outputs. */
__attribute__((export_name("forward"))) float *forward(struct net *n, const float *x, int batch) {
	return run_forward(n, x, batch, 0);
}

/* The gradients of the batch's loss by every weight and bias into weight_grad and bias_grad (the L2 penalty
 * not yet added), from the deltas loss_gradient left in delta[layers]. No weight changes here: the threaded
 * build (wasm/dense/threads.c) runs this on each thread's slice of a batch, then one apply_update. */
static void backward(struct net *n, int batch) {
	for (int l = n->layers - 1; l >= 0; l--) {
		int in = n->sizes[l], outw = n->sizes[l + 1];
		gemm_at_b(batch, in, outw, layer_input(n, l, 1), n->delta[l + 1], n->weight_grad[l]);
		float *gb = n->bias_grad[l];
		for (int j = 0; j < outw; j++) gb[j] = 0.f;
		for (int i = 0; i < batch; i++)
			for (int j = 0; j < outw; j++) gb[j] += n->delta[l + 1][i * outw + j];
		if (l > 0) {
			/* the gradient by the layer's input */
			transpose(in, outw, n->weight[l], n->scratch);
			gemm_bias(batch, outw, in, n->delta[l + 1], n->scratch, 0, n->delta[l]);
			if (n->mask[l - 1]) {
				const float *m = n->mask[l - 1];
				for (int i = 0; i < batch * in; i++) n->delta[l][i] *= m[i];
			}
			/* out[l] holds the activations before dropout, which the derivative needs */
			activation_backward(n->activation[l - 1], n->out[l], n->delta[l], batch * in);
		}
	}
}

/* One optimizer step from the gradients in weight_grad and bias_grad: adds the L1 and L2 penalties'
 * gradients (and their values to `loss`), updates every layer, and returns the loss with the penalties. */
static float apply_update(struct net *n, float loss) {
	n->step += 1;
	n->beta1_power *= n->beta1;
	n->beta2_power *= n->beta2;
	for (int l = n->layers - 1; l >= 0; l--) {
		int in = n->sizes[l], outw = n->sizes[l + 1];
		float *w = n->weight[l];
		if (n->l2[l] > 0.f) {
			float twice = 2.f * n->l2[l], penalty = 0.f;
			for (int i = 0; i < in * outw; i++) {
				penalty += w[i] * w[i];
				n->weight_grad[l][i] += twice * w[i];
			}
			loss += n->l2[l] * penalty;
		}
		if (n->l1[l] > 0.f) {
			/* TF.js's gradient of |w| is 1 above 0 and −1 at or below it */
			float l1 = n->l1[l], penalty = 0.f;
			for (int i = 0; i < in * outw; i++) {
				penalty += __builtin_fabsf(w[i]);
				n->weight_grad[l][i] += w[i] > 0.f ? l1 : -l1;
			}
			loss += l1 * penalty;
		}
		update(n, w, n->weight_grad[l], n->weight_m[l], n->weight_v[l], in * outw);
		update(n, n->bias[l], n->bias_grad[l], n->bias_m[l], n->bias_v[l], outw);
	}
	n->loss_value = loss;
	return loss;
}

/** One optimizer step on one batch; returns the batch's mean loss (the L2 penalty included). */
__attribute__((export_name("train_batch"))) float train_batch(struct net *n, const float *x, const float *y, int batch) {
	run_forward(n, x, batch, 1);
	float loss = loss_gradient(n, y, batch);
	backward(n, batch);
	return apply_update(n, loss);
}
