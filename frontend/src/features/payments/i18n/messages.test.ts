import { describe, expect, it } from 'vitest'

import { paymentsMessages } from '.'

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  )
}

describe('payments strings', () => {
  it('has an Urdu string for every English one', () => {
    expect(keys(paymentsMessages.ur).sort()).toEqual(keys(paymentsMessages.en).sort())
  })
})
