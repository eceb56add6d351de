// The studio is a client-only app: everything lives in the browser (IndexedDB, workers, WebGPU).
// Each route is prerendered as an empty shell so any static host can serve it.
export const ssr = false;
export const prerender = true;
export const trailingSlash = 'never';
