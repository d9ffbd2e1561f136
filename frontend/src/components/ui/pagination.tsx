import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

import { buttonClasses } from './button-classes'

/** Previous / next links with "Page x of y"; `hrefFor` builds each page's URL. */
export function Pagination({
  page,
  pageCount,
  hrefFor,
}: {
  page: number
  pageCount: number
  hrefFor: (page: number) => string
}) {
  const { t } = useTranslation()
  if (pageCount <= 1) return null
  const disabled = buttonClasses({ variant: 'secondary', className: 'pointer-events-none opacity-60' })
  return (
    <nav aria-label={t('pagination.label')} className="mt-8 flex flex-wrap items-center justify-between gap-3">
      {page > 1 ? (
        <Link to={hrefFor(page - 1)} className={buttonClasses({ variant: 'secondary' })} rel="prev">
          <span aria-hidden="true" className="rtl:rotate-180">
            ←
          </span>
          {t('pagination.previous')}
        </Link>
      ) : (
        <span className={disabled} aria-disabled="true">
          {t('pagination.previous')}
        </span>
      )}
      <p className="order-first w-full text-center text-sm text-slate-700 sm:order-none sm:w-auto">
        {t('pagination.pageOf', { page, total: pageCount })}
      </p>
      {page < pageCount ? (
        <Link to={hrefFor(page + 1)} className={buttonClasses({ variant: 'secondary' })} rel="next">
          {t('pagination.next')}
          <span aria-hidden="true" className="rtl:rotate-180">
            →
          </span>
        </Link>
      ) : (
        <span className={disabled} aria-disabled="true">
          {t('pagination.next')}
        </span>
      )}
    </nav>
  )
}
