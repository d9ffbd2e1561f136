import { createFrameChannel } from '../hooks/frame-channel'
import type { MediaFrame } from '../utils/protocol'

/**
 * Media frames (peers saying what they send, WebRTC offers, answers and ICE candidates) are relayed, never
 * stored, and only the connections need them.
 */
const mediaChannel = createFrameChannel<MediaFrame>()

export const publishMediaFrame = mediaChannel.publish
export const subscribeMediaFrames = mediaChannel.subscribe
export const useMediaFrames = mediaChannel.useFrames
