// A helper thread of the threaded dense engine (src/lib/core/train/fused/dense-thread.ts), started by the
// train worker on cross-origin isolated pages. It serves one engine at a time and, once that engine lets it
// go, says 'idle' so the pool (dense-thread-pool.ts) can hand it to the next one without a new worker.
// Relative imports: the bench pages (bench/browser) load it through a Vite server without the $lib alias.
import { runDenseThread, type DenseThreadInit } from '../src/lib/core/train/fused/dense-thread.ts';

self.onmessage = (event: MessageEvent<DenseThreadInit>) => {
	runDenseThread(event.data, () => self.postMessage('ready'));
	self.postMessage('idle');
};
