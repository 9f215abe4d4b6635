import { defineConfig } from '@playwright/test';

// Two cores: one worker keeps runs steady. Retries stay at 0 so a flaky test shows as a failure.
export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: { trace: 'off' },
  outputDir: 'test-results/e2e',
});
