import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { useSubjects } from '@/api/get-subjects'
import { Button } from '@/components/ui/button'
import { Input, Select } from '@/components/ui/input'

/** Search box and subject select; both live in the URL (`?search=`, `?subject=`). */
export function TutorFilters({
  subject,
  search,
  onSubjectChange,
  onSearch,
}: {
  subject: string
  search: string
  onSubjectChange: (subject: string) => void
  onSearch: (search: string) => void
}) {
  const { t } = useTranslation()
  const subjects = useSubjects()
  const searchId = useId()
  const subjectId = useId()
  const [text, setText] = useState(search)
  const [syncedSearch, setSyncedSearch] = useState(search)
  if (search !== syncedSearch) {
    // The URL changed (back button, "clear filters"): show what it says.
    setSyncedSearch(search)
    setText(search)
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    onSearch(text.trim())
  }

  return (
    <form
      role="search"
      aria-label={t('tutors.filters')}
      onSubmit={onSubmit}
      className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-[1fr_auto_14rem] sm:items-end"
    >
      <div className="space-y-1">
        <label htmlFor={searchId} className="block font-medium">
          {t('tutors.search')}
        </label>
        <Input
          id={searchId}
          type="search"
          name="search"
          dir="auto"
          placeholder={t('tutors.searchPlaceholder')}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <Button type="submit" variant="secondary">
        {t('tutors.searchSubmit')}
      </Button>
      <div className="space-y-1">
        <label htmlFor={subjectId} className="block font-medium">
          {t('tutors.subject')}
        </label>
        <Select
          id={subjectId}
          name="subject"
          value={subject}
          onChange={(event) => onSubjectChange(event.target.value)}
        >
          <option value="">{t('tutors.allSubjects')}</option>
          {subjects.data?.map((item) => (
            <option key={item.slug} value={item.slug}>
              {item.name}
            </option>
          ))}
          {subject && subjects.data && !subjects.data.some((item) => item.slug === subject) && (
            <option value={subject}>{subject}</option>
          )}
        </Select>
      </div>
    </form>
  )
}
