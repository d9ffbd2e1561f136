import { act, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import type { ServerFrame } from '@/features/classroom/utils/protocol'
import {
  buildChatMessage,
  buildPerson,
  buildTutorPerson,
  buildWelcome,
  CLASS_ID,
  classroomSockets,
  recordSent,
  roomEvent,
  serverClose,
  STUDENT_ID,
  TUTOR_ID,
} from '@/testing/classroom-factories'
import { buildSession, buildTutorUser } from '@/testing/factories'
import { buildLiveClass } from '@/testing/schedule-factories'
import type { FakeWebSocket } from '@/testing/fake-websocket'
import { json, mockFetch } from '@/testing/fetch-mock'
import { renderApp } from '@/testing/render-app'
import { signedIn } from '@/testing/routes'

const ROOM = `/classroom/${CLASS_ID}`
const bilal = buildPerson({ name: 'Bilal Ahmed' })
const zara = buildPerson({ name: 'Zara Malik' })

function receive(socket: FakeWebSocket, ...frames: ServerFrame[]) {
  act(() => {
    for (const frame of frames) socket.receive(frame)
  })
}

/** Opens the page and the room's socket; `sent` collects the frames the page sends. */
async function openRoom({ tutor = false } = {}) {
  const session = tutor
    ? buildSession({ user: buildTutorUser({ id: TUTOR_ID, first_name: 'Imran', full_name: 'Sir Imran' }) })
    : buildSession()
  const api = mockFetch(signedIn(session))
  const view = renderApp(ROOM)
  await waitFor(() => expect(classroomSockets()).toHaveLength(1))
  const socket = classroomSockets()[0]!
  const sent = recordSent(socket)
  act(() => socket.open())
  return { ...view, api, socket, sent }
}

const tutorWelcome = (overrides: Parameters<typeof buildWelcome>[0] = {}) =>
  buildWelcome({
    you: { user_id: TUTOR_ID, tutor: true },
    participants: [buildTutorPerson(), bilal],
    waiting: [zara],
    ...overrides,
  })

describe('classroom: student', () => {
  it('connects with a ticket and shows the room from the welcome', async () => {
    const { socket } = await openRoom()
    expect(socket.url).toBe(`ws://${window.location.host}/ws/classroom/${CLASS_ID}/?ticket=t-1`)

    receive(
      socket,
      buildWelcome({
        chat: [buildChatMessage({ body: 'Welcome, everyone', author_name: 'Sir Imran', at: '2026-03-02T10:05:00Z' })],
      }),
    )

    expect(await screen.findByRole('heading', { level: 1, name: 'Algebra revision' })).toBeInTheDocument()
    expect(screen.getByText('Connected')).toBeInTheDocument()
    expect(screen.getByText('Live')).toBeInTheDocument()
    const log = screen.getByRole('log', { name: 'Chat messages' })
    expect(within(log).getByText('Welcome, everyone')).toBeInTheDocument()
    expect(within(log).getByText('Sir Imran')).toBeInTheDocument()
    expect(screen.getByRole('tab', { name: 'Chat' })).toHaveAttribute('aria-selected', 'true')
    expect(screen.getByRole('button', { name: 'Raise hand' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Mute everyone' })).not.toBeInTheDocument()
    await waitFor(() => expect(document.title).toBe('Algebra revision · Ustad'))
  })

  it('sends chat (Enter sends, Shift+Enter adds a line) and shows messages with safe links', async () => {
    const { socket, sent, user } = await openRoom()
    receive(socket, buildWelcome({ last_seq: 4 }))

    const box = await screen.findByRole('textbox', { name: 'Message' })
    expect(box).toHaveAttribute('maxlength', '2000')
    await user.type(box, 'Sir, one question{Shift>}{Enter}{/Shift}about x')
    expect(sent).toEqual([])
    expect(screen.getByText('25 / 2000')).toBeInTheDocument()
    await user.click(screen.getByRole('checkbox', { name: 'Only to the tutor' }))
    await user.keyboard('{Enter}')
    expect(sent).toEqual([{ type: 'chat.send', body: 'Sir, one question\nabout x', to_tutors: true }])
    expect(box).toHaveValue('')

    await user.type(box, 'Thanks')
    await user.click(screen.getByRole('checkbox', { name: 'Only to the tutor' }))
    await user.click(screen.getByRole('button', { name: 'Send' }))
    expect(sent[1]).toEqual({ type: 'chat.send', body: 'Thanks' })

    receive(
      socket,
      roomEvent(5, {
        type: 'chat.message',
        message: buildChatMessage({ author_id: STUDENT_ID, author_name: 'Ayesha Khan', body: 'Sir, one question\nabout x', to_tutors: true }),
      }),
      roomEvent(6, {
        type: 'chat.message',
        message: buildChatMessage({
          body: 'Read <b>this</b>: https://ustad.pk/notes?a=1 now',
          links: ['https://ustad.pk/notes?a=1'],
        }),
      }),
    )

    const log = screen.getByRole('log', { name: 'Chat messages' })
    const items = within(log).getAllByRole('listitem')
    expect(items).toHaveLength(2)
    expect(within(items[0]!).getByText('You')).toBeInTheDocument()
    expect(within(items[0]!).getByText('Private, to the tutor')).toBeInTheDocument()
    const link = within(items[1]!).getByRole('link', { name: /ustad\.pk\/notes/ })
    expect(link).toHaveAttribute('href', 'https://ustad.pk/notes?a=1')
    expect(link).toHaveAttribute('rel', 'noopener noreferrer')
    expect(link).toHaveAttribute('target', '_blank')
    expect(within(items[1]!).getByText(/Read <b>this<\/b>:/)).toBeInTheDocument()
    expect(log.querySelector('b')).toBeNull()
    expect(screen.queryByRole('button', { name: 'Delete message' })).not.toBeInTheDocument()
    // Others' messages are announced; one's own are not.
    expect(screen.getByText('Sir Imran: Read <b>this</b>: https://ustad.pk/notes?a=1 now')).toBeInTheDocument()
  })

  it('raises and lowers a hand and sends a reaction', async () => {
    const { socket, sent, user } = await openRoom()
    receive(socket, buildWelcome({ participants: [buildTutorPerson(), buildPerson({ user_id: STUDENT_ID, name: 'Ayesha Khan' }), bilal], hands: [bilal.user_id] }))

    await user.click(await screen.findByRole('button', { name: 'Raise hand' }))
    expect(sent).toEqual([{ type: 'hand.raise' }])
    receive(socket, roomEvent(11, { type: 'hand.raised', user_id: STUDENT_ID, at: '2026-03-02T10:11:00Z' }))
    await user.click(screen.getByRole('button', { name: 'Lower hand' }))
    expect(sent[1]).toEqual({ type: 'hand.lower' })

    await user.click(screen.getByRole('tab', { name: 'People' }))
    const people = screen.getByRole('list', { name: 'People in the class' })
    expect(within(people).getByText('Hand raised, number 1 in line')).toBeInTheDocument()
    expect(within(people).getByText('Hand raised, number 2 in line')).toBeInTheDocument()
    expect(within(people).getByText('(you)')).toBeInTheDocument()
    expect(within(people).queryByRole('button', { name: /Actions for/ })).not.toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Reactions' }))
    await user.click(screen.getByRole('button', { name: 'Clap' }))
    expect(sent[2]).toEqual({ type: 'reaction', emoji: '👏' })
    receive(socket, { type: 'reaction', user_id: bilal.user_id, emoji: '👏' })
    expect(screen.getByText('👏', { ignore: 'button *' })).toBeInTheDocument()
  })

  it('waits in the waiting room, then enters when admitted', async () => {
    const { socket } = await openRoom()
    receive(socket, { type: 'waiting', message: 'The tutor will let you in shortly.' })

    expect(await screen.findByRole('heading', { level: 1, name: 'Waiting for the tutor to let you in' })).toBeInTheDocument()
    expect(screen.queryByRole('textbox', { name: 'Message' })).not.toBeInTheDocument()

    receive(socket, buildWelcome())
    expect(await screen.findByRole('heading', { level: 1, name: 'Algebra revision' })).toBeInTheDocument()
  })

  it('is told when the tutor turns them away', async () => {
    const { socket } = await openRoom()
    receive(socket, { type: 'waiting' }, roomEvent(3, { type: 'waiting.denied', user_id: STUDENT_ID }))
    act(() => serverClose(socket, 4403))
    expect(await screen.findByRole('heading', { level: 1, name: "The tutor didn't let you in" })).toBeInTheDocument()
  })

  it('reconnects after a drop, asking for the events after the last one seen, and applies each once', async () => {
    const { socket, api } = await openRoom()
    const hello = buildChatMessage({ body: 'Hello again' })
    receive(socket, buildWelcome({ last_seq: 10 }), roomEvent(12, { type: 'chat.message', message: hello }))
    expect(await screen.findByText('Hello again')).toBeInTheDocument()

    act(() => socket.drop())
    expect(await screen.findByText('Reconnecting…')).toBeInTheDocument()
    await waitFor(() => expect(classroomSockets()).toHaveLength(2), { timeout: 3000 })
    const again = classroomSockets()[1]!
    expect(again.url).toContain('after=12')
    expect(api.calls('POST', '/api/v1/ws-ticket').length).toBeGreaterThanOrEqual(2)

    act(() => again.open())
    const late = buildChatMessage({ body: 'While you were away' })
    receive(
      again,
      buildWelcome({ last_seq: 13, chat: [hello, late] }),
      roomEvent(13, { type: 'chat.message', message: late }),
      roomEvent(14, { type: 'room.locked' }),
    )
    expect(await screen.findByText('Connected')).toBeInTheDocument()
    expect(screen.getAllByText('While you were away')).toHaveLength(1)
    expect(screen.getAllByText('Hello again')).toHaveLength(1)
    expect(screen.getByText('Room locked')).toBeInTheDocument()
  })

  it('shows why entry was refused and does not reconnect', async () => {
    const { socket } = await openRoom()
    receive(socket, { type: 'error', code: 'too_early', message: 'You cannot enter this class now.' })
    act(() => serverClose(socket, 4403))

    expect(await screen.findByRole('heading', { level: 1, name: "This class hasn't opened yet" })).toBeInTheDocument()
    expect(screen.getByText(/from 10 minutes before the class starts/)).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Back to my courses' })).toHaveAttribute('href', '/my/courses')
    // Refusals are explained on the page, not as a toast.
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    await act(() => new Promise((resolve) => setTimeout(resolve, 1200)))
    expect(classroomSockets()).toHaveLength(1)
  })

  it('says when a class that is not open yet opens', async () => {
    const startsAt = new Date(Date.now() + 10 * 60_000 + 4 * 60_000 + 30_000).toISOString()
    mockFetch([
      ...signedIn(buildSession()),
      { method: 'GET', path: `/api/v1/sessions/${CLASS_ID}`, handler: () => json(buildLiveClass({ id: CLASS_ID, starts_at: startsAt })) },
    ])
    renderApp(ROOM)
    await waitFor(() => expect(classroomSockets()).toHaveLength(1))
    const socket = classroomSockets()[0]!
    act(() => socket.open())
    receive(socket, { type: 'error', code: 'too_early', message: 'You cannot enter this class now.' })
    act(() => serverClose(socket, 4403))
    expect(await screen.findByText(/It opens at .*, in about 5 min\./)).toBeInTheDocument()
    const card = screen.getByRole('heading', { level: 1, name: "This class hasn't opened yet" }).closest('div')!.parentElement!
    expect(within(card).getByRole('link', { name: 'My classes' })).toHaveAttribute('href', '/my/classes')
  })

  it.each([
    [4404, 'not_found', 'Class not found'],
    [4410, 'session_ended', 'This class is over'],
    [4401, null, "We couldn't sign you in to the class"],
  ])('close code %i explains itself', async (code, errorCode, title) => {
    const { socket } = await openRoom()
    if (errorCode) receive(socket, { type: 'error', code: errorCode, message: 'No.' })
    act(() => serverClose(socket, code))
    expect(await screen.findByRole('heading', { level: 1, name: title })).toBeInTheDocument()
  })

  it('shows error frames as toasts and leaves the room when removed', async () => {
    const { socket } = await openRoom()
    receive(socket, buildWelcome(), { type: 'error', code: 'slow_down', message: 'Too many messages; slow down.' })
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many messages; slow down.')

    receive(socket, roomEvent(11, { type: 'participant.removed', user_id: STUDENT_ID }))
    act(() => serverClose(socket, 4403))
    expect(await screen.findByRole('heading', { level: 1, name: 'You were removed from this class' })).toBeInTheDocument()
  })
})

describe('classroom: tutor', () => {
  it('admits from the waiting room, mutes everyone and locks the room', async () => {
    const { socket, sent, user } = await openRoom({ tutor: true })
    receive(socket, tutorWelcome())

    await screen.findByRole('heading', { level: 1, name: 'Algebra revision' })
    const peopleTab = screen.getByRole('tab', { name: 'People' })
    expect(peopleTab).toHaveTextContent('1')
    expect(screen.queryByRole('button', { name: 'Raise hand' })).not.toBeInTheDocument()
    await user.click(peopleTab)

    expect(screen.getByRole('heading', { name: 'Waiting room (1)' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Admit Zara Malik' }))
    expect(sent).toEqual([{ type: 'admit', user_id: zara.user_id }])
    receive(
      socket,
      roomEvent(11, { type: 'waiting.admitted', user_id: zara.user_id }),
      roomEvent(12, { type: 'presence.joined', participant: zara }),
    )
    expect(screen.getByText('Nobody is waiting.')).toBeInTheDocument()
    const people = screen.getByRole('list', { name: 'People in the class' })
    expect(within(people).getByText('Zara Malik')).toBeInTheDocument()

    receive(socket, roomEvent(13, { type: 'waiting.joined', participant: buildPerson({ name: 'Umar Farooq' }) }))
    expect(screen.getByText('Umar Farooq is waiting to be let in')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Deny Umar Farooq' }))
    expect(sent[1]).toMatchObject({ type: 'deny' })

    await user.click(screen.getByRole('button', { name: 'Mute everyone' }))
    expect(sent[2]).toEqual({ type: 'mute.all' })
    receive(socket, roomEvent(14, { type: 'participant.muted', user_id: null }))
    expect(within(people).getAllByText('Muted')).toHaveLength(2)

    await user.click(screen.getByRole('button', { name: 'Lock room' }))
    expect(sent[3]).toEqual({ type: 'room.lock', locked: true })
    receive(socket, roomEvent(15, { type: 'room.locked' }))
    await user.click(screen.getByRole('button', { name: 'Unlock room' }))
    expect(sent[4]).toEqual({ type: 'room.lock', locked: false })
  })

  it('manages one person from their menu and hears raised hands', async () => {
    const { socket, sent, user } = await openRoom({ tutor: true })
    receive(socket, tutorWelcome({ waiting: [] }))
    await user.click(await screen.findByRole('tab', { name: 'People' }))

    receive(socket, roomEvent(11, { type: 'hand.raised', user_id: bilal.user_id, at: '2026-03-02T10:11:00Z' }))
    expect(screen.getByText('Bilal Ahmed raised a hand')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Actions for Bilal Ahmed' }))
    await user.click(screen.getByRole('button', { name: 'Lower hand' }))
    expect(sent).toEqual([{ type: 'hand.lower_for', user_id: bilal.user_id }])
    expect(screen.getByRole('button', { name: 'Actions for Bilal Ahmed' })).toHaveFocus()

    await user.click(screen.getByRole('button', { name: 'Actions for Bilal Ahmed' }))
    await user.click(screen.getByRole('button', { name: 'Spotlight' }))
    expect(sent[1]).toEqual({ type: 'room.spotlight', user_id: bilal.user_id })

    await user.click(screen.getByRole('button', { name: 'Actions for Bilal Ahmed' }))
    await user.click(screen.getByRole('button', { name: 'Mute' }))
    expect(sent[2]).toEqual({ type: 'mute', user_id: bilal.user_id })

    await user.click(screen.getByRole('button', { name: 'Actions for Bilal Ahmed' }))
    await user.click(screen.getByRole('button', { name: 'Remove from class' }))
    const dialog = screen.getByRole('alertdialog', { name: 'Remove Bilal Ahmed from the class?' })
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(sent).toHaveLength(3)
    await user.click(screen.getByRole('button', { name: 'Actions for Bilal Ahmed' }))
    await user.click(screen.getByRole('button', { name: 'Remove from class' }))
    await user.click(screen.getByRole('button', { name: 'Remove' }))
    expect(sent[3]).toEqual({ type: 'remove', user_id: bilal.user_id })
  })

  it('deletes a chat message after confirming, and sees private messages marked', async () => {
    const secret = buildChatMessage({ author_id: bilal.user_id, author_name: 'Bilal Ahmed', body: 'I am lost', to_tutors: true })
    const { socket, sent, user } = await openRoom({ tutor: true })
    receive(socket, tutorWelcome({ chat: [secret] }))

    const log = await screen.findByRole('log', { name: 'Chat messages' })
    expect(within(log).getByText('Private, to the tutor')).toBeInTheDocument()
    expect(screen.queryByRole('checkbox', { name: 'Only to the tutor' })).not.toBeInTheDocument()
    await user.click(within(log).getByRole('button', { name: 'Delete message' }))
    await user.click(screen.getByRole('button', { name: 'Delete' }))
    expect(sent).toEqual([{ type: 'chat.delete', message_id: secret.id }])

    receive(socket, roomEvent(11, { type: 'chat.deleted', message_id: secret.id }))
    expect(within(log).getByText('This message was deleted.')).toBeInTheDocument()
    expect(within(log).queryByText('I am lost')).not.toBeInTheDocument()
  })

  it('ends the class for everyone after confirming', async () => {
    const { socket, sent, user } = await openRoom({ tutor: true })
    receive(socket, tutorWelcome())

    await user.click(await screen.findByRole('button', { name: 'End class for everyone' }))
    await user.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(sent).toEqual([])
    await user.click(screen.getByRole('button', { name: 'End class for everyone' }))
    await user.click(screen.getByRole('button', { name: 'End class' }))
    expect(sent).toEqual([{ type: 'class.end' }])

    receive(socket, roomEvent(11, { type: 'class.ended' }))
    act(() => serverClose(socket, 4410))
    expect(await screen.findByRole('heading', { level: 1, name: 'The class has ended' })).toBeInTheDocument()
    await act(() => new Promise((resolve) => setTimeout(resolve, 1200)))
    expect(classroomSockets()).toHaveLength(1)
  })
})
