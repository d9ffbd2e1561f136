import { useTranslation } from 'react-i18next'

import type { CourseResource } from '@/api/types'
import { ApiErrorAlert } from '@/components/ui/api-error-alert'
import { Button } from '@/components/ui/button'
import { DownloadIcon } from '@/components/ui/icons'
import { formatFileSize } from '@/lib/format'

import { useDownloadResource } from '../api/download-resource'

/** The lesson's files, each with a download button that fetches a fresh signed link. */
export function LessonResources({ resources }: { resources: CourseResource[] }) {
  const { t, i18n } = useTranslation()
  const download = useDownloadResource()
  if (resources.length === 0) return null
  return (
    <section aria-labelledby="lesson-resources" className="space-y-3">
      <h2 id="lesson-resources" className="text-xl font-semibold">
        {t('learn.resources')}
      </h2>
      <ApiErrorAlert error={download.error} />
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {resources.map((resource) => (
          <li key={resource.id} className="flex flex-wrap items-center gap-3 p-3">
            <div className="min-w-0 flex-1">
              <p className="font-medium break-words" dir="auto">
                {resource.title}
              </p>
              <p className="text-sm text-slate-600">
                {t(`courses.resourceKind.${resource.kind}`)} · <bdi dir="ltr">{formatFileSize(resource.size, i18n.language)}</bdi>
              </p>
            </div>
            <Button
              variant="secondary"
              size="sm"
              onClick={() => download.mutate(resource.id)}
              loading={download.isPending && download.variables === resource.id}
              aria-label={t('learn.downloadNamed', { title: resource.title })}
            >
              <DownloadIcon className="size-4" />
              {t('learn.download')}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  )
}
