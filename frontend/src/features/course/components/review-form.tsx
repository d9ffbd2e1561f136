import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import type { Review } from '@/api/types'
import { ApiErrorAlert } from '@/components/ui/api-error-alert'
import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { Field } from '@/components/ui/field'
import { Textarea } from '@/components/ui/input'
import { isApiError, splitFieldErrors } from '@/lib/errors'
import { useInvalidFocus } from '@/lib/forms'
import { notify } from '@/lib/notices'

import { useDeleteReview } from '../api/delete-review'
import { useSaveReview } from '../api/save-review'
import { StarRatingInput } from './star-rating-input'

const MAX_BODY = 4000

type Errors = Partial<Record<'rating' | 'body', string>>

/** Write or edit the student's one review of this course (and delete it, after confirming). */
export function ReviewForm({ slug, myReview }: { slug: string; myReview: Review | null }) {
  const { t } = useTranslation()
  const save = useSaveReview(slug)
  const remove = useDeleteReview(slug)
  const { ref, focusInvalid } = useInvalidFocus()
  const [rating, setRating] = useState(myReview?.rating ?? 0)
  const [body, setBody] = useState(myReview?.body ?? '')
  const [errors, setErrors] = useState<Errors>({})
  const [otherMessages, setOtherMessages] = useState<string[]>([])
  const [confirmOpen, setConfirmOpen] = useState(false)

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const next: Errors = {}
    if (rating < 1 || rating > 5) next.rating = t('course.review.ratingRequired')
    if (body.trim().length > MAX_BODY) next.body = t('course.review.bodyTooLong', { max: MAX_BODY })
    setErrors(next)
    setOtherMessages([])
    if (Object.keys(next).length > 0) {
      save.reset()
      focusInvalid()
      return
    }
    save.mutate(
      { rating, body: body.trim() },
      {
        onSuccess: () => notify(t('course.review.saved')),
        onError: (error) => {
          if (!isApiError(error)) return
          const split = splitFieldErrors(error, ['rating', 'body'])
          setErrors(split.fieldErrors)
          setOtherMessages(split.otherMessages)
          if (Object.keys(split.fieldErrors).length > 0) focusInvalid()
        },
      },
    )
  }

  const onDelete = () => {
    remove.mutate(undefined, {
      onSuccess: () => {
        setConfirmOpen(false)
        setRating(0)
        setBody('')
        notify(t('course.review.deleted'))
      },
      onError: () => setConfirmOpen(false),
    })
  }

  return (
    <form ref={ref} onSubmit={onSubmit} noValidate className="space-y-4">
      <ApiErrorAlert error={save.error ?? remove.error} extraMessages={otherMessages} />
      <StarRatingInput legend={t('course.review.rating')} value={rating} onChange={setRating} error={errors.rating} />
      <Field label={t('course.review.body')} optional error={errors.body} hint={t('course.review.bodyHint')}>
        {(control) => (
          <Textarea {...control} name="body" rows={4} dir="auto" value={body} onChange={(event) => setBody(event.target.value)} />
        )}
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" loading={save.isPending} loadingText={t('course.review.saving')}>
          {myReview ? t('course.review.update') : t('course.review.submit')}
        </Button>
        {myReview && (
          <Button variant="ghost" onClick={() => setConfirmOpen(true)}>
            {t('course.review.delete')}
          </Button>
        )}
      </div>
      <ConfirmDialog
        open={confirmOpen}
        title={t('course.review.confirmTitle')}
        confirmLabel={t('course.review.confirmDelete')}
        cancelLabel={t('common.cancel')}
        onConfirm={onDelete}
        onCancel={() => setConfirmOpen(false)}
        confirming={remove.isPending}
      >
        {t('course.review.confirmBody')}
      </ConfirmDialog>
    </form>
  )
}
