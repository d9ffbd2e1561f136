import type { Lesson } from '@/api/types'

import { QuizNotOpen, QuizPlayer } from './quiz/quiz-player'

/** A quiz lesson: the quiz's standing, a timed attempt and its results. */
export function QuizLesson({ lesson }: { lesson: Lesson }) {
  if (!lesson.quiz_id) return <QuizNotOpen />
  return <QuizPlayer key={lesson.quiz_id} quizId={lesson.quiz_id} slug={lesson.course_slug} />
}
