import { useEffect, useEffectEvent } from 'react'

import type { BoardFrame } from '../utils/protocol'

type Listener = (frame: BoardFrame) => void

/**
 * Board frames (strokes, scenes) go straight from the room's socket to the whiteboard, past the room's
 * reducer: they come many times a second and only the canvas needs them. One room is open per class page,
 * so listeners are kept per class id.
 */
const listeners = new Map<string, Set<Listener>>()

export function publishBoardFrame(sessionId: string, frame: BoardFrame): void {
  for (const listener of listeners.get(sessionId) ?? []) listener(frame)
}

export function subscribeBoardFrames(sessionId: string, listener: Listener): () => void {
  const set = listeners.get(sessionId) ?? new Set<Listener>()
  set.add(listener)
  listeners.set(sessionId, set)
  return () => {
    set.delete(listener)
    if (set.size === 0) listeners.delete(sessionId)
  }
}

/** Calls `onFrame` with every board frame of the class while the component is mounted. */
export function useBoardFrames(sessionId: string, onFrame: Listener): void {
  const deliver = useEffectEvent(onFrame)
  useEffect(() => subscribeBoardFrames(sessionId, (frame) => deliver(frame)), [sessionId])
}
