import { useTranslation } from 'react-i18next'

import { Button } from '@/components/ui/button'
import { errorMessage } from '@/lib/api-messages'
import { notify } from '@/lib/notices'

import { useExportGrades } from '../../api/grades-csv'

/** Downloads every student's final score per assignment as a spreadsheet file. */
export function ExportGradesButton({ slug }: { slug: string }) {
  const { t } = useTranslation()
  const exportGrades = useExportGrades(slug)
  return (
    <Button
      variant="secondary"
      loading={exportGrades.isPending}
      onClick={() =>
        exportGrades.mutate(undefined, {
          onError: (error) => notify(t('grading.export.failed', { reason: errorMessage(t, error) }), 'error'),
        })
      }
    >
      {t('grading.export.button')}
    </Button>
  )
}
