// Phone numbers: stored in E.164, shown as Swedes write them, dialled from tel: links in E.164.
import { describe, expect, it } from 'vitest'
import { formatPhone, normaliseSwedishPhone, phoneHref } from '../../lib/phone'

describe('formatPhone', () => {
  it.each([
    ['+46701234567', '070-123 45 67'],
    ['+46723456789', '072-345 67 89'],
    ['+46760000000', '076-000 00 00'],
  ])('writes the mobile %s as %s', (stored, shown) => {
    expect(formatPhone(stored)).toBe(shown)
  })

  it.each([
    ['+4614285100', '0142-851 00', 'a four-digit area code (Mjölby)'],
    ['+4613206000', '013-20 60 00', 'a three-digit area code (Linköping)'],
    ['+46812345678', '08-123 456 78', 'Stockholm'],
    ['+46317654321', '031-765 43 21', 'Gothenburg'],
    ['+4649012345', '0490-123 45', 'a five-digit subscriber number'],
  ])('writes the landline %s as %s (%s)', (stored, shown) => {
    expect(formatPhone(stored)).toBe(shown)
  })

  it.each([
    ['070-123 45 67', '070-123 45 67'],
    ['0701234567', '070-123 45 67'],
    ['+46 70 123 45 67', '070-123 45 67'],
    ['0046 70 123 45 67', '070-123 45 67'],
    ['+46 (0)70-123 45 67', '070-123 45 67'],
    ['0142-85100', '0142-851 00'],
    ['013-206000', '013-20 60 00'],
  ])('writes a number typed another way (%j) as %s', (typed, shown) => {
    expect(formatPhone(typed)).toBe(shown)
  })

  it('writes a foreign number in its international form', () => {
    expect(formatPhone('+4741234567')).toBe('+47 41 23 45 67')
  })

  it.each([
    ['the seed’s placeholder', '000-000 00 00'],
    ['an erased number', ''],
    ['text', 'ring växeln'],
    ['too few digits', '013-12'],
    ['an invalid number in E.164', '+46000000000'],
    ['an extension', '070-123 45 67 #1'],
    ['letters for digits', '070-ABC 45 67'],
  ])('shows %s as it is given (%j)', (_, odd) => {
    expect(formatPhone(odd)).toBe(odd)
  })
})

describe('normaliseSwedishPhone', () => {
  it.each([
    ['070-123 45 67', '+46701234567'],
    ['+46 70 123 45 67', '+46701234567'],
    ['0142-851 00', '+4614285100'],
    ['(0142) 851 00', '+4614285100'],
    ['013-20 60 00', '+4613206000'],
    ['0046 13 20 60 00', '+4613206000'],
    ['+46 8 123 456 78', '+46812345678'],
    ['  08-123 456 78 ', '+46812345678'],
  ])('stores %j as %s', (typed, stored) => {
    expect(normaliseSwedishPhone(typed)).toBe(stored)
  })

  it.each(['', 'x', '000-000 00 00', '013-12', '+47 41 23 45 67', '0142/851 00', '070-123 45 67 #1', '０７０１２３４５６７', 'tel 070-123 45 67'])(
    'refuses %j',
    (typed) => {
      expect(normaliseSwedishPhone(typed)).toBeNull()
    },
  )

  it('gives back a stored number unchanged, so that a form shown again and saved changes nothing', () => {
    for (const stored of ['+46701234567', '+4614285100', '+46812345678']) {
      expect(normaliseSwedishPhone(formatPhone(stored))).toBe(stored)
    }
  })
})

describe('phoneHref', () => {
  it('dials the number in E.164 however it is written', () => {
    expect(phoneHref('+4614285100')).toBe('tel:+4614285100')
    expect(phoneHref('0142-851 00')).toBe('tel:+4614285100')
    expect(phoneHref('070-123 45 67')).toBe('tel:+46701234567')
  })

  it('keeps the digits of anything else', () => {
    expect(phoneHref('000-000 00 00')).toBe('tel:0000000000')
  })
})
