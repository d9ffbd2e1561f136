import { act, screen, waitFor, within } from '@testing-library/react'
import { createElement, useEffect, type ReactNode } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import type { BoardSnapshot, WelcomeFrame, WireElement } from '@/features/classroom/utils/protocol'
import {
  buildPerson,
  buildRound,
  buildTutorPerson,
  buildWelcome,
  openClassroom,
  receiveFrames,
  roomEvent,
  STUDENT_ID,
  TUTOR_ID,
} from '@/testing/classroom-factories'
import { json, type mockFetch } from '@/testing/fetch-mock'
import { buildBoard, buildBoardPage, buildElement, withBoardPages } from '@/testing/whiteboard-factories'

/**
 * Excalidraw draws on a real canvas, which jsdom lacks, so the canvas is the one thing replaced here: a stand-in
 * that hands over an imperative API holding elements like Excalidraw's, and records its props.
 */
interface FakeCanvas {
  elements: WireElement[]
  files: Record<string, { id: string; dataURL: string; mimeType: string }>
  props: null | {
    onChange?: (elements: WireElement[], appState: object, files: object) => void
    viewModeEnabled?: boolean
  }
  exports: number
}

const canvas = vi.hoisted((): FakeCanvas => ({ elements: [], files: {}, props: null, exports: 0 }))

vi.mock('@excalidraw/excalidraw', () => {
  function Excalidraw(props: {
    excalidrawAPI?: (api: unknown) => void
    onChange?: (elements: WireElement[], appState: object, files: object) => void
    viewModeEnabled?: boolean
    children?: ReactNode
  }) {
    useEffect(() => {
      canvas.props = props
    })
    const { excalidrawAPI } = props
    useEffect(() => {
      excalidrawAPI?.({
        getSceneElementsIncludingDeleted: () => canvas.elements,
        getSceneElements: () => canvas.elements.filter((element) => !element.isDeleted),
        updateScene: ({ elements }: { elements?: WireElement[] }) => {
          if (elements) canvas.elements = [...elements]
        },
        history: { clear: () => {} },
        getAppState: () => ({
          newElement: null,
          resizingElement: null,
          multiElement: null,
          editingTextElement: null,
          editingLinearElement: null,
        }),
        getFiles: () => canvas.files,
        addFiles: (files: { id: string; dataURL: string; mimeType: string }[]) => {
          for (const file of files) canvas.files[file.id] = file
        },
        scrollToContent: () => {},
      })
    }, [excalidrawAPI])
    return createElement('div', { 'data-testid': 'canvas', 'data-view-mode': String(props.viewModeEnabled) })
  }
  const Nothing = () => null
  const MainMenu = Object.assign(Nothing, {
    DefaultItems: { SaveAsImage: Nothing, ClearCanvas: Nothing, Help: Nothing },
  })
  return {
    Excalidraw,
    MainMenu,
    CaptureUpdateAction: { IMMEDIATELY: 'IMMEDIATELY', NEVER: 'NEVER', EVENTUALLY: 'EVENTUALLY' },
    restoreElements: (elements: WireElement[] | null) => elements ?? [],
    convertToExcalidrawElements: (skeletons: object[]) =>
      skeletons.map((skeleton, index) => ({ id: `made-${index}`, version: 1, versionNonce: 1, index: 'a0', ...skeleton })),
    exportToBlob: () => {
      canvas.exports += 1
      return Promise.resolve(new Blob(['png'], { type: 'image/png' }))
    },
  }
})

const bilal = buildPerson({ name: 'Bilal Ahmed' })

/**
 * Multipart bodies go through Node's `fetch` here, which cannot read jsdom's `Blob` and `FormData`: for the
 * tests that upload, the page builds them with Node's own.
 */
async function useNodeBodies() {
  const form = await new Response(new URLSearchParams('a=1')).formData()
  const blob = await new Response('x').blob()
  vi.stubGlobal('FormData', form.constructor)
  vi.stubGlobal('Blob', blob.constructor)
}

/** This person draws on the canvas: Excalidraw calls `onChange` with the whole scene. */
function draw(...elements: WireElement[]) {
  act(() => {
    canvas.elements = [...canvas.elements.filter((e) => !elements.some((n) => n.id === e.id)), ...elements]
    canvas.props?.onChange?.(canvas.elements, {}, canvas.files)
  })
}

