import { useTranslation } from 'react-i18next'

import type { SubmissionFile } from '@/api/types'
import { ApiErrorAlert } from '@/components/ui/api-error-alert'
import { Button } from '@/components/ui/button'
import { DownloadIcon } from '@/components/ui/icons'
import { formatFileSize } from '@/lib/format'

import { useDownloadSubmissionFile } from '../../api/download-submission-file'

/** The files handed in, each downloaded through a fresh signed link. */
export function SubmissionFiles({ files }: { files: SubmissionFile[] }) {
  const { t, i18n } = useTranslation()
  const download = useDownloadSubmissionFile()
  return (
    <div className="space-y-2">
      <ApiErrorAlert error={download.error} />
      <ul className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white">
        {files.map((file) => (
          <li key={file.id} className="flex flex-wrap items-center gap-3 p-3">
            <div className="min-w-0 flex-1">
              <p className="font-medium break-all" dir="auto">
                {file.original_name}
              </p>
              <p className="text-sm text-slate-600">
                <bdi dir="ltr">{formatFileSize(file.size, i18n.language)}</bdi>
              </p>
            </div>
            <Button
              variant="secondary"
              size="sm"
              onClick={() => download.mutate(file.id)}
              loading={download.isPending && download.variables === file.id}
              aria-label={t('assignments.submission.downloadNamed', { name: file.original_name })}
            >
              <DownloadIcon className="size-4" />
              {t('assignments.submission.download')}
            </Button>
          </li>
        ))}
      </ul>
    </div>
  )
}
