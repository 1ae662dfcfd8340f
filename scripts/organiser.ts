// `npm run organiser -- add --email E --name N`   creates an organiser account; the password comes
//                                                  from ORGANISER_PASSWORD or standard input
// `npm run organiser -- password --email E`       sets a new password (and ends their sessions)
// `npm run organiser -- remove --email E`         removes the account (and ends their sessions)
// `npm run organiser -- list`                     lists the accounts
// The password is never an argument (it would be in the shell's history and in `ps`).
// Database: DATABASE_URL; unset, the embedded one, reached through the running site
// (DATA_DIR/embedded-postgres.json) or else started here (and migrated) for the command.
import { parseArgs } from 'node:util'
import { createPrismaClient } from '../lib/db'
import { openScriptDatabase, scriptEnv } from '../lib/db/script-database'
import { addOrganiser, listOrganisers, OrganiserError, removeOrganiser, setOrganiserPassword } from '../lib/auth/organisers'

const USAGE = `Användning:
  npm run organiser -- add --email E --name "N"    (lösenordet från ORGANISER_PASSWORD eller standard in)
  npm run organiser -- password --email E          (nytt lösenord, samma sätt)
  npm run organiser -- remove --email E
  npm run organiser -- list`

function fail(message: string, code = 1): never {
  console.error(message)
  process.exit(code)
}

const config = scriptEnv()

let parsed
try {
  parsed = parseArgs({
    args: process.argv.slice(2),
    options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
    allowPositionals: true,
  })
} catch (err) {
  fail(`${err instanceof Error ? err.message : err}\n\n${USAGE}`, 2)
}
const { values, positionals } = parsed
const command = positionals[0]
if (values.password !== undefined) {
  fail('Skriv inte lösenordet som argument: det hamnar i skalets historik. Använd ORGANISER_PASSWORD eller standard in.', 2)
}
if (!command || !['add', 'password', 'remove', 'list'].includes(command) || positionals.length > 1) fail(USAGE, 2)
if (command !== 'list' && !values.email) fail(`--email saknas.\n\n${USAGE}`, 2)
if (command === 'add' && !values.name) fail(`--name saknas.\n\n${USAGE}`, 2)

// Read the password before touching the database, so a prompt is not kept waiting on it.
const password = command === 'add' || command === 'password' ? await readPassword() : ''

const { url, embedded } = await openScriptDatabase(config)
const prisma = createPrismaClient(url, 2)
try {
  if (command === 'add') {
    const organiser = await addOrganiser(prisma, { email: values.email!, name: values.name!, password })
    console.log(`Arrangören ${organiser.name} <${organiser.email}> är tillagd och kan logga in på /admin/logga-in.`)
  } else if (command === 'password') {
    await setOrganiserPassword(prisma, values.email!, password)
    console.log(`Nytt lösenord för ${values.email!.trim().toLowerCase()}; pågående inloggningar är avslutade.`)
  } else if (command === 'remove') {
    const email = values.email!.trim().toLowerCase()
    if (await removeOrganiser(prisma, email)) {
      console.log(`Arrangören ${email} är borttagen; pågående inloggningar är avslutade.`)
    } else {
      console.error(`Det finns ingen arrangör med e-postadressen ${email}.`)
      process.exitCode = 1
    }
  } else {
    const organisers = await listOrganisers(prisma)
    if (organisers.length === 0) console.log('Det finns inga arrangörer ännu. Lägg till en med: npm run organiser -- add --email E --name N')
    for (const o of organisers) {
      console.log(`${o.email}\t${o.name}\ttillagd ${o.createdAt.toISOString().slice(0, 10)}\t${o.activeSessions} aktiva inloggningar`)
    }
  }
} catch (err) {
  if (err instanceof OrganiserError) {
    console.error(err.message)
    process.exitCode = 1
  } else {
    throw err
  }
} finally {
  await prisma.$disconnect()
  await embedded?.stop()
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.ORGANISER_PASSWORD
  if (fromEnv) return fromEnv
  if (!process.stdin.isTTY) {
    // Piped: the first line of standard input.
    const chunks: Buffer[] = []
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
    const line = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? ''
    if (!line) fail('Inget lösenord: sätt ORGANISER_PASSWORD eller skriv det på standard in.')
    return line
  }
  const first = await promptHidden('Lösenord (minst 12 tecken): ')
  const second = await promptHidden('Samma lösenord igen: ')
  if (first !== second) fail('Lösenorden är inte lika.')
  return first
}

/** Reads a line from the terminal without echoing it. */
function promptHidden(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const stdin = process.stdin
    process.stdout.write(prompt)
    stdin.setRawMode(true)
    stdin.resume()
    stdin.setEncoding('utf8')
    let value = ''
    const onData = (data: string) => {
      for (const char of data) {
        if (char === '\r' || char === '\n') {
          stdin.setRawMode(false)
          stdin.pause()
          stdin.off('data', onData)
          process.stdout.write('\n')
          resolve(value)
          return
        }
        if (char === '\u0003') {
          stdin.setRawMode(false)
          process.stdout.write('\n')
          process.exit(130)
        }
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1)
        else value += char
      }
    }
    stdin.on('data', onData)
  })
}
