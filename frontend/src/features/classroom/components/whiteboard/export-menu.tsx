import { useTranslation } from 'react-i18next'

import { Spinner } from '@/components/ui/spinner'

import type { ExportProgress } from '../../hooks/use-board-export'
import { Popover, PopoverItem } from '../popover'

/** The tutor's ways to take the board away: this page as a PNG, every page as a PDF, or into the course. */
export function ExportMenu({
  progress,
  onPng,
  onPdf,
  onSave,
}: {
  progress: ExportProgress | null
  onPng: () => void
  onPdf: () => void
  onSave: () => void
}) {
  const { t } = useTranslation()
  const text = !progress
    ? null
    : progress.step === 'binding'
      ? t('whiteboard.export.binding')
      : t('whiteboard.export.preparing', { done: progress.done, total: progress.total })
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Popover label={t('whiteboard.export.menu')} buttonClassName="min-h-9 px-3 text-sm">
        <PopoverItem onSelect={onPng}>{t('whiteboard.export.png')}</PopoverItem>
        <PopoverItem onSelect={onPdf}>{t('whiteboard.export.pdf')}</PopoverItem>
        <PopoverItem onSelect={onSave}>{t('whiteboard.export.save')}</PopoverItem>
      </Popover>
      {text && (
        <span role="status" className="inline-flex min-h-9 items-center gap-2 text-sm text-slate-800">
          <Spinner size="sm" />
          {text}
        </span>
      )}
    </div>
  )
}
