import type { LiveClass } from '../api/types'
import { addDays, dateKeyAt, weekdayOf } from './zoned-time'

export type UpcomingGroupId = 'today' | 'thisWeek' | 'later'

export interface UpcomingGroup {
  id: UpcomingGroupId
  classes: LiveClass[]
}

/**
 * Splits classes that are not over yet into Today (including any running now), This week (the rest
 * of the week, Monday to Sunday) and Later, by the calendar of `timeZone`. Empty groups are left out;
 * each keeps the server's order (soonest first).
 */
export function groupUpcoming(classes: readonly LiveClass[], now: number, timeZone: string | undefined): UpcomingGroup[] {
  const today = dateKeyAt(now, timeZone)
  const endOfWeek = addDays(today, 6 - weekdayOf(today))
  const groups: Record<UpcomingGroupId, LiveClass[]> = { today: [], thisWeek: [], later: [] }
  for (const session of classes) {
    const day = dateKeyAt(Date.parse(session.starts_at), timeZone)
    if (day <= today) groups.today.push(session)
    else if (day <= endOfWeek) groups.thisWeek.push(session)
    else groups.later.push(session)
  }
  return (['today', 'thisWeek', 'later'] as const)
    .map((id) => ({ id, classes: groups[id] }))
    .filter((group) => group.classes.length > 0)
}

/** A class whose time is over (what the server lists after the ones still to come). */
export function isOver(session: Pick<LiveClass, 'ends_at'>, now: number): boolean {
  return Date.parse(session.ends_at) < now
}

/** Classes from several pages, each once (pages fetched at different times can overlap). */
export function uniqueClasses(pages: readonly (readonly LiveClass[])[]): LiveClass[] {
  const seen = new Set<string>()
  const result: LiveClass[] = []
  for (const page of pages) {
    for (const session of page) {
      if (seen.has(session.id)) continue
      seen.add(session.id)
      result.push(session)
    }
  }
  return result
}
