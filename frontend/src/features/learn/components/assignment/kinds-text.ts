import type { TFunction } from 'i18next'

import type { Assignment } from '@/api/types'
import { localeOf } from '@/lib/i18n'

import { allowedKinds } from './file-kinds'

/** "PDF or images" in the UI language; an assignment that lists none takes the usual kinds. */
export function kindsText(t: TFunction, language: string, assignment: Pick<Assignment, 'allowed_file_kinds'>): string {
  if (assignment.allowed_file_kinds.length === 0) return t('assignments.files.anyKind')
  const labels = allowedKinds(assignment).map((kind) => t(`assignments.kinds.${kind}`))
  return new Intl.ListFormat(localeOf(language), { type: 'disjunction' }).format(labels)
}
