import { defineConfig } from 'vitest/config';

// Unit and integration tests run in Node; files that need a DOM opt in with `// @vitest-environment happy-dom`.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx', 'server/test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
