import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { buildSession, buildUser } from '@/testing/factories'
import { FakeWebSocket } from '@/testing/fake-websocket'
import { json, mockFetch } from '@/testing/fetch-mock'
import { renderApp } from '@/testing/render-app'
import { subjects } from '@/testing/routes'

import { backoffDelay, notificationsSocketUrl, parseRealtimeEvent } from './notifications-socket'

describe('notifications socket helpers', () => {
  it('backs off exponentially with jitter, capped at 30 s', () => {
    expect(backoffDelay(0, () => 0)).toBe(500)
    expect(backoffDelay(0, () => 1)).toBe(1000)
    expect(backoffDelay(3, () => 1)).toBe(8000)
    expect(backoffDelay(20, () => 1)).toBe(30_000)
  })

  it('builds ws:// or wss:// URLs from the page origin', () => {
    expect(notificationsSocketUrl('a b', { protocol: 'https:', host: 'ustad.pk' })).toBe(
      'wss://ustad.pk/ws/notifications/?ticket=a%20b',
    )
    expect(notificationsSocketUrl('t', { protocol: 'http:', host: 'localhost:8000' })).toBe(
      'ws://localhost:8000/ws/notifications/?ticket=t',
    )
  })

  it('ignores messages that are not events', () => {
    expect(parseRealtimeEvent('nope')).toBeNull()
    expect(parseRealtimeEvent('{"type":"profile"}')).toBeNull()
    expect(parseRealtimeEvent('{"type":"profile","op":"update"}')).toEqual({ type: 'profile', op: 'update' })
  })
})

describe('notifications socket in the app', () => {
  it('connects with a ticket, reacts to events and reconnects with a fresh ticket', async () => {
    let tickets = 0
    let meFetches = 0
    const api = mockFetch([
      { method: 'POST', path: '/api/v1/auth/refresh', handler: () => json(buildSession()) },
      {
        method: 'POST',
        path: '/api/v1/ws-ticket',
        handler: () => {
          tickets += 1
          return json({ ticket: `ticket-${tickets}`, expires_in: 30 })
        },
      },
      subjects,
      {
        method: 'GET',
        path: '/api/v1/me',
        handler: () => {
          meFetches += 1
          return json(buildUser({ first_name: meFetches > 1 ? 'Updated' : 'Ayesha' }))
        },
      },
    ])
    renderApp('/account/profile')

    await waitFor(() => expect(FakeWebSocket.instances).toHaveLength(1))
    const socket = FakeWebSocket.instances[0]!
    expect(socket.url).toBe(`ws://${window.location.host}/ws/notifications/?ticket=ticket-1`)
    socket.open()

    expect(await screen.findByLabelText('First name')).toHaveValue('Ayesha')
    socket.receive({ type: 'profile', op: 'update' })
    await waitFor(() => expect(meFetches).toBe(2))

    socket.receive({ type: 'account', op: 'password_changed' })
    expect(
      await screen.findByText("Your password was just changed. If that wasn't you, reset it now."),
    ).toBeInTheDocument()

    socket.drop()
    await waitFor(() => expect(FakeWebSocket.instances).toHaveLength(2), { timeout: 3000 })
    expect(FakeWebSocket.instances[1]!.url).toContain('ticket=ticket-2')
    expect(api.calls('POST', '/api/v1/ws-ticket')).toHaveLength(2)
  })

  it('refreshes the class lists and says so when a class is cancelled', async () => {
    let listFetches = 0
    mockFetch([
      { method: 'POST', path: '/api/v1/auth/refresh', handler: () => json(buildSession()) },
      { method: 'POST', path: '/api/v1/ws-ticket', handler: () => json({ ticket: 't', expires_in: 30 }) },
      subjects,
      { method: 'GET', path: '/api/v1/me', handler: () => json(buildUser()) },
      {
        method: 'GET',
        path: '/api/v1/sessions',
        handler: () => {
          listFetches += 1
          return json({ count: 0, next: null, previous: null, results: [] })
        },
      },
    ])
    renderApp('/my/classes')
    await waitFor(() => expect(FakeWebSocket.instances).toHaveLength(1))
    FakeWebSocket.instances[0]!.open()
    await waitFor(() => expect(listFetches).toBeGreaterThan(0))
    const before = listFetches
    FakeWebSocket.instances[0]!.receive({ type: 'session', op: 'cancelled', title: 'Algebra live', session_id: 'x' })
    expect(await screen.findByText('The live class “Algebra live” was cancelled.')).toBeInTheDocument()
    await waitFor(() => expect(listFetches).toBeGreaterThan(before))
  })
})
