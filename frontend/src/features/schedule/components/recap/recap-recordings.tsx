import { useTranslation } from 'react-i18next'

import { useSessionRecordings } from '@/api/recordings/list-recordings'
import { RecordingsSection } from '@/components/recordings/recordings-section'

import type { LiveClass } from '../../api/types'

/**
 * The class's recordings at the top of its recap: tutors see every one (processing ones with their
 * progress) and manage them; students see the ready ones, and nothing when there are none.
 */
export function RecapRecordings({ session }: { session: LiveClass }) {
  const { t } = useTranslation()
  const tutor = session.viewer.can_manage
  const recordings = useSessionRecordings(session.id)
  return (
    <RecordingsSection
      query={recordings}
      canManage={tutor}
      title={t('schedule.recap.recordings')}
      empty={t('schedule.recap.noRecordings')}
      hideWhenEmpty={!tutor}
      anchor="recordings"
      headingClassName="border-b border-slate-200 pb-2 text-xl font-semibold text-slate-900"
    />
  )
}
