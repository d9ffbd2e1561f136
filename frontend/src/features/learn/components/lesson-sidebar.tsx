import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, NavLink } from 'react-router'

import type { CourseDetail, SyllabusLesson } from '@/api/types'
import { LessonKindIcon } from '@/components/course/lesson-kind-icon'
import { cn } from '@/components/ui/cn'
import { CheckIcon, ChevronIcon, LockIcon } from '@/components/ui/icons'
import { ProgressBar } from '@/components/ui/progress-bar'
import { formatDuration } from '@/lib/format-duration'

function LessonLink({ slug, lesson, done }: { slug: string; lesson: SyllabusLesson; done: boolean }) {
  const { t } = useTranslation()
  const duration = formatDuration(t, lesson.duration_seconds)
  const body = (
    <>
      <span
        className={cn(
          'mt-0.5 inline-flex size-5 shrink-0 items-center justify-center rounded-full border',
          done ? 'border-brand-700 bg-brand-700 text-white' : 'border-slate-400',
        )}
      >
        {done && <CheckIcon className="size-3.5" />}
      </span>
      <span className="min-w-0 flex-1">
        <span className="block" dir="auto">
          {lesson.title}
        </span>
        <span className="flex items-center gap-1 text-xs text-slate-600">
          <LessonKindIcon kind={lesson.kind} className="size-3.5" />
          {t(`courses.kind.${lesson.kind}`)}
          {duration && ` · ${duration}`}
        </span>
      </span>
      {done && <span className="sr-only">{t('learn.completed')}</span>}
      {lesson.is_locked && (
        <>
          <LockIcon className="size-4 text-slate-500" />
          <span className="sr-only">{t('course.locked')}</span>
        </>
      )}
    </>
  )
  const classes = 'flex items-start gap-2 rounded-md px-2 py-2 text-sm'
  if (lesson.is_locked) return <span className={cn(classes, 'text-slate-600')}>{body}</span>
  return (
    <NavLink
      to={`/learn/${slug}/${lesson.id}`}
      className={({ isActive }) => cn(classes, isActive ? 'bg-brand-50 font-semibold text-brand-900' : 'hover:bg-slate-100')}
    >
      {body}
    </NavLink>
  )
}

/** Course title, progress and every lesson with its tick. Folds away on phones. */
export function LessonSidebar({ course, completed }: { course: CourseDetail; completed: Record<string, boolean> }) {
  const { t } = useTranslation()
  const listId = useId()
  const [open, setOpen] = useState(false)
  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-3">
      <Link to={`/courses/${course.slug}`} className="link block px-1 font-semibold" dir="auto">
        {course.title}
      </Link>
      {course.viewer.is_enrolled && (
        <ProgressBar value={course.viewer.progress_percent} label={t('learn.courseProgress')} className="px-1" />
      )}
      <button
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((value) => !value)}
        className="flex min-h-11 w-full items-center justify-between rounded-md border border-slate-300 px-3 font-medium lg:hidden"
      >
        {t('learn.courseContent')}
        <ChevronIcon className={cn('transition-transform', open && 'rotate-180')} />
      </button>
      <nav id={listId} aria-label={t('learn.courseContent')} className={cn('lg:block', open ? 'block' : 'hidden')}>
        {course.sections.map((section) => (
          <div key={section.id} className="py-1">
            <h2 className="px-2 pt-2 pb-1 text-sm font-semibold text-slate-700" dir="auto">
              {section.title}
            </h2>
            <ol>
              {section.lessons.map((lesson) => (
                <li key={lesson.id}>
                  <LessonLink slug={course.slug} lesson={lesson} done={completed[lesson.id] === true} />
                </li>
              ))}
            </ol>
          </div>
        ))}
      </nav>
    </div>
  )
}
