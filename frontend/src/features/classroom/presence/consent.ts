/** A student's answer to the face-presence card, remembered per class for this tab's session. */
export type Consent = 'allowed' | 'declined'

type StorageLike = Pick<Storage, 'getItem' | 'setItem'>

const KEY = (sessionId: string) => `ustad.facePresence.${sessionId}`

function storage(): StorageLike | null {
  try {
    return window.sessionStorage
  } catch {
    return null
  }
}

export function readConsent(sessionId: string, store: StorageLike | null = storage()): Consent | null {
  try {
    const value = store?.getItem(KEY(sessionId))
    return value === 'allowed' || value === 'declined' ? value : null
  } catch {
    return null
  }
}

export function writeConsent(sessionId: string, consent: Consent, store: StorageLike | null = storage()): void {
  try {
    store?.setItem(KEY(sessionId), consent)
  } catch {
    // Without storage the answer lasts until the page closes.
  }
}
