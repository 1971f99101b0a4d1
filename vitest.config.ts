import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globals: true,
    include: ['test/**/*.test.ts'],
    // dist/ is built once per run (the bundle we deploy is the bundle we test).
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Results must not depend on the machine's time zone: the core date tests also run under other TZs
    // (see test/unit/timezones.test.ts), and everything else under UTC like Apps Script's servers.
    env: { TZ: 'UTC' },
  },
});
