import { useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'

import { apiClient } from '@/api/client'
import { sharedQueryKeys } from '@/api/query-keys'
import type { CourseDetail, Lesson, ProgressBody } from '@/api/types'
import { unwrap } from '@/lib/errors'

import { completedLessonsKey } from '../utils/completed-lessons'

/** `POST /lessons/{id}/progress {position_seconds?, completed?}`. */
export function saveProgress(lessonId: string, body: ProgressBody, options: { keepalive?: boolean } = {}) {
  return unwrap(
    apiClient.POST('/api/v1/lessons/{id}/progress', {
      params: { path: { id: lessonId } },
      body,
      keepalive: options.keepalive ?? false,
    }),
  )
}

/**
 * Saves progress and keeps what the page shows in step: the lesson's own
 * progress, the tick in the syllabus and the course's percentage.
 * `keepalive` lets the last position reach the server while the page unloads.
 */
export function useSaveProgress(slug: string) {
  const queryClient = useQueryClient()
  return useCallback(
    async (lessonId: string, body: ProgressBody, options: { keepalive?: boolean } = {}) => {
      const result = await saveProgress(lessonId, body, options)
      queryClient.setQueryData<Lesson>(sharedQueryKeys.lesson(lessonId), (lesson) =>
        lesson ? { ...lesson, progress: { position_seconds: result.position_seconds, completed: result.completed } } : lesson,
      )
      queryClient.setQueryData<Record<string, boolean>>(completedLessonsKey(slug), (done) => ({
        ...done,
        [lessonId]: result.completed,
      }))
      queryClient.setQueryData<CourseDetail>(sharedQueryKeys.course(slug), (course) =>
        course ? { ...course, viewer: { ...course.viewer, progress_percent: result.course_progress_percent } } : course,
      )
      void queryClient.invalidateQueries({ queryKey: sharedQueryKeys.enrollments })
      return result
    },
    [queryClient, slug],
  )
}
