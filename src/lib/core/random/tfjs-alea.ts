// The Alea generator TF.js seeds its random ops with (seedrandom's `alea`, J. Baagøe's public-domain
// algorithm), so that numbers TF.js would draw for a seed can be drawn in plain JS, on no backend at all:
// the fused engine's dropout masks must not be computed on a GPU backend and read back synchronously.

function mash(): (data: string) => number {
	let n = 0xefc8249d;
	return (data) => {
		for (let i = 0; i < data.length; i++) {
			n += data.charCodeAt(i);
			let h = 0.02519603282416938 * n;
			n = h >>> 0;
			h -= n;
			h *= n;
			n = h >>> 0;
			h -= n;
			n += h * 0x100000000; // 2^32
		}
		return (n >>> 0) * 2.3283064365386963e-10; // 2^-32
	};
}

/** A stream of numbers in [0, 1), the same as `seedrandom.alea(seed)` gives (TF.js passes `String(seed)`). */
export function tfjsAlea(seed: string): () => number {
	const m = mash();
	let c = 1;
	let s0 = m(' ');
	let s1 = m(' ');
	let s2 = m(' ');
	s0 -= m(seed);
	if (s0 < 0) s0 += 1;
	s1 -= m(seed);
	if (s1 < 0) s1 += 1;
	s2 -= m(seed);
	if (s2 < 0) s2 += 1;
	return () => {
		const t = 2091639 * s0 + c * 2.3283064365386963e-10; // 2^-32
		s0 = s1;
		s1 = s2;
		c = t | 0;
		s2 = t - c;
		return s2;
	};
}
