// Which addresses the Link tab may load: absolute http: and https: URLs only. Everything else —
// javascript:, vbscript:, data:, blob:, file:, relative paths, text that is no address at all — is
// refused before any request is made, with a message that says what was typed and what is accepted.
import { BenchtopError } from '../../errors.ts';

const ACCEPTED = 'Only web addresses that start with http:// or https:// can be loaded.';
/** Long enough for any real address; longer text is cut in the message, never echoed whole. */
const SHOWN_LENGTH = 60;

/** The address to fetch, normalised by the URL parser; throws `bad-input` for anything else. */
export function checkImportUrl(text: string): string {
	const trimmed = text.trim();
	if (!trimmed) throw new BenchtopError('bad-input', `Type the address of a file. ${ACCEPTED}`);
	let url: URL;
	try {
		url = new URL(trimmed);
	} catch {
		throw new BenchtopError(
			'bad-input',
			`“${shorten(trimmed)}” is not a web address. ${ACCEPTED}`,
			'The URL parser refused it.'
		);
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new BenchtopError(
			'bad-input',
			`Links that start with “${shorten(url.protocol)}” are not loaded. ${ACCEPTED}`,
			`scheme ${url.protocol}`
		);
	}
	if (url.username || url.password) {
		throw new BenchtopError(
			'bad-input',
			`Links with a user name or password in them are not loaded. ${ACCEPTED}`,
			'credentials in the URL'
		);
	}
	return url.href;
}

function shorten(text: string): string {
	return text.length > SHOWN_LENGTH ? `${text.slice(0, SHOWN_LENGTH)}…` : text;
}
