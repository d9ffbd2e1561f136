import { useTranslation } from 'react-i18next'

/**
 * "● Recording" for everyone in the room while the class is recorded. The live region is always there, so
 * screen readers hear when recording starts; `data-recording` says "on" or "off".
 */
export function RecordingIndicator({ on }: { on: boolean }) {
  const { t } = useTranslation()
  return (
    <span role="status" data-recording={on ? 'on' : 'off'} className={on ? 'inline-flex' : 'sr-only'}>
      {on && (
        <span className="inline-flex items-center gap-1.5 rounded-full bg-red-50 px-2.5 py-1 text-sm font-semibold text-red-800">
          <span aria-hidden="true" className="motion-safe:animate-pulse">
            ●
          </span>
          {t('classroom.recording.indicator')}
        </span>
      )}
    </span>
  )
}
