import { useTranslation } from 'react-i18next'

import { cn } from './cn'

const sizes = { sm: 'size-4', md: 'size-6', lg: 'size-10' } as const

/** Spinning ring. Decorative unless `label` is given, then it is a live status. */
export function Spinner({
  size = 'md',
  label,
  className,
}: {
  size?: keyof typeof sizes
  label?: string
  className?: string
}) {
  const ring = (
    <svg
      className={cn('animate-spin text-current', sizes[size], className)}
      viewBox="0 0 24 24"
      fill="none"
      aria-hidden="true"
    >
      <circle cx="12" cy="12" r="10" stroke="currentColor" strokeOpacity="0.25" strokeWidth="4" />
      <path d="M22 12a10 10 0 0 0-10-10" stroke="currentColor" strokeWidth="4" strokeLinecap="round" />
    </svg>
  )
  if (!label) return ring
  return (
    <span role="status" className="inline-flex items-center gap-2">
      {ring}
      <span className="sr-only">{label}</span>
    </span>
  )
}

/** Shown while the session is being restored on start-up. */
export function FullPageSpinner() {
  const { t } = useTranslation()
  return (
    <div className="flex min-h-dvh items-center justify-center text-brand-700">
      <Spinner size="lg" label={t('common.loading')} />
    </div>
  )
}
