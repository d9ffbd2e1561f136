/** Which builder tab fixes each missing piece named by `publish-check` or `course_incomplete`. */
export function tabForField(field: string): 'details' | 'syllabus' {
  return field === 'lessons' ? 'syllabus' : 'details'
}
