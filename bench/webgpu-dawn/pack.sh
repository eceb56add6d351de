#!/bin/sh
# Packs what train-on-dawn.ts needs on a machine with a GPU and no Node, npm or internet (the device
# machine) into .gpu/ at the repository root: the bench bundled into one file (plus the dense engine's
# thread worker), Dawn's dawn.node from the pinned `webgpu` npm package and this machine's Node binary
# (both xz: what travels to the device is capped at 64 MiB), and Debian's Vulkan loader with GL's dispatch
# libraries. About 33 MB. Needs npm's and apt's registries; run it from the repository root.
set -eu
WEBGPU_VERSION=0.6.2
out=.gpu
rm -rf "$out" && mkdir -p "$out"
npx esbuild bench/webgpu-dawn/train-on-dawn.ts src/cli/dense-thread-worker.ts --bundle --platform=node \
	--format=esm --target=node20 --outdir="$out" --entry-names='[name]' --log-level=warning \
	--banner:js="import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);"
scratch=$(mktemp -d)
(cd "$scratch" && npm pack "webgpu@$WEBGPU_VERSION" --silent >/dev/null && tar xzf "webgpu-$WEBGPU_VERSION.tgz" package/dist/linux-x64/dawn.node)
xz -9 -T0 -c "$scratch/package/dist/linux-x64/dawn.node" >"$out/dawn.node.xz"
# The Node that runs here (an x86-64 Linux build that needs only libc and libstdc++).
xz -9 -T0 -c "$(node -p process.execPath)" >"$out/node.xz"
# The Vulkan loader, and the GL vendor-neutral dispatch libraries without which the NVIDIA driver's Vulkan
# ICD (libGLX_nvidia) does not load: "Could not get 'vkCreateInstance'" on the device machine.
(cd "$scratch" && apt-get download -oAPT::Architecture=amd64 libvulkan1 libglvnd0 libgl1 libglx0 libegl1 \
	libopengl0 libgles2 >/dev/null && mv ./*.deb "$OLDPWD/$out/")
rm -rf "$scratch"
du -sh "$out"
