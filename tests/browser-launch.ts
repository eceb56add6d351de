// Finds a Chromium for the end-to-end tests and the bench, in this order: CHROMIUM_PATH, Playwright's
// own browser, Debian's /usr/bin/chromium. When none is there and we run as root with apt, it installs
// Debian's chromium; otherwise it stops with one line saying how to get one.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

function playwrightOwnChromium(): string | undefined {
	try {
		const path = chromium.executablePath();
		return path && existsSync(path) ? path : undefined;
	} catch {
		return undefined;
	}
}

function canInstallWithApt(): boolean {
	return process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
}

export function resolveChromium(): string {
	const fromEnv = process.env.CHROMIUM_PATH;
	if (fromEnv) {
		if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH points to ${fromEnv}, which does not exist.`);
		return fromEnv;
	}
	const own = playwrightOwnChromium();
	if (own) return own;
	if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
	if (canInstallWithApt()) {
		console.log('No Chromium found: installing Debian chromium with apt-get ...');
		execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
			stdio: 'inherit'
		});
		if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
	}
	console.error(
		'benchtop tests: no Chromium found. Install one (Debian: `sudo apt-get install chromium`) or set CHROMIUM_PATH.'
	);
	process.exit(1);
}

/**
 * WebGPU through SwiftShader works headless without a GPU; the rest keeps Chromium from calling home
 * (the tests assert that no request leaves the site's origin) and lets it run as root.
 */
export const CHROMIUM_ARGS = [
	'--enable-unsafe-webgpu',
	'--enable-unsafe-swiftshader',
	'--use-webgpu-adapter=swiftshader',
	'--enable-features=Vulkan',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])
];
