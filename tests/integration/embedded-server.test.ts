// The embedded PostgreSQL serves many clients at once without mixing up their queries.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../lib/db/embedded'

let dir: string
let embedded: EmbeddedPostgres
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mjolbybussen-embedded-'))
  embedded = await startEmbeddedPostgres(dir)
})
afterAll(async () => {
  await embedded.stop()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('embedded PostgreSQL server', () => {
  it('answers 600 concurrent parameterised queries from 12 connections, each with its own result', async () => {
    const pool = new pg.Pool({ connectionString: embedded.url, max: 12 })
    try {
      const results = await Promise.all(
        Array.from({ length: 600 }, (_, i) =>
          pool.query<{ sum: number; label: string }>('SELECT $1::int + $2::int AS sum, $3::text AS label', [i, 1000, `q${i}`]),
        ),
      )
      results.forEach((r, i) => expect(r.rows[0]).toEqual({ sum: i + 1000, label: `q${i}` }))
    } finally {
      await pool.end()
    }
  })

  it('keeps concurrent transactions apart, and rolls back one whose client vanished', async () => {
    const pool = new pg.Pool({ connectionString: embedded.url, max: 8 })
    try {
      await pool.query('CREATE TABLE counter (id int primary key, n int not null); INSERT INTO counter VALUES (1, 0)')
      await Promise.all(
        Array.from({ length: 40 }, async () => {
          const client = await pool.connect()
          try {
            await client.query('BEGIN')
            const { rows } = await client.query<{ n: number }>('SELECT n FROM counter WHERE id = 1 FOR UPDATE')
            await client.query('UPDATE counter SET n = $1 WHERE id = 1', [rows[0]!.n + 1])
            await client.query('COMMIT')
          } finally {
            client.release()
          }
        }),
      )
      expect((await pool.query('SELECT n FROM counter')).rows[0].n).toBe(40)

      const quitter = new pg.Client({ connectionString: embedded.url })
      await quitter.connect()
      await quitter.query('BEGIN')
      await quitter.query('UPDATE counter SET n = -1')
      await quitter.end() // gone mid-transaction
      expect((await pool.query('SELECT n FROM counter')).rows[0].n).toBe(40)
    } finally {
      await pool.end()
    }
  })
})
