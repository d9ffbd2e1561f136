import { useId, useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import { useCategories } from '@/api/get-categories'
import { Button } from '@/components/ui/button'
import { cn } from '@/components/ui/cn'
import { FieldError } from '@/components/ui/field'
import { Input, Select } from '@/components/ui/input'
import { toMinorUnits } from '@/lib/format'

import { COURSE_LANGUAGES, LEVELS, PRICE_KINDS, RATINGS, type CatalogueParams } from '../utils/catalogue-params'

export type FilterChanges = Partial<Record<Exclude<keyof CatalogueParams, 'page'>, string>>

function SelectFilter({
  label,
  value,
  onChange,
  name,
  children,
}: {
  label: string
  value: string
  name: string
  onChange: (value: string) => void
  children: ReactNode
}) {
  const id = useId()
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <Select id={id} name={name} value={value} onChange={(event) => onChange(event.target.value)}>
        {children}
      </Select>
    </div>
  )
}

function PriceRange({
  priceMin,
  priceMax,
  onApply,
}: {
  priceMin: string
  priceMax: string
  onApply: (changes: FilterChanges) => void
}) {
  const { t } = useTranslation()
  const id = useId()
  const [min, setMin] = useState(priceMin)
  const [max, setMax] = useState(priceMax)
  const [synced, setSynced] = useState({ priceMin, priceMax })
  const [invalid, setInvalid] = useState(false)
  if (synced.priceMin !== priceMin || synced.priceMax !== priceMax) {
    // The URL changed (back button, "clear filters"): show what it says.
    setSynced({ priceMin, priceMax })
    setMin(priceMin)
    setMax(priceMax)
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const bad = [min, max].some((value) => toMinorUnits(value) === 'invalid')
    setInvalid(bad)
    if (!bad) onApply({ priceMin: min.trim(), priceMax: max.trim() })
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={`${id}-legend`} className="space-y-2">
      <p id={`${id}-legend`} className="font-medium">
        {t('catalogue.priceRange')}
      </p>
      <div className="grid grid-cols-2 gap-2">
        <div className="space-y-1">
          <label htmlFor={`${id}-min`} className="block text-sm text-slate-700">
            {t('catalogue.priceMin')}
          </label>
          <Input
            id={`${id}-min`}
            inputMode="decimal"
            dir="ltr"
            value={min}
            onChange={(event) => setMin(event.target.value)}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? `${id}-error` : undefined}
          />
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-max`} className="block text-sm text-slate-700">
            {t('catalogue.priceMax')}
          </label>
          <Input
            id={`${id}-max`}
            inputMode="decimal"
            dir="ltr"
            value={max}
            onChange={(event) => setMax(event.target.value)}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? `${id}-error` : undefined}
          />
        </div>
      </div>
      {invalid && <FieldError id={`${id}-error`}>{t('catalogue.priceInvalid')}</FieldError>}
      <Button type="submit" variant="secondary" size="sm" fullWidth>
        {t('catalogue.applyPrice')}
      </Button>
    </form>
  )
}

/** Category, level, language, price and rating filters. Collapsed behind a button on phones. */
export function CatalogueFilters({
  params,
  onChange,
}: {
  params: CatalogueParams
  onChange: (changes: FilterChanges) => void
}) {
  const { t } = useTranslation()
  const categories = useCategories()
  const panelId = useId()
  const [open, setOpen] = useState(false)

  return (
    <section aria-labelledby={`${panelId}-title`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex items-center justify-between gap-2">
        <h2 id={`${panelId}-title`} className="text-lg font-semibold">
          {t('catalogue.filters')}
        </h2>
        <button
          type="button"
          className="inline-flex min-h-11 items-center rounded-md border border-slate-500 px-3 font-medium md:hidden"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((value) => !value)}
        >
          {open ? t('catalogue.hideFilters') : t('catalogue.showFilters')}
        </button>
      </div>
      <div id={panelId} className={cn('mt-4 space-y-4 md:block', open ? 'block' : 'hidden')}>
        <SelectFilter
          label={t('catalogue.category')}
          name="category"
          value={params.category}
          onChange={(category) => onChange({ category })}
        >
          <option value="">{t('catalogue.allCategories')}</option>
          {categories.data?.map((category) => (
            <option key={category.slug} value={category.slug}>
              {category.name}
            </option>
          ))}
          {params.category && categories.data && !categories.data.some((c) => c.slug === params.category) && (
            <option value={params.category}>{params.category}</option>
          )}
        </SelectFilter>
        <SelectFilter label={t('catalogue.level')} name="level" value={params.level} onChange={(level) => onChange({ level })}>
          <option value="">{t('catalogue.anyLevel')}</option>
          {LEVELS.map((level) => (
            <option key={level} value={level}>
              {t(`courses.level.${level}`)}
            </option>
          ))}
        </SelectFilter>
        <SelectFilter
          label={t('catalogue.language')}
          name="language"
          value={params.language}
          onChange={(language) => onChange({ language })}
        >
          <option value="">{t('catalogue.anyLanguage')}</option>
          {COURSE_LANGUAGES.map((code) => (
            <option key={code} value={code} lang={code}>
              {t(`language.${code}`)}
            </option>
          ))}
        </SelectFilter>
        <SelectFilter label={t('catalogue.price')} name="price" value={params.price} onChange={(price) => onChange({ price })}>
          <option value="">{t('catalogue.anyPrice')}</option>
          {PRICE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`catalogue.priceKind.${kind}`)}
            </option>
          ))}
        </SelectFilter>
        {params.price !== 'free' && (
          <PriceRange priceMin={params.priceMin} priceMax={params.priceMax} onApply={onChange} />
        )}
        <SelectFilter
          label={t('catalogue.rating')}
          name="rating_min"
          value={params.rating}
          onChange={(rating) => onChange({ rating })}
        >
          <option value="">{t('catalogue.anyRating')}</option>
          {RATINGS.map((rating) => (
            <option key={rating} value={rating}>
              {t('catalogue.ratingAtLeast', { rating })}
            </option>
          ))}
        </SelectFilter>
      </div>
    </section>
  )
}
