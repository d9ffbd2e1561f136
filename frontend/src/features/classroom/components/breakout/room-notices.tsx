import { useTranslation } from 'react-i18next'

import { Button } from '@/components/ui/button'

import { useAdmittedRoom } from '../../hooks/room-context'
import type { RoomNotice } from '../../utils/breakout-state'

/**
 * What the tutor tells every breakout room, and the call back to the main room, shown prominently above
 * the stage until dismissed. The page's live region reads them as they come, so these boxes stay quiet.
 */
export function RoomNotices() {
  const { t } = useTranslation()
  const { state, dismiss } = useAdmittedRoom()
  if (state.notices.length === 0) return null
  const title = (notice: RoomNotice) =>
    notice.kind === 'broadcast' ? t('classroom.breakout.broadcastFrom') : t('classroom.breakout.backInMain')
  return (
    <ul className="space-y-2">
      {state.notices.map((notice) => (
        <li
          key={notice.id}
          className="flex flex-wrap items-start gap-3 rounded-lg border-s-4 border-sky-700 bg-sky-50 p-4 text-sky-950"
        >
          <span aria-hidden="true" className="text-xl">
            {notice.kind === 'broadcast' ? '📣' : '🏠'}
          </span>
          <div className="min-w-0 flex-1 space-y-1">
            <p className="font-semibold">{title(notice)}</p>
            <p className="break-words whitespace-pre-wrap">
              {notice.kind === 'broadcast' ? notice.body : t('classroom.breakout.backInMainBody')}
            </p>
          </div>
          <Button size="sm" variant="ghost" onClick={() => dismiss('notice', notice.id)}>
            {t('classroom.breakout.dismiss')}
          </Button>
        </li>
      ))}
    </ul>
  )
}
