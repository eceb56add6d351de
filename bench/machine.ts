// The machine a figure was measured on, written next to every result so figures compare honestly.
import { cpus, release, totalmem, type as osType } from 'node:os';

export interface MachineInfo {
	cores: number;
	cpuModel: string;
	memoryGiB: number;
	node: string;
	browser?: string;
	os: string;
}

export function describeMachine(browserVersion?: string): MachineInfo {
	const cpu = cpus();
	return {
		cores: cpu.length,
		cpuModel: cpu[0]?.model ?? 'unknown',
		memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
		node: process.version,
		browser: browserVersion ? `Chromium ${browserVersion}` : undefined,
		os: `${osType()} ${release()}`
	};
}
