import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { Button } from '@/components/ui/button'

import { BOARD_TITLE_MAX_LENGTH } from '../../utils/protocol'

/** Renames a page in place; Escape or Cancel leaves it as it was. */
export function RenamePageForm({
  title,
  onRename,
  onClose,
}: {
  title: string
  onRename: (title: string) => void
  onClose: () => void
}) {
  const { t } = useTranslation()
  const inputId = useId()
  const inputRef = useRef<HTMLInputElement>(null)
  const [value, setValue] = useState(title)

  useEffect(() => {
    inputRef.current?.focus()
    inputRef.current?.select()
  }, [])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const next = value.trim().replace(/\s+/g, ' ')
    if (next && next !== title) onRename(next)
    onClose()
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return
    event.stopPropagation()
    onClose()
  }

  return (
    <form onSubmit={submit} onKeyDown={onKeyDown} className="flex flex-wrap items-center gap-2">
      <label htmlFor={inputId} className="text-sm font-semibold text-slate-800">
        {t('whiteboard.pageName')}
      </label>
      <input
        ref={inputRef}
        id={inputId}
        value={value}
        maxLength={BOARD_TITLE_MAX_LENGTH}
        required
        onChange={(event) => setValue(event.target.value)}
        className="min-h-9 w-44 rounded-md border border-slate-500 px-2 text-sm"
      />
      <Button type="submit" size="sm">
        {t('whiteboard.save')}
      </Button>
      <Button variant="ghost" size="sm" onClick={onClose}>
        {t('whiteboard.cancel')}
      </Button>
    </form>
  )
}
