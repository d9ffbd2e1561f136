import { useState, type FormEvent } from 'react'

import { ApiErrorAlert } from '@/components/ui/api-error-alert'
import { Button } from '@/components/ui/button'
import { Field, TextField } from '@/components/ui/field'
import { Textarea } from '@/components/ui/input'
import { fromMinorUnits } from '@/lib/format'
import { useInvalidFocus } from '@/lib/forms'

import { useCreateListing, useUpdateListing } from '../api/save-listing'
import { type Currency, type ListingBody, type ListingDetail, type ListingUpdateBody } from '../api/types'
import { useEarningsT } from '../i18n'
import { parseAmount } from '../utils/amount'
import { formErrors } from '../utils/server-errors'
import { CurrencyField } from './currency-field'
import { ItemPicker, type Picked } from './item-picker'

const FIELDS = ['title', 'description', 'currency', 'price_amount', 'recordings', 'lessons'] as const
type FormField = (typeof FIELDS)[number]
type Errors = Partial<Record<FormField, string>>

const TITLE_MAX = 160
const DESCRIPTION_MAX = 5000
/** Recordings and lessons together: a bundle, not a whole catalogue (as the server counts). */
const ITEMS_MAX = 50

function initialPicked(listing?: ListingDetail): Picked {
  const items = (list: ListingDetail['recordings'] = []) => list.map(({ id, title }) => ({ id, title }))
  return { recordings: items(listing?.recordings), lessons: items(listing?.lessons) }
}

/**
 * Creates a listing (a draft) or edits `listing`. The price is typed in major units and sent in exact
 * minor units. On edit, the item lists are always sent: the server replaces them.
 */
export function ListingForm({ listing, onSaved }: { listing?: ListingDetail; onSaved: (saved: ListingDetail) => void }) {
  const { t } = useEarningsT()
  const create = useCreateListing()
  const update = useUpdateListing()
  const save = listing ? update : create
  const { ref, focusInvalid } = useInvalidFocus()
  const [title, setTitle] = useState(listing?.title ?? '')
  const [description, setDescription] = useState(listing?.description ?? '')
  const [currency, setCurrency] = useState<Currency>(listing?.currency ?? 'PKR')
  const [price, setPrice] = useState(listing ? fromMinorUnits(listing.price_amount) : '')
  const [picked, setPicked] = useState<Picked>(() => initialPicked(listing))
  const [errors, setErrors] = useState<Errors>({})
  const [otherMessages, setOtherMessages] = useState<string[]>([])
  const [alertError, setAlertError] = useState<unknown>(null)

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const next: Errors = {}
    if (!title.trim()) next.title = t('earnings.listingForm.errors.titleRequired')
    const parsed = parseAmount(price)
    if ('problem' in parsed) next.price_amount = t(`earnings.request.errors.${parsed.problem}`)
    if (picked.recordings.length + picked.lessons.length > ITEMS_MAX) {
      next.recordings = t('earnings.listingForm.errors.tooMany', { max: ITEMS_MAX })
    }
    setErrors(next)
    setOtherMessages([])
    setAlertError(null)
    if (Object.keys(next).length > 0 || 'problem' in parsed) {
      save.reset()
      focusInvalid()
      return
    }
    const base = { title: title.trim(), description: description.trim(), currency, price_amount: parsed.amount }
    const items = { recordings: picked.recordings.map((item) => item.id), lessons: picked.lessons.map((item) => item.id) }
    const onError = (error: unknown) => {
      const mapped = formErrors(error, FIELDS)
      setErrors(mapped.fieldErrors)
      setOtherMessages(mapped.otherMessages)
      setAlertError(mapped.handled ? null : error)
      if (Object.keys(mapped.fieldErrors).length > 0) focusInvalid()
    }
    if (listing) {
      update.mutate({ slug: listing.slug, body: { ...base, ...items } satisfies ListingUpdateBody }, { onSuccess: onSaved, onError })
    } else {
      create.mutate({ ...base, ...items } satisfies ListingBody, { onSuccess: onSaved, onError })
    }
  }

  return (
    <form ref={ref} onSubmit={onSubmit} noValidate className="space-y-6">
      <ApiErrorAlert error={alertError} extraMessages={otherMessages} />
      <TextField
        label={t('earnings.listingForm.title')}
        dir="auto"
        maxLength={TITLE_MAX}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        error={errors.title}
      />
      <Field label={t('earnings.listingForm.description')} hint={t('earnings.listingForm.descriptionHint')} optional error={errors.description}>
        {(control) => (
          <Textarea
            {...control}
            dir="auto"
            rows={4}
            maxLength={DESCRIPTION_MAX}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
          />
        )}
      </Field>
      <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
        <TextField
          label={t('earnings.listingForm.price')}
          hint={t('earnings.listingForm.priceHint')}
          inputMode="decimal"
          autoComplete="off"
          dir="ltr"
          value={price}
          onChange={(event) => setPrice(event.target.value)}
          error={errors.price_amount}
        />
        <CurrencyField label={t('earnings.listingForm.currency')} value={currency} onChange={setCurrency} error={errors.currency} />
      </div>
      <ItemPicker
        picked={picked}
        onChange={setPicked}
        error={errors.recordings ?? errors.lessons}
      />
      <Button type="submit" loading={save.isPending} loadingText={t('earnings.listingForm.saving')}>
        {listing ? t('earnings.listingForm.save') : t('earnings.listingForm.create')}
      </Button>
    </form>
  )
}
