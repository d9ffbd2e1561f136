import type { ItemKind } from '../api/types'
import type { PaymentsKey } from '../i18n'

/** The name of each kind of thing for sale. */
export const KIND_KEYS: Record<ItemKind, PaymentsKey> = {
  course: 'payments.kinds.course',
  live_seat: 'payments.kinds.live_seat',
  listing: 'payments.kinds.listing',
}
