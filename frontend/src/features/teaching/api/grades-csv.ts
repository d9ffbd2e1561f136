import { useMutation } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'

/**
 * `GET /courses/{slug}/grades.csv`: one row per student, one column per assignment. It needs the
 * access token, so it is fetched through the API client as a blob rather than opened as a link.
 */
export function getGradesCsv(slug: string): Promise<Blob> {
  return unwrap(
    apiClient.GET('/api/v1/courses/{slug}/grades.csv', { params: { path: { slug } }, parseAs: 'blob' }),
  )
}

/** Hands a blob to the browser as a file download. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // Let the click start the download before the link stops working.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

export function useExportGrades(slug: string) {
  return useMutation({
    mutationFn: () => getGradesCsv(slug),
    onSuccess: (blob) => saveBlob(blob, `${slug}-grades.csv`),
  })
}
