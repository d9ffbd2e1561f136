import { describe, expect, it } from 'vitest'

import { buyingMessages } from '.'

describe('course buying strings', () => {
  it('has an Urdu string for every English one', () => {
    expect(Object.keys(buyingMessages.ur.courseBuying).sort()).toEqual(Object.keys(buyingMessages.en.courseBuying).sort())
  })
})
