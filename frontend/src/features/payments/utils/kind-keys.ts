import type { ItemKind } from '../api/types'
import type { PaymentsKey } from '../i18n'

/** The name of each kind of thing for sale. */
export const KIND_KEYS: Record<ItemKind, PaymentsKey> = {
  course: 'payments.kinds.course',
  live_seat: 'payments.kinds.live_seat',
  listing: 'payments.kinds.listing',
  plan: 'payments.kinds.plan',
}

/** The name of a kind the API sends as a plain string (a quote's lines); null for one this screen does not know. */
export function kindKey(kind: string): PaymentsKey | null {
  return Object.hasOwn(KIND_KEYS, kind) ? KIND_KEYS[kind as ItemKind] : null
}
