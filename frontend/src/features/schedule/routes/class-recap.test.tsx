import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import type { LiveClass } from '@/features/schedule/api/types'
import { apiError, json, mockFetch } from '@/testing/fetch-mock'
import { renderApp } from '@/testing/render-app'
import {
  buildBoardElement,
  buildLiveClass,
  buildRecap,
  buildRecapBoardPage,
  buildRecapMessage,
  buildRecapPoll,
  buildRecapQuestion,
  buildRecapRoom,
  recapRoutes,
  studentRoutes,
  tutorRoutes,
} from '@/testing/schedule-factories'

// Excalidraw draws on a canvas jsdom does not have: its exporters are stood in for here.
const excalidraw = vi.hoisted(() => ({
  exportToSvg: vi.fn(),
  exportToBlob: vi.fn(),
  restoreElements: vi.fn((elements: unknown[]) => elements),
}))
vi.mock('@excalidraw/excalidraw', () => excalidraw)

beforeAll(async () => {
  await import('./class-recap')
}, 60_000)

/** 17:00–18:00 in Karachi on Friday 4 December 2026, looked back on the next morning. */
const NOW = Date.parse('2026-12-05T05:00:00Z')
const ATTENDED = { can_manage: false, can_enter_now: false, entry_refusal: 'session_ended' } as const
const ended = buildLiveClass({
  title: 'Algebra live',
  starts_at: '2026-12-04T12:00:00Z',
  ends_at: '2026-12-04T13:00:00Z',
  status: 'ended',
  viewer: ATTENDED,
})
const recapPath = (session: LiveClass) => `/classes/${session.id}/recap`
const PNG_BYTES = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10])

function drawnSvg(text: string): SVGSVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg')
  svg.setAttribute('width', '640')
  svg.setAttribute('height', '360')
  const label = document.createElementNS('http://www.w3.org/2000/svg', 'text')
  label.textContent = text
  svg.append(label)
  return svg
}

