// The bundle's dense layer in WebAssembly SIMD: out = x · w + b (then ReLU when asked), for a batch of
// rows in this module's memory. Four rows and four units at a time, so each weight vector loaded serves
// sixteen multiply-adds in four independent sums; n must then be a multiple of 4 (the caller rounds a
// batch up and ignores the extra rows). A single row (n = 1) goes sixteen units at a time instead, in four
// independent sums, reading and writing up to 15 floats past its row: the caller keeps that memory inside
// the module and never reads those outputs. Each unit sums in the same order either way.
// Freestanding C (no libc), built by src/lib/runtime/build-wasm.sh into dense-wasm.ts.
#include <wasm_simd128.h>

__attribute__((export_name("dense"))) void dense(const float *x, int n, int width, const float *w,
						  const float *b, int units, float *out, int relu) {
	const v128_t zero = wasm_f32x4_splat(0.f);
	if (n == 1) {
		for (int j = 0; j < units; j += 16) {
			v128_t a0 = wasm_v128_load(b + j), a1 = wasm_v128_load(b + j + 4);
			v128_t a2 = wasm_v128_load(b + j + 8), a3 = wasm_v128_load(b + j + 12);
			for (int k = 0; k < width; k++) {
				const v128_t v = wasm_f32x4_splat(x[k]);
				const float *wk = w + k * units + j;
				a0 = wasm_f32x4_add(a0, wasm_f32x4_mul(v, wasm_v128_load(wk)));
				a1 = wasm_f32x4_add(a1, wasm_f32x4_mul(v, wasm_v128_load(wk + 4)));
				a2 = wasm_f32x4_add(a2, wasm_f32x4_mul(v, wasm_v128_load(wk + 8)));
				a3 = wasm_f32x4_add(a3, wasm_f32x4_mul(v, wasm_v128_load(wk + 12)));
			}
			wasm_v128_store(out + j, relu ? wasm_f32x4_max(a0, zero) : a0);
			wasm_v128_store(out + j + 4, relu ? wasm_f32x4_max(a1, zero) : a1);
			wasm_v128_store(out + j + 8, relu ? wasm_f32x4_max(a2, zero) : a2);
			wasm_v128_store(out + j + 12, relu ? wasm_f32x4_max(a3, zero) : a3);
		}
		return;
	}
	for (int r = 0; r < n; r += 4) {
		const float *x0 = x + r * width, *x1 = x0 + width, *x2 = x1 + width, *x3 = x2 + width;
		float *o0 = out + r * units, *o1 = o0 + units, *o2 = o1 + units, *o3 = o2 + units;
		int j = 0;
		for (; j + 4 <= units; j += 4) {
			v128_t a0 = wasm_v128_load(b + j), a1 = a0, a2 = a0, a3 = a0;
			for (int k = 0; k < width; k++) {
				v128_t wv = wasm_v128_load(w + k * units + j);
				a0 = wasm_f32x4_add(a0, wasm_f32x4_mul(wasm_f32x4_splat(x0[k]), wv));
				a1 = wasm_f32x4_add(a1, wasm_f32x4_mul(wasm_f32x4_splat(x1[k]), wv));
				a2 = wasm_f32x4_add(a2, wasm_f32x4_mul(wasm_f32x4_splat(x2[k]), wv));
				a3 = wasm_f32x4_add(a3, wasm_f32x4_mul(wasm_f32x4_splat(x3[k]), wv));
			}
			if (relu) {
				a0 = wasm_f32x4_max(a0, zero);
				a1 = wasm_f32x4_max(a1, zero);
				a2 = wasm_f32x4_max(a2, zero);
				a3 = wasm_f32x4_max(a3, zero);
			}
			wasm_v128_store(o0 + j, a0);
			wasm_v128_store(o1 + j, a1);
			wasm_v128_store(o2 + j, a2);
			wasm_v128_store(o3 + j, a3);
		}
		for (; j < units; j++) {
			float s0 = b[j], s1 = s0, s2 = s0, s3 = s0;
			for (int k = 0; k < width; k++) {
				float q = w[k * units + j];
				s0 += x0[k] * q;
				s1 += x1[k] * q;
				s2 += x2[k] * q;
				s3 += x3[k] * q;
			}
			o0[j] = relu && s0 < 0 ? 0 : s0;
			o1[j] = relu && s1 < 0 ? 0 : s1;
			o2[j] = relu && s2 < 0 ? 0 : s2;
			o3[j] = relu && s3 < 0 ? 0 : s3;
		}
	}
}
