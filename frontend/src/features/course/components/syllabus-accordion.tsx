import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

import type { SyllabusLesson, SyllabusSection } from '@/api/types'
import { LessonKindIcon } from '@/components/course/lesson-kind-icon'
import { Badge } from '@/components/ui/badge'
import { cn } from '@/components/ui/cn'
import { ChevronIcon, LockIcon } from '@/components/ui/icons'
import { formatDuration } from '@/lib/format-duration'

function LessonRow({ slug, lesson }: { slug: string; lesson: SyllabusLesson }) {
  const { t } = useTranslation()
  const duration = formatDuration(t, lesson.duration_seconds)
  return (
    <li className="flex items-center gap-3 py-2.5">
      <LessonKindIcon kind={lesson.kind} className="text-slate-600" />
      <span className="sr-only">{t(`courses.kind.${lesson.kind}`)}:</span>
      <span className="min-w-0 flex-1" dir="auto">
        {lesson.is_locked ? (
          <span className="text-slate-800">{lesson.title}</span>
        ) : (
          <Link to={`/learn/${slug}/${lesson.id}`} className="link">
            {lesson.title}
          </Link>
        )}
      </span>
      {lesson.is_preview && <Badge tone="brand">{t('course.preview')}</Badge>}
      {duration && <span className="shrink-0 text-sm text-slate-600">{duration}</span>}
      {lesson.is_locked && (
        <span className="shrink-0 text-slate-500">
          <LockIcon className="size-4" />
          <span className="sr-only">{t('course.locked')}</span>
        </span>
      )}
    </li>
  )
}

function SectionPanel({
  slug,
  section,
  open,
  onToggle,
}: {
  slug: string
  section: SyllabusSection
  open: boolean
  onToggle: () => void
}) {
  const { t } = useTranslation()
  const panelId = useId()
  const total = section.lessons.reduce((sum, lesson) => sum + lesson.duration_seconds, 0)
  const duration = formatDuration(t, total)
  return (
    <li className="border-b border-slate-200 last:border-b-0">
      <h3>
        <button
          type="button"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={onToggle}
          className="flex min-h-12 w-full items-center gap-3 bg-slate-50 px-4 py-3 text-start hover:bg-slate-100"
        >
          <ChevronIcon className={cn('transition-transform', open ? 'rotate-180' : '')} />
          <span className="flex-1 font-semibold" dir="auto">
            {section.title}
          </span>
          <span className="text-sm font-normal text-slate-700">
            {t('courses.lessons', { count: section.lessons.length })}
            {duration && ` · ${duration}`}
          </span>
        </button>
      </h3>
      <div id={panelId} hidden={!open} className="px-4">
        {section.lessons.length === 0 ? (
          <p className="py-3 text-slate-600">{t('course.sectionEmpty')}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {section.lessons.map((lesson) => (
              <LessonRow key={lesson.id} slug={slug} lesson={lesson} />
            ))}
          </ul>
        )}
      </div>
    </li>
  )
}

/** The syllabus: one disclosure per section (the first starts open), lessons with kind, length and lock. */
export function SyllabusAccordion({ slug, sections }: { slug: string; sections: SyllabusSection[] }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set(sections.slice(0, 1).map((s) => s.id)))
  const allOpen = sections.length > 0 && sections.every((section) => open.has(section.id))

  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })

  if (sections.length === 0) return <p className="text-slate-700">{t('course.syllabusEmpty')}</p>

  return (
    <div className="space-y-2">
      <div className="flex justify-end">
        <button
          type="button"
          className="link min-h-11 px-1"
          onClick={() => setOpen(allOpen ? new Set() : new Set(sections.map((section) => section.id)))}
        >
          {allOpen ? t('course.collapseAll') : t('course.expandAll')}
        </button>
      </div>
      <ul className="overflow-hidden rounded-lg border border-slate-200 bg-white">
        {sections.map((section) => (
          <SectionPanel
            key={section.id}
            slug={slug}
            section={section}
            open={open.has(section.id)}
            onToggle={() => toggle(section.id)}
          />
        ))}
      </ul>
    </div>
  )
}
