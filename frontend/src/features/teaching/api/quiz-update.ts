import { useMutation, useQueryClient } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { sharedQueryKeys } from '@/api/query-keys'
import type { QuizDetail, QuizUpdateBody } from '@/api/types'
import { unwrap } from '@/lib/errors'

import { useQuizCache } from '../utils/quiz-cache'
import { applyIdOrder } from '../utils/quiz-order'

/** `PATCH /quizzes/{id}`: settings, `is_published` (needs a question) or `question_ids` (the whole new order). */
export function updateQuiz(id: string, body: QuizUpdateBody) {
  return unwrap(apiClient.PATCH('/api/v1/quizzes/{id}', { params: { path: { id } }, body }))
}

/** Saves settings or publishes; `previousLessonId` lets the lesson the quiz left be refreshed too. */
export function useUpdateQuiz(quizId: string, previousLessonId: string | null) {
  const cache = useQuizCache()
  return useMutation({
    mutationFn: (body: QuizUpdateBody) => updateQuiz(quizId, body),
    onSuccess: (quiz) => cache.store(quiz, previousLessonId),
  })
}

/**
 * Saves a new order of the questions. The page shows it at once; saves run one after another
 * (same `scope`), and a refused one puts back what the server has.
 */
export function useReorderQuestions(quizId: string) {
  const queryClient = useQueryClient()
  const cache = useQuizCache()
  const key = sharedQueryKeys.quiz(quizId)
  const mutationKey = ['quiz-order', quizId]
  return useMutation({
    mutationKey,
    scope: { id: `quiz-order:${quizId}` },
    mutationFn: (questionIds: string[]) => updateQuiz(quizId, { question_ids: questionIds }),
    onMutate: async (questionIds) => {
      await queryClient.cancelQueries({ queryKey: key, exact: true })
      queryClient.setQueryData<QuizDetail>(key, (quiz) =>
        quiz ? { ...quiz, questions: applyIdOrder(quiz.questions, questionIds) } : quiz,
      )
    },
    onSuccess: (quiz) => {
      // A newer order is queued behind this one: keep showing it rather than this answer.
      if (queryClient.isMutating({ mutationKey }) <= 1) void cache.store(quiz)
    },
    onError: () => queryClient.invalidateQueries({ queryKey: key, exact: true }),
  })
}