/** Answers the page's API calls from here on with `handler` (the socket's ticket is already fetched). */
function answer(api: ReturnType<typeof mockFetch>, handler: (request: Request, path: string) => Response) {
  api.fetchMock.mockImplementation((input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request && !init ? input : new Request(input, init)
    api.requests.push(request.clone())
    return Promise.resolve(handler(request, new URL(request.url).pathname))
  })
}

function boardFrames(sent: unknown[], type: string) {
  return sent.filter((frame): frame is Record<string, unknown> => (frame as { type: string }).type === type)
}

async function enter({ tutor = false, board, ...welcome }: { tutor?: boolean; board: BoardSnapshot } & Partial<WelcomeFrame>) {
  const opened = await openClassroom({ tutor })
  receiveFrames(
    opened.socket,
    buildWelcome({
      ...(tutor ? { you: { user_id: TUTOR_ID, tutor: true } } : {}),
      participants: [buildTutorPerson(), buildPerson({ user_id: STUDENT_ID, name: 'Ayesha Khan' }), bilal],
      board,
      ...welcome,
    }),
  )
  const region = await screen.findByRole('region', { name: 'Whiteboard' })
  await waitFor(() => expect(screen.getByTestId('canvas')).toBeInTheDocument())
  return { ...opened, region }
}

beforeEach(() => {
  canvas.elements = []
  canvas.files = {}
  canvas.props = null
  canvas.exports = 0
})

afterEach(() => {
  vi.useRealTimers()
})

describe('whiteboard: student', () => {
  it('shows the page the tutor shows, read-only until the tutor opens the board, and its strokes', async () => {
    const board = buildBoard()
    const [first] = board.pages
    const { socket, sent, region } = await enter({ board })

    await waitFor(() => expect(boardFrames(sent, 'board.sync')).toEqual([{ type: 'board.sync', page_id: first!.id, scene_version: 0 }]))
    expect(region).toHaveTextContent('The tutor has not opened the board to you')
    expect(screen.getByTestId('canvas')).toHaveAttribute('data-view-mode', 'true')
    expect(within(region).getByRole('button', { name: 'Page 1' })).toHaveAttribute('aria-current', 'true')
    expect(within(region).queryByRole('button', { name: 'Add page' })).not.toBeInTheDocument()

    const rect = buildElement({ version: 2 })
    receiveFrames(socket, { type: 'board.scene', page_id: first!.id, scene_version: 2, elements: [rect] })
    expect(region).toHaveAttribute('data-element-count', '1')
    receiveFrames(socket, { type: 'board.update', page_id: first!.id, elements: [buildElement()], user_id: TUTOR_ID })
    expect(region).toHaveAttribute('data-element-count', '2')
    receiveFrames(socket, {
      type: 'board.update',
      page_id: first!.id,
      elements: [{ ...rect, version: 3, versionNonce: 1, isDeleted: true }],
      user_id: TUTOR_ID,
    })
    expect(region).toHaveAttribute('data-element-count', '1')

    // The tutor opens the board: drawing goes out as board.update frames.
    receiveFrames(socket, roomEvent(11, { type: 'board.access', everyone: true, allowed: [] }))
    expect(screen.getByTestId('canvas')).toHaveAttribute('data-view-mode', 'false')
    expect(region).not.toHaveTextContent('The tutor has not opened the board to you')
    const mine = buildElement()
    draw(mine)
    await waitFor(() =>
      expect(boardFrames(sent, 'board.update')).toEqual([{ type: 'board.update', page_id: first!.id, elements: [mine] }]),
    )
  })

  it('looks at another page, follows the tutor again, and moves with the page the tutor shows', async () => {
    const board = buildBoard()
    const [first, second] = board.pages
    const { socket, sent, region, user } = await enter({ board })

    await user.click(within(region).getByRole('button', { name: 'Page 2' }))
    expect(within(region).getByRole('button', { name: 'Page 2' })).toHaveAttribute('aria-current', 'true')
    expect(boardFrames(sent, 'board.sync').at(-1)).toEqual({ type: 'board.sync', page_id: second!.id, scene_version: 0 })
    expect(region).toHaveTextContent('You\'re looking at “Page 2”. The tutor is showing “Page 1”.')

    await user.click(within(region).getByRole('button', { name: 'Follow the tutor' }))
    expect(within(region).getByRole('button', { name: 'Page 1' })).toHaveAttribute('aria-current', 'true')
    expect(within(region).queryByRole('button', { name: 'Follow the tutor' })).not.toBeInTheDocument()

    receiveFrames(socket, roomEvent(11, { type: 'board.page_shown', page_id: second!.id }))
    expect(within(region).getByRole('button', { name: 'Page 2' })).toHaveAttribute('aria-current', 'true')
    expect(first).toBeDefined()
  })

  it("works on the breakout room's own board during a round", async () => {
    const round = withBoardPages(buildRound({ members: [[STUDENT_ID], [bilal.user_id]] }))
    const mine = round.rooms[0]!
    const { socket, sent, region, user } = await enter({ board: buildBoard(), last_seq: 10 })
    receiveFrames(socket, roomEvent(11, { type: 'breakout.started', round }))

    await waitFor(() => expect(boardFrames(sent, 'board.sync').at(-1)).toMatchObject({ page_id: mine.board_page_id }))
    expect(region).toHaveTextContent("Your room's board: everyone in the room can draw on it.")
    expect(screen.getByTestId('canvas')).toHaveAttribute('data-view-mode', 'false')
    expect(within(region).queryByRole('button', { name: 'Page 1' })).not.toBeInTheDocument()

    await user.click(within(region).getByRole('button', { name: 'Add page' }))
    expect(boardFrames(sent, 'board.page.add').at(-1)).toEqual({ type: 'board.page.add', title: 'Page 2', room_id: mine.id })

    receiveFrames(socket, roomEvent(12, { type: 'breakout.ended', round_id: round.id }))
    await waitFor(() => expect(within(region).getByRole('button', { name: 'Page 1' })).toHaveAttribute('aria-current', 'true'))
  })
})

