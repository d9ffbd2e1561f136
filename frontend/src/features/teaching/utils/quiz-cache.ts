import { useQueryClient } from '@tanstack/react-query'
import { useMemo } from 'react'

import { sharedQueryKeys } from '@/api/query-keys'
import type { QuizDetail } from '@/api/types'

export const quizBuilderKeys = {
  list: (slug: string) => ['courses', 'quizzes', slug] as const,
  attempts: (quizId: string) => ['quizzes', quizId, 'attempts'] as const,
}

/** Keeps the quiz builder's lists, the open quiz and the lessons that open quizzes in step after a change. */
export function useQuizCache() {
  const queryClient = useQueryClient()
  return useMemo(() => {
    /** A lesson's `quiz_id` depends on which quiz it opens and whether that quiz is published. */
    const refreshLessons = (lessonIds: readonly (string | null | undefined)[]) =>
      Promise.all(
        [...new Set(lessonIds)].flatMap((id) =>
          id ? [queryClient.invalidateQueries({ queryKey: sharedQueryKeys.lesson(id) })] : [],
        ),
      )
    return {
      refreshLessons,
      /** A change answered with the whole quiz: show it at once, refresh the list's counts. */
      store(quiz: QuizDetail, previousLessonId?: string | null) {
        queryClient.setQueryData(sharedQueryKeys.quiz(quiz.id), quiz)
        void refreshLessons([quiz.lesson_id, previousLessonId])
        return queryClient.invalidateQueries({ queryKey: quizBuilderKeys.list(quiz.course_slug) })
      },
      /** A change answered with a part (a question): fetch the quiz and the list again. */
      refresh(slug: string, quizId: string) {
        return Promise.all([
          queryClient.invalidateQueries({ queryKey: sharedQueryKeys.quiz(quizId), exact: true }),
          queryClient.invalidateQueries({ queryKey: quizBuilderKeys.list(slug) }),
        ])
      },
      remove(slug: string, quizId: string, lessonId: string | null) {
        queryClient.removeQueries({ queryKey: sharedQueryKeys.quiz(quizId) })
        void refreshLessons([lessonId])
        return queryClient.invalidateQueries({ queryKey: quizBuilderKeys.list(slug) })
      },
    }
  }, [queryClient])
}
