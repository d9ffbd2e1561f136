import { useTranslation } from 'react-i18next'

import type { Question } from '@/api/types'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'

/** A prompt cut to one line's worth, by characters rather than UTF-16 units (Urdu, emoji). */
function shorten(prompt: string, max = 80): string {
  const characters = Array.from(prompt.replace(/\s+/g, ' ').trim())
  return characters.length > max ? `${characters.slice(0, max).join('')}…` : characters.join('')
}

/** "Submit your answers?", naming any question left unanswered, since submitting is final. */
export function SubmitConfirm({
  open,
  questions,
  unanswered,
  confirming,
  onConfirm,
  onCancel,
}: {
  open: boolean
  questions: readonly Question[]
  unanswered: readonly Question[]
  confirming: boolean
  onConfirm: () => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  return (
    <ConfirmDialog
      open={open}
      tone="primary"
      title={t('quizzes.take.confirmTitle')}
      confirmLabel={t('quizzes.take.confirm')}
      cancelLabel={t('quizzes.take.keepWorking')}
      confirming={confirming}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      {unanswered.length > 0 ? (
        <>
          <p>{t('quizzes.take.confirmUnanswered', { count: unanswered.length })}</p>
          <ul className="mt-1 max-h-40 list-disc overflow-y-auto ps-5">
            {unanswered.map((question) => (
              <li key={question.id}>
                {t('quizzes.take.questionOf', { number: questions.indexOf(question) + 1, total: questions.length })}
                {': '}
                <bdi>{shorten(question.prompt)}</bdi>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('quizzes.take.confirmAllAnswered')}</p>
      )}
      <p className="mt-2">{t('quizzes.take.confirmFinal')}</p>
    </ConfirmDialog>
  )
}
