import { useTranslation } from 'react-i18next'

import type { QuestionBody, QuizDetail } from '@/api/types'
import { Dialog } from '@/components/ui/dialog'
import { notify } from '@/lib/notices'

import { useCreateQuestion } from '../../api/question-create'
import { useUpdateQuestion } from '../../api/question-update'
import { QuestionForm } from './question-form'
import { useQuizNavigation } from './use-quiz-navigation'

/** Adds a question (`question=new` in the URL) or edits one (`question=<id>`), in a side panel. */
export function QuestionEditorDialog({ slug, quiz }: { slug: string; quiz: QuizDetail }) {
  const { t } = useTranslation()
  const nav = useQuizNavigation()
  const create = useCreateQuestion(slug, quiz.id)
  const update = useUpdateQuestion(slug, quiz.id)
  const index = quiz.questions.findIndex((question) => question.id === nav.question)
  const question = quiz.questions[index] ?? null
  const open = nav.question === 'new' || question !== null
  const mutation = question ? update : create

  const close = () => {
    create.reset()
    update.reset()
    nav.closeQuestion()
  }

  const onSubmit = async (body: QuestionBody) => {
    if (question) await update.mutateAsync({ id: question.id, body })
    else await create.mutateAsync(body)
    notify(question ? t('quizBuilder.question.saved') : t('quizBuilder.question.added'))
    close()
  }

  return (
    <Dialog
      open={open}
      side
      title={question ? t('quizBuilder.question.editTitle', { number: index + 1 }) : t('quizBuilder.question.newTitle')}
      onClose={close}
    >
      {open && (
        <QuestionForm
          key={question?.id ?? 'new'}
          question={question}
          pending={mutation.isPending}
          error={mutation.error}
          onSubmit={onSubmit}
          onCancel={close}
        />
      )}
    </Dialog>
  )
}
