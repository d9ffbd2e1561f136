import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { buildSession, buildUser } from '@/testing/factories'
import { json, mockFetch } from '@/testing/fetch-mock'
import { renderApp } from '@/testing/render-app'
import { anonymous, signedIn } from '@/testing/routes'

import { en, ur } from './messages'

import { LANGUAGE_STORAGE_KEY } from './index'

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  )
}

describe('languages', () => {
  it('has an Urdu string for every English one', () => {
    expect(keys(ur).sort()).toEqual(keys(en).sort())
  })

  it('switching to Urdu sets lang="ur" and dir="rtl" and remembers the choice', async () => {
    mockFetch([anonymous])
    const { user } = renderApp('/')

    expect(document.documentElement).toHaveAttribute('dir', 'ltr')
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Language' }), 'ur')

    await waitFor(() => expect(document.documentElement).toHaveAttribute('dir', 'rtl'))
    expect(document.documentElement).toHaveAttribute('lang', 'ur')
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('ur')
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('بہترین استاد سے سیکھیں')

    await user.selectOptions(screen.getByRole('combobox', { name: 'زبان' }), 'en')
    await waitFor(() => expect(document.documentElement).toHaveAttribute('dir', 'ltr'))
  })

  it('saves the language to the profile when signed in', async () => {
    const api = mockFetch([
      ...signedIn(buildSession()),
      { method: 'PATCH', path: '/api/v1/me', handler: () => json(buildUser({ language: 'ur' })) },
    ])
    const { user } = renderApp('/')

    await user.selectOptions(await screen.findByRole('combobox', { name: 'Language' }), 'ur')

    await waitFor(() => expect(api.calls('PATCH', '/api/v1/me')).toHaveLength(1))
    expect(await api.calls('PATCH', '/api/v1/me')[0]!.json()).toEqual({ language: 'ur' })
    expect(document.documentElement).toHaveAttribute('dir', 'rtl')
  })
})
