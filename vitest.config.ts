import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Temporary folders of the whole run live in one folder that is removed at the end.
    globalSetup: ['tests/support/temporary-folder.ts'],
    // Pack loading and CLI runs are real work; keep the default 5 s from flaking on 2 cores.
    testTimeout: 30_000,
    hookTimeout: 30_000
  }
})
