import type { LocalPayment } from '../api/types'
import { usePaymentsTranslation } from '../i18n'

/** The gateway's test cards; choosing one fills the card form with it. */
export function TestCards({
  cards,
  onPick,
  disabled,
}: {
  cards: LocalPayment['test_cards']
  onPick: (number: string) => void
  disabled?: boolean
}) {
  const { t } = usePaymentsTranslation()
  if (cards.length === 0) return null
  return (
    <section aria-labelledby="test-cards" className="space-y-2 rounded-md border border-dashed border-slate-400 p-3">
      <h2 id="test-cards" className="text-sm font-semibold text-slate-900">
        {t('payments.gateway.testCards')}
      </h2>
      <p className="text-xs text-slate-600">{t('payments.gateway.testCardsHint')}</p>
      <ul className="space-y-1">
        {cards.map((card) => (
          <li key={card.number}>
            <button
              type="button"
              disabled={disabled}
              onClick={() => onPick(card.number)}
              className="flex min-h-11 w-full flex-wrap items-center justify-between gap-x-3 rounded px-2 py-1 text-start text-sm hover:bg-slate-100 disabled:cursor-not-allowed"
              aria-label={t('payments.gateway.useCard', { number: card.number, outcome: card.outcome })}
            >
              <span dir="ltr" className="font-mono">
                {card.number}
              </span>
              <span className="text-slate-600">{card.outcome}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
