import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    environment: 'node',
    // The command-line tests run the built `pnd` bundle; build it from the current sources first.
    globalSetup: ['tests/cli/build-bin.ts'],
    testTimeout: 120_000,
  },
});