describe('whiteboard: tutor', () => {
  it('opens the board to everyone or to chosen students', async () => {
    const { sent, region, user } = await enter({ tutor: true, board: buildBoard({ can_draw: true }) })

    await user.click(within(region).getByRole('checkbox', { name: 'Everyone can draw' }))
    expect(boardFrames(sent, 'board.access')).toEqual([{ type: 'board.access', everyone: true }])

    await user.click(within(region).getByRole('button', { name: 'Who can draw' }))
    expect(within(region).getByRole('button', { name: 'Ayesha Khan' })).toHaveFocus()
    const bilalButton = within(region).getByRole('button', { name: 'Bilal Ahmed' })
    expect(bilalButton).toHaveAttribute('aria-pressed', 'false')
    await user.click(bilalButton)
    expect(boardFrames(sent, 'board.permit')).toEqual([{ type: 'board.permit', user_id: bilal.user_id, allowed: true }])
  })

  it('adds, renames and shows pages', async () => {
    const board = buildBoard({ can_draw: true })
    const [, second] = board.pages
    const { socket, sent, region, user } = await enter({ tutor: true, board })
    expect(region).toHaveTextContent('Everyone is following this page.')

    await user.click(within(region).getByRole('button', { name: 'Page 2' }))
    expect(region).toHaveTextContent('Everyone else is following “Page 1”.')
    await user.click(within(region).getByRole('button', { name: 'Show this page to everyone' }))
    expect(boardFrames(sent, 'board.page.show')).toEqual([{ type: 'board.page.show', page_id: second!.id }])

    await user.click(within(region).getByRole('button', { name: 'Rename page' }))
    const name = within(region).getByRole('textbox', { name: 'Page name' })
    expect(name).toHaveFocus()
    await user.clear(name)
    await user.type(name, 'Fractions{Enter}')
    expect(boardFrames(sent, 'board.page.rename')).toEqual([{ type: 'board.page.rename', page_id: second!.id, title: 'Fractions' }])
    expect(within(region).getByRole('button', { name: 'Rename page' })).toHaveFocus()

    await user.click(within(region).getByRole('button', { name: 'Add page' }))
    expect(boardFrames(sent, 'board.page.add')).toEqual([{ type: 'board.page.add', title: 'Page 3' }])
    const added = buildBoardPage({ title: 'Page 3', position: 3 })
    receiveFrames(socket, roomEvent(11, { type: 'board.page_added', page: added }))
    await waitFor(() => expect(within(region).getByRole('button', { name: 'Page 3' })).toHaveAttribute('aria-current', 'true'))
    expect(boardFrames(sent, 'board.sync').at(-1)).toEqual({ type: 'board.sync', page_id: added.id, scene_version: 0 })
  })

  it('exports every page of the main board to a PDF', async () => {
    await useNodeBodies()
    const createObjectURL = vi.fn((_: Blob) => 'blob:pdf')
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() })
    const board = buildBoard({ can_draw: true })
    const [first, second] = board.pages
    const { socket, api, region, user } = await enter({ tutor: true, board })
    answer(api, (_request, path) => {
      if (path.endsWith(`/board/pages/${second!.id}`)) {
        return json({ page: second, scene_version: 1, elements: [buildElement()] })
      }
      if (path.endsWith('/board/export')) return new Response(new Blob(['%PDF-1.7']), { headers: { 'Content-Type': 'application/pdf' } })
      return json({ error: { code: 'not_found', message: 'No mock' } }, 404)
    })
    receiveFrames(socket, { type: 'board.scene', page_id: first!.id, scene_version: 1, elements: [buildElement()] })

    await user.click(within(region).getByRole('button', { name: 'Export' }))
    await user.click(within(region).getByRole('button', { name: 'Download PDF' }))

    expect(await screen.findByText('The whiteboard PDF is downloading.')).toBeInTheDocument()
    expect(canvas.exports).toBe(2)
    const posted = api.requests.find((request) => request.url.endsWith('/board/export'))!
    const form = await posted.formData()
    expect(form.getAll('pages')).toHaveLength(2)
    expect(form.get('save')).toBeNull()
    expect(createObjectURL).toHaveBeenCalledTimes(1)
    Reflect.deleteProperty(URL, 'createObjectURL')
  })

  it('says so when a standalone class has no course resources to save to', async () => {
    await useNodeBodies()
    const board = buildBoard({ can_draw: true, pages: [buildBoardPage({ title: 'Only' })] })
    const { socket, api, region, user } = await enter({ tutor: true, board })
    answer(api, () => json({ error: { code: 'no_course', message: 'No course.' } }, 409))
    receiveFrames(socket, { type: 'board.scene', page_id: board.pages[0]!.id, scene_version: 1, elements: [buildElement()] })

    await user.click(within(region).getByRole('button', { name: 'Export' }))
    await user.click(within(region).getByRole('button', { name: 'Save to course resources' }))
    expect(await screen.findByText(/no course resources to save to/)).toBeInTheDocument()
    const form = await api.requests.find((request) => request.url.endsWith('/board/export'))!.formData()
    expect(form.get('save')).toBe('true')
  })
})

