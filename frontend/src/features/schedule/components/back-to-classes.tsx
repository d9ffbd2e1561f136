import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

export function BackToClasses({ course = '' }: { course?: string }) {
  const { t } = useTranslation()
  return (
    <Link
      to={course ? `/teaching/classes?course=${encodeURIComponent(course)}` : '/teaching/classes'}
      className="link inline-flex min-h-11 items-center gap-1"
    >
      <span aria-hidden="true" className="inline-block rtl:rotate-180">
        ←
      </span>
      {t('schedule.form.back')}
    </Link>
  )
}
