import { useTranslation } from 'react-i18next'

import type { Lesson } from '@/api/types'
import { Card } from '@/components/ui/card'

/** A quiz lesson: the quiz's standing, a timed attempt and its results. */
export function QuizLesson({ lesson }: { lesson: Lesson }) {
  const { t } = useTranslation()
  return <Card aria-label={lesson.title}>{t('quizzes.title')}</Card>
}
