import { useTranslation } from 'react-i18next'

import type { Lesson } from '@/api/types'
import { EmptyState } from '@/components/ui/empty-state'

import { AssignmentPanel } from './assignment/assignment-panel'

/** An assignment lesson: instructions, the student's hand-in and, once returned, the grade. */
export function AssignmentLesson({ lesson }: { lesson: Lesson }) {
  const { t } = useTranslation()
  if (!lesson.assignment_id) {
    return <EmptyState title={t('assignments.notOpen.title')}>{t('assignments.notOpen.body')}</EmptyState>
  }
  return <AssignmentPanel assignmentId={lesson.assignment_id} courseSlug={lesson.course_slug} />
}
