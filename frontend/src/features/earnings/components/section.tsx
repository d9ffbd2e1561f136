import { useId, type ReactNode } from 'react'

/** A titled part of a page (`<section>` named by its `<h2>`). */
export function Section({ title, lead, children }: { title: ReactNode; lead?: ReactNode; children: ReactNode }) {
  const id = useId()
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-xl font-semibold text-slate-900">
        {title}
      </h2>
      {lead && <p className="text-slate-700">{lead}</p>}
      {children}
    </section>
  )
}
