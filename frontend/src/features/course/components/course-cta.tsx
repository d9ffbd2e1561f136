import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'

import type { CourseDetail } from '@/api/types'
import { CourseCover } from '@/components/course/course-cover'
import { CoursePrice } from '@/components/course/course-price'
import { Alert } from '@/components/ui/alert'
import { ApiErrorAlert } from '@/components/ui/api-error-alert'
import { Button, ButtonLink } from '@/components/ui/button'
import { ProgressBar } from '@/components/ui/progress-bar'
import { useAuth } from '@/lib/auth/auth-context'
import { formatMoney } from '@/lib/format'
import { isApiError } from '@/lib/errors'

import { useEnroll } from '../api/enroll'
import { useHasSubscription, useSubscriptionEnrol } from '../api/subscriptions'
import { useBuyingT } from '../i18n'

/**
 * What the visitor can do next: edit (tutors of the course), continue (students), enrol (free courses, or
 * paid ones their subscription includes) or buy.
 */
export function CourseCta({ course }: { course: CourseDetail }) {
  const { t } = useTranslation()
  const { t: bt, i18n } = useBuyingT()
  const { status } = useAuth()
  const navigate = useNavigate()
  const enroll = useEnroll(course.slug)
  const { viewer } = course
  const learnPath = `/learn/${course.slug}`
  const canBuy = !viewer.is_enrolled && !viewer.can_edit && !course.is_free
  const included = canBuy && course.included_in_subscription
  const subscribed = useHasSubscription(included && status === 'authenticated').data === true
  const subscriptionEnrol = useSubscriptionEnrol(course.slug)
  const checkoutPath = `/checkout?course=${encodeURIComponent(course.slug)}`

  const onEnroll = () => {
    if (status !== 'authenticated') {
      void navigate(`/login?next=${encodeURIComponent(`/courses/${course.slug}`)}`)
      return
    }
    enroll.mutate(undefined, { onSuccess: () => void navigate(learnPath) })
  }

  const onSubscriptionEnrol = () => subscriptionEnrol.mutate(undefined, { onSuccess: () => void navigate(learnPath) })

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
            {included && (
              <div className="space-y-1 rounded-md bg-brand-50 p-3 text-brand-900">
                <p className="font-semibold">{bt('courseBuying.included')}</p>
                {!subscribed && (
                  <p className="text-sm">
                    {bt('courseBuying.includedHint')}{' '}
                    <Link to="/my/subscription" className="link">
                      {bt('courseBuying.seePlans')}
                    </Link>
                  </p>
                )}
              </div>
            )}
            {included && subscribed && (
              <Button
                fullWidth
                size="lg"
                onClick={onSubscriptionEnrol}
                loading={subscriptionEnrol.isPending}
                loadingText={bt('courseBuying.enrolling')}
              >
                {bt('courseBuying.enrolWithSubscription')}
              </Button>
            )}
            <ButtonLink to={checkoutPath} fullWidth size="lg" variant={included && subscribed ? 'secondary' : 'primary'}>
              {bt('courseBuying.buyFor', { price: formatMoney(course.price_amount, course.currency, i18n.language) })}
            </ButtonLink>
          </>
        )}
        {viewer.can_edit && (
          <ButtonLink to={`/teaching/${course.slug}`} fullWidth variant={viewer.is_enrolled ? 'secondary' : 'primary'}>
            {t('course.edit')}
          </ButtonLink>
        )}
        <ApiErrorAlert error={enroll.error} />
        {isApiError(subscriptionEnrol.error) && subscriptionEnrol.error.code === 'subscription_required' ? (
          <Alert tone="error">{bt('courseBuying.subscriptionRequired')}</Alert>
        ) : (
          <ApiErrorAlert error={subscriptionEnrol.error} />
        )}
      </div>
    </div>
  )
}
