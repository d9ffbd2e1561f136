import { useSyncExternalStore } from 'react'

import type { UploadSession } from '@/api/types'

import { uploadInChunks } from './chunked-upload'
import type { UploadKind } from './upload-api'

export type UploadPhase = 'uploading' | 'finishing' | 'done' | 'error' | 'cancelled'

export interface UploadJobState {
  phase: UploadPhase
  loaded: number
  total: number
  /** Where an upload left unfinished earlier continued from, if it did. */
  resumedFrom: number | null
  error: unknown
}

export interface UploadJob<T = UploadSession> {
  readonly id: number
  readonly file: File
  readonly promise: Promise<T>
  getState: () => UploadJobState
  subscribe: (listener: () => void) => () => void
  cancel: () => void
}

let nextJobId = 1

/**
 * Starts a resumable upload outside React (from an event handler), so a
 * re-render or remount never starts it twice. `attach` runs after the server
 * stored the file (e.g. `POST /lessons/{id}/video`) and is part of the job.
 */
export function startUploadJob<T = UploadSession>(
  file: File,
  options: { kind: UploadKind; attach?: (upload: UploadSession) => Promise<T> },
): UploadJob<T> {
  const controller = new AbortController()
  const listeners = new Set<() => void>()
  let state: UploadJobState = { phase: 'uploading', loaded: 0, total: file.size, resumedFrom: null, error: null }
  const set = (changes: Partial<UploadJobState>) => {
    state = { ...state, ...changes }
    for (const listener of listeners) listener()
  }

  const run = async (): Promise<T> => {
    const upload = await uploadInChunks(file, {
      kind: options.kind,
      signal: controller.signal,
      onProgress: ({ loaded, total }) => set({ loaded, total }),
      onResume: (offset) => set({ resumedFrom: offset }),
    })
    set({ phase: 'finishing', loaded: file.size })
    const result = options.attach ? await options.attach(upload) : (upload as T)
    set({ phase: 'done' })
    return result
  }

  const promise = run().catch((error: unknown) => {
    const cancelled = error instanceof DOMException && error.name === 'AbortError'
    set({ phase: cancelled ? 'cancelled' : 'error', error: cancelled ? null : error })
    throw error
  })
  // Callers that only watch the state must not see an unhandled rejection.
  promise.catch(() => {})

  return {
    id: nextJobId++,
    file,
    promise,
    getState: () => state,
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    cancel: () => controller.abort(),
  }
}

const idle: UploadJobState = { phase: 'done', loaded: 0, total: 0, resumedFrom: null, error: null }
const noop = () => () => {}

/** The live state of a job (or null when there is none). */
export function useUploadJob<T>(job: UploadJob<T> | null): UploadJobState | null {
  const state = useSyncExternalStore(
    job ? job.subscribe : noop,
    job ? job.getState : () => idle,
    job ? job.getState : () => idle,
  )
  return job ? state : null
}

export function percentOf(state: Pick<UploadJobState, 'loaded' | 'total'>): number {
  return state.total > 0 ? (state.loaded / state.total) * 100 : 0
}
