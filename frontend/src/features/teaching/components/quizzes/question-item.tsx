import { useTranslation } from 'react-i18next'

import type { Question } from '@/api/types'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { ArrowDownIcon, ArrowUpIcon, CheckIcon } from '@/components/ui/icons'

const iconButton =
  'inline-flex size-10 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 disabled:opacity-40'

/** What counts as right, so a tutor can check the answer key at a glance. */
function AnswerKey({ question }: { question: Question }) {
  const { t } = useTranslation()
  const correct = question.correct_choice_ids ?? []
  if (question.kind === 'short') {
    return (
      <p className="text-sm text-slate-700">
        {t('quizBuilder.questions.accepted')}{' '}
        {(question.accepted_answers ?? []).map((answer, index) => (
          <span key={answer}>
            {index > 0 && t('quizBuilder.questions.listSeparator')}
            <bdi className="font-medium">{answer}</bdi>
          </span>
        ))}
      </p>
    )
  }
  if (question.kind === 'true_false') {
    return (
      <p className="text-sm text-slate-700">
        {t('quizBuilder.questions.answer')}{' '}
        <span className="font-medium">
          {correct[0] === 'false' ? t('quizBuilder.question.false') : t('quizBuilder.question.true')}
        </span>
      </p>
    )
  }
  return (
    <ul className="space-y-1 text-sm">
      {question.choices.map((choice) => {
        const right = correct.includes(choice.id)
        return (
          <li key={choice.id} className="flex items-start gap-2">
            {right ? <CheckIcon className="text-brand-700" /> : <span aria-hidden="true" className="size-5 shrink-0" />}
            <bdi className={right ? 'font-medium text-brand-900' : 'text-slate-700'}>{choice.text}</bdi>
            {right && <span className="sr-only">{t('quizBuilder.questions.correct')}</span>}
          </li>
        )
      })}
    </ul>
  )
}

/** One question in the builder: its prompt and answer key, move buttons, edit and delete. */
export function QuestionItem({
  question,
  number,
  canMoveUp,
  canMoveDown,
  onMove,
  onEdit,
  onDelete,
}: {
  question: Question
  number: number
  canMoveUp: boolean
  canMoveDown: boolean
  onMove: (direction: -1 | 1) => void
  onEdit: () => void
  onDelete: () => void
}) {
  const { t } = useTranslation()
  return (
    <li className="space-y-3 rounded-md border border-slate-200 bg-white p-3 sm:p-4">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-semibold">{t('quizBuilder.questions.number', { number })}</span>
        <Badge>{t(`quizBuilder.question.kind.${question.kind}`)}</Badge>
        <span className="text-sm text-slate-700">{t('quizBuilder.facts.pointCount', { count: question.points })}</span>
        <span className="ms-auto flex items-center">
          <button
            type="button"
            className={iconButton}
            disabled={!canMoveUp}
            onClick={() => onMove(-1)}
            aria-label={t('quizBuilder.questions.moveUp', { number })}
          >
            <ArrowUpIcon />
          </button>
          <button
            type="button"
            className={iconButton}
            disabled={!canMoveDown}
            onClick={() => onMove(1)}
            aria-label={t('quizBuilder.questions.moveDown', { number })}
          >
            <ArrowDownIcon />
          </button>
        </span>
      </div>
      <p className="break-words whitespace-pre-line" dir="auto">
        {question.prompt}
      </p>
      <AnswerKey question={question} />
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" size="sm" onClick={onEdit} aria-label={t('quizBuilder.questions.edit', { number })}>
          {t('quizBuilder.questions.editShort')}
        </Button>
        <Button variant="ghost" size="sm" onClick={onDelete} aria-label={t('quizBuilder.questions.delete', { number })}>
          {t('quizBuilder.questions.deleteShort')}
        </Button>
      </div>
    </li>
  )
}
