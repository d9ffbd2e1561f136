import { Link } from 'react-router'

import { useEarningsT } from '../i18n'

export function BackToListings() {
  const { t } = useEarningsT()
  return (
    <Link to="/teaching/listings" className="inline-flex min-h-11 items-center gap-1 font-medium text-brand-700 hover:underline">
      <span aria-hidden="true" className="rtl:rotate-180">
        ←
      </span>
      {t('earnings.teachingListings.back')}
    </Link>
  )
}
