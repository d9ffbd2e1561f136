/**
 * Which `part` a recording continues with. Each MediaRecorder stream is a part of its own (the first chunk of
 * each carries the WebM header), and the server joins parts in number order, so a tab that picks up a
 * running recording (after a reload, or in another window) must take a number above every part already sent.
 *
 * This browser remembers the highest part it used for each recording; a browser that has never seen the
 * recording counts from how long it has been running, one part per `PART_SPAN_MS`, so its parts still sort
 * after the earlier ones.
 */

export const FIRST_PART = 0
export const MAX_PART = 999
/** A class lasts at most 12 hours: 12 h / 45 s = 960 parts, within the server's 0–999. */
export const PART_SPAN_MS = 45_000

export function partAfterResume({
  lastPart,
  startedAt,
  now,
}: {
  /** The highest part this browser used for the recording, if any. */
  lastPart: number | null
  /** When the recording started (ISO 8601). */
  startedAt: string | null
  now: number
}): number {
  const started = startedAt ? Date.parse(startedAt) : Number.NaN
  const byTime = Number.isNaN(started) ? 1 : Math.floor(Math.max(0, now - started) / PART_SPAN_MS) + 1
  const byMemory = lastPart === null ? 1 : lastPart + 1
  return Math.min(MAX_PART, Math.max(byTime, byMemory))
}

const PART_KEY = (recordingId: string) => `ustad.recording.part.${recordingId}`
const TAB_KEY = (sessionId: string) => `ustad.recording.tab.${sessionId}`

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

function safeStorage(get: () => StorageLike): StorageLike | null {
  try {
    return get()
  } catch {
    return null
  }
}

/**
 * The highest part used per recording, shared by this browser's tabs and reloads (local storage), and the
 * recording this tab itself was making (session storage, which a reload keeps and other tabs do not see),
 * so a reloaded recording tab resumes by itself.
 */
export function recordingMemory(
  shared: StorageLike | null = safeStorage(() => window.localStorage),
  tab: StorageLike | null = safeStorage(() => window.sessionStorage),
) {
  const attempt = <T>(action: () => T, fallback: T): T => {
    try {
      return action()
    } catch {
      return fallback
    }
  }
  return {
    lastPart(recordingId: string): number | null {
      const raw = attempt(() => shared?.getItem(PART_KEY(recordingId)) ?? null, null)
      const value = raw === null ? Number.NaN : Number(raw)
      return Number.isInteger(value) && value >= FIRST_PART && value <= MAX_PART ? value : null
    },
    usePart(recordingId: string, part: number): void {
      attempt(() => shared?.setItem(PART_KEY(recordingId), String(part)), undefined)
    },
    forget(recordingId: string): void {
      attempt(() => shared?.removeItem(PART_KEY(recordingId)), undefined)
    },
    tabRecording(sessionId: string): string | null {
      return attempt(() => tab?.getItem(TAB_KEY(sessionId)) ?? null, null)
    },
    setTabRecording(sessionId: string, recordingId: string | null): void {
      attempt(
        () => (recordingId ? tab?.setItem(TAB_KEY(sessionId), recordingId) : tab?.removeItem(TAB_KEY(sessionId))),
        undefined,
      )
    },
  }
}

export type RecordingMemory = ReturnType<typeof recordingMemory>
