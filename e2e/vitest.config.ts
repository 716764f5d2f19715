import { defineConfig } from 'vitest/config';

// Browser journeys against the real server (built web app, demo county, embedded database) in
// Debian's Chromium. `npm run build` first; .ci/run does.
export default defineConfig({
  test: {
    name: 'e2e',
    root: import.meta.dirname,
    include: ['**/*.e2e.ts'],
    globalSetup: ['./global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
