import type { CourseDetail } from '@/api/types'

import { NewQuiz } from './quizzes/new-quiz'
import { QuizEditor } from './quizzes/quiz-editor'
import { QuizList } from './quizzes/quiz-list'
import { useQuizNavigation } from './quizzes/use-quiz-navigation'

/** The builder's Quizzes tab: the course's quizzes, one quiz's settings and questions, and its attempts. */
export function QuizzesPanel({ course }: { course: CourseDetail }) {
  const { quiz } = useQuizNavigation()
  if (quiz === 'new') return <NewQuiz course={course} />
  if (quiz) return <QuizEditor key={quiz} course={course} quizId={quiz} />
  return <QuizList course={course} />
}
