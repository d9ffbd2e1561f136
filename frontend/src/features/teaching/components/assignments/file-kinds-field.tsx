import { useTranslation } from 'react-i18next'

import { Choice, ChoiceGroup } from '@/components/ui/field'

import { FILE_KINDS, type FileKind } from './assignment-form-model'

/** Which kinds of file students may attach; none ticked means any kind. */
export function FileKindsField({
  value,
  error,
  onChange,
}: {
  value: FileKind[]
  error: string | undefined
  onChange: (kinds: FileKind[]) => void
}) {
  const { t } = useTranslation()
  const toggle = (kind: FileKind, checked: boolean) =>
    onChange(checked ? FILE_KINDS.filter((k) => k === kind || value.includes(k)) : value.filter((k) => k !== kind))
  return (
    <ChoiceGroup legend={t('grading.form.fileKinds')} hint={t('grading.form.fileKindsHint')} error={error}>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-3">
        {FILE_KINDS.map((kind) => (
          <Choice
            key={kind}
            type="checkbox"
            label={t(`grading.fileKind.${kind}`)}
            checked={value.includes(kind)}
            onChange={(event) => toggle(kind, event.target.checked)}
          />
        ))}
      </div>
    </ChoiceGroup>
  )
}
