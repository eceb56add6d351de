#!/bin/sh
# Rebuilds the dense training engine from dense.c with Debian's clang, lld and llvm (apt-get install clang lld
# llvm; llvm-objdump locates the relaxed-SIMD opcodes patch-relaxed.mjs rewrites)
# and writes it, base64-encoded, into src/lib/core/train/fused/dense-engine-wasm.ts, so the page, its
# workers and Node load it without fetching a file. `npm ci && npm start` never needs a compiler: the built
# module is checked in; `sh wasm/dense/build.sh --check` (run in CI) fails when it no longer matches dense.c.
set -eu
if ! command -v clang >/dev/null 2>&1 || ! command -v wasm-ld >/dev/null 2>&1 || ! command -v llvm-objdump >/dev/null 2>&1; then
	# A laptop without the compiler still runs the tests; CI (CI=true) installs clang, lld and llvm and must check.
	if [ "${1:-}" = "--check" ] && [ "${CI:-}" != "true" ]; then
		echo "wasm/dense: no clang/lld/llvm-objdump here, so the checked-in module is not compared with dense.c (CI compares it)"
		exit 0
	fi
	echo "wasm/dense/build.sh needs clang, lld and llvm-objdump: apt-get install clang lld llvm" >&2
	exit 1
fi
here=$(dirname "$0")
root=$here/../..
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
build() {
	clang --target=wasm32 -O3 -msimd128 -ffast-math -fno-builtin -nostdlib "$@" \
		-Wl,--no-entry -Wl,--export-dynamic -Wl,--strip-all -Wl,--initial-memory=1048576 "$here/dense.c"
}
# The threaded build (threads.c includes dense.c): a shared memory the page passes in, so Web Workers can
# instantiate the same module on it; each thread sets its own __stack_pointer. Up to 1 GiB of memory.
build_threads() {
	clang --target=wasm32 -O3 -msimd128 -matomics -mbulk-memory -mmutable-globals -ffast-math -fno-builtin -nostdlib \
		"$@" -Wl,--no-entry -Wl,--export-dynamic -Wl,--strip-all -Wl,--import-memory -Wl,--shared-memory \
		-Wl,--max-memory=1073741824 -Wl,--initial-memory=1048576 -Wl,--export=__stack_pointer "$here/threads.c"
}
# Two builds: plain SIMD128 (every current engine), and relaxed-SIMD's fused multiply-add in the GEMMs
# (Chromium 114+, Firefox 120+), which the engine picks when WebAssembly.validate accepts it.
build -o "$out/dense.wasm"
build -mrelaxed-simd -DRELAXED_SIMD -o "$out/dense-relaxed-14.wasm"
node "$here/patch-relaxed.mjs" "$out/dense-relaxed-14.wasm" "$out/dense-relaxed.wasm"
build_threads -o "$out/threads.wasm"
build_threads -mrelaxed-simd -DRELAXED_SIMD -o "$out/threads-relaxed-14.wasm"
node "$here/patch-relaxed.mjs" "$out/threads-relaxed-14.wasm" "$out/threads-relaxed.wasm"
threads_target=$root/src/lib/core/train/fused/dense-engine-threads-wasm.ts
{
	echo "// Built by wasm/dense/build.sh from wasm/dense/threads.c and dense.c ($(clang --version | head -n 1)); do not edit."
	printf "export const DENSE_THREADS_WASM =\n\t'%s';\n" "$(base64 -w 0 "$out/threads.wasm")"
	printf "export const DENSE_THREADS_WASM_RELAXED =\n\t'%s';\n" "$(base64 -w 0 "$out/threads-relaxed.wasm")"
} > "$out/threads.ts"
target=$root/src/lib/core/train/fused/dense-engine-wasm.ts
{
	echo "// Built by wasm/dense/build.sh from wasm/dense/dense.c ($(clang --version | head -n 1)); do not edit."
	printf "export const DENSE_ENGINE_WASM =\n\t'%s';\n" "$(base64 -w 0 "$out/dense.wasm")"
	printf "export const DENSE_ENGINE_WASM_RELAXED =\n\t'%s';\n" "$(base64 -w 0 "$out/dense-relaxed.wasm")"
} > "$out/module.ts"
if [ "${1:-}" = "--check" ]; then
	if cmp -s "$out/module.ts" "$target" && cmp -s "$out/threads.ts" "$threads_target"; then
		echo "dense-engine-wasm.ts and dense-engine-threads-wasm.ts match dense.c and threads.c"
		exit 0
	fi
	echo "dense-engine-wasm.ts or dense-engine-threads-wasm.ts does not match its source: run sh wasm/dense/build.sh" >&2
	exit 1
fi
mkdir -p "$(dirname "$target")"
cp "$out/module.ts" "$target"
cp "$out/threads.ts" "$threads_target"
echo "wrote $target ($(wc -c < "$out/dense.wasm") and $(wc -c < "$out/dense-relaxed.wasm") bytes of WASM)"
echo "wrote $threads_target ($(wc -c < "$out/threads.wasm") and $(wc -c < "$out/threads-relaxed.wasm") bytes of WASM)"
