// What a start with DATABASE_URL (a deployment: any number of instances and workers on one
// PostgreSQL) must have, checked before anything starts so a mistake is one line naming the
// variable instead of a site that half works: sessions that end on the next instance, rate
// limits N times as loose, e-mail written to one host's disk and never delivered. The embedded
// database (no DATABASE_URL) needs none of it: one process, everything in DATA_DIR.
import fs from 'node:fs'
import path from 'node:path'
import { embeddedInfoPath } from './db/embedded-info'
import type { Env } from './env'

/** The problem with this configuration for a start, as one Swedish line; null when there is none. */
export function deploymentProblem(config: Env): string | null {
  if (!config.DATABASE_URL || isTheEmbeddedDatabase(config)) return null
  if (!config.AUTH_SECRET) {
    return (
      'Fel i miljövariabeln AUTH_SECRET: saknas. Med DATABASE_URL måste alla instanser och workers ha samma ' +
      'AUTH_SECRET (minst 32 slumpmässiga tecken, t.ex. från `openssl rand -base64 32`).'
    )
  }
  if (!config.SMTP_URL && config.MAIL_TO_FILES !== '1') {
    return (
      'Fel i miljövariabeln SMTP_URL: saknas. Med DATABASE_URL skickas e-post över SMTP ' +
      '(t.ex. smtp://user:pass@smtp.example.se:587); MAIL_TO_FILES=1 skriver den som filer i DATA_DIR/mail i stället, bara för test.'
    )
  }
  if (holdsEmbeddedDatabase(config.DATA_DIR)) {
    return (
      `Fel i miljövariabeln DATA_DIR: ${path.resolve(config.DATA_DIR)} innehåller den inbäddade databasen, ` +
      'som inte används när DATABASE_URL är satt. Flytta över datan till PostgreSQL först, eller välj en annan DATA_DIR.'
    )
  }
  return null
}

/** DATABASE_URL is the embedded database that `npm start` serves from DATA_DIR to its Next.js. */
function isTheEmbeddedDatabase(config: Env): boolean {
  try {
    const info = JSON.parse(fs.readFileSync(embeddedInfoPath(path.resolve(config.DATA_DIR)), 'utf8')) as { url?: string }
    return info.url === config.DATABASE_URL
  } catch {
    return false
  }
}

/** DATA_DIR/pgdata with anything in it: the embedded database of an earlier start without DATABASE_URL. */
function holdsEmbeddedDatabase(dataDir: string): boolean {
  try {
    return fs.readdirSync(path.join(path.resolve(dataDir), 'pgdata')).length > 0
  } catch {
    return false
  }
}
