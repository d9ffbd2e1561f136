import { useId, useRef, type ReactNode } from 'react'

/** A file input styled as a button, with its hint tied to it. */
export function FilePicker({
  label,
  hint,
  accept,
  multiple = false,
  disabled = false,
  onFiles,
}: {
  label: ReactNode
  hint?: ReactNode
  accept: string
  multiple?: boolean
  disabled?: boolean
  onFiles: (files: File[]) => void
}) {
  const id = useId()
  const ref = useRef<HTMLInputElement>(null)
  return (
    <div className="space-y-1">
      <label
        htmlFor={id}
        className="inline-flex min-h-11 cursor-pointer items-center rounded-md border border-slate-500 bg-white px-4 font-semibold text-slate-900 hover:bg-slate-100 has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-60 has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600"
      >
        {label}
        <input
          ref={ref}
          id={id}
          type="file"
          accept={accept}
          multiple={multiple}
          disabled={disabled}
          className="sr-only"
          aria-describedby={hint ? `${id}-hint` : undefined}
          onChange={(event) => {
            const files = Array.from(event.target.files ?? [])
            if (ref.current) ref.current.value = ''
            if (files.length > 0) onFiles(files)
          }}
        />
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
    </div>
  )
}
