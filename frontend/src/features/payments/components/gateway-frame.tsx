import type { ReactNode } from 'react'

import { usePaymentsTranslation } from '../i18n'

/**
 * The local test gateway's own look: it stands in for a provider's hosted page, so it is a plain card on a
 * neutral page, headed with the gateway's name and a test-mode stamp rather than the app's usual page.
 */
export function GatewayFrame({
  merchant,
  amount,
  description,
  children,
}: {
  merchant: string
  amount?: string
  description?: string
  children: ReactNode
}) {
  const { t } = usePaymentsTranslation()
  return (
    <div className="-mx-4 -my-8 flex min-h-[70vh] items-start justify-center bg-slate-100 px-4 py-10 sm:items-center">
      <div className="w-full max-w-md overflow-hidden rounded-xl border border-slate-300 bg-white shadow-lg">
        <header className="flex items-center justify-between gap-3 bg-slate-900 px-5 py-4 text-white">
          <h1 tabIndex={-1} className="flex items-center gap-2 text-lg font-semibold tracking-tight">
            <span aria-hidden="true" className="inline-flex size-7 items-center justify-center rounded bg-white/15">
              ▣
            </span>
            {merchant}
          </h1>
          <span className="rounded border border-amber-300 px-2 py-0.5 text-xs font-bold uppercase tracking-wider text-amber-200">
            {t('payments.gateway.testMode')}
          </span>
        </header>
        {(amount || description) && (
          <dl className="space-y-1 border-b border-slate-200 bg-slate-50 px-5 py-4">
            {amount && (
              <div className="flex items-baseline justify-between gap-4">
                <dt className="text-sm text-slate-600">{t('payments.gateway.amount')}</dt>
                <dd className="text-2xl font-bold text-slate-900">{amount}</dd>
              </div>
            )}
            {description && (
              <div className="flex items-baseline justify-between gap-4">
                <dt className="text-sm text-slate-600">{t('payments.gateway.description')}</dt>
                <dd className="text-end text-slate-900">{description}</dd>
              </div>
            )}
          </dl>
        )}
        <div className="space-y-5 px-5 py-5">{children}</div>
        <p className="border-t border-slate-200 px-5 py-3 text-xs text-slate-600">{t('payments.gateway.footer')}</p>
      </div>
    </div>
  )
}
