import { Field } from '@/components/ui/field'
import { Select } from '@/components/ui/input'

/** A status picker whose first option ("all") is the empty value. */
export function StatusFilter<S extends string>({
  label,
  allLabel,
  value,
  statuses,
  labelFor,
  onChange,
}: {
  label: string
  allLabel: string
  value: string
  statuses: readonly S[]
  labelFor: (status: S) => string
  onChange: (status: string) => void
}) {
  return (
    <Field label={label} className="w-full sm:w-64">
      {(control) => (
        <Select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">{allLabel}</option>
          {statuses.map((status) => (
            <option key={status} value={status}>
              {labelFor(status)}
            </option>
          ))}
        </Select>
      )}
    </Field>
  )
}
