import type { CourseDetail } from '@/api/types'

/** Where "Continue" lands: the first open lesson not completed yet, else the first open lesson. */
export function pickStartLesson(course: CourseDetail, completed: Record<string, boolean>): string | null {
  const open = course.sections.flatMap((section) => section.lessons).filter((lesson) => !lesson.is_locked)
  return (open.find((lesson) => !completed[lesson.id]) ?? open[0])?.id ?? null
}