describe('whiteboard: images', () => {
  it('uploads an image placed here once, and fetches the picture of one placed elsewhere', async () => {
    await useNodeBodies()
    const { api, socket, region } = await enter({ board: buildBoard({ can_draw: true }) })
    const page = region.getAttribute('data-page-id')!
    answer(api, (request, path) => {
      if (request.method === 'POST' && path.endsWith('/board/files')) return json({ file_id: 'f1', mime_type: 'image/png', size: 4 }, 201)
      if (path.endsWith('/board/files/theirs')) return new Response(new Blob(['img'], { type: 'image/png' }))
      return json({ error: { code: 'not_found', message: 'No mock' } }, 404)
    })

    canvas.files = { f1: { id: 'f1', dataURL: 'data:image/png;base64,iVBORw0K', mimeType: 'image/png' } }
    draw(buildElement({ type: 'image', fileId: 'f1' }))
    draw(buildElement())
    await waitFor(() => expect(api.requests.filter((r) => r.method === 'POST' && r.url.endsWith('/board/files'))).toHaveLength(1))
    const form = await api.requests.find((r) => r.url.endsWith('/board/files'))!.formData()
    expect(form.get('file_id')).toBe('f1')

    receiveFrames(socket, {
      type: 'board.update',
      page_id: page,
      elements: [buildElement({ type: 'image', fileId: 'theirs' })],
      user_id: TUTOR_ID,
    })
    await waitFor(() => expect(canvas.files.theirs?.dataURL).toMatch(/^data:image\/png;base64,/))
  })
})
