// How a cell of the organisers' tables wraps (components/table-cells.ts): only a word too long for
// a narrow column (an e-mail address, a long compound) may break inside; names and labels never do.
import { describe, expect, it } from 'vitest'
import { cellWrapClass } from '../../components/table-cells'

describe('cellWrapClass', () => {
  it('lets an e-mail address and a long compound word break anywhere', () => {
    expect(cellWrapClass('maximiliana.johansson@samhallsbyggnad.mjolby.se')).toBe('cell-long')
    expect(cellWrapClass('Mjölby kommun, samhällsbyggnadsförvaltningen')).toBe('cell-long')
  })

  it('keeps names, labels, numbers and empty cells whole', () => {
    expect(cellWrapClass('Johansson-Wahlström, Maximiliana')).toBeUndefined()
    expect(cellWrapClass('Reservlista')).toBeUndefined()
    expect(cellWrapClass('Glutenfritt och laktosfritt, allergisk mot jordnötter')).toBeUndefined()
    expect(cellWrapClass(12)).toBeUndefined()
    expect(cellWrapClass(null)).toBeUndefined()
    expect(cellWrapClass(undefined)).toBeUndefined()
  })

  it('counts a word of sixteen characters as short and of seventeen as long', () => {
    expect(cellWrapClass('a'.repeat(16))).toBeUndefined()
    expect(cellWrapClass(`kort ${'a'.repeat(17)}`)).toBe('cell-long')
  })
})
