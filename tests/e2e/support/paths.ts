import path from 'node:path'

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100)
export const E2E_STATE_FILE = path.resolve('test-results/e2e-state.json')
export const MAILBOX_DIR = path.resolve('test-results/e2e-mailbox')
