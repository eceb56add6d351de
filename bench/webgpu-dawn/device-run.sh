#!/bin/sh
# Runs on the device machine, from the repository root, with .gpu/ (pack.sh) carried along: unpacks Node
# under /tmp and the Vulkan loader and GL dispatch libraries into /, points the loader at the NVIDIA
# driver, then times WebGPU over Dawn (train-on-dawn.ts) and PyTorch on CUDA (the reference) on the same
# shapes. Results go to $OUT.
set -eu
out=${OUT:-/tmp/dawn-out}
mkdir -p "$out" /tmp/dawn
for file in node dawn.node; do
	python3 -c "import lzma, shutil, sys; shutil.copyfileobj(lzma.open(sys.argv[1]), open(sys.argv[2], 'wb'))" \
		".gpu/$file.xz" "/tmp/dawn/$file"
done
chmod +x /tmp/dawn/node
# The machine is bare and given back after the session: the libraries go where the driver looks for them.
for deb in .gpu/*.deb; do dpkg -x "$deb" "${DEB_ROOT:-/}"; done
ldconfig 2>/dev/null || true
export VK_DRIVER_FILES="${VK_DRIVER_FILES:-/usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json}"
export __EGL_VENDOR_LIBRARY_FILENAMES=/usr/local/nvidia/share/glvnd/egl_vendor.d/10_nvidia.json
export DAWN_NODE=/tmp/dawn/dawn.node
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader || true
/tmp/dawn/node --version
# Each row's figures go to dawn.log as they come, so a run cut short still says how far it got.
timeout "${DAWN_SECONDS:-420}" /tmp/dawn/node .gpu/train-on-dawn.js "$@" --out "$out/webgpu-dawn.json" >/dev/null 2>"$out/dawn.log" || {
	echo "train-on-dawn failed:"
	tail -20 "$out/dawn.log"
	ls /usr/local/nvidia/share/vulkan/icd.d 2>&1
	VK_LOADER_DEBUG=error,warn /tmp/dawn/node -e "$(printf '%s' "require(process.env.DAWN_NODE).create([]).requestAdapter().then((a) => console.log(a && a.info))")" 2>&1 | tail -20
}
# The reference takes --quick alone of the bench's flags (--only is the bench's).
case " $* " in *" --quick "*) quick=--quick ;; *) quick= ;; esac
[ -n "${SKIP_TORCH:-}" ] || "${PYTHON:-python3}" bench/reference/torch-train-throughput.py --device "${TORCH_DEVICE:-cuda}" \
	--threads 1 $quick --out "$out/torch-cuda.json" >/dev/null
cat "$out/dawn.log"
echo done
