/**
 * What the stage shows: in the grid every tile the same size; in the speaker view one person large and the
 * others in a strip. A shared screen takes the main area in both, with everyone in the strip beside it.
 */

export type Layout = 'grid' | 'speaker'

export interface TileInfo {
  /** `local` for this browser, else the remote peer id. */
  key: string
  userId: string
  tutor: boolean
  local: boolean
}

export interface ScreenInfo {
  key: string
  userId: string
  local: boolean
}

export type StageMain = { kind: 'screen'; screen: ScreenInfo } | { kind: 'tile'; key: string } | null

export interface StagePlan {
  main: StageMain
  /** Tiles in the strip (speaker view or a shared screen), or the whole grid. */
  others: string[]
}

/**
 * The person on stage: the tutor's spotlight for everyone, else one's own pin, else whoever is speaking,
 * else the first tutor. Returns a user id.
 */
export function stageUserId({
  spotlight,
  pinned,
  activeSpeaker,
  tiles,
}: {
  spotlight: string | null
  pinned: string | null
  activeSpeaker: string | null
  tiles: readonly TileInfo[]
}): string | null {
  const present = (userId: string | null) => (userId !== null && tiles.some((tile) => tile.userId === userId) ? userId : null)
  return (
    present(spotlight) ??
    present(pinned) ??
    present(activeSpeaker) ??
    tiles.find((tile) => tile.tutor && !tile.local)?.userId ??
    tiles.find((tile) => tile.tutor)?.userId ??
    null
  )
}

/**
 * Which screen share is shown when several people share: the tutor's, else one's own (so the sharer sees
 * what they share), else the earliest.
 */
export function pickScreen(screens: readonly ScreenInfo[], tutors: ReadonlySet<string>): ScreenInfo | null {
  return (
    screens.find((screen) => tutors.has(screen.userId) && !screen.local) ??
    screens.find((screen) => tutors.has(screen.userId)) ??
    screens.find((screen) => !screen.local) ??
    screens[0] ??
    null
  )
}

export function planStage({
  layout,
  tiles,
  screen,
  onStage,
}: {
  layout: Layout
  tiles: readonly TileInfo[]
  screen: ScreenInfo | null
  /** From `stageUserId`. */
  onStage: string | null
}): StagePlan {
  const keys = tiles.map((tile) => tile.key)
  if (screen) return { main: { kind: 'screen', screen }, others: keys }
  if (layout === 'grid' || tiles.length === 0) return { main: null, others: keys }
  // A person with two tabs has two tiles: the remote one goes on stage before one's own.
  const candidates = tiles.filter((tile) => tile.userId === onStage)
  const main = candidates.find((tile) => !tile.local) ?? candidates[0] ?? tiles.find((tile) => !tile.local) ?? tiles[0]!
  return { main: { kind: 'tile', key: main.key }, others: keys.filter((key) => key !== main.key) }
}
