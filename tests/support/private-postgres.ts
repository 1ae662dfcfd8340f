// A PostgreSQL cluster of the test's own, in a temporary folder, that the fault tests may stop,
// crash and start again without disturbing anyone else's server. It uses the machine's PostgreSQL
// binaries (PG_BIN, or the newest /usr/lib/postgresql/<version>/bin). PostgreSQL refuses to run
// as root, so as root (CI) every command runs as the `postgres` user, who owns the folder.
import { execFile, execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'

export type PrivatePostgres = {
  port: number
  /** The address of a database on this cluster (create it with createDatabase first). */
  url: (database: string) => string
  createDatabase: (name: string) => Promise<string>
  /** Starts the stopped cluster again (resolves once it accepts connections). */
  start: () => Promise<void>
  /** 'fast': an orderly shutdown that ends every session; 'immediate': a crash (recovery at start). */
  stop: (mode: 'fast' | 'immediate') => Promise<void>
  /** Stops the cluster and deletes its folder. */
  destroy: () => void
}

function binDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN
  const root = '/usr/lib/postgresql'
  const versions = fs.existsSync(root)
    ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
    : []
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0]
  if (!newest) throw new Error('No PostgreSQL binaries found: install PostgreSQL or set PG_BIN to the folder holding initdb and pg_ctl.')
  return path.join(root, newest, 'bin')
}

/** Creates the cluster in a new temporary folder and starts it on 127.0.0.1:`port`. */
export async function startPrivatePostgres({ port }: { port: number }): Promise<PrivatePostgres> {
  const bin = binDir()
  const asRoot = process.getuid?.() === 0
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mjolbybussen-pg-'))
  const dataDir = path.join(folder, 'data')
  const logFile = path.join(folder, 'postgres.log')
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString())
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString())
    fs.chownSync(folder, uid, gid)
  }

  const command = (program: string, args: string[]): [string, string[]] =>
    asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, program), ...args]] : [path.join(bin, program), args]
  // Asynchronous, so that a test's load and mail server keep running while the cluster stops and starts.
  const run = async (program: string, args: string[]) => {
    try {
      await promisify(execFile)(...command(program, args))
    } catch (err) {
      const { stderr, stdout } = err as { stderr?: string; stdout?: string }
      const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n') : ''
      throw new Error(`${program} ${args.join(' ')} failed: ${stderr || stdout}\n${log}`)
    }
  }
  const isRunning = () => fs.existsSync(path.join(dataDir, 'postmaster.pid'))

  const start = () =>
    run('pg_ctl', [
      ...['-D', dataDir, '-l', logFile, '-w', '-t', '60'],
      ...['-o', `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c max_connections=200`],
      'start',
    ])
  const stop = (mode: 'fast' | 'immediate') => run('pg_ctl', ['-D', dataDir, '-m', mode, '-w', '-t', '60', 'stop'])

  let destroyed = false
  const destroy = () => {
    if (destroyed) return
    destroyed = true
    process.removeListener('exit', destroy)
    // Synchronous: it also runs on the process's 'exit', where nothing asynchronous completes.
    if (isRunning()) spawnSync(...command('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']))
    fs.rmSync(folder, { recursive: true, force: true })
  }
  // A test run that dies must not leave a server running in a deleted folder.
  process.on('exit', destroy)

  try {
    // No one else's data: trust on loopback, as the machine's shared server has it.
    await run('initdb', ['-D', dataDir, '--auth=trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync'])
    await start()
  } catch (err) {
    destroy()
    throw err
  }
  const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`
  return {
    port,
    url,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url('postgres') })
      await client.connect()
      try {
        await client.query(`CREATE DATABASE "${name}"`)
      } finally {
        await client.end()
      }
      return url(name)
    },
    start,
    stop,
    destroy,
  }
}
