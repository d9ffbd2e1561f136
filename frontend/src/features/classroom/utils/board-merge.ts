/**
 * Whiteboard merging: Excalidraw's reconcile rule as pure functions, shared by every browser in the class
 * and matching the server's (docs/classroom.md, "Whiteboard").
 *
 * An incoming element replaces the one held when its `version` is higher, or when the versions are equal and
 * its `versionNonce` is lower; an element not held is added. Deleting is an update with `isDeleted: true`, so
 * deletions merge like any other change. Because the rule is a total order on (version, nonce), merging the
 * same updates in any order gives the same scene.
 */

/** What the merge reads of an element; everything else travels untouched. */
export interface VersionedElement {
  readonly id: string
  readonly version: number
  readonly versionNonce: number
  readonly isDeleted?: boolean
  readonly index?: string | null
}

/** An element's version and nonce: all the merge compares. */
export type Stamp = Pick<VersionedElement, 'version' | 'versionNonce'>

export interface MergeResult<T extends VersionedElement> {
  /** Every element after the merge, deleted ones included, in drawing order. */
  elements: T[]
  /** The incoming elements that won (new, or newer than the one held). */
  accepted: T[]
}

/** Whether `incoming` replaces `held` under Excalidraw's rule. */
export function wins(incoming: Stamp, held: Stamp | undefined): boolean {
  if (!held) return true
  if (incoming.version !== held.version) return incoming.version > held.version
  return incoming.versionNonce < held.versionNonce
}

/**
 * Drawing order: Excalidraw's fractional `index` (compared as plain strings, as its keys are built to be),
 * ties broken by id; elements without an index go last.
 */
export function compareOrder(a: VersionedElement, b: VersionedElement): number {
  const left = a.index ?? null
  const right = b.index ?? null
  if (left !== right) {
    if (left === null) return 1
    if (right === null) return -1
    return left < right ? -1 : 1
  }
  if (a.id === b.id) return 0
  return a.id < b.id ? -1 : 1
}

/**
 * Merges `incoming` into `held`. `keep` names elements this client is editing right now (the text being
 * typed, the shape being drawn): they stay as they are until the edit ends, and a later sync brings any
 * remote change that lost this way.
 */
export function mergeElements<T extends VersionedElement>(
  held: readonly T[],
  incoming: readonly T[],
  { keep }: { keep?: ReadonlySet<string> } = {},
): MergeResult<T> {
  const byId = new Map<string, T>()
  for (const element of held) byId.set(element.id, element)
  const winners = new Map<string, T>()
  for (const element of incoming) {
    if (keep?.has(element.id) && byId.has(element.id)) continue
    if (!wins(element, byId.get(element.id))) continue
    byId.set(element.id, element)
    winners.set(element.id, element)
  }
  if (winners.size === 0) return { elements: [...held].sort(compareOrder), accepted: [] }
  return { elements: [...byId.values()].sort(compareOrder), accepted: [...winners.values()] }
}

/** Excalidraw's `getSceneVersion`: the sum of every element's version, deleted ones included. */
export function sceneVersion(elements: Iterable<VersionedElement>): number {
  let total = 0
  for (const element of elements) total += element.version
  return total
}

/** The elements whose version grew since they were last sent (or that were never sent). */
export function changedSince<T extends VersionedElement>(
  elements: Iterable<T>,
  lastSentVersions: ReadonlyMap<string, number>,
): T[] {
  const changed: T[] = []
  for (const element of elements) {
    if (element.version > (lastSentVersions.get(element.id) ?? 0)) changed.push(element)
  }
  return changed
}

/**
 * The elements that would win over what the server is known to hold (`held`: id → stamp): changed here
 * since the server last had them, including an edit of the same version that wins on the nonce.
 */
export function pendingAgainst<T extends VersionedElement>(elements: Iterable<T>, held: ReadonlyMap<string, Stamp>): T[] {
  const pending: T[] = []
  for (const element of elements) {
    const stamp = held.get(element.id)
    if (!stamp || wins(element, stamp)) pending.push(element)
  }
  return pending
}

/** How many elements are on the page (not deleted). */
export function liveCount(elements: Iterable<VersionedElement>): number {
  let count = 0
  for (const element of elements) if (!element.isDeleted) count += 1
  return count
}
