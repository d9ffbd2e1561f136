/**
 * The stage's tiles and shared screens from the room (names, roles) and the media snapshots. Pure, so the
 * order and what each tile shows are tested without browsers.
 */
import type { Person } from '../utils/protocol'
import { LOCAL_KEY, type EngineSnapshot } from './engine'
import type { LocalSnapshot } from './local-media'
import type { ScreenShare, Tile } from './media-room-context'
import type { LinkState } from './mesh-session'
import { pickScreen } from './stage-layout'

export function buildTiles({
  people,
  me,
  local,
  engine,
  links,
  audioOnly,
  unknownName,
}: {
  people: readonly Person[]
  me: { userId: string; tutor: boolean; peerId: string | null }
  local: LocalSnapshot
  engine: EngineSnapshot
  links: Readonly<Record<string, LinkState>>
  /** This browser receives no video. */
  audioOnly: boolean
  unknownName: string
}): Tile[] {
  const byId = new Map(people.map((person) => [person.user_id, person]))
  const mine = byId.get(me.userId)
  const remote: Tile[] = engine.peers.map((peer) => {
    const person = byId.get(peer.userId)
    return {
      key: peer.peerId,
      peerId: peer.peerId,
      userId: peer.userId,
      name: person?.name ?? unknownName,
      avatarUrl: person?.avatar_url ?? null,
      tutor: person?.role === 'tutor',
      local: false,
      stream: peer.stream,
      video: peer.video && !audioOnly && peer.stream !== null,
      audio: peer.audio,
      audioOnly: peer.audioOnly,
      speaking: engine.speaking.has(peer.peerId),
      quality: engine.quality[peer.peerId] ?? null,
      link: links[peer.peerId] ?? null,
    }
  })
  // Tutors first, then everyone in the order they joined the video; one's own tile last.
  remote.sort((a, b) => Number(b.tutor) - Number(a.tutor))
  const own: Tile = {
    key: LOCAL_KEY,
    peerId: me.peerId,
    userId: me.userId,
    name: mine?.name ?? unknownName,
    avatarUrl: mine?.avatar_url ?? null,
    tutor: me.tutor,
    local: true,
    stream: local.stream,
    video: local.camera !== null && !audioOnly,
    audio: local.micOn,
    audioOnly,
    speaking: engine.speaking.has(LOCAL_KEY),
    quality: engine.selfQuality,
    link: null,
  }
  return [...remote, own]
}

/** Every shared screen (one's own included), and the one the main area shows. */
export function buildScreens({
  people,
  me,
  local,
  engine,
  unknownName,
}: {
  people: readonly Person[]
  me: { userId: string }
  local: LocalSnapshot
  engine: EngineSnapshot
  unknownName: string
}): { screens: ScreenShare[]; shown: ScreenShare | null } {
  const byId = new Map(people.map((person) => [person.user_id, person]))
  const screens: ScreenShare[] = []
  for (const peer of engine.peers) {
    if (!peer.sharing || !peer.screen) continue
    screens.push({
      key: `${peer.peerId}:screen`,
      peerId: peer.peerId,
      userId: peer.userId,
      name: byId.get(peer.userId)?.name ?? unknownName,
      local: false,
      stream: peer.screen,
    })
  }
  if (local.screenStream) {
    screens.push({
      key: `${LOCAL_KEY}:screen`,
      peerId: null,
      userId: me.userId,
      name: byId.get(me.userId)?.name ?? unknownName,
      local: true,
      stream: local.screenStream,
    })
  }
  const tutors = new Set(people.filter((person) => person.role === 'tutor').map((person) => person.user_id))
  const chosen = pickScreen(screens, tutors)
  return { screens, shown: chosen ? (screens.find((screen) => screen.key === chosen.key) ?? null) : null }
}
