import { useTranslation } from 'react-i18next'

import { useCourseRecordings } from '@/api/recordings/list-recordings'
import type { CourseDetail } from '@/api/types'
import { RecordingsSection } from '@/components/recordings/recordings-section'

/** The ready recordings of the course's live classes, for its tutors and enrolled students. */
export function CourseRecordings({ course }: { course: CourseDetail }) {
  const { t } = useTranslation()
  const member = course.viewer.can_edit || course.viewer.is_enrolled
  const recordings = useCourseRecordings(course.slug, member)
  if (!member) return null
  return (
    <RecordingsSection
      query={recordings}
      canManage={course.viewer.can_edit}
      title={t('classroom.recordings.courseTitle')}
      empty={t('classroom.recordings.courseEmpty')}
      hideWhenEmpty
    />
  )
}
