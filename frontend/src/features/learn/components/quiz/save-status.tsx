import { useTranslation } from 'react-i18next'

import { Button } from '@/components/ui/button'
import { CheckIcon } from '@/components/ui/icons'
import { Spinner } from '@/components/ui/spinner'

import type { SaveState } from './use-answer-autosave'

/** "Saving…" / "Saved" / "Not saved" beside the timer, with a way to save again after a failure. */
export function SaveStatus({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  const { t } = useTranslation()
  if (state === 'idle') return null
  if (state === 'error') {
    return (
      <span className="flex items-center gap-2 text-sm font-medium text-red-800">
        <span aria-hidden="true">⚠</span>
        {t('quizzes.take.notSaved')}
        <Button variant="ghost" size="sm" onClick={onRetry}>
          {t('quizzes.take.saveNow')}
        </Button>
      </span>
    )
  }
  return (
    <span className="flex items-center gap-2 text-sm text-slate-700">
      {state === 'saving' ? <Spinner size="sm" /> : <CheckIcon className="size-4 text-brand-700" />}
      {state === 'saving' ? t('quizzes.take.saving') : t('quizzes.take.saved')}
    </span>
  )
}
