import path from 'node:path'

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100)
// Per port, so that two runs in one tree (on different E2E_PORTs) keep out of each other's way.
export const E2E_OUTPUT_DIR = path.resolve(`test-results/e2e-${E2E_PORT}`)
export const E2E_STATE_FILE = path.join(E2E_OUTPUT_DIR, 'state.json')
export const MAILBOX_DIR = path.join(E2E_OUTPUT_DIR, 'mailbox')
// Everything the site's `next start` writes, for the test that its logs hold no personal data.
export const SERVER_LOG_FILE = path.join(E2E_OUTPUT_DIR, 'server.log')
// The site's build for the tests (next build's distDir), where the tests read the build's server actions.
export const E2E_DIST_DIR = process.env.E2E_DIST_DIR ?? '.next-test'
