/** The ids with the one at `index` moved one place up (-1) or down (1); null when it is already at that end. */
export function stepId(ids: readonly string[], index: number, direction: -1 | 1): string[] | null {
  const target = index + direction
  if (index < 0 || index >= ids.length || target < 0 || target >= ids.length) return null
  const next = [...ids]
  const moved = next[index]
  const other = next[target]
  if (moved === undefined || other === undefined) return null
  next[index] = other
  next[target] = moved
  return next
}

/** Puts items in the order of `ids` and renumbers their `position`; items not named keep their place at the end. */
export function applyIdOrder<T extends { id: string; position: number }>(items: readonly T[], ids: readonly string[]): T[] {
  const rank = new Map(ids.map((id, index) => [id, index]))
  return [...items]
    .sort((a, b) => (rank.get(a.id) ?? ids.length) - (rank.get(b.id) ?? ids.length))
    .map((item, position) => ({ ...item, position }))
}
