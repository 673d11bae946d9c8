// TEMPORARY: `npx vitest run -c tests/rules/equivalence/vitest.equivalence.config.ts tests/rules tests/network`
import { defineConfig, mergeConfig } from 'vitest/config';
import base from '../../../vitest.config';

export default mergeConfig(
  base,
  defineConfig({ test: { setupFiles: ['tests/rules/equivalence/wrap.ts'], globalSetup: [] } }),
);
