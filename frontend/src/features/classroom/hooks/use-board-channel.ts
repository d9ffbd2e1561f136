import type { BoardFrame } from '../utils/protocol'
import { createFrameChannel } from './frame-channel'

/** Board frames (strokes, scenes) come many times a second and only the canvas needs them. */
const boardChannel = createFrameChannel<BoardFrame>()

export const publishBoardFrame = boardChannel.publish
export const subscribeBoardFrames = boardChannel.subscribe
export const useBoardFrames = boardChannel.useFrames
