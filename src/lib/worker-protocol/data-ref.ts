// How the page names a data set version to a worker: stored versions by id (the worker reads IndexedDB
// itself), memory-only versions by id and their Blob. A Blob crosses postMessage without its bytes being
// copied, so a 50 MB version costs nothing to hand over, however many workers read it.

export type DataRef = { kind: 'stored'; id: string } | { kind: 'memory'; id: string; blob: Blob };

/** Where a worker puts a version it makes: in IndexedDB itself, or back to the page (memory-only mode). */
export type DataStore = DataRef['kind'];
