import type { Subject } from '@/api/types'

export function SubjectTags({ subjects, label }: { subjects: readonly Subject[]; label: string }) {
  if (subjects.length === 0) return null
  return (
    <ul aria-label={label} className="flex flex-wrap gap-1.5">
      {subjects.map((subject) => (
        <li
          key={subject.slug}
          className="rounded-full bg-brand-50 px-2.5 py-0.5 text-sm font-medium text-brand-800"
        >
          {subject.name}
        </li>
      ))}
    </ul>
  )
}
