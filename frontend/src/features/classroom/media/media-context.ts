import { createContext, useContext } from 'react'

/** One other browser in the class (a person may have several tabs, each a peer). */
export interface RemotePeer {
  peerId: string
  userId: string
  /** Camera and microphone (and, while they share, their screen's video track). */
  stream: MediaStream | null
  /** Their shared screen, when they share one. */
  screen: MediaStream | null
  audio: boolean
  video: boolean
  sharing: boolean
  audioOnly: boolean
}

/**
 * What the live room's media layer shares with the rest of the room: the local camera and microphone, the
 * screen this browser shares, and every remote peer's streams. The recorder composes its view from these.
 */
export interface MediaContextValue {
  localStream: MediaStream | null
  screenStream: MediaStream | null
  peers: RemotePeer[]
  /** The person on the main stage now (spotlight, pin or active speaker), if any. */
  stageUserId: string | null
  /** What this person's stage shows: the video (with any shared screen) or the whiteboard. */
  stageView?: 'video' | 'board'
}

export const MediaContext = createContext<MediaContextValue | null>(null)

/** The room's media; null outside a room that has media (the recap, tests of other panels). */
export function useMediaContext(): MediaContextValue | null {
  return useContext(MediaContext)
}
