import { useEffect, useEffectEvent } from 'react'

import type { MediaFrame } from '../utils/protocol'

type Listener = (frame: MediaFrame) => void

/**
 * Media frames (peers saying what they send, WebRTC offers, answers and ICE candidates) go straight from
 * the room's socket to the media layer, past the room's reducer: they are relayed, never stored, and only
 * the connections need them. One room is open per class page, so listeners are kept per class id.
 */
const listeners = new Map<string, Set<Listener>>()

export function publishMediaFrame(sessionId: string, frame: MediaFrame): void {
  for (const listener of listeners.get(sessionId) ?? []) listener(frame)
}

export function subscribeMediaFrames(sessionId: string, listener: Listener): () => void {
  const set = listeners.get(sessionId) ?? new Set<Listener>()
  set.add(listener)
  listeners.set(sessionId, set)
  return () => {
    set.delete(listener)
    if (set.size === 0) listeners.delete(sessionId)
  }
}

/** Calls `onFrame` with every media frame of the class while the component is mounted. */
export function useMediaFrames(sessionId: string, onFrame: Listener): void {
  const deliver = useEffectEvent(onFrame)
  useEffect(() => subscribeMediaFrames(sessionId, (frame) => deliver(frame)), [sessionId])
}
