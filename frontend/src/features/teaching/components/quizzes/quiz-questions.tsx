import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { Question, QuizDetail } from '@/api/types'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { EmptyState } from '@/components/ui/empty-state'
import { Spinner } from '@/components/ui/spinner'
import { notify } from '@/lib/notices'

import { useDeleteQuestion } from '../../api/question-delete'
import { useReorderQuestions } from '../../api/quiz-update'
import { quizErrorMessage } from '../../utils/quiz-errors'
import { stepId } from '../../utils/quiz-order'
import { QuestionEditorDialog } from './question-editor-dialog'
import { QuestionItem } from './question-item'
import { useQuizNavigation } from './use-quiz-navigation'

/** The quiz's questions in order: add, edit, delete, and move them up or down (saved at once). */
export function QuizQuestions({ slug, quiz }: { slug: string; quiz: QuizDetail }) {
  const { t } = useTranslation()
  const headingId = useId()
  const nav = useQuizNavigation()
  const reorder = useReorderQuestions(quiz.id)
  const remove = useDeleteQuestion(slug, quiz.id)
  const [pending, setPending] = useState<{ question: Question; number: number } | null>(null)
  const ids = quiz.questions.map((question) => question.id)
  const error = remove.error ?? reorder.error

  const move = (index: number, direction: -1 | 1) => {
    const next = stepId(ids, index, direction)
    if (!next) return
    remove.reset()
    reorder.mutate(next)
  }

  const onConfirmDelete = () => {
    if (!pending) return
    reorder.reset()
    remove.mutate(pending.question.id, {
      onSuccess: () => notify(t('quizBuilder.questions.deleted')),
      onSettled: () => setPending(null),
    })
  }

  return (
    <Card className="space-y-4">
      <section aria-labelledby={headingId} className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div>
            <h3 id={headingId} className="text-lg font-semibold">
              {t('quizBuilder.questions.title')}
            </h3>
            <p className="text-sm text-slate-700">{t('quizBuilder.questions.intro')}</p>
          </div>
          <Button onClick={() => nav.openQuestion('new')}>{t('quizBuilder.questions.add')}</Button>
        </div>
        {error !== null && <Alert tone="error">{quizErrorMessage(t, error)}</Alert>}
        <p role="status" className="min-h-6 text-sm text-slate-700">
          {reorder.isPending && (
            <span className="inline-flex items-center gap-2">
              <Spinner size="sm" />
              {t('quizBuilder.questions.savingOrder')}
            </span>
          )}
        </p>
        {quiz.questions.length === 0 ? (
          <EmptyState title={t('quizBuilder.questions.empty')}>{t('quizBuilder.questions.emptyHint')}</EmptyState>
        ) : (
          <ol aria-label={t('quizBuilder.questions.title')} className="space-y-3">
            {quiz.questions.map((question, index) => (
              <QuestionItem
                key={question.id}
                question={question}
                number={index + 1}
                canMoveUp={index > 0}
                canMoveDown={index < quiz.questions.length - 1}
                onMove={(direction) => move(index, direction)}
                onEdit={() => nav.openQuestion(question.id)}
                onDelete={() => setPending({ question, number: index + 1 })}
              />
            ))}
          </ol>
        )}
      </section>
      <QuestionEditorDialog slug={slug} quiz={quiz} />
      <ConfirmDialog
        open={pending !== null}
        title={t('quizBuilder.questions.confirmTitle', { number: pending?.number ?? 0 })}
        confirmLabel={t('quizBuilder.questions.confirmDelete')}
        cancelLabel={t('common.cancel')}
        onConfirm={onConfirmDelete}
        onCancel={() => setPending(null)}
        confirming={remove.isPending}
      >
        {t('quizBuilder.questions.confirmBody')}
      </ConfirmDialog>
    </Card>
  )
}
