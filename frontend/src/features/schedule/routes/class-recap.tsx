import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'

import { Alert } from '@/components/ui/alert'
import { EmptyState } from '@/components/ui/empty-state'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { PageHeading } from '@/components/ui/page-heading'
import { Skeleton } from '@/components/ui/skeleton'
import { isApiError } from '@/lib/errors'
import { useDocumentTitle } from '@/lib/use-document-title'

import { useClass } from '../api/get-class'
import { useRecap } from '../api/get-recap'
import type { LiveClass } from '../api/types'
import { RecapBoard } from '../components/recap/recap-board'
import { RecapChat } from '../components/recap/recap-chat'
import { RecapHeader } from '../components/recap/recap-header'
import { RecapPolls } from '../components/recap/recap-polls'
import { RecapQuestions } from '../components/recap/recap-questions'
import { RecapRecordings } from '../components/recap/recap-recordings'
import { useNow } from '../hooks/use-now'
import { hasStarted } from '../utils/entry-window'

/** The API answers 404 alike for a class that does not exist and one the viewer has no part in. */
function notFound(error: unknown): boolean {
  return isApiError(error) && (error.status === 404 || error.status === 403)
}

function BackToMyClasses() {
  const { t } = useTranslation()
  return (
    <Link to="/my/classes" className="link inline-flex min-h-11 items-center gap-1">
      <span aria-hidden="true" className="inline-block rtl:rotate-180">
        ←
      </span>
      {t('schedule.recap.back')}
    </Link>
  )
}

function Loading() {
  const { t } = useTranslation()
  return (
    <div aria-busy="true" className="space-y-4">
      <p role="status" className="sr-only">
        {t('common.loading')}
      </p>
      <Skeleton className="h-40" />
      <Skeleton className="h-64" />
    </div>
  )
}

function NotFound() {
  const { t } = useTranslation()
  return (
    <EmptyState title={t('schedule.recap.notFound')} action={<BackToMyClasses />}>
      {t('schedule.recap.notFoundHint')}
    </EmptyState>
  )
}

/** Chat, polls, Q&A and whiteboard of a class that has begun. */
function RecapBody({ session, now }: { session: LiveClass; now: number }) {
  const { t } = useTranslation()
  const started = hasStarted(session, now)
  const recap = useRecap(session.id, started)

  if (!started) {
    return session.status === 'cancelled' ? (
      <EmptyState title={t('schedule.recap.cancelled')} />
    ) : (
      <EmptyState title={t('schedule.recap.notStarted')}>{t('schedule.recap.notStartedHint')}</EmptyState>
    )
  }
  if (recap.isPending) return <Loading />
  if (recap.isError) {
    return notFound(recap.error) ? (
      <NotFound />
    ) : (
      <LoadErrorAlert title={t('schedule.recap.recapLoadError')} error={recap.error} onRetry={() => void recap.refetch()} />
    )
  }
  const { chat, rooms, polls, questions, board } = recap.data
  return (
    <div className="space-y-10">
      {session.status === 'live' && <Alert tone="info">{t('schedule.recap.liveNote')}</Alert>}
      <RecapRecordings session={session} />
      <RecapChat chat={chat} rooms={rooms} />
      <RecapPolls polls={polls} voter={!session.viewer.can_manage} />
      <RecapQuestions questions={questions} />
      <RecapBoard sessionId={session.id} classTitle={session.title} board={board} rooms={rooms} />
    </div>
  )
}

/** `/classes/:sessionId/recap`: what a class said, asked, voted and drew, for its tutors and attendees. */
export function ClassRecapRoute() {
  const { t } = useTranslation()
  const { sessionId = '' } = useParams()
  const session = useClass(sessionId)
  const now = useNow()
  useDocumentTitle(session.data?.title ?? t('schedule.recap.title'))

  return (
    <div className="space-y-8">
      <BackToMyClasses />
      {!session.isSuccess && <PageHeading className="mb-0">{t('schedule.recap.title')}</PageHeading>}
      {session.isPending ? (
        <Loading />
      ) : session.isError ? (
        notFound(session.error) ? (
          <NotFound />
        ) : (
          <LoadErrorAlert title={t('schedule.recap.loadError')} error={session.error} onRetry={() => void session.refetch()} />
        )
      ) : (
        <>
          <RecapHeader session={session.data} now={now} />
          <RecapBody session={session.data} now={now} />
        </>
      )}
    </div>
  )
}
