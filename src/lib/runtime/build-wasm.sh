#!/bin/sh
# Rebuilds the runtime's dense layer (dense.c, WebAssembly SIMD) with Debian's clang and lld and writes it,
# base64-encoded, into dense-wasm.ts, which the runtime (and so every bundle's model.js) carries inline.
# The module is checked in, so exporting never needs a compiler; `--check` fails when it no longer
# matches dense.c (and says so, without failing, where clang is missing, as wasm/dense/build.sh does).
set -eu
here=$(dirname "$0")
if ! command -v clang >/dev/null 2>&1 || ! command -v wasm-ld >/dev/null 2>&1; then
	if [ "${1:-}" = "--check" ] && [ "${CI:-}" != "true" ]; then
		echo "src/lib/runtime: no clang/lld here, so dense-wasm.ts is not compared with dense.c"
		exit 0
	fi
	echo "src/lib/runtime/build-wasm.sh needs clang and lld: apt-get install clang lld" >&2
	exit 1
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# -Os: the module rides inside every model.js (about 1 KB); no -ffast-math, so sums keep their order.
clang --target=wasm32 -Os -msimd128 -fno-builtin -nostdlib \
	-Wl,--no-entry -Wl,--strip-all -Wl,--export=__heap_base -Wl,--initial-memory=131072 \
	-o "$out/dense.wasm" "$here/dense.c"
{
	echo "// Built by src/lib/runtime/build-wasm.sh from dense.c ($(clang --version | head -n 1)); do not edit."
	printf "export const DENSE_WASM =\n\t'%s';\n" "$(base64 -w 0 "$out/dense.wasm")"
} > "$out/module.ts"
target=$here/dense-wasm.ts
if [ "${1:-}" = "--check" ]; then
	if cmp -s "$out/module.ts" "$target"; then echo "dense-wasm.ts matches dense.c"; exit 0; fi
	echo "dense-wasm.ts does not match dense.c: run sh src/lib/runtime/build-wasm.sh" >&2
	exit 1
fi
cp "$out/module.ts" "$target"
echo "wrote $target ($(wc -c < "$out/dense.wasm") bytes of WASM)"
