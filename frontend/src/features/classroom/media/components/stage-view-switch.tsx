import { useTranslation } from 'react-i18next'

import { cn } from '@/components/ui/cn'

import type { MediaRoomValue, StageView } from '../media-room-context'

/** "Video / Whiteboard": what this person's stage shows; the whiteboard keeps working either way. */
export function StageViewSwitch({ media }: { media: MediaRoomValue }) {
  const { t } = useTranslation()
  const options: { view: StageView; label: string }[] = [
    { view: 'video', label: t('media.stage.video') },
    { view: 'board', label: t('media.stage.board') },
  ]
  return (
    <div role="group" aria-label={t('media.stage.view')} className="flex shrink-0 justify-center gap-1 bg-slate-900 p-1.5">
      {options.map((option) => (
        <button
          key={option.view}
          type="button"
          aria-pressed={media.view === option.view}
          onClick={() => media.setView(option.view)}
          className={cn(
            'min-h-9 rounded-md px-4 text-sm font-semibold',
            media.view === option.view ? 'bg-white text-slate-900' : 'text-white hover:bg-white/10',
          )}
        >
          {option.label}
          {option.view === 'video' && media.screen && media.view !== 'video' && (
            <span className="ms-2 rounded bg-red-600 px-1.5 text-xs text-white">{t('media.stage.sharing')}</span>
          )}
        </button>
      ))}
    </div>
  )
}
