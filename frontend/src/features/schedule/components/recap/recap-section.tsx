import { useId, type ReactNode } from 'react'

/** One part of the recap, named by its heading; `meta` sits beside the heading (a count, a control). */
export function RecapSection({ title, meta, children }: { title: string; meta?: ReactNode; children: ReactNode }) {
  const headingId = useId()
  return (
    <section aria-labelledby={headingId} className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 border-b border-slate-200 pb-2">
        <h2 id={headingId} className="text-xl font-semibold text-slate-900">
          {title}
        </h2>
        {meta && <div className="text-sm text-slate-700">{meta}</div>}
      </div>
      {children}
    </section>
  )
}
