import { describe, expect, it } from 'vitest'

import { i18n } from '@/lib/i18n'

import { earningsStrings } from './index'

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  )
}

describe('earning strings', () => {
  it('has an Urdu string for every English one', () => {
    expect(keys(earningsStrings.ur).sort()).toEqual(keys(earningsStrings.en).sort())
  })

  it('are part of the app’s translations in both languages', () => {
    expect(i18n.getResource('en', 'translation', 'earnings.page.title')).toBe('Earnings')
    expect(i18n.getResource('ur', 'translation', 'earnings.page.title')).toBe('آمدنی')
  })
})
