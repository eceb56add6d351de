// Benchtop's version, read from package.json so the one number there is the only one to change. A named
// import, so bundlers take only this field, not the whole file, into the page and the workers.
import { version } from '../../../package.json';

/** The version written into run records, exported models and the CLI's `--version`. */
export const BENCHTOP_VERSION: string = version;
