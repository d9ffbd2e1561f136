import { describe, expect, it, vi } from 'vitest'

import { isPolite, OFFER_RETRIES, OFFER_RETRY_MS, PeerLink, type PeerConnectionLike, type SignalMessage } from './peer-connection'

/**
 * A stand-in for `RTCPeerConnection` that keeps only the signaling state machine of JSEP (stable →
 * have-local-offer → stable, or stable → have-remote-offer → stable, with the implicit rollback of a local
 * offer when a remote one is applied). Enough to check the negotiation logic; real media is the browser's.
 */
class FakePeerConnection extends EventTarget {
  signalingState: RTCSignalingState = 'stable'
  iceConnectionState: RTCIceConnectionState = 'new'
  connectionState: RTCPeerConnectionState = 'new'
  localDescription: RTCSessionDescription | null = null
  remoteDescription: RTCSessionDescriptionInit | null = null
  candidates: RTCIceCandidateInit[] = []
  rollbacks = 0
  restarts = 0
  closed = false
  private offers = 0

  readonly name: string

  constructor(name: string) {
    super()
    this.name = name
  }

  setLocalDescription = async (): Promise<void> => {
    await Promise.resolve()
    if (this.signalingState === 'stable') {
      this.offers += 1
      this.localDescription = { type: 'offer', sdp: `${this.name}-offer-${this.offers}` } as RTCSessionDescription
      this.signalingState = 'have-local-offer'
    } else if (this.signalingState === 'have-remote-offer') {
      this.localDescription = { type: 'answer', sdp: `${this.name}-answer` } as RTCSessionDescription
      this.signalingState = 'stable'
    }
  }

  setRemoteDescription = async (description: RTCSessionDescriptionInit): Promise<void> => {
    await Promise.resolve()
    if (description.type === 'offer') {
      if (this.signalingState === 'have-local-offer') this.rollbacks += 1
      this.signalingState = 'have-remote-offer'
    } else if (description.type === 'answer') {
      if (this.signalingState !== 'have-local-offer') throw new DOMException('No offer to answer', 'InvalidStateError')
      this.signalingState = 'stable'
    }
    this.remoteDescription = description
  }

  addIceCandidate = async (candidate?: RTCIceCandidateInit): Promise<void> => {
    await Promise.resolve()
    if (!this.remoteDescription) throw new DOMException('No remote description', 'InvalidStateError')
    if (candidate) this.candidates.push(candidate)
  }

  restartIce = (): void => {
    this.restarts += 1
  }

  close = (): void => {
    this.closed = true
  }

  negotiationNeeded(): void {
    this.dispatchEvent(new Event('negotiationneeded'))
  }

  iceCandidate(candidate: string): void {
    const event = Object.assign(new Event('icecandidate'), {
      candidate: { toJSON: () => ({ candidate, sdpMid: '0', sdpMLineIndex: 0 }) },
    })
    this.dispatchEvent(event)
  }
}

