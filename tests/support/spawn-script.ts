// Runs one of the project's scripts (npm start, npm run worker …) as a process of its own with
// exactly the environment given, and collects what it wrote and how it ended.
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

export type Finished = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

const tsx = path.resolve('node_modules', '.bin', 'tsx')

/** The child's environment: only what a shell needs, plus `env` (nothing leaks in from the test run). */
export function scriptEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const base = { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn', NEXT_TELEMETRY_DISABLED: '1' }
  return Object.fromEntries(Object.entries({ ...base, ...env }).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv
}

export function startScript(script: string, args: string[], env: Record<string, string | undefined>): { child: ChildProcess; done: Promise<Finished> } {
  const child = spawn(tsx, [script, ...args], { env: scriptEnv(env), stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const done = new Promise<Finished>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })))
  return { child, done }
}

export function runScript(script: string, args: string[], env: Record<string, string | undefined>): Promise<Finished> {
  return startScript(script, args, env).done
}
