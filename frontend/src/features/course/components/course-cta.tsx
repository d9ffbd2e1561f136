import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'

import type { CourseDetail } from '@/api/types'
import { CourseCover } from '@/components/course/course-cover'
import { CoursePrice } from '@/components/course/course-price'
import { ApiErrorAlert } from '@/components/ui/api-error-alert'
import { Button, ButtonLink } from '@/components/ui/button'
import { ProgressBar } from '@/components/ui/progress-bar'
import { useAuth } from '@/lib/auth/auth-context'

import { useEnroll } from '../api/enroll'

/**
 * What the visitor can do next: edit (tutors of the course), continue (students),
 * enrol (free courses) or see the price with buying switched off for now.
 */
export function CourseCta({ course }: { course: CourseDetail }) {
  const { t } = useTranslation()
  const { status } = useAuth()
  const navigate = useNavigate()
  const enroll = useEnroll(course.slug)
  const soonId = useId()
  const { viewer } = course
  const learnPath = `/learn/${course.slug}`

  const onEnroll = () => {
    if (status !== 'authenticated') {
      void navigate(`/login?next=${encodeURIComponent(`/courses/${course.slug}`)}`)
      return
    }
    enroll.mutate(undefined, { onSuccess: () => void navigate(learnPath) })
  }

  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
      <CourseCover src={course.cover_url} title={course.title} />
      <div className="space-y-4 p-4 sm:p-6">
        {!viewer.is_enrolled && (
          <p className="text-3xl">
            <CoursePrice amount={course.price_amount} currency={course.currency} />
          </p>
        )}
        {viewer.is_enrolled ? (
          <>
            <ProgressBar value={viewer.progress_percent} label={t('course.yourProgress')} />
            <ButtonLink to={learnPath} fullWidth size="lg">
              {t('course.continue')}
            </ButtonLink>
          </>
        ) : viewer.can_edit ? null : course.is_free ? (
          <Button fullWidth size="lg" onClick={onEnroll} loading={enroll.isPending} loadingText={t('course.enrolling')}>
            {t('course.enrollFree')}
          </Button>
        ) : (
          <>
            <Button fullWidth size="lg" disabled aria-describedby={soonId}>
              {t('course.buy')}
            </Button>
            <p id={soonId} className="text-sm text-slate-700">
              {t('course.paymentsSoon')}
            </p>
          </>
        )}
        {viewer.can_edit && (
          <ButtonLink to={`/teaching/${course.slug}`} fullWidth variant={viewer.is_enrolled ? 'secondary' : 'primary'}>
            {t('course.edit')}
          </ButtonLink>
        )}
        <ApiErrorAlert error={enroll.error} />
      </div>
    </div>
  )
}
