import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findBrowser } from './scripts/browser.js';

const port = Number(process.env.E2E_PORT ?? 4174);
const browser = findBrowser();
const launchOptions = {
	args: CHROMIUM_ARGS,
	...(browser?.executablePath ? { executablePath: browser.executablePath } : {})
};

export default defineConfig({
	testDir: 'tests/e2e',
	// Artifacts in a subfolder: Playwright empties it, and test-results/ also holds the unit report.
	outputDir: 'test-results/e2e-artifacts',
	fullyParallel: true,
	forbidOnly: !!process.env.CI,
	retries: process.env.CI ? 1 : 0,
	workers: 2,
	timeout: 60_000,
	reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		trace: 'retain-on-failure',
		launchOptions
	},
	projects: [
		{ name: 'phone', grepInvert: /@desktop/, use: { ...devices['Pixel 7'], launchOptions } },
		{ name: 'desktop', grepInvert: /@phone/, use: { ...devices['Desktop Chrome'], launchOptions } }
	],
	webServer: {
		command: `node scripts/serve.js --port ${port}`,
		url: `http://127.0.0.1:${port}`,
		reuseExistingServer: !process.env.CI,
		timeout: 30_000
	}
});
