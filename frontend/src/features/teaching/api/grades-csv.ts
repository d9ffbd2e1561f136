import { useMutation } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'
import { saveBlob } from '@/lib/save-blob'

/**
 * `GET /courses/{slug}/grades.csv`: one row per student, one column per assignment. It needs the
 * access token, so it is fetched through the API client as a blob rather than opened as a link.
 */
export function getGradesCsv(slug: string): Promise<Blob> {
  return unwrap(
    apiClient.GET('/api/v1/courses/{slug}/grades.csv', { params: { path: { slug } }, parseAs: 'blob' }),
  )
}

export function useExportGrades(slug: string) {
  return useMutation({
    mutationFn: () => getGradesCsv(slug),
    onSuccess: (blob) => saveBlob(blob, `${slug}-grades.csv`),
  })
}
