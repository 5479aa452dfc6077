// End-to-end tests in Debian's Chromium against `lobby-desk web` (one server and data dir per test), and the
// Electron specs, which run only where the Electron runtime is installed.
import { defineConfig } from '@playwright/test';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: 'test',
  fullyParallel: true,
  workers: 2,
  timeout: 60_000,
  // Generous: the machines these run on have two cores shared by a server and a browser per worker.
  expect: { timeout: 20_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  projects: [
    { name: 'e2e', testMatch: 'e2e/**/*.spec.ts' },
    // README's images from seeded data (`npm run screenshots` writes them to docs/screenshots/).
    { name: 'screenshots', testMatch: 'screenshots/**/*.spec.ts' },
    // After the browser tests: these rebuild the native module for Electron and back, which must not happen
    // while browser tests run servers under Node.
    { name: 'electron', testMatch: 'electron/**/*.spec.ts', dependencies: ['e2e'] },
  ],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1600, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
