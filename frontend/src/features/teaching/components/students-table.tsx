import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'

import { Avatar } from '@/components/ui/avatar'
import { EmptyState } from '@/components/ui/empty-state'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { Pagination } from '@/components/ui/pagination'
import { ProgressBar } from '@/components/ui/progress-bar'
import { Skeleton } from '@/components/ui/skeleton'
import { localeOf } from '@/lib/i18n'

import { STUDENTS_PAGE_SIZE, useStudents } from '../api/get-students'

/** Everyone enrolled, with progress and when they were last active. Scrolls sideways on phones. */
export function StudentsTable({ slug }: { slug: string }) {
  const { t, i18n } = useTranslation()
  const [params] = useSearchParams()
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1)
  const students = useStudents(slug, page)
  const dates = new Intl.DateTimeFormat(localeOf(i18n.language), { dateStyle: 'medium' })

  if (students.isPending) return <Skeleton className="h-48" />
  if (students.isError) {
    return <LoadErrorAlert error={students.error} onRetry={() => void students.refetch()} />
  }
  if (students.data.count === 0) return <EmptyState title={t('teaching.students.empty')} />

  const hrefFor = (target: number) => {
    const next = new URLSearchParams(params)
    if (target > 1) next.set('page', String(target))
    else next.delete('page')
    return `/teaching/${slug}?${next.toString()}`
  }

  return (
    <div className="space-y-3">
      <p className="text-slate-700">{t('teaching.students.count', { count: students.data.count })}</p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full min-w-[40rem] text-start text-sm">
          <caption className="sr-only">{t('teaching.students.caption')}</caption>
          <thead className="bg-slate-50 text-slate-700">
            <tr>
              <th scope="col" className="px-4 py-3 text-start font-semibold">
                {t('teaching.students.student')}
              </th>
              <th scope="col" className="px-4 py-3 text-start font-semibold">
                {t('teaching.students.enrolled')}
              </th>
              <th scope="col" className="px-4 py-3 text-start font-semibold">
                {t('teaching.students.progress')}
              </th>
              <th scope="col" className="px-4 py-3 text-start font-semibold">
                {t('teaching.students.lastActive')}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {students.data.results.map((row) => (
              <tr key={row.student.id}>
                <th scope="row" className="px-4 py-3 text-start font-normal">
                  <span className="flex items-center gap-3">
                    <Avatar src={row.student.avatar_url} name={row.student.full_name} size="sm" />
                    <span className="min-w-0">
                      <span className="block font-medium">{row.student.full_name}</span>
                      <bdi dir="ltr" className="block text-slate-600">
                        {row.student.email}
                      </bdi>
                    </span>
                  </span>
                </th>
                <td className="px-4 py-3">{dates.format(new Date(row.enrolled_at))}</td>
                <td className="px-4 py-3">
                  <ProgressBar
                    value={row.progress_percent}
                    label={t('teaching.students.lessonsDone', { count: row.completed_lessons })}
                  />
                </td>
                <td className="px-4 py-3">{dates.format(new Date(row.last_active_at))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={page} pageCount={Math.ceil(students.data.count / STUDENTS_PAGE_SIZE)} hrefFor={hrefFor} />
    </div>
  )
}
