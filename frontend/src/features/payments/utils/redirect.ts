import { useNavigate } from 'react-router'

import type { ProviderRedirect } from '../api/types'

/**
 * Leaving the app for a provider's page. Kept on one object so tests can watch the browser being sent away
 * (jsdom cannot navigate).
 */
export const browser = {
  assign(url: string): void {
    window.location.assign(url)
  },
  /** Providers that take a form POST (JazzCash, Easypaisa) get a hidden form, submitted at once. */
  post(url: string, fields: Record<string, string>): void {
    const form = document.createElement('form')
    form.method = 'POST'
    form.action = url
    form.hidden = true
    for (const [name, value] of Object.entries(fields)) {
      const input = document.createElement('input')
      input.type = 'hidden'
      input.name = name
      input.value = value
      form.append(input)
    }
    document.body.append(form)
    form.submit()
  },
}

/** A path inside this site (`/checkout/result?…`) when `url` points here, else null. */
export function sitePath(url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url, window.location.origin)
  } catch {
    return null
  }
  if (parsed.origin !== window.location.origin || parsed.pathname.startsWith('/api/')) return null
  return `${parsed.pathname}${parsed.search}${parsed.hash}`
}

/**
 * Follows a provider's redirect: a form POST when it has fields, a route change when it is one of our own
 * pages (the local test gateway, the result page), and a full page load otherwise.
 */
export function useFollowRedirect() {
  const navigate = useNavigate()
  return ({ redirect_url, form_fields }: Pick<ProviderRedirect, 'redirect_url'> & Partial<ProviderRedirect>) => {
    if (form_fields && Object.keys(form_fields).length > 0) {
      browser.post(redirect_url, form_fields)
      return
    }
    const path = sitePath(redirect_url)
    if (path) void navigate(path)
    else browser.assign(redirect_url)
  }
}

/** One key per checkout (or subscribe) attempt; the server answers a repeated key with the first result. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID()
}