function link(name: string, polite: boolean, sent: SignalMessage[], extra: Partial<ConstructorParameters<typeof PeerLink>[1]> = {}) {
  const pc = new FakePeerConnection(name)
  const onError = vi.fn()
  const peer = new PeerLink(pc as unknown as PeerConnectionLike, { polite, send: (m) => sent.push(m), onError, ...extra })
  return { pc, peer, onError }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('perfect negotiation', () => {
  it('settles politeness the same way on both ends', () => {
    expect(isPolite('a1', 'b2')).toBe(true)
    expect(isPolite('b2', 'a1')).toBe(false)
  })

  it('offers when negotiation is needed and applies the answer', async () => {
    const sent: SignalMessage[] = []
    const { pc, peer, onError } = link('A', false, sent)
    pc.negotiationNeeded()
    await settle()
    expect(sent).toEqual([{ description: { type: 'offer', sdp: 'A-offer-1' } }])
    await peer.receive({ description: { type: 'answer', sdp: 'B-answer' } })
    expect(pc.signalingState).toBe('stable')
    expect(onError).not.toHaveBeenCalled()
  })

  it('answers an offer, letting the owner attach its tracks first', async () => {
    const sent: SignalMessage[] = []
    const order: string[] = []
    const { pc, peer } = link('B', true, sent, {
      beforeAnswer: () => {
        order.push(`attach in ${pc.signalingState}`)
      },
    })
    await peer.receive({ description: { type: 'offer', sdp: 'A-offer-1' } })
    expect(order).toEqual(['attach in have-remote-offer'])
    expect(sent).toEqual([{ description: { type: 'answer', sdp: 'B-answer' } }])
  })

  it('resolves two offers crossing: the impolite side ignores, the polite side rolls back and answers', async () => {
    const toPolite: SignalMessage[] = []
    const toImpolite: SignalMessage[] = []
    const impolite = link('I', false, toPolite)
    const polite = link('P', true, toImpolite)

    // Both need to negotiate at once, before either hears from the other.
    impolite.pc.negotiationNeeded()
    polite.pc.negotiationNeeded()
    await settle()
    expect(toPolite[0]?.description?.type).toBe('offer')
    expect(toImpolite[0]?.description?.type).toBe('offer')

    // Each side now receives the other's offer (and a candidate that belongs to it).
    const politeOffer = toImpolite.shift()!
    await impolite.peer.receive(politeOffer)
    await impolite.peer.receive({ candidate: { candidate: 'candidate:polite-1' } })
    expect(impolite.pc.signalingState).toBe('have-local-offer')
    expect(impolite.onError).not.toHaveBeenCalled()

    const impoliteOffer = toPolite.shift()!
    await polite.peer.receive(impoliteOffer)
    expect(polite.pc.rollbacks).toBe(1)
    expect(polite.pc.signalingState).toBe('stable')

    // The polite side's answer completes the impolite side's offer.
    const answer = toImpolite.shift()!
    expect(answer.description?.type).toBe('answer')
    await impolite.peer.receive(answer)
    expect(impolite.pc.signalingState).toBe('stable')
    expect(polite.onError).not.toHaveBeenCalled()
    expect(impolite.onError).not.toHaveBeenCalled()
  })

  it('sends its ICE candidates and adds the other side’s', async () => {
    const sent: SignalMessage[] = []
    const { pc, peer } = link('B', true, sent)
    pc.iceCandidate('candidate:1')
    expect(sent).toEqual([{ candidate: { candidate: 'candidate:1', sdpMid: '0', sdpMLineIndex: 0 } }])
    await peer.receive({ description: { type: 'offer', sdp: 'A-offer-1' } })
    await peer.receive({ candidate: { candidate: 'candidate:a' } })
    expect(pc.candidates).toEqual([{ candidate: 'candidate:a' }])
  })

  it('reports a candidate that fails for a reason other than an ignored offer', async () => {
    const { peer, onError } = link('B', true, [])
    await peer.receive({ candidate: { candidate: 'candidate:early' } })
    expect(onError).toHaveBeenCalledTimes(1)
  })

  it('restarts ICE when the connection fails', () => {
    const { pc } = link('A', false, [])
    pc.iceConnectionState = 'failed'
    pc.dispatchEvent(new Event('iceconnectionstatechange'))
    expect(pc.restarts).toBe(1)
  })

  it('sends an unanswered offer again a few times, then gives up', async () => {
    let now = 0
    const sent: SignalMessage[] = []
    const { pc, peer } = link('A', false, sent, { now: () => now })
    pc.negotiationNeeded()
    await settle()
    expect(peer.retryStalledOffer()).toBe(false)
    for (let retry = 1; retry <= OFFER_RETRIES; retry += 1) {
      now += OFFER_RETRY_MS
      expect(peer.retryStalledOffer()).toBe(true)
    }
    now += OFFER_RETRY_MS
    expect(peer.retryStalledOffer()).toBe(false)
    expect(sent.filter((m) => m.description?.sdp === 'A-offer-1')).toHaveLength(1 + OFFER_RETRIES)
  })

  it('does nothing more once closed', async () => {
    const sent: SignalMessage[] = []
    const { pc, peer } = link('B', true, sent)
    peer.close()
    expect(pc.closed).toBe(true)
    await peer.receive({ description: { type: 'offer', sdp: 'A-offer-1' } })
    pc.negotiationNeeded()
    await settle()
    expect(sent).toEqual([])
    expect(pc.signalingState).toBe('stable')
  })
})
