import { useTranslation } from 'react-i18next'

import type { CourseDetail, QuizCreateBody } from '@/api/types'
import { Card } from '@/components/ui/card'
import { notify } from '@/lib/notices'

import { useCreateQuiz } from '../../api/quiz-create'
import { useCourseQuizzes } from '../../api/quiz-list'
import { NEW_QUIZ_VALUES } from '../../utils/quiz-settings-model'
import { BackToQuizzes } from './back-to-quizzes'
import { QuizSettingsForm } from './quiz-settings-form'
import { useQuizNavigation } from './use-quiz-navigation'

/** The settings of a quiz that doesn't exist yet; once saved, its questions can be added. */
export function NewQuiz({ course }: { course: CourseDetail }) {
  const { t } = useTranslation()
  const nav = useQuizNavigation()
  const create = useCreateQuiz(course.slug)
  const quizzes = useCourseQuizzes(course.slug)

  const onSubmit = async (body: QuizCreateBody) => {
    const quiz = await create.mutateAsync(body)
    notify(t('quizBuilder.created'))
    // Replace the form's entry: Back from the new quiz goes to the list, not to an empty form.
    nav.openQuiz(quiz.id, true)
  }

  return (
    <div className="space-y-4">
      <BackToQuizzes />
      <Card className="space-y-4">
        <div>
          <h2 className="text-xl font-semibold">{t('quizBuilder.newTitle')}</h2>
          <p className="text-slate-700">{t('quizBuilder.newIntro')}</p>
        </div>
        <QuizSettingsForm
          course={course}
          quizzes={quizzes.data ?? []}
          quizId={null}
          initial={NEW_QUIZ_VALUES}
          pending={create.isPending}
          error={create.error}
          onSubmit={onSubmit}
          onCancel={() => nav.closeQuiz()}
        />
      </Card>
    </div>
  )
}
