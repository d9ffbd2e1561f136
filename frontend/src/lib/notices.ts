import { useSyncExternalStore } from 'react'

/** Short, transient messages ("Your profile has been saved.") shown by the app's toaster. */
export type NoticeTone = 'success' | 'info' | 'error'

export interface Notice {
  id: number
  tone: NoticeTone
  message: string
}

const AUTO_DISMISS_MS = 6000

let notices: readonly Notice[] = []
let nextId = 1
const listeners = new Set<() => void>()

function emit(next: readonly Notice[]) {
  notices = next
  for (const listener of listeners) listener()
}

export function dismissNotice(id: number): void {
  emit(notices.filter((notice) => notice.id !== id))
}

export function notify(message: string, tone: NoticeTone = 'success'): number {
  const id = nextId++
  emit([...notices, { id, tone, message }])
  if (tone !== 'error') {
    setTimeout(() => dismissNotice(id), AUTO_DISMISS_MS)
  }
  return id
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

function getSnapshot() {
  return notices
}

export function useNotices(): readonly Notice[] {
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot)
}

export function clearNoticesForTests(): void {
  emit([])
}
