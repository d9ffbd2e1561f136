import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router'

import { useCourse } from '@/api/get-course'
import type { CourseDetail } from '@/api/types'
import { EmptyState } from '@/components/ui/empty-state'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { PageHeading } from '@/components/ui/page-heading'
import { Skeleton } from '@/components/ui/skeleton'
import { Tabs } from '@/components/ui/tabs'
import { isApiError } from '@/lib/errors'
import { useDocumentTitle } from '@/lib/use-document-title'

import { AssignmentsPanel } from '../components/assignments-panel'
import { CourseDetailsForm } from '../components/course-details-form'
import { PublishPanel } from '../components/publish-panel'
import { QuizzesPanel } from '../components/quizzes-panel'
import { ResourcesPanel } from '../components/resources-panel'
import { StatusBadge } from '../components/status-badge'
import { StudentsTable } from '../components/students-table'
import { SyllabusEditor } from '../components/syllabus-editor'

const TABS = ['details', 'syllabus', 'resources', 'assignments', 'quizzes', 'students', 'publish'] as const
type Tab = (typeof TABS)[number]

function Panel({ tab, course }: { tab: Tab; course: CourseDetail }) {
  switch (tab) {
    case 'details':
      return <CourseDetailsForm key={course.id} course={course} />
    case 'syllabus':
      return <SyllabusEditor course={course} />
    case 'resources':
      return <ResourcesPanel course={course} />
    case 'assignments':
      return <AssignmentsPanel course={course} />
    case 'quizzes':
      return <QuizzesPanel course={course} />
    case 'students':
      return <StudentsTable slug={course.slug} />
    case 'publish':
      return <PublishPanel course={course} />
  }
}

function BackLink() {
  const { t } = useTranslation()
  return (
    <Link to="/teaching" className="link inline-flex items-center gap-1">
      <span aria-hidden="true" className="inline-block rtl:rotate-180">
        ←
      </span>
      {t('teaching.backToCourses')}
    </Link>
  )
}

export function CourseBuilderRoute() {
  const { t } = useTranslation()
  const { slug = '' } = useParams()
  const [params, setParams] = useSearchParams()
  const tab = TABS.find((name) => name === params.get('tab')) ?? 'details'
  const course = useCourse(slug)
  const data = course.data
  useDocumentTitle(data ? t('teaching.builder.titleOf', { title: data.title }) : t('teaching.builder.title'))

  if (!data || !data.viewer.can_edit) {
    const notFound = isApiError(course.error) && course.error.status === 404
    return (
      <div className="space-y-6">
        <BackLink />
        <PageHeading>{t('teaching.builder.title')}</PageHeading>
        {course.isPending ? (
          <Skeleton className="h-96" />
        ) : data || notFound ? (
          <EmptyState title={data ? t('teaching.builder.cannotEdit') : t('course.notFoundBody')} action={<BackLink />} />
        ) : (
          <LoadErrorAlert error={course.error} onRetry={() => void course.refetch()} />
        )}
      </div>
    )
  }

  return (
    <div className="space-y-6">
      <BackLink />
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="space-y-2">
          <StatusBadge status={data.status} />
          <PageHeading className="mb-0">
            <span dir="auto">{data.title}</span>
          </PageHeading>
        </div>
        <div className="flex flex-wrap gap-x-4">
          <Link to={`/teaching/classes?course=${data.slug}`} className="link inline-flex min-h-11 items-center">
            {t('teaching.builder.liveClasses')}
          </Link>
          <Link to={`/courses/${data.slug}`} className="link inline-flex min-h-11 items-center">
            {t('teaching.builder.viewPage')}
          </Link>
        </div>
      </div>
      <Tabs
        label={t('teaching.builder.tabs')}
        tabs={TABS.map((id) => ({ id, label: t(`teaching.builder.tab.${id}`) }))}
        selected={tab}
        onSelect={(next) => setParams({ tab: next }, { replace: true })}
      >
        <Panel tab={tab} course={data} />
      </Tabs>
    </div>
  )
}
