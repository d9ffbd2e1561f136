import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { QuizDetail } from '@/api/types'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { isApiError } from '@/lib/errors'
import { notify } from '@/lib/notices'

import { useDeleteQuiz } from '../../api/quiz-delete'
import { useUpdateQuiz } from '../../api/quiz-update'
import { hasErrorCode, quizErrorMessage } from '../../utils/quiz-errors'
import { useQuizNavigation } from './use-quiz-navigation'

/** The server says why a quiz can't be published (no questions yet) on the `is_published` field. */
function publishMessage(error: unknown): string | null {
  return isApiError(error) ? (error.fields.is_published?.[0] ?? null) : null
}

/**
 * Publish or unpublish the quiz, and delete it after confirming. A quiz students have taken can't
 * be deleted: that answer explains why and offers to unpublish it instead.
 */
export function QuizActions({ slug, quiz }: { slug: string; quiz: QuizDetail }) {
  const { t } = useTranslation()
  const nav = useQuizNavigation()
  const update = useUpdateQuiz(quiz.id, quiz.lesson_id)
  const remove = useDeleteQuiz(slug)
  const [confirming, setConfirming] = useState(false)

  const setPublished = (published: boolean) =>
    update.mutate(
      { is_published: published },
      { onSuccess: () => notify(published ? t('quizBuilder.published') : t('quizBuilder.unpublished')) },
    )

  const onDelete = () => {
    update.reset()
    remove.mutate(quiz, {
      onSuccess: () => {
        notify(t('quizBuilder.deleted'))
        nav.closeQuiz(true)
      },
      onSettled: () => setConfirming(false),
    })
  }

  const hasAttempts = hasErrorCode(remove.error, 'quiz_has_attempts')

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-3">
        <Button
          variant={quiz.is_published ? 'secondary' : 'primary'}
          loading={update.isPending}
          onClick={() => {
            remove.reset()
            setPublished(!quiz.is_published)
          }}
        >
          {quiz.is_published ? t('quizBuilder.unpublish') : t('quizBuilder.publish')}
        </Button>
        <Button variant="ghost" onClick={() => setConfirming(true)}>
          {t('quizBuilder.delete')}
        </Button>
      </div>
      {update.error !== null && (
        <Alert tone="error">{publishMessage(update.error) ?? quizErrorMessage(t, update.error)}</Alert>
      )}
      {hasAttempts ? (
        <Alert
          tone="warning"
          title={t('quizBuilder.hasAttemptsTitle')}
          action={
            quiz.is_published && (
              <Button variant="secondary" size="sm" loading={update.isPending} onClick={() => setPublished(false)}>
                {t('quizBuilder.unpublishInstead')}
              </Button>
            )
          }
        >
          {quiz.is_published ? t('quizBuilder.errors.quiz_has_attempts') : t('quizBuilder.hasAttemptsUnpublished')}
        </Alert>
      ) : (
        remove.error !== null && <Alert tone="error">{quizErrorMessage(t, remove.error)}</Alert>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('quizBuilder.confirmDeleteTitle', { title: quiz.title })}
        confirmLabel={t('quizBuilder.confirmDelete')}
        cancelLabel={t('common.cancel')}
        onConfirm={onDelete}
        onCancel={() => setConfirming(false)}
        confirming={remove.isPending}
      >
        {t('quizBuilder.confirmDeleteBody')}
      </ConfirmDialog>
    </div>
  )
}
