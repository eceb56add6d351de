// node wasm/dense/patch-relaxed.mjs <in.wasm> <out.wasm>
// Clang 14 (Debian 12's) emits relaxed-SIMD's fused multiply-add under the proposal's first opcode
// (f32x4.fma, 0xfd 0xaf 0x01), which no browser accepts any more; the standard f32x4.relaxed_madd is
// 0xfd 0x85 0x02 (a·b + c, the same operand order, the same length). This rewrites each one at the offset
// llvm-objdump disassembles it at, checks the bytes there first, and fails on any other relaxed opcode.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const [input, output] = process.argv.slice(2);
if (!input || !output) throw new Error('usage: node patch-relaxed.mjs <in.wasm> <out.wasm>');
const bytes = readFileSync(input);

function readLeb(at) {
	let value = 0;
	let shift = 0;
	let byte;
	do {
		byte = bytes[at++];
		value |= (byte & 127) << shift;
		shift += 7;
	} while (byte & 128);
	return [value, at];
}

// llvm-objdump counts offsets from the start of the code section's contents.
let at = 8;
let code = -1;
while (at < bytes.length) {
	const [size, start] = readLeb(at + 1);
	if (bytes[at] === 10) code = start;
	at = start + size;
}
if (code < 0) throw new Error(`${input} has no code section`);

const listing = execFileSync('llvm-objdump', ['-d', input], { encoding: 'utf8' });
let patched = 0;
for (const line of listing.split('\n')) {
	const found = /^\s*([0-9a-f]+):\s+fd af 01\s+f32x4\.fma\s*$/.exec(line);
	if (!found) {
		if (/^\s*[0-9a-f]+:.*\b((f32x4|f64x2)\.(fma|fms)|relaxed|laneselect)/.test(line))
			throw new Error(`patch-relaxed: an instruction this script does not rewrite: ${line.trim()}`);
		continue;
	}
	const offset = code + parseInt(found[1], 16);
	if (bytes[offset] !== 0xfd || bytes[offset + 1] !== 0xaf || bytes[offset + 2] !== 0x01)
		throw new Error(`patch-relaxed: the bytes at ${offset} are not f32x4.fma`);
	bytes[offset + 1] = 0x85;
	bytes[offset + 2] = 0x02;
	patched++;
}
if (patched === 0)
	throw new Error('patch-relaxed: no f32x4.fma found (was the module built with -DRELAXED_SIMD?)');
writeFileSync(output, bytes);
