// Organiser accounts, for `npm run organiser` (scripts/organiser.ts) and tests. An account is a
// Better Auth user with a credential account holding the password's hash, made with Better
// Auth's own scrypt (`hashPassword`), so its sign-in accepts it. Addresses are kept in lower case,
// as Better Auth looks them up.
import { randomUUID } from 'node:crypto'
import { hashPassword } from 'better-auth/crypto'
import { emailAddress } from '../forms/fields'
import type { PrismaClient } from '../generated/prisma/client'
import { MIN_PASSWORD_LENGTH } from './auth-constants'

/** Better Auth refuses longer passwords at sign-in (its default maxPasswordLength). */
export const MAX_PASSWORD_LENGTH = 128

export class OrganiserError extends Error {}

export type OrganiserListing = { email: string; name: string; createdAt: Date; activeSessions: number }

function parseEmail(value: string): string {
  const result = emailAddress.safeParse(value)
  if (!result.success) throw new OrganiserError(result.error.issues[0]!.message)
  return result.data
}

function checkPassword(password: string) {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new OrganiserError(`Lösenordet måste vara minst ${MIN_PASSWORD_LENGTH} tecken långt.`)
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new OrganiserError(`Lösenordet får vara högst ${MAX_PASSWORD_LENGTH} tecken långt.`)
  }
}

export async function addOrganiser(
  prisma: PrismaClient,
  input: { email: string; name: string; password: string },
): Promise<{ id: string; email: string; name: string }> {
  const email = parseEmail(input.email)
  const name = input.name.trim()
  if (!name) throw new OrganiserError('Skriv arrangörens namn.')
  checkPassword(input.password)
  if (await prisma.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new OrganiserError(`Det finns redan en arrangör med e-postadressen ${email}.`)
  }
  const password = await hashPassword(input.password)
  const id = randomUUID()
  try {
    return await prisma.user.create({
      data: {
        id,
        email,
        name,
        // Nobody signs up, so the address is as good as the person who typed the command.
        emailVerified: true,
        accounts: { create: { id: randomUUID(), providerId: 'credential', accountId: id, password } },
      },
      select: { id: true, email: true, name: true },
    })
  } catch (err) {
    if ((err as { code?: string }).code === 'P2002') {
      throw new OrganiserError(`Det finns redan en arrangör med e-postadressen ${email}.`)
    }
    throw err
  }
}

/** Sets a new password and ends the organiser's sessions. */
export async function setOrganiserPassword(prisma: PrismaClient, emailInput: string, newPassword: string): Promise<void> {
  const email = parseEmail(emailInput)
  checkPassword(newPassword)
  const user = await prisma.user.findUnique({ where: { email }, select: { id: true } })
  if (!user) throw new OrganiserError(`Det finns ingen arrangör med e-postadressen ${email}.`)
  const password = await hashPassword(newPassword)
  await prisma.$transaction([
    prisma.account.deleteMany({ where: { userId: user.id, providerId: 'credential' } }),
    prisma.account.create({ data: { id: randomUUID(), userId: user.id, providerId: 'credential', accountId: user.id, password } }),
    prisma.session.deleteMany({ where: { userId: user.id } }),
  ])
}

/** Removes the account, its password and its sessions (they end at once). False if there was none. */
export async function removeOrganiser(prisma: PrismaClient, emailInput: string): Promise<boolean> {
  const email = parseEmail(emailInput)
  const { count } = await prisma.user.deleteMany({ where: { email } })
  return count > 0
}

export async function listOrganisers(prisma: PrismaClient, now = new Date()): Promise<OrganiserListing[]> {
  const users = await prisma.user.findMany({
    orderBy: { email: 'asc' },
    select: { email: true, name: true, createdAt: true, _count: { select: { sessions: { where: { expiresAt: { gt: now } } } } } },
  })
  return users.map((u) => ({ email: u.email, name: u.name, createdAt: u.createdAt, activeSessions: u._count.sessions }))
}
