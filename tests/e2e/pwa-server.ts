// A static server the PWA tests start and stop themselves, to take the app offline for real.
import { spawn, type ChildProcess } from 'node:child_process';
import { test } from '@playwright/test';

const e2ePort = Number(process.env.E2E_PORT ?? 4174);

/**
 * The port of a PWA test's own server: offset from E2E_PORT (where the shared web server runs) so that
 * suites started with different E2E_PORTs never collide, and by the worker's parallel index so that
 * two workers running the same test (--repeat-each, retries) never share one.
 */
export function pwaPort(kind: 'offline' | 'update'): number {
	const base = kind === 'offline' ? 100 : 200;
	return e2ePort + base + test.info().parallelIndex;
}

export interface StaticServer {
	url: string;
	stop(): Promise<void>;
}

/** Serves a build folder with scripts/serve.js and resolves once it answers. */
export async function startServer(port: number, dir = 'build'): Promise<StaticServer> {
	const child: ChildProcess = spawn('node', ['scripts/serve.js', '--port', String(port), '--dir', dir], {
		stdio: ['ignore', 'pipe', 'inherit']
	});
	const url = `http://127.0.0.1:${port}`;
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`server on ${port} did not start`)), 15_000);
		child.stdout?.on('data', (chunk: Buffer) => {
			if (chunk.toString().includes('served at')) {
				clearTimeout(timer);
				resolve();
			}
		});
		child.on('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`server on ${port} exited with ${code} (is the port taken?)`));
		});
	});
	return {
		url,
		stop: () =>
			new Promise<void>((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.removeAllListeners('exit');
				child.once('exit', () => resolve());
				child.kill('SIGKILL');
			})
	};
}
