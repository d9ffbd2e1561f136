import { describe, expect, it } from 'vitest'

import { asciiDigits, parseAmount } from './amount'

describe('parseAmount', () => {
  it.each([
    ['2500', 250000],
    ['2,500.50', 250050],
    ['0.29', 29],
    ['0.07', 7],
    ['19.99', 1999],
    ['1.1', 110],
    ['4.35', 435],
    ['1234567.89', 123456789],
    ['99999999.99', 9999999999],
    ['100000000', 10000000000],
    [' 12 ', 1200],
    ['۲۵۰۰٫۵', 250050],
  ])('reads %s as exactly %i minor units', (typed, minor) => {
    expect(parseAmount(typed)).toEqual({ amount: minor })
  })

  it('is exact for every cent of a range that floats get wrong', () => {
    for (let cents = 0; cents < 100; cents += 1) {
      const typed = `1000000.${String(cents).padStart(2, '0')}`
      expect(parseAmount(typed)).toEqual({ amount: 100000000 + cents })
    }
  })

  it.each([
    ['', 'required'],
    ['   ', 'required'],
    ['abc', 'invalid'],
    ['1.005', 'invalid'],
    ['-5', 'invalid'],
    ['1e3', 'invalid'],
    ['0', 'positive'],
    ['0.00', 'positive'],
    ['100000000.01', 'tooLarge'],
  ])('refuses %j (%s)', (typed, problem) => {
    expect(parseAmount(typed)).toEqual({ problem })
  })

  it('turns Urdu and Arabic digits into ASCII', () => {
    expect(asciiDigits('۰۱۲۳۴۵۶۷۸۹ ٠١٢٣٤٥٦٧٨٩')).toBe('0123456789 0123456789')
  })
})
