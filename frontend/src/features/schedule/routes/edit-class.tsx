import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router'

import { Alert } from '@/components/ui/alert'
import { EmptyState } from '@/components/ui/empty-state'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { PageHeading } from '@/components/ui/page-heading'
import { Skeleton } from '@/components/ui/skeleton'
import { isApiError } from '@/lib/errors'
import { notify } from '@/lib/notices'
import { useDocumentTitle } from '@/lib/use-document-title'

import { useClass } from '../api/get-class'
import { BackToClasses } from '../components/back-to-classes'
import { ClassForm } from '../components/class-form'

/** `/teaching/classes/:sessionId/edit`: change a class that has not ended (not its course or series). */
export function EditClassRoute() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { sessionId = '' } = useParams()
  const session = useClass(sessionId)
  const data = session.data
  useDocumentTitle(data ? t('schedule.form.editTitleOf', { title: data.title }) : t('schedule.form.editTitle'))

  const body = () => {
    if (session.isPending) return <Skeleton className="h-96" />
    if (session.isError) {
      if (isApiError(session.error) && (session.error.status === 404 || session.error.status === 403)) {
        return <EmptyState title={t('schedule.form.notFound')} action={<BackToClasses />} />
      }
      return (
        <LoadErrorAlert title={t('schedule.form.loadError')} error={session.error} onRetry={() => void session.refetch()} />
      )
    }
    if (!session.data.viewer.can_manage) {
      return <EmptyState title={t('schedule.form.cannotEdit')} action={<BackToClasses />} />
    }
    if (session.data.status === 'ended' || session.data.status === 'cancelled') {
      return <Alert tone="info">{t('schedule.errors.session_closed')}</Alert>
    }
    const course = session.data.course?.slug ?? ''
    return (
      <ClassForm
        key={session.data.id}
        session={session.data}
        onSaved={() => {
          notify(t('schedule.form.saved'))
          void navigate(course ? `/teaching/classes?course=${encodeURIComponent(course)}` : '/teaching/classes')
        }}
      />
    )
  }

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <BackToClasses course={data?.course?.slug} />
      <PageHeading>
        {data ? <span dir="auto">{t('schedule.form.editTitleOf', { title: data.title })}</span> : t('schedule.form.editTitle')}
      </PageHeading>
      {body()}
    </div>
  )
}
