import type { ReactNode } from 'react'
import { Link } from 'react-router'

/** A "← back" link inside the Assignments tab; the arrow turns round in right-to-left pages. */
export function BackLink({ search, children }: { search: string; children: ReactNode }) {
  return (
    <Link to={{ search }} className="link inline-flex min-h-11 items-center gap-1">
      <span aria-hidden="true" className="inline-block rtl:rotate-180">
        ←
      </span>
      {children}
    </Link>
  )
}
