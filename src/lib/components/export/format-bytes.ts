// Sizes as people read them: bytes below a kilobyte, then KB and MB with three significant digits.
export function formatBytes(bytes: number): string {
	if (bytes < 1000) return `${bytes} B`;
	if (bytes < 1_000_000) return `${(bytes / 1000).toPrecision(3)} KB`;
	return `${(bytes / 1_000_000).toPrecision(3)} MB`;
}
