import { useTranslation } from 'react-i18next'

import { dismissNotice, useNotices } from '@/lib/notices'

import { cn } from './cn'

const tones = {
  success: 'border-brand-700 bg-white text-brand-900',
  info: 'border-sky-700 bg-white text-sky-950',
  error: 'border-red-700 bg-white text-red-900',
} as const

/** Announces notices from `notify()` in a polite live region at the bottom of the screen. */
export function Toaster() {
  const { t } = useTranslation()
  const notices = useNotices()
  return (
    <div
      aria-live="polite"
      className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex flex-col items-center gap-2 p-4 sm:items-end"
    >
      {notices.map((notice) => (
        <div
          key={notice.id}
          role={notice.tone === 'error' ? 'alert' : 'status'}
          className={cn(
            'pointer-events-auto flex w-full max-w-sm items-start gap-3 rounded-md border-s-4 p-4 shadow-lg',
            tones[notice.tone],
          )}
        >
          <p className="flex-1">{notice.message}</p>
          <button
            type="button"
            onClick={() => dismissNotice(notice.id)}
            className="-m-1 rounded p-1 text-slate-700 hover:bg-slate-100"
            aria-label={t('common.dismiss')}
          >
            <span aria-hidden="true">✕</span>
          </button>
        </div>
      ))}
    </div>
  )
}
