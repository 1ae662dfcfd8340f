// Opens the test database once for the run (emptied, then migrated) and hands its URL to the
// test files.
import type { TestProject } from 'vitest/node'
import { applyMigrations } from '../../lib/db/migrate'
import { openTestDatabase } from '../support/test-database'

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string
  }
}

export default async function setup(project: TestProject) {
  const database = await openTestDatabase('integration')
  await applyMigrations(database.url)
  project.provide('databaseUrl', database.url)
  return () => database.stop()
}
