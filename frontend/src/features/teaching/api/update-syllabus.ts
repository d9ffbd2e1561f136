import { useMutation, useQueryClient } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { sharedQueryKeys } from '@/api/query-keys'
import type { CourseDetail, SyllabusBody } from '@/api/types'
import { unwrap } from '@/lib/errors'

import { applyOrder } from '../utils/syllabus-order'

/** `PUT /courses/{slug}/syllabus {sections: [{id, lessons: [ids]}]}`: the whole order, every item once. */
export function updateSyllabus(slug: string, body: SyllabusBody) {
  return unwrap(apiClient.PUT('/api/v1/courses/{slug}/syllabus', { params: { path: { slug } }, body }))
}

/**
 * Saves a new order. The page shows it at once; saves run one after another
 * (same `scope`), and a failed one puts back what the server has.
 */
export function useUpdateSyllabus(slug: string) {
  const queryClient = useQueryClient()
  const key = sharedQueryKeys.course(slug)
  const mutationKey = ['syllabus', slug]
  return useMutation({
    mutationKey,
    scope: { id: `syllabus:${slug}` },
    mutationFn: (body: SyllabusBody) => updateSyllabus(slug, body),
    onMutate: async (body) => {
      await queryClient.cancelQueries({ queryKey: key })
      queryClient.setQueryData<CourseDetail>(key, (course) =>
        course ? { ...course, sections: applyOrder(course.sections, body.sections) } : course,
      )
    },
    onSuccess: (course) => {
      // A newer order is queued behind this one: keep showing it rather than this answer.
      if (queryClient.isMutating({ mutationKey }) <= 1) queryClient.setQueryData(key, course)
    },
    onError: () => queryClient.invalidateQueries({ queryKey: key }),
  })
}
