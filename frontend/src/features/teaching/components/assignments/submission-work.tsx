import { useTranslation } from 'react-i18next'

import type { SubmissionForTutor } from '@/api/types'
import { Button } from '@/components/ui/button'
import { formatFileSize } from '@/lib/format'
import { notify } from '@/lib/notices'

import { useDownloadSubmissionFile } from '../../api/submission-file-download'
import { gradingErrorMessage } from './grading-errors'

/** What the student handed in: their written answer (plain text, as typed) and their files. */
export function SubmissionWork({ submission }: { submission: SubmissionForTutor }) {
  const { t } = useTranslation()
  return (
    <div className="space-y-4">
      <section aria-labelledby="submission-text" className="space-y-2">
        <h3 id="submission-text" className="font-semibold text-slate-900">
          {t('grading.work.answer')}
        </h3>
        {submission.text ? (
          <div
            dir="auto"
            className="max-h-[32rem] overflow-y-auto rounded-md border border-slate-200 bg-white p-4 break-words whitespace-pre-wrap"
          >
            {submission.text}
          </div>
        ) : (
          <p className="text-slate-600">{t('grading.work.noAnswer')}</p>
        )}
      </section>
      {submission.files.length > 0 && <SubmissionFiles files={submission.files} />}
    </div>
  )
}

function SubmissionFiles({ files }: { files: SubmissionForTutor['files'] }) {
  const { t, i18n } = useTranslation()
  const download = useDownloadSubmissionFile()
  return (
    <section aria-labelledby="submission-files" className="space-y-2">
      <h3 id="submission-files" className="font-semibold text-slate-900">
        {t('grading.work.files', { count: files.length })}
      </h3>
      <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white">
        {files.map((file) => (
          <li key={file.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
            <span className="min-w-0">
              <bdi className="block font-medium break-all">{file.original_name}</bdi>
              <span className="text-sm text-slate-600">{formatFileSize(file.size, i18n.language)}</span>
            </span>
            <Button
              variant="secondary"
              size="sm"
              aria-label={t('grading.work.downloadFile', { name: file.original_name })}
              loading={download.isPending && download.variables === file.id}
              onClick={() =>
                download.mutate(file.id, { onError: (error) => notify(gradingErrorMessage(t, error), 'error') })
              }
            >
              {t('grading.work.download')}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  )
}
