import { useTranslation } from 'react-i18next'

import { ButtonLink } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { PageHeading } from '@/components/ui/page-heading'
import { Spinner } from '@/components/ui/spinner'
import { useDocumentTitle } from '@/lib/use-document-title'

import type { RoomConnection } from '../hooks/use-room-socket'
import { ConnectionIndicator } from './connection-indicator'

/** A student waits here until a tutor lets them in; the room appears by itself when they do. */
export function WaitingScreen({ connection }: { connection: RoomConnection }) {
  const { t } = useTranslation()
  useDocumentTitle(t('classroom.waiting.title'))
  return (
    <Card className="mx-auto max-w-xl space-y-4 text-center">
      <div className="flex justify-center text-brand-700">
        <Spinner size="lg" />
      </div>
      <PageHeading focusOnMount className="mb-0" lead={t('classroom.waiting.body')}>
        {t('classroom.waiting.title')}
      </PageHeading>
      <ConnectionIndicator connection={connection} />
      <div>
        <ButtonLink variant="secondary" to="/my/courses">
          {t('classroom.leave')}
        </ButtonLink>
      </div>
    </Card>
  )
}

/** Shown until the room says who we are. */
export function JoiningScreen({ connection }: { connection: RoomConnection }) {
  const { t } = useTranslation()
  useDocumentTitle(t('classroom.joining'))
  return (
    <div className="flex flex-col items-center gap-4 py-16 text-brand-700">
      <Spinner size="lg" label={t('classroom.joining')} />
      <ConnectionIndicator connection={connection} />
    </div>
  )
}
