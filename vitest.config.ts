import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Pack loading and CLI runs are real work; keep the default 5 s from flaking on 2 cores.
    testTimeout: 30_000,
    hookTimeout: 30_000
  }
})
