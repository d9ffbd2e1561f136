import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { cn } from '@/components/ui/cn'
import { FieldError } from '@/components/ui/field'

const STAR = 'M12 2.8l2.8 5.8 6.3.9-4.6 4.4 1.1 6.3L12 17.2l-5.6 3 1.1-6.3L2.9 9.5l6.3-.9z'

/**
 * 1–5 stars as a real radio group: arrow keys change the rating, each star is
 * announced as "3 stars", and the error is tied to the group.
 */
export function StarRatingInput({
  value,
  onChange,
  error,
  legend,
}: {
  value: number
  onChange: (value: number) => void
  error?: string | undefined
  legend: string
}) {
  const { t } = useTranslation()
  const id = useId()
  const errorId = `${id}-error`
  const [hover, setHover] = useState(0)
  const shown = hover || value

  return (
    <fieldset aria-describedby={error ? errorId : undefined} data-invalid={error ? 'true' : undefined}>
      <legend className="font-medium text-slate-900">{legend}</legend>
      <div className="mt-1 flex items-center gap-1" onMouseLeave={() => setHover(0)}>
        {[1, 2, 3, 4, 5].map((star) => (
          <label
            key={star}
            onMouseEnter={() => setHover(star)}
            className="cursor-pointer rounded-md p-1 has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-1 has-[:focus-visible]:outline-brand-600"
          >
            <input
              type="radio"
              name={`${id}-rating`}
              value={star}
              checked={value === star}
              onChange={() => onChange(star)}
              aria-invalid={error ? true : undefined}
              className="sr-only"
            />
            <svg viewBox="0 0 24 24" aria-hidden="true" className={cn('size-8', star <= shown ? 'text-accent-700' : 'text-slate-300')}>
              <path d={STAR} fill="currentColor" stroke="currentColor" strokeWidth="1" />
            </svg>
            <span className="sr-only">{t('course.review.stars', { count: star })}</span>
          </label>
        ))}
        {value > 0 && (
          <span className="ms-2 text-sm text-slate-700" aria-hidden="true">
            {t('course.review.outOfFive', { rating: value })}
          </span>
        )}
      </div>
      {error && <FieldError id={errorId}>{error}</FieldError>}
    </fieldset>
  )
}
