import { useEffect, useEffectEvent } from 'react'

/**
 * A side channel from the room's socket to one part of the page, past the room's reducer, for frames only
 * that part needs (whiteboard strokes, WebRTC signaling). One room is open per class page, so listeners
 * are kept per class id.
 */
export function createFrameChannel<Frame>() {
  type Listener = (frame: Frame) => void
  const listeners = new Map<string, Set<Listener>>()

  function publish(sessionId: string, frame: Frame): void {
    for (const listener of listeners.get(sessionId) ?? []) listener(frame)
  }

  function subscribe(sessionId: string, listener: Listener): () => void {
    const set = listeners.get(sessionId) ?? new Set<Listener>()
    set.add(listener)
    listeners.set(sessionId, set)
    return () => {
      set.delete(listener)
      if (set.size === 0) listeners.delete(sessionId)
    }
  }

  /** Calls `onFrame` with every frame of the class while the component is mounted. */
  function useFrames(sessionId: string, onFrame: Listener): void {
    const deliver = useEffectEvent(onFrame)
    useEffect(() => subscribe(sessionId, (frame) => deliver(frame)), [sessionId])
  }

  return { publish, subscribe, useFrames }
}
