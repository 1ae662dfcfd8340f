// The fault tests (`npm run test:faults`): the built site on a PostgreSQL cluster of their own,
// which they restart, and a `next start` they kill; and the site scaled out to three instances
// behind haproxy (scale-out.test.ts). One file, one test at a time.
import path from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    name: 'faults',
    include: ['tests/faults/**/*.test.ts'],
    fileParallelism: false,
    // The build takes minutes on a busy machine; each test loads the site for 20 s, then waits for every e-mail.
    hookTimeout: 600_000,
    testTimeout: 240_000,
  },
})
