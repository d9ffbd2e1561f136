import { Field } from '@/components/ui/field'
import { Select } from '@/components/ui/input'

import { CURRENCIES, type Currency } from '../api/types'

/** A labelled currency choice, from `choices` (every currency the platform sells in by default). */
export function CurrencyField({
  label,
  value,
  onChange,
  error,
  choices = CURRENCIES,
}: {
  label: string
  value: Currency
  onChange: (currency: Currency) => void
  error?: string
  choices?: readonly Currency[]
}) {
  return (
    <Field label={label} error={error}>
      {(control) => (
        <Select {...control} value={value} onChange={(event) => onChange(event.target.value as Currency)}>
          {choices.map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </Select>
      )}
    </Field>
  )
}
