import { defineConfig } from 'vitest/config';

// Real Chromium loading the built extension; one file at a time, generous timeouts.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    // A loaded CI machine can take more than the default second to re-render: polls wait up to 10 s.
    expect: { poll: { timeout: 10_000 } },
  },
});
