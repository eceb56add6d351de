// Records a Chromium trace of the page's main thread and gives the CPU time of each task. The Long Tasks
// API measures wall time, which on a busy machine counts the time a task waited for a CPU; the trace's
// thread time says how long the task itself kept the main thread busy.
import type { CDPSession, Page } from '@playwright/test';

interface TraceEvent {
	name: string;
	ph: string;
	pid: number;
	tid: number;
	ts?: number;
	dur?: number;
	tdur?: number;
	args?: { name?: string; data?: { url?: string; functionName?: string; type?: string } };
}

/** What one task of a thread's message loop is called in the trace; the name changed across versions. */
const TASK_EVENTS = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);

export interface MainThreadTask {
	/** Milliseconds of CPU the task used on the main thread. */
	cpuMs: number;
	/** Milliseconds from its start to its end. */
	wallMs: number;
	/** Milliseconds from the start of the trace. */
	atMs: number;
	/** The task's three longest inner events (script, GC, message, layout), so a failure says what ran. */
	inside: string[];
}

/** One inner event as a failure message shows it: its name, what it ran, and its CPU time. */
function describe(e: TraceEvent): string {
	const d = e.args?.data;
	const what = d?.url
		? ` ${d.url.split('/').pop()}${d.functionName ? `:${d.functionName}` : ''}`
		: d?.type
			? ` ${d.type}`
			: '';
	return `${e.name}${what} ${((e.tdur ?? e.dur ?? 0) / 1000).toFixed(1)}`;
}

export class MainThreadTrace {
	private events: TraceEvent[] = [];
	private constructor(private readonly cdp: CDPSession) {}

	static async start(page: Page): Promise<MainThreadTrace> {
		const cdp = await page.context().newCDPSession(page);
		const trace = new MainThreadTrace(cdp);
		cdp.on('Tracing.dataCollected', (data) => trace.events.push(...(data.value as unknown as TraceEvent[])));
		await cdp.send('Tracing.start', {
			traceConfig: {
				// devtools.timeline and v8 add the tasks' inner events (FunctionCall, EvaluateScript, GC).
				includedCategories: ['toplevel', '__metadata', 'devtools.timeline', 'v8'],
				recordMode: 'recordAsMuchAsPossible'
			},
			transferMode: 'ReportEvents'
		});
		return trace;
	}

	/** Stops tracing; the tasks of the page's renderer main thread, longest CPU first. */
	async stop(): Promise<MainThreadTask[]> {
		const complete = new Promise<void>((resolve) =>
			this.cdp.once('Tracing.tracingComplete', () => resolve())
		);
		await this.cdp.send('Tracing.end');
		await complete;
		const tasks = this.events.filter((e) => e.ph === 'X' && TASK_EVENTS.has(e.name));
		// The page's renderer main thread: of the CrRendererMain threads, the busiest (a browser may keep
		// a spare renderer).
		const mains = this.events.filter(
			(e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain'
		);
		const count = (m: TraceEvent) => tasks.filter((e) => e.pid === m.pid && e.tid === m.tid).length;
		const main = mains.sort((a, b) => count(b) - count(a))[0];
		if (!main) throw new Error('the trace has no renderer main thread');
		const first = Math.min(...tasks.map((e) => e.ts ?? Infinity));
		const onMain = (e: TraceEvent) => e.pid === main.pid && e.tid === main.tid;
		const inner = this.events.filter((e) => e.ph === 'X' && onMain(e) && !TASK_EVENTS.has(e.name));
		return tasks
			.filter(onMain)
			.map((task) => {
				const start = task.ts ?? 0;
				const end = start + (task.dur ?? 0);
				const within = inner.filter((e) => (e.ts ?? 0) >= start && (e.ts ?? 0) < end);
				return {
					cpuMs: (task.tdur ?? task.dur ?? 0) / 1000,
					wallMs: (task.dur ?? 0) / 1000,
					atMs: (start - first) / 1000,
					inside: within
						// v8.callFunction wraps every call; the timeline's own events say which script ran.
						.filter((e) => !e.name.startsWith('v8.'))
						.sort((a, b) => (b.tdur ?? b.dur ?? 0) - (a.tdur ?? a.dur ?? 0))
						.slice(0, 4)
						.map(describe)
				};
			})
			.sort((a, b) => b.cpuMs - a.cpuMs);
	}
}
