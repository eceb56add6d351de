// Copies what the page hands a worker into values postMessage can clone. Svelte's `$state` wraps plain
// objects and arrays in Proxies, and the structured clone algorithm refuses every Proxy ("#<Object>
// could not be cloned"), however plain its contents. Done once, at the client boundary, so no caller
// has to remember `$state.snapshot` (issue 14: the Data page's Filter after a sort).

/**
 * A deep copy of the plain objects and arrays in `value` (the only things `$state` proxies); anything
 * else — typed arrays, Blobs, Maps, Dates, comlink proxies of callbacks — is passed through untouched,
 * so large binary data is neither copied twice nor stripped of a transfer mark.
 */
export function cloneableCopy<T>(value: T): T {
	return copy(value, new Map()) as T;
}

function copy(value: unknown, seen: Map<object, unknown>): unknown {
	if (typeof value !== 'object' || value === null) return value;
	const done = seen.get(value);
	if (done !== undefined) return done;
	if (Array.isArray(value)) {
		const out: unknown[] = [];
		seen.set(value, out);
		for (const item of value as unknown[]) out.push(copy(item, seen));
		return out;
	}
	if (!isPlainObject(value)) return value;
	const out: Record<string, unknown> = {};
	seen.set(value, out);
	for (const [key, item] of Object.entries(value)) out[key] = copy(item, seen);
	return out;
}

function isPlainObject(value: object): boolean {
	const prototype: unknown = Object.getPrototypeOf(value);
	return prototype === Object.prototype || prototype === null;
}

/**
 * Wraps a comlink remote so that every method call copies its arguments first. Only top-level methods
 * are wrapped: that is how every client calls its worker (`api.viewOrder(id, spec, bytes)`).
 */
export function withCloneableArgs<Api extends object>(remote: Api): Api {
	return new Proxy(remote, {
		get(target, property, receiver) {
			const member: unknown = Reflect.get(target, property, receiver);
			if (typeof member !== 'function') return member;
			// Reflect.apply, not member.apply: on a comlink remote `.apply` would be a remote property.
			return (...args: unknown[]) =>
				Reflect.apply(
					member as (...a: unknown[]) => unknown,
					undefined,
					args.map((arg) => cloneableCopy(arg))
				);
		}
	});
}
