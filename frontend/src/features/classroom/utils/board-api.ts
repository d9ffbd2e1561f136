/**
 * The whiteboard's REST calls (docs/classroom.md, "Board REST"): images in and out, a page's elements, and
 * the PDF export. They send files or read bytes, so they use the authenticated `fetch` directly rather than
 * the JSON client.
 */
import { authFetch } from '@/lib/auth/auth-fetch'
import { apiErrorFromResponse, networkError } from '@/lib/errors'

import type { BoardPage, WireElement } from './protocol'

function boardUrl(sessionId: string, rest = ''): string {
  return new URL(`/api/v1/sessions/${encodeURIComponent(sessionId)}/board${rest}`, window.location.origin).toString()
}

async function call(request: Request): Promise<Response> {
  let response: Response
  try {
    response = await authFetch(request)
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause
    throw networkError(cause)
  }
  if (response.ok) return response
  let body: unknown = null
  try {
    body = await response.json()
  } catch {
    body = null
  }
  throw apiErrorFromResponse(response, body)
}

/** `POST /board/files`: stores an image under Excalidraw's file id (the same id again changes nothing). */
export async function uploadBoardFile(sessionId: string, fileId: string, file: Blob): Promise<void> {
  const form = new FormData()
  form.append('file_id', fileId)
  form.append('file', file, fileId)
  await call(new Request(boardUrl(sessionId, '/files'), { method: 'POST', body: form }))
}

/** `GET /board/files/{file_id}`: an image's bytes. */
export async function getBoardFile(sessionId: string, fileId: string, signal?: AbortSignal): Promise<Blob> {
  const response = await call(
    new Request(boardUrl(sessionId, `/files/${encodeURIComponent(fileId)}`), signal ? { signal } : {}),
  )
  return response.blob()
}

export interface BoardPageScene {
  page: BoardPage
  scene_version: number
  /** Live elements only, in drawing order. */
  elements: WireElement[]
}

/** `GET /board/pages/{page_id}`: a page's live elements (for pages this browser has not opened). */
export async function getBoardPage(sessionId: string, pageId: string): Promise<BoardPageScene> {
  const response = await call(new Request(boardUrl(sessionId, `/pages/${encodeURIComponent(pageId)}`)))
  return (await response.json()) as BoardPageScene
}

export interface SavedResource {
  id: string
  title: string
  size: number
}

/**
 * `POST /board/export`: binds one PNG per page into a PDF. Returns the PDF, or with `save` the course
 * resource it was kept as.
 */
export async function exportBoardPdf(
  sessionId: string,
  pages: readonly Blob[],
  { save = false, title }: { save?: boolean; title?: string } = {},
): Promise<{ kind: 'pdf'; pdf: Blob } | { kind: 'saved'; resource: SavedResource }> {
  const form = new FormData()
  pages.forEach((page, index) => form.append('pages', page, `page-${index + 1}.png`))
  if (title) form.append('title', title)
  if (save) form.append('save', 'true')
  const response = await call(new Request(boardUrl(sessionId, '/export'), { method: 'POST', body: form }))
  if (save) return { kind: 'saved', resource: ((await response.json()) as { resource: SavedResource }).resource }
  return { kind: 'pdf', pdf: await response.blob() }
}

/** A file name from a title: letters, digits and dashes. */
export function downloadName(title: string, extension: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return `${base || 'whiteboard'}.${extension}`
}