describe('class recap', { timeout: 30_000 }, () => {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    vi.setSystemTime(NOW)
    excalidraw.exportToSvg.mockReset()
    excalidraw.exportToSvg.mockImplementation(() => Promise.resolve(drawnSvg('drawn')))
    excalidraw.exportToBlob.mockReset()
    excalidraw.exportToBlob.mockImplementation(() => Promise.resolve(new Blob(['png'], { type: 'image/png' })))
    excalidraw.restoreElements.mockClear()
  })

  it('shows the class, its chat as plain text with safe links, polls and questions', async () => {
    const recap = buildRecap({
      chat: [
        buildRecapMessage({ author_name: 'Bilal Ahmed', body: 'Assalam o alaikum!', at: '2026-12-04T12:02:00Z' }),
        buildRecapMessage({
          author_name: 'Sana Malik',
          body: 'Notes at https://notes.example.pk/algebra and <b>bold</b> <img src=x onerror=alert(1)>',
          links: ['https://notes.example.pk/algebra', 'javascript:alert(1)'],
          at: '2026-12-04T12:05:00Z',
        }),
        buildRecapMessage({ author_name: 'Ayesha Khan', body: 'I am stuck on step 2', to_tutors: true, at: '2026-12-04T12:07:00Z' }),
      ],
      polls: [
        buildRecapPoll({
          question: 'Is x = 4?',
          options: [
            { id: 'a', text: 'Yes' },
            { id: 'b', text: 'No' },
          ],
          votes: 5,
          results: { a: 3, b: 2 },
          mine: ['a'],
        }),
      ],
      questions: [
        buildRecapQuestion({ body: 'Why subtract 3?', author_name: 'Sana Malik', upvotes: 2, answered: true }),
        buildRecapQuestion({ body: 'Can we do one more?', anonymous: true, author_id: null, author_name: null, upvotes: 1, upvoted: true }),
      ],
    })
    mockFetch([...studentRoutes(), ...recapRoutes({ session: ended, recap })])
    renderApp(recapPath(ended))

    expect(await screen.findByRole('heading', { level: 1, name: 'Algebra live' })).toBeInTheDocument()
    await waitFor(() => expect(document.title).toBe('Algebra live · Ustad'))
    expect(screen.getByText('Ended')).toBeInTheDocument()
    expect(screen.getByText(/Fri.*4.Dec.*2026.*5:00\s?[–-]\s?6:00\s?pm/i)).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'O Level Algebra' })).toHaveAttribute('href', '/courses/o-level-algebra')
    expect(screen.queryByRole('link', { name: 'Attendance' })).not.toBeInTheDocument()

    // The chat, in order, with times in the viewer's zone.
    const transcript = await screen.findByRole('list', { name: 'Chat transcript: Main room' })
    const messages = within(transcript).getAllByRole('listitem')
    expect(messages.map((message) => message.textContent)).toEqual([
      expect.stringMatching(/^Bilal Ahmed5:02\s?pmAssalam o alaikum!$/),
      expect.stringContaining('Sana Malik'),
      expect.stringContaining('Ayesha Khan'),
    ])
    expect(screen.getByRole('region', { name: 'Chat' })).toHaveTextContent('3 messages')
    // Markup in a message stays text; only the listed http(s) link is a link, opening safely in a new tab.
    expect(messages[1]).toHaveTextContent('and <b>bold</b> <img src=x onerror=alert(1)>')
    expect(messages[1]!.querySelector('b, img')).toBeNull()
    const links = within(messages[1]!).getAllByRole('link')
    expect(links).toHaveLength(1)
    expect(links[0]).toHaveAccessibleName(/^https:\/\/notes\.example\.pk\/algebra ?\(opens in a new tab\)$/)
    expect(links[0]).toHaveAttribute('href', 'https://notes.example.pk/algebra')
    expect(links[0]).toHaveAttribute('target', '_blank')
    expect(links[0]).toHaveAttribute('rel', 'noopener noreferrer')
    expect(messages[2]).toHaveTextContent('Private, to the tutors')
    expect(messages[0]).not.toHaveTextContent('Private')
    // No breakout rooms: nothing to choose.
    expect(screen.queryByRole('combobox', { name: 'Show chat from' })).not.toBeInTheDocument()

    // Polls: counts and shares in words, the viewer's choice, the total.
    const polls = screen.getByRole('region', { name: 'Polls' })
    const poll = within(polls).getByRole('article', { name: 'Is x = 4?' })
    const [yes, no] = within(poll).getAllByRole('listitem')
    expect(within(poll).getByRole('list', { name: 'Results of “Is x = 4?”' })).toBeInTheDocument()
    expect(yes).toHaveTextContent('Yes')
    expect(yes).toHaveTextContent('Your choice')
    expect(yes).toHaveTextContent('3 votes · 60%')
    expect(no).toHaveTextContent('2 votes · 40%')
    expect(no).not.toHaveTextContent('Your choice')
    expect(poll).toHaveTextContent('5 people voted.')
    expect(poll).toHaveTextContent('Closed')

    // Questions: who asked (or Anonymous), upvotes, answered or not.
    const questions = within(screen.getByRole('region', { name: 'Questions' })).getAllByRole('listitem')
    expect(questions[0]).toHaveTextContent('Why subtract 3?')
    expect(questions[0]).toHaveTextContent('Sana Malik')
    expect(questions[0]).toHaveTextContent('2 upvotes')
    expect(questions[0]).toHaveTextContent('Answered')
    expect(questions[1]).toHaveTextContent('Anonymous')
    expect(questions[1]).toHaveTextContent('1 upvote')
    expect(questions[1]).toHaveTextContent('You upvoted this')
    expect(questions[1]).toHaveTextContent('Not answered')

    // Nothing on the board, and Excalidraw never loaded for it.
    expect(screen.getByRole('region', { name: 'Whiteboard' })).toHaveTextContent('Nothing was put on the whiteboard.')
    expect(excalidraw.exportToSvg).not.toHaveBeenCalled()
  })

  it('switches between the main room’s chat and each breakout room’s', async () => {
    const room1 = buildRecapRoom({ number: 1, name: 'Room 1' })
    const room2 = buildRecapRoom({ number: 2, name: 'Room 2' })
    const recap = buildRecap({
      rooms: [room1, room2],
      chat: [
        buildRecapMessage({ body: 'Welcome, everyone', at: '2026-12-04T12:01:00Z' }),
        buildRecapMessage({ room_id: room1.id, body: 'Room one, first', at: '2026-12-04T12:20:00Z' }),
        buildRecapMessage({ room_id: room1.id, body: 'Room one, second', at: '2026-12-04T12:21:00Z' }),
        buildRecapMessage({ body: 'Back in the main room', at: '2026-12-04T12:40:00Z' }),
      ],
    })
    mockFetch([...studentRoutes(), ...recapRoutes({ session: ended, recap })])
    const { user } = renderApp(recapPath(ended))

    const main = await screen.findByRole('list', { name: 'Chat transcript: Main room' })
    expect(within(main).getAllByRole('listitem').map((item) => item.lastChild?.textContent)).toEqual([
      'Welcome, everyone',
      'Back in the main room',
    ])
    const select = screen.getByRole('combobox', { name: 'Show chat from' })
    expect(within(select).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Main room',
      'Room 1',
      'Room 2',
    ])

    await user.selectOptions(select, 'Room 1')
    const room = screen.getByRole('list', { name: 'Chat transcript: Room 1' })
    expect(within(room).getAllByRole('listitem').map((item) => item.lastChild?.textContent)).toEqual([
      'Room one, first',
      'Room one, second',
    ])
    expect(screen.queryByText('Welcome, everyone')).not.toBeInTheDocument()

    await user.selectOptions(select, 'Room 2')
    expect(screen.getByText('No messages were sent in this room.')).toBeInTheDocument()
    expect(screen.queryByRole('list', { name: /Chat transcript/ })).not.toBeInTheDocument()

    await user.selectOptions(select, 'Main room')
    expect(screen.getByRole('list', { name: 'Chat transcript: Main room' })).toBeInTheDocument()
  })

  it('names rooms by round when the class had several rounds', async () => {
    const first = buildRecapRoom({ number: 1, name: 'Room 1', round_id: 'r0000000-0000-4000-8000-000000000001' })
    const second = buildRecapRoom({ number: 1, name: 'Room 1', round_id: 'r0000000-0000-4000-8000-000000000002' })
    mockFetch([...studentRoutes(), ...recapRoutes({ session: ended, recap: buildRecap({ rooms: [first, second] }) })])
    renderApp(recapPath(ended))

    const select = await screen.findByRole('combobox', { name: 'Show chat from' })
    expect(within(select).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Main room',
      'Room 1 (round 1)',
      'Room 1 (round 2)',
    ])
  })

  it('shows an empty state for each part of a class where nothing happened', async () => {
    mockFetch([...studentRoutes(), ...recapRoutes({ session: ended, recap: buildRecap() })])
    renderApp(recapPath(ended))

    expect(await screen.findByText('No messages were sent in the main room.')).toBeInTheDocument()
    expect(screen.getByText('No polls were run in this class.')).toBeInTheDocument()
    expect(screen.getByText('No questions were asked.')).toBeInTheDocument()
    expect(screen.getByText('Nothing was put on the whiteboard.')).toBeInTheDocument()
    expect(screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual([
      'Chat',
      'Polls',
      'Questions',
      'Whiteboard',
    ])
  })

  it('tells the tutor who asked anonymously, and links to the attendance', async () => {
    const taught = { ...ended, viewer: { can_manage: true, can_enter_now: false, entry_refusal: 'session_ended' as const } }
    const recap = buildRecap({
      polls: [buildRecapPoll({ votes: 0 })],
      questions: [buildRecapQuestion({ body: 'Is this on the exam?', anonymous: true, author_name: 'Hamza Ali' })],
    })
    mockFetch([...tutorRoutes(), ...recapRoutes({ session: taught, recap })])
    renderApp(recapPath(taught))

    const question = await screen.findByText('Is this on the exam?')
    expect(question.closest('li')).toHaveTextContent('Hamza Ali (anonymous to classmates)')
    expect(screen.getByText('Nobody voted.')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Attendance' })).toHaveAttribute('href', `/teaching/classes/${taught.id}/attendance`)
  })

  it('says the class is still running while it is live', async () => {
    const live = { ...ended, status: 'live' as const, viewer: { ...ATTENDED, entry_refusal: null } }
    mockFetch([...studentRoutes(), ...recapRoutes({ session: live, recap: buildRecap() })])
    renderApp(recapPath(live))

    expect(await screen.findByText('This class is still running: the recap shows what has happened so far.')).toBeInTheDocument()
    expect(screen.getByText('Live now')).toBeInTheDocument()
  })

  it('waits for a class that has not started, without asking for its recap', async () => {
    const later = buildLiveClass({ title: 'Next week', starts_at: '2026-12-11T12:00:00Z', ends_at: '2026-12-11T13:00:00Z' })
    const api = mockFetch([...studentRoutes(), ...recapRoutes({ session: later, recap: buildRecap() })])
    renderApp(recapPath(later))

    expect(await screen.findByText("This class hasn't started yet")).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 1, name: 'Next week' })).toBeInTheDocument()
    expect(api.calls('GET', `/api/v1/sessions/${later.id}/recap`)).toHaveLength(0)
  })

  it('shows a not-found state to someone who is not in the class', async () => {
    const api = mockFetch([
      ...studentRoutes(),
      { method: 'GET', path: '/api/v1/sessions/nope', handler: () => apiError(404, 'not_found', 'Not found.') },
    ])
    renderApp('/classes/nope/recap')

    expect(await screen.findByText("We couldn't find this class")).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 1, name: 'Class recap' })).toBeInTheDocument()
    expect(screen.getAllByRole('link', { name: 'Back to my classes' })[0]).toHaveAttribute('href', '/my/classes')
    await waitFor(() => expect(document.title).toBe('Class recap · Ustad'))
    expect(api.calls('GET', '/api/v1/sessions/nope/recap')).toHaveLength(0)
  })

  it('says when the recap could not be loaded, and tries again', async () => {
    let fail = true
    mockFetch([
      ...studentRoutes(),
      ...recapRoutes({ session: ended, recap: buildRecap() }).filter((route) => !String(route.path).endsWith('/recap')),
      {
        method: 'GET',
        path: `/api/v1/sessions/${ended.id}/recap`,
        handler: () => (fail ? apiError(500, 'server_error', 'Something went wrong.') : json(buildRecap())),
      },
    ])
    const { user } = renderApp(recapPath(ended))

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent("We couldn't load the class recap.")
    fail = false
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await screen.findByText('No messages were sent in the main room.')).toBeInTheDocument()
  })

  it('asks signed-out visitors to log in', async () => {
    mockFetch([{ method: 'POST', path: '/api/v1/auth/refresh', handler: () => apiError(401, 'not_authenticated') }])
    const { router } = renderApp(recapPath(ended))
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'))
  })
})

