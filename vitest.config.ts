import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // CLI output is compared as plain text; CI servers set CI=1, which would turn colours on.
    env: { NO_COLOR: '1' },
  },
});
