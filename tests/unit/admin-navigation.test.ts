import { describe, expect, it } from 'vitest'
import { ADMIN_SECTIONS, currentNavHref, tripSections } from '../../lib/admin/navigation'

describe('the admin’s main navigation', () => {
  it.each([
    ['/admin', '/admin'],
    ['/admin/', '/admin'],
    ['/admin/resor/2024-boras', '/admin'],
    ['/admin/resor/2024-boras/anmalan/12', '/admin'],
    ['/admin/resor/ny', '/admin/innehall'],
    ['/admin/innehall', '/admin/innehall'],
    ['/admin/orter/boras', '/admin/innehall'],
    ['/admin/orter/ny', '/admin/innehall'],
    ['/admin/installningar', '/admin/installningar'],
    ['/admin/logg', '/admin/logg'],
  ])('marks the section of %s', (path, section) => {
    expect(currentNavHref(ADMIN_SECTIONS, path)).toBe(section)
  })

  it('marks nothing outside the admin, and matches whole segments only', () => {
    expect(currentNavHref(ADMIN_SECTIONS, '/resor')).toBeNull()
    expect(currentNavHref(ADMIN_SECTIONS, '/administration')).toBeNull()
    expect(currentNavHref([{ href: '/admin/lo', label: 'x' }], '/admin/logg')).toBeNull()
  })
})

describe('a trip’s own navigation', () => {
  const items = tripSections('2025-vadstena')
  it('has the trip’s six pages, in order', () => {
    expect(items.map((i) => [i.label, i.href])).toEqual([
      ['Anmälningar', '/admin/resor/2025-vadstena'],
      ['Översikt', '/admin/resor/2025-vadstena/oversikt'],
      ['Listor', '/admin/resor/2025-vadstena/listor'],
      ['Meddelanden', '/admin/resor/2025-vadstena/meddelanden'],
      ['Incheckning', '/admin/resor/2025-vadstena/incheckning'],
      ['Redigera', '/admin/resor/2025-vadstena/redigera'],
    ])
  })

  it.each([
    ['/admin/resor/2025-vadstena', 'Anmälningar'],
    ['/admin/resor/2025-vadstena/anmalan/7', 'Anmälningar'],
    ['/admin/resor/2025-vadstena/oversikt', 'Översikt'],
    ['/admin/resor/2025-vadstena/listor', 'Listor'],
    ['/admin/resor/2025-vadstena/listor/visa/buss', 'Listor'],
    ['/admin/resor/2025-vadstena/meddelanden', 'Meddelanden'],
    ['/admin/resor/2025-vadstena/incheckning', 'Incheckning'],
    ['/admin/resor/2025-vadstena/redigera', 'Redigera'],
    ['/admin/resor/2025-vadstena/redigera/program/3', 'Redigera'],
  ])('marks the parent of %s', (path, label) => {
    expect(items.find((i) => i.href === currentNavHref(items, path))?.label).toBe(label)
  })
})
