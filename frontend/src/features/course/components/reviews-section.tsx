import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'

import type { CourseDetail } from '@/api/types'
import { CourseRating } from '@/components/course/course-rating'
import { Avatar } from '@/components/ui/avatar'
import { Card } from '@/components/ui/card'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { Pagination } from '@/components/ui/pagination'
import { RatingStars } from '@/components/ui/rating-stars'
import { Skeleton } from '@/components/ui/skeleton'
import { localeOf } from '@/lib/i18n'

import { REVIEWS_PAGE_SIZE, useReviews } from '../api/get-reviews'
import { ReviewForm } from './review-form'

const PAGE_PARAM = 'reviews_page'

/** Ratings summary, the student's own review form (when allowed) and everyone's reviews, paged. */
export function ReviewsSection({ course }: { course: CourseDetail }) {
  const { t, i18n } = useTranslation()
  const [params] = useSearchParams()
  const page = Math.max(1, Number.parseInt(params.get(PAGE_PARAM) ?? '1', 10) || 1)
  const reviews = useReviews(course.slug, page)
  const dates = new Intl.DateTimeFormat(localeOf(i18n.language), { dateStyle: 'medium' })

  const hrefFor = (target: number) => {
    const next = new URLSearchParams(params)
    if (target > 1) next.set(PAGE_PARAM, String(target))
    else next.delete(PAGE_PARAM)
    const query = next.toString()
    return `/courses/${course.slug}${query ? `?${query}` : ''}#reviews`
  }

  return (
    <section aria-labelledby="reviews" className="space-y-4">
      <h2 id="reviews" className="text-2xl font-bold">
        {t('course.reviews')}
      </h2>
      <CourseRating average={course.rating_average} count={course.rating_count} />

      {course.viewer.can_review && (
        <Card>
          <h3 className="mb-3 text-lg font-semibold">
            {course.viewer.my_review ? t('course.review.editTitle') : t('course.review.writeTitle')}
          </h3>
          <ReviewForm key={course.viewer.my_review?.id ?? 'new'} slug={course.slug} myReview={course.viewer.my_review} />
        </Card>
      )}

      {reviews.isPending ? (
        <div className="space-y-3" aria-busy="true">
          <Skeleton className="h-24" />
          <Skeleton className="h-24" />
        </div>
      ) : reviews.isError ? (
        <LoadErrorAlert title={t('course.reviewsError')} error={reviews.error} onRetry={() => void reviews.refetch()} />
      ) : reviews.data.count === 0 ? (
        <p className="text-slate-700">{t('course.noReviews')}</p>
      ) : (
        <>
          <ul className="space-y-3">
            {reviews.data.results.map((review) => (
              <li key={review.id} className="rounded-lg border border-slate-200 bg-white p-4">
                <div className="flex items-center gap-3">
                  <Avatar src={review.student.avatar_url} name={review.student.full_name} size="sm" />
                  <div className="min-w-0 flex-1">
                    <p className="font-semibold">{review.student.full_name}</p>
                    <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
                      <RatingStars value={review.rating} size="sm" />
                      <time dateTime={review.created_at}>{dates.format(new Date(review.created_at))}</time>
                    </p>
                  </div>
                </div>
                {review.body && (
                  <p className="mt-3 whitespace-pre-line text-slate-800" dir="auto">
                    {review.body}
                  </p>
                )}
              </li>
            ))}
          </ul>
          <Pagination page={page} pageCount={Math.ceil(reviews.data.count / REVIEWS_PAGE_SIZE)} hrefFor={hrefFor} />
        </>
      )}
    </section>
  )
}
