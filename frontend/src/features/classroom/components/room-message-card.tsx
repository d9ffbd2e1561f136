import { useTranslation } from 'react-i18next'

import { Button, ButtonLink } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { PageHeading } from '@/components/ui/page-heading'
import { useDocumentTitle } from '@/lib/use-document-title'

import { OpensSoon } from './opens-soon'

/** Why this page cannot show the room: a refusal code from the server, or how the visit ended. */
const REASONS = [
  'too_early',
  'not_invited',
  'not_found',
  'session_ended',
  'session_over',
  'session_cancelled',
  'removed',
  'denied',
  'class_ended',
  'unauthenticated',
  'forbidden',
] as const
export type RoomEndReason = (typeof REASONS)[number]

function knownReason(reason: string): RoomEndReason {
  return (REASONS as readonly string[]).includes(reason) ? (reason as RoomEndReason) : 'forbidden'
}

/** Reasons where trying again can help (a lapsed sign-in, an unexplained refusal). */
const RETRYABLE: readonly RoomEndReason[] = ['unauthenticated', 'forbidden', 'too_early']

/** A full-page card in place of the room: what happened and where to go next. */
export function RoomMessageCard({
  reason,
  onRetry,
  sessionId,
}: {
  reason: string
  onRetry?: () => void
  /** Lets a "not open yet" card say when the class opens. */
  sessionId?: string
}) {
  const { t } = useTranslation()
  const known = knownReason(reason)
  const title = t(`classroom.closed.${known}.title`)
  useDocumentTitle(title)
  return (
    <Card className="mx-auto max-w-xl space-y-4">
      <PageHeading focusOnMount className="mb-0" lead={t(`classroom.closed.${known}.body`)}>
        {title}
      </PageHeading>
      {known === 'too_early' && sessionId && <OpensSoon sessionId={sessionId} onOpen={onRetry} />}
      <div className="flex flex-wrap gap-2">
        <ButtonLink to="/my/courses">{t('classroom.backToCourses')}</ButtonLink>
        <ButtonLink to="/my/classes" variant="secondary">
          {t('classroom.myClasses')}
        </ButtonLink>
        {onRetry && RETRYABLE.includes(known) && (
          <Button variant="secondary" onClick={onRetry}>
            {t('classroom.tryAgain')}
          </Button>
        )}
      </div>
    </Card>
  )
}
