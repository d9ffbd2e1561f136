import { useTranslation } from 'react-i18next'

import { buttonClasses } from '@/components/ui/button-classes'

import type { ZoomMeeting } from '../api'

/** A Zoom class: the meeting's link (and the host's for tutors), while chat, polls and the board stay here. */
export function ZoomPanel({ zoom, tutor }: { zoom: ZoomMeeting | null; tutor: boolean }) {
  const { t } = useTranslation()
  return (
    <div className="m-3 space-y-3 rounded-lg bg-white p-4 text-slate-900 shadow-lg" data-zoom>
      <h2 className="text-lg font-semibold">{t('media.zoom.title')}</h2>
      {zoom ? (
        <>
          <p>{t('media.zoom.body')}</p>
          <div className="flex flex-wrap gap-3">
            {tutor && zoom.start_url && (
              <a href={zoom.start_url} target="_blank" rel="noopener noreferrer" className={buttonClasses({ size: 'lg' })}>
                {t('media.zoom.start')}
              </a>
            )}
            <a
              href={zoom.join_url}
              target="_blank"
              rel="noopener noreferrer"
              className={buttonClasses({ size: 'lg', variant: tutor && zoom.start_url ? 'secondary' : 'primary' })}
            >
              {t('media.zoom.join')}
            </a>
          </div>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-slate-600">{t('media.zoom.meetingId')}</dt>
            <dd className="font-mono" dir="ltr">
              {zoom.meeting_id}
            </dd>
            {zoom.password && (
              <>
                <dt className="text-slate-600">{t('media.zoom.password')}</dt>
                <dd className="font-mono" dir="ltr">
                  {zoom.password}
                </dd>
              </>
            )}
          </dl>
        </>
      ) : (
        <p>{t('media.zoom.missing')}</p>
      )}
    </div>
  )
}
