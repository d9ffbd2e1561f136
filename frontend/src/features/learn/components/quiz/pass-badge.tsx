import { useTranslation } from 'react-i18next'

import { Badge } from '@/components/ui/badge'

/** "Passed" / "Not passed", in words as well as colour. */
export function PassBadge({ passed }: { passed: boolean }) {
  const { t } = useTranslation()
  return (
    <Badge tone={passed ? 'brand' : 'danger'}>
      <span aria-hidden="true">{passed ? '✓' : '✗'}</span>
      <span>{passed ? t('quizzes.passed') : t('quizzes.notPassed')}</span>
    </Badge>
  )
}
