import { useId } from 'react'
import { useTranslation } from 'react-i18next'

import { Select } from '@/components/ui/input'

import { SORTS, type Sort } from '../utils/catalogue-params'

/** "Sort by"; relevance is offered only while searching. */
export function SortSelect({
  value,
  searching,
  onChange,
}: {
  value: Sort
  searching: boolean
  onChange: (sort: string) => void
}) {
  const { t } = useTranslation()
  const id = useId()
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="shrink-0 font-medium">
        {t('catalogue.sortBy')}
      </label>
      <Select id={id} name="sort" value={value} onChange={(event) => onChange(event.target.value)} className="w-auto">
        {SORTS.filter((sort) => searching || sort !== 'relevance').map((sort) => (
          <option key={sort} value={sort}>
            {t(`catalogue.sort.${sort}`)}
          </option>
        ))}
      </Select>
    </div>
  )
}
