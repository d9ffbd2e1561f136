import type { ReactNode } from 'react'

import type { LiveClass } from '../api/types'
import { ClassCard } from './class-card'

/** A grid of class cards, named by the heading whose id is `labelledBy`. */
export function ClassList({
  classes,
  now,
  labelledBy,
  actions,
}: {
  classes: readonly LiveClass[]
  now: number
  labelledBy: string
  actions?: (session: LiveClass) => ReactNode
}) {
  return (
    <ul aria-labelledby={labelledBy} className="grid gap-4 md:grid-cols-2">
      {classes.map((session) => (
        <li key={session.id}>
          <ClassCard session={session} now={now} actions={actions?.(session)} />
        </li>
      ))}
    </ul>
  )
}
