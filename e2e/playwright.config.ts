import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, systemChromium } from './launch';

const PORT = Number(process.env.E2E_PORT ?? 8055);
export const BASE_URL = `http://127.0.0.1:${PORT}`;

const launchOptions = { executablePath: systemChromium, args: chromiumArgs };

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: BASE_URL,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions,
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], launchOptions }, testIgnore: /phone\.spec\.ts/ },
    { name: 'phone', use: { ...devices['Pixel 7'], launchOptions }, testMatch: /phone\.spec\.ts/ },
  ],
  webServer: {
    // A fresh platform for every run: its own embedded database, Redis and mail folder under var/e2e.
    command: `rm -rf ../var/e2e && exec ../.venv/bin/python -m ustad.core.supervisor --port ${PORT} --var-dir ../var/e2e --no-beat`,
    url: `${BASE_URL}/readyz`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      SITE_URL: BASE_URL,
      RATE_LIMIT_SIGNUP: '200/hour',
      RATE_LIMIT_PASSWORD_RESET: '200/hour',
      RATE_LIMIT_VERIFY_EMAIL: '200/hour',
      RATE_LIMIT_LOGIN: '500/minute',
    },
  },
});
