import type { Assignment, CourseDetail, SyllabusLesson } from '@/api/types'

/** Lessons of kind "assignment", in syllabus order, with the section each sits in. */
export function assignmentLessons(course: CourseDetail): Array<{ lesson: SyllabusLesson; section: string }> {
  return course.sections.flatMap((section) =>
    section.lessons.filter((lesson) => lesson.kind === 'assignment').map((lesson) => ({ lesson, section: section.title })),
  )
}

export function lessonTitle(course: CourseDetail, lessonId: string | null): string | null {
  if (!lessonId) return null
  for (const section of course.sections) {
    const lesson = section.lessons.find((item) => item.id === lessonId)
    if (lesson) return lesson.title
  }
  return null
}

/** Lessons already opened by another assignment (a lesson opens one assignment at most). */
export function takenLessonIds(assignments: readonly Assignment[], except?: string): Set<string> {
  return new Set(
    assignments.flatMap((assignment) => (assignment.lesson_id && assignment.id !== except ? [assignment.lesson_id] : [])),
  )
}
