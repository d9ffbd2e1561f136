/**
 * One WebRTC connection to one other browser, negotiated with the "perfect negotiation" pattern
 * (https://developer.mozilla.org/en-US/docs/Web/API/WebRTC_API/Perfect_negotiation): either side may
 * renegotiate whenever its tracks or directions change; when both offer at once, the impolite side ignores
 * the other's offer and the polite side gives way (its `setRemoteDescription` rolls its own offer back
 * implicitly). Which side is polite is settled by comparing peer ids, so the two always disagree.
 *
 * No React here: the room's media session owns one `PeerLink` per remote peer.
 */

export interface SignalMessage {
  description?: RTCSessionDescriptionInit
  candidate?: RTCIceCandidateInit | null
}

/** The parts of `RTCPeerConnection` the negotiation uses (a real one always fits). */
export type PeerConnectionLike = Pick<
  RTCPeerConnection,
  | 'signalingState'
  | 'iceConnectionState'
  | 'connectionState'
  | 'localDescription'
  | 'setLocalDescription'
  | 'setRemoteDescription'
  | 'addIceCandidate'
  | 'restartIce'
  | 'close'
  | 'addEventListener'
>

/** The polite side is the one with the smaller peer id: both ends compute the same answer. */
export function isPolite(myPeerId: string, theirPeerId: string): boolean {
  return myPeerId < theirPeerId
}

function plain(description: RTCSessionDescriptionInit): RTCSessionDescriptionInit {
  return { type: description.type, sdp: description.sdp ?? '' }
}

/** An offer left unanswered this long is sent again (the answer or the offer may have been lost). */
export const OFFER_RETRY_MS = 5000
export const OFFER_RETRIES = 3

export interface PeerLinkOptions {
  polite: boolean
  send: (message: SignalMessage) => void
  /** Runs once a remote offer is applied, before answering: the owner attaches its tracks then. */
  beforeAnswer?: () => void | Promise<void>
  onError?: (error: unknown) => void
  now?: () => number
}

export class PeerLink {
  private makingOffer = false
  private ignoreOffer = false
  private settingRemoteAnswerPending = false
  private closed = false
  private offerSentAt: number | null = null
  private offerRetries = 0

  readonly pc: PeerConnectionLike
  private readonly options: PeerLinkOptions

  constructor(pc: PeerConnectionLike, options: PeerLinkOptions) {
    this.pc = pc
    this.options = options
    pc.addEventListener('negotiationneeded', () => void this.offer())
    pc.addEventListener('icecandidate', (event: RTCPeerConnectionIceEvent) => {
      // The end of candidates (null) needs no message: trickle ICE goes on without it.
      if (event.candidate) this.options.send({ candidate: event.candidate.toJSON() })
    })
    pc.addEventListener('iceconnectionstatechange', () => {
      if (pc.iceConnectionState === 'failed') pc.restartIce()
    })
  }

  get polite(): boolean {
    return this.options.polite
  }

  private now(): number {
    return this.options.now?.() ?? Date.now()
  }

  private async offer(): Promise<void> {
    if (this.closed) return
    try {
      this.makingOffer = true
      // Without arguments the browser makes the right description (offer or, mid-negotiation, answer).
      await this.pc.setLocalDescription()
      if (this.closed) return
      const description = this.pc.localDescription
      if (description) {
        this.options.send({ description: plain(description) })
        if (description.type === 'offer') {
          this.offerSentAt = this.now()
          this.offerRetries = 0
        }
      }
    } catch (error) {
      this.options.onError?.(error)
    } finally {
      this.makingOffer = false
    }
  }

  /** Applies a description or candidate from the other side. */
  async receive({ description, candidate }: SignalMessage): Promise<void> {
    if (this.closed) return
    const pc = this.pc
    try {
      if (description) {
        // An answer may be on its way in while a new offer arrives: the state is still "stable" for that.
        const readyForOffer =
          !this.makingOffer && (pc.signalingState === 'stable' || this.settingRemoteAnswerPending)
        const offerCollision = description.type === 'offer' && !readyForOffer
        this.ignoreOffer = !this.options.polite && offerCollision
        if (this.ignoreOffer) return
        this.settingRemoteAnswerPending = description.type === 'answer'
        await pc.setRemoteDescription(description)
        this.settingRemoteAnswerPending = false
        if (description.type === 'answer') this.offerSentAt = null
        if (description.type === 'offer') {
          await this.options.beforeAnswer?.()
          if (this.closed) return
          await pc.setLocalDescription()
          const answer = pc.localDescription
          if (answer) this.options.send({ description: plain(answer) })
        }
      } else if (candidate) {
        try {
          await pc.addIceCandidate(candidate)
        } catch (error) {
          // Candidates of an offer we ignored belong to nothing here.
          if (!this.ignoreOffer) throw error
        }
      }
    } catch (error) {
      this.settingRemoteAnswerPending = false
      this.options.onError?.(error)
    }
  }

  /** Sends the offer again when it has gone unanswered too long; the session calls this now and then. */
  retryStalledOffer(): boolean {
    if (this.closed || this.offerSentAt === null || this.pc.signalingState !== 'have-local-offer') return false
    if (this.now() - this.offerSentAt < OFFER_RETRY_MS || this.offerRetries >= OFFER_RETRIES) return false
    const description = this.pc.localDescription
    if (!description) return false
    this.offerRetries += 1
    this.offerSentAt = this.now()
    this.options.send({ description: plain(description) })
    return true
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    this.pc.close()
  }

  get isClosed(): boolean {
    return this.closed
  }
}
