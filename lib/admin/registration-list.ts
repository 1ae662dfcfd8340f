// The organisers' table of a trip's registrations: free-text search, filters, sorting and paging,
// all done by the database (two queries: the page of rows and the count), so it stays fast at
// thousands of rows. The state lives in the URL so that a view can be bookmarked.
import { z } from 'zod'
import { db } from '../db'
import { OvernightChoice, ParticipantRole, RegistrationStatus } from '../generated/prisma/enums'
import type { Prisma } from '../generated/prisma/client'

export const PAGE_SIZE = 50

const optionalEnum = <T extends Record<string, string>>(values: T) =>
  z.enum(Object.values(values) as [T[keyof T], ...T[keyof T][]]).optional().catch(undefined)

/** The table's state as read from the URL; anything malformed falls back to the default. */
export const listQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: optionalEnum(RegistrationStatus),
  role: optionalEnum(ParticipantRole),
  overnight: optionalEnum(OvernightChoice),
  stop: z.coerce.number().int().positive().optional().catch(undefined),
  sort: z.enum(['arrival', 'name', 'organisation', 'status']).default('arrival').catch('arrival'),
  dir: z.enum(['asc', 'desc']).default('asc').catch('asc'),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
})
export type ListQuery = z.infer<typeof listQuerySchema>

export function parseListQuery(params: Record<string, string | string[] | undefined>): ListQuery {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]))
  return listQuerySchema.parse(flat)
}

export function whereFor(tripId: number, query: Omit<ListQuery, 'sort' | 'dir' | 'page'>): Prisma.RegistrationWhereInput {
  const q = query.q?.trim()
  return {
    tripId,
    status: query.status,
    role: query.role,
    overnight: query.overnight,
    boardingStopId: query.stop,
    ...(q
      ? {
          OR: [
            { firstName: { contains: q, mode: 'insensitive' } },
            { lastName: { contains: q, mode: 'insensitive' } },
            { email: { contains: q, mode: 'insensitive' } },
            { organisation: { contains: q, mode: 'insensitive' } },
          ],
        }
      : {}),
  }
}

function orderFor(query: ListQuery): Prisma.RegistrationOrderByWithRelationInput[] {
  const dir = query.dir
  switch (query.sort) {
    case 'name':
      return [{ lastName: dir }, { firstName: dir }, { id: dir }]
    case 'organisation':
      return [{ organisation: dir }, { id: dir }]
    case 'status':
      return [{ status: dir }, { id: dir }]
    case 'arrival':
      return [{ id: dir }]
  }
}

export async function listRegistrations(tripId: number, query: ListQuery) {
  const where = whereFor(tripId, query)
  const [total, rows] = await db().$transaction([
    db().registration.count({ where }),
    db().registration.findMany({
      where,
      orderBy: orderFor(query),
      skip: (query.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        firstName: true,
        lastName: true,
        email: true,
        organisation: true,
        role: true,
        status: true,
        overnight: true,
        boardingStop: { select: { name: true } },
        createdAt: true,
      },
    }),
  ])
  return { total, rows, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) }
}