describe('class recap whiteboard', { timeout: 30_000 }, () => {
  let clicks: string[] = []
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    vi.setSystemTime(NOW)
    excalidraw.exportToSvg.mockReset()
    excalidraw.exportToSvg.mockImplementation(() => Promise.resolve(drawnSvg('drawn')))
    excalidraw.exportToBlob.mockReset()
    excalidraw.exportToBlob.mockImplementation(() => Promise.resolve(new Blob(['png'], { type: 'image/png' })))
    clicks = []
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:page'), revokeObjectURL: vi.fn() })
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(`${this.download} ${this.href}`)
    })
  })
  afterEach(() => {
    Reflect.deleteProperty(URL, 'createObjectURL')
    Reflect.deleteProperty(URL, 'revokeObjectURL')
    vi.restoreAllMocks()
  })

  const room = buildRecapRoom({ number: 1, name: 'Room 1' })
  const equations = buildRecapBoardPage({ title: 'Linear equations', position: 1 })
  const practice = buildRecapBoardPage({ title: 'Practice', position: 2 })
  const groupWork = buildRecapBoardPage({ title: 'Group work', position: 3, room_id: room.id })
  const board = buildRecap({ rooms: [room], board: { pages: [groupWork, equations, practice], shown_page_id: practice.id } })

  it('draws the page the class last saw, with its elements and pictures, and steps through the pages', async () => {
    const text = buildBoardElement({ id: 'eq1', type: 'text', text: '2x + 3 = 11', x: 80, y: 60 })
    const picture = buildBoardElement({ id: 'img1', type: 'image', fileId: 'photo_1', status: 'saved' })
    const api = mockFetch([
      ...studentRoutes(),
      ...recapRoutes({
        session: ended,
        recap: board,
        pages: {
          [practice.id]: [text, picture],
          [equations.id]: [buildBoardElement({ id: 'box' })],
          [groupWork.id]: [buildBoardElement({ id: 'group-box' })],
        },
        files: { photo_1: () => new Response(PNG_BYTES, { headers: { 'Content-Type': 'image/png' } }) },
      }),
    ])
    const { user } = renderApp(recapPath(ended))

    const whiteboard = await screen.findByRole('region', { name: 'Whiteboard' })
    const select = within(whiteboard).getByRole('combobox', { name: 'Board page' })
    // The main board first, then the breakout rooms' pages with their room's name.
    expect(within(select).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Linear equations',
      'Practice',
      'Group work (Room 1)',
    ])
    expect(select).toHaveValue(practice.id)
    expect(within(whiteboard).getByRole('status')).toHaveTextContent('Drawing the page…')

    const image = await within(whiteboard).findByRole('img', { name: 'Whiteboard page: Practice' })
    expect(image.getAttribute('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,/)
    expect(decodeURIComponent(image.getAttribute('src')!)).toContain('<text>drawn</text>')
    expect(image).toHaveAttribute('width', '640')
    expect(excalidraw.exportToSvg).toHaveBeenCalledTimes(1)
    const drawn = excalidraw.exportToSvg.mock.calls[0]![0] as {
      elements: { id: string }[]
      files: Record<string, { id: string; dataURL: string; mimeType: string; created: number }>
    }
    expect(drawn.elements.map((element) => element.id)).toEqual(['eq1', 'img1'])
    expect(drawn.files).toEqual({
      photo_1: { id: 'photo_1', dataURL: 'data:image/png;base64,iVBORw0KGgo=', mimeType: 'image/png', created: expect.any(Number) as number },
    })
    expect(api.calls('GET', `/api/v1/sessions/${ended.id}/board/files/photo_1`)[0]!.headers.get('Authorization')).toBe(
      'Bearer access-1',
    )
    // The words on the page, for those who cannot see the picture.
    expect(within(whiteboard).getByText('Text on this page')).toBeInTheDocument()
    expect(within(whiteboard).getByText('2x + 3 = 11')).toBeInTheDocument()
    // One page at a time: the others were not fetched.
    expect(api.calls('GET', `/api/v1/sessions/${ended.id}/board/pages/${equations.id}`)).toHaveLength(0)
    expect(within(whiteboard).getByText('Page 2 of 3')).toBeInTheDocument()

    await user.click(within(whiteboard).getByRole('button', { name: 'Next page' }))
    expect(await within(whiteboard).findByRole('img', { name: 'Whiteboard page: Group work (Room 1)' })).toBeInTheDocument()
    expect(select).toHaveValue(groupWork.id)
    const next = within(whiteboard).getByRole('button', { name: 'Next page' })
    expect(next).toHaveAttribute('aria-disabled', 'true')

    await user.selectOptions(select, 'Linear equations')
    expect(await within(whiteboard).findByRole('img', { name: 'Whiteboard page: Linear equations' })).toBeInTheDocument()
    expect(within(whiteboard).getByRole('button', { name: 'Previous page' })).toHaveAttribute('aria-disabled', 'true')
    expect(
      (excalidraw.exportToSvg.mock.calls.at(-1)![0] as { elements: { id: string }[] }).elements.map((element) => element.id),
    ).toEqual(['box'])
  })

  it('downloads the page as a PNG', async () => {
    mockFetch([
      ...studentRoutes(),
      ...recapRoutes({
        session: ended,
        recap: buildRecap({ board: { pages: [equations], shown_page_id: null } }),
        pages: { [equations.id]: [buildBoardElement({ id: 'box' })] },
      }),
    ])
    const { user } = renderApp(recapPath(ended))

    await screen.findByRole('img', { name: 'Whiteboard page: Linear equations' })
    expect(screen.queryByRole('combobox', { name: 'Show chat from' })).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Download as PNG' }))

    await waitFor(() => expect(clicks).toEqual(['Algebra-live-Linear-equations.png blob:page']))
    const options = excalidraw.exportToBlob.mock.calls[0]![0] as { elements: { id: string }[]; mimeType: string }
    expect(options.elements.map((element) => element.id)).toEqual(['box'])
    expect(options.mimeType).toBe('image/png')
  })

  it('says when a page is empty, and when it could not be loaded', async () => {
    let fail = true
    mockFetch([
      ...studentRoutes(),
      ...recapRoutes({
        session: ended,
        recap: buildRecap({ board: { pages: [equations, practice], shown_page_id: equations.id } }),
        pages: { [practice.id]: [] },
      }),
      {
        method: 'GET',
        path: `/api/v1/sessions/${ended.id}/board/pages/${equations.id}`,
        handler: () =>
          fail
            ? apiError(500, 'server_error', 'Something went wrong.')
            : json({ page: equations, scene_version: 2, elements: [buildBoardElement({ id: 'box' })] }),
      },
    ])
    const { user } = renderApp(recapPath(ended))

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent("We couldn't show this page.")
    fail = false
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await screen.findByRole('img', { name: 'Whiteboard page: Linear equations' })).toBeInTheDocument()

    await user.selectOptions(screen.getByRole('combobox', { name: 'Board page' }), 'Practice')
    expect(await screen.findByText('Nothing was drawn on this page.')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Download as PNG' })).not.toBeInTheDocument()
  })

  it('draws a page without a picture that could not be fetched, and fetches it again on request', async () => {
    let fail = true
    const picture = buildBoardElement({ id: 'img1', type: 'image', fileId: 'photo_2' })
    mockFetch([
      ...studentRoutes(),
      ...recapRoutes({
        session: ended,
        recap: buildRecap({ board: { pages: [equations], shown_page_id: equations.id } }),
        pages: { [equations.id]: [picture] },
        files: {
          photo_2: () =>
            fail ? apiError(404, 'not_found', 'Not found.') : new Response(PNG_BYTES, { headers: { 'Content-Type': 'image/png' } }),
        },
      }),
    ])
    const { user } = renderApp(recapPath(ended))

    await screen.findByRole('img', { name: 'Whiteboard page: Linear equations' })
    expect(screen.getByText("1 picture on this page couldn't be loaded.")).toBeInTheDocument()
    expect((excalidraw.exportToSvg.mock.calls[0]![0] as { files: object }).files).toEqual({})

    fail = false
    await user.click(screen.getByRole('button', { name: 'Try again' }))
    await waitFor(() => expect(screen.queryByText(/couldn't be loaded/)).not.toBeInTheDocument())
    await waitFor(() => expect(excalidraw.exportToSvg).toHaveBeenCalledTimes(2))
    expect(Object.keys((excalidraw.exportToSvg.mock.calls[1]![0] as { files: object }).files)).toEqual(['photo_2'])
  })
})
