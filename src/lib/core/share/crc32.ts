// CRC-32 (IEEE 802.3, as zip and PNG use it) of the link's JSON, stored in front of the deflated bytes.
// Raw deflate has no checksum of its own: a changed character can still unpack, to different weights. The
// CRC catches such damage; it is no signature (anyone can recompute it), so the schema checks still run.

const TABLE = (() => {
	const table = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		table[n] = c >>> 0;
	}
	return table;
})();

export function crc32(bytes: Uint8Array): number {
	let crc = 0xffffffff;
	for (let i = 0; i < bytes.length; i++) crc = TABLE[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
	return (crc ^ 0xffffffff) >>> 0;
}
