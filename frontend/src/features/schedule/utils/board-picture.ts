/**
 * A whiteboard page drawn read-only for the recap: Excalidraw's own exporter turns the page's elements (and
 * the pictures placed on it) into an SVG image or a PNG. Excalidraw is large, so it loads only when a page
 * is first drawn.
 */
import type { ExcalidrawElement, NonDeleted } from '@excalidraw/excalidraw/element/types'
import type { AppState, BinaryFileData, BinaryFiles, DataURL } from '@excalidraw/excalidraw/types'

import type { BoardElement } from '../api/types'

type Elements = readonly NonDeleted<ExcalidrawElement>[]
type ExportOptions = {
  elements: Elements
  files: BinaryFiles | null
  appState?: Partial<AppState>
  exportPadding?: number
}

/** The parts of Excalidraw the recap uses. Its type declarations point the exporters at a module they do not ship. */
export interface BoardExporter {
  exportToSvg: (options: ExportOptions) => Promise<SVGSVGElement>
  exportToBlob: (options: ExportOptions & { mimeType?: string; maxWidthOrHeight?: number }) => Promise<Blob>
  restoreElements: (elements: readonly ExcalidrawElement[], localElements: null) => readonly ExcalidrawElement[]
}

/** Where the site serves Excalidraw's fonts itself (see `vite.config.ts`), so drawing needs no CDN. */
const ASSET_PATH = '/excalidraw/'

let loading: Promise<BoardExporter> | null = null

export function loadBoardExporter(): Promise<BoardExporter> {
  if (!('EXCALIDRAW_ASSET_PATH' in window)) Object.assign(window, { EXCALIDRAW_ASSET_PATH: ASSET_PATH })
  loading ??= import('@excalidraw/excalidraw').then(
    (excalidraw) => ({
      exportToSvg: excalidraw.exportToSvg as unknown as BoardExporter['exportToSvg'],
      exportToBlob: excalidraw.exportToBlob as unknown as BoardExporter['exportToBlob'],
      restoreElements: excalidraw.restoreElements as unknown as BoardExporter['restoreElements'],
    }),
    (error: unknown) => {
      // A failed download (a flaky connection) may succeed when the page is tried again.
      loading = null
      throw error
    },
  )
  return loading
}

/** A white page, as the class saw it. */
const APP_STATE: Partial<AppState> = { exportBackground: true, viewBackgroundColor: '#ffffff', exportWithDarkMode: false }
const PADDING = 24
/** Large enough to read on a projector, small enough to share. */
const PNG_MAX_SIDE = 2400

function restored(exporter: BoardExporter, elements: readonly BoardElement[]): Elements {
  return exporter.restoreElements(elements as unknown as readonly ExcalidrawElement[], null)
}

export interface BoardPicture {
  /** The page as an SVG `data:` URL, for an `<img>`: nothing in it can run or reach the page. */
  url: string
  width: number | null
  height: number | null
}

function size(svg: SVGSVGElement, name: 'width' | 'height'): number | null {
  const value = Number.parseFloat(svg.getAttribute(name) ?? '')
  return Number.isFinite(value) && value > 0 ? Math.round(value) : null
}

export async function drawBoardPage(elements: readonly BoardElement[], files: BinaryFiles): Promise<BoardPicture> {
  const exporter = await loadBoardExporter()
  const svg = await exporter.exportToSvg({
    elements: restored(exporter, elements),
    files,
    appState: APP_STATE,
    exportPadding: PADDING,
  })
  const markup = new XMLSerializer().serializeToString(svg)
  return {
    url: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`,
    width: size(svg, 'width'),
    height: size(svg, 'height'),
  }
}

export async function boardPagePng(elements: readonly BoardElement[], files: BinaryFiles): Promise<Blob> {
  const exporter = await loadBoardExporter()
  return exporter.exportToBlob({
    elements: restored(exporter, elements),
    files,
    appState: APP_STATE,
    exportPadding: PADDING,
    mimeType: 'image/png',
    maxWidthOrHeight: PNG_MAX_SIDE,
  })
}

/** Excalidraw's file ids are 1–64 of `A-Za-z0-9_-`, as the server stores them. */
const FILE_ID = /^[A-Za-z0-9_-]{1,64}$/

/** The pictures a page's image elements show, each once, sorted (a stable cache key). */
export function imageFileIds(elements: readonly BoardElement[]): string[] {
  const ids = new Set<string>()
  for (const element of elements) {
    const fileId = element.fileId
    if (element.type === 'image' && typeof fileId === 'string' && FILE_ID.test(fileId)) ids.add(fileId)
  }
  return [...ids].sort()
}

/** The words written on a page, top to bottom then along the line: the picture's text for screen readers. */
export function pageTexts(elements: readonly BoardElement[]): string[] {
  const coordinate = (value: unknown) => (typeof value === 'number' ? value : 0)
  return elements
    .filter((element) => element.type === 'text' && typeof element.text === 'string' && element.text.trim() !== '')
    .sort((a, b) => coordinate(a.y) - coordinate(b.y) || coordinate(a.x) - coordinate(b.x))
    .map((element) => String(element.text).trim())
}

const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const

/** A picture's bytes as Excalidraw keeps them: a base64 `data:` URL under its file id. */
export async function boardFileData(fileId: string, blob: Blob): Promise<BinaryFileData> {
  const type = (IMAGE_TYPES as readonly string[]).includes(blob.type) ? blob.type : 'image/png'
  const bytes = new Uint8Array(await blob.arrayBuffer())
  let binary = ''
  // In slices: spreading megabytes of arguments at once overflows the stack.
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000))
  }
  return {
    id: fileId as BinaryFileData['id'],
    dataURL: `data:${type};base64,${btoa(binary)}` as DataURL,
    mimeType: type as BinaryFileData['mimeType'],
    created: Date.now(),
  }
}

/** A file name from a title: letters (with their marks, so Urdu stays whole), digits and dashes. */
export function downloadName(title: string, extension: string): string {
  const base = title
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return `${base || 'whiteboard'}.${extension}`
}
