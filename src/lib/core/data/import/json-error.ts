// Where JSON text stops being valid, as a line and column a person can find in an editor, and why.
// Engines word JSON.parse errors differently and V8 often gives no position, so failed text is rescanned.

export interface JsonSyntaxError {
	line: number;
	column: number;
	reason: string;
}

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'];

/** The first syntax error in `text`, or undefined when it is valid; `whole` names the text in reasons. */
export function findJsonSyntaxError(text: string, whole = 'the text'): JsonSyntaxError | undefined {
	let i = 0;
	const fail = (reason: string): JsonSyntaxError => ({ ...lineAndColumn(text, i), reason });
	const skipSpace = () => {
		while (i < text.length && WHITESPACE.has(text.charCodeAt(i))) i++;
	};
	const describeHere = () => (i >= text.length ? `${whole} ends` : `found ${JSON.stringify(text[i])}`);
	// What each open container expects next: a value, a key, or a separator.
	const stack: ('array' | 'object')[] = [];
	let expectValue = true;

	for (;;) {
		skipSpace();
		if (expectValue) {
			const c = text[i];
			if (c === '{' || c === '[') {
				stack.push(c === '{' ? 'object' : 'array');
				i++;
				skipSpace();
				const close = c === '{' ? '}' : ']';
				if (text[i] === close) {
					stack.pop();
					i++;
					expectValue = false;
					continue;
				}
				if (c === '{') {
					const key = readKey();
					if (key) return key;
				}
				continue;
			}
			if (c === '"') {
				const error = readString();
				if (error) return error;
			} else if (c !== undefined && (c === '-' || (c >= '0' && c <= '9'))) {
				NUMBER.lastIndex = i;
				if (!NUMBER.test(text)) return fail(`a number is malformed`);
				i = NUMBER.lastIndex;
			} else {
				const literal = LITERALS.find((word) => text.startsWith(word, i));
				if (!literal) return fail(`expected a value, ${describeHere()}`);
				i += literal.length;
			}
			expectValue = false;
			continue;
		}
		const open = stack.at(-1);
		if (!open) return i >= text.length ? undefined : fail(`expected the end of the JSON, ${describeHere()}`);
		const c = text[i];
		if (c === ',') {
			i++;
			skipSpace();
			if (text[i] === ']' || text[i] === '}') return fail('a trailing comma is not allowed');
			if (open === 'object') {
				const key = readKey();
				if (key) return key;
			}
			expectValue = true;
		} else if ((open === 'array' && c === ']') || (open === 'object' && c === '}')) {
			stack.pop();
			i++;
		} else {
			return fail(`expected “,” or “${open === 'array' ? ']' : '}'}”, ${describeHere()}`);
		}
	}

	/** A key and its colon; leaves `i` at the value. */
	function readKey(): JsonSyntaxError | undefined {
		skipSpace();
		if (text[i] !== '"') return fail(`expected a key in double quotes, ${describeHere()}`);
		const error = readString();
		if (error) return error;
		skipSpace();
		if (text[i] !== ':') return fail(`expected “:” after the key, ${describeHere()}`);
		i++;
		expectValue = true;
		return undefined;
	}

	function readString(): JsonSyntaxError | undefined {
		i++;
		while (i < text.length) {
			const c = text.charCodeAt(i);
			if (c === 0x22) {
				i++;
				return undefined;
			}
			if (c === 0x5c) {
				const next = text[i + 1];
				if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
				else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
				else return fail('a backslash escape is malformed');
			} else if (c < 0x20) {
				return fail('a string holds a raw line break or control character');
			} else i++;
		}
		return fail('a string is never closed');
	}
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
	let line = 1;
	let lineStart = 0;
	for (let i = text.indexOf('\n'); i !== -1 && i < position; i = text.indexOf('\n', i + 1)) {
		line++;
		lineStart = i + 1;
	}
	return { line, column: position - lineStart + 1 };
}
