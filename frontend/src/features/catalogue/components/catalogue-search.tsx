import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { Button } from '@/components/ui/button'
import { Input } from '@/components/ui/input'

/** The catalogue's search box; the text lives in the URL (`?search=`). */
export function CatalogueSearch({ search, onSearch }: { search: string; onSearch: (search: string) => void }) {
  const { t } = useTranslation()
  const id = useId()
  const [text, setText] = useState(search)
  const [synced, setSynced] = useState(search)
  if (search !== synced) {
    setSynced(search)
    setText(search)
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    onSearch(text.trim())
  }

  return (
    <form role="search" aria-label={t('catalogue.searchLabel')} onSubmit={onSubmit} className="flex items-end gap-2">
      <div className="flex-1 space-y-1">
        <label htmlFor={id} className="block font-medium">
          {t('catalogue.search')}
        </label>
        <Input
          id={id}
          type="search"
          name="search"
          dir="auto"
          placeholder={t('catalogue.searchPlaceholder')}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <Button type="submit" variant="primary">
        {t('catalogue.searchSubmit')}
      </Button>
    </form>
  )
}
