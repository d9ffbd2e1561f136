import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

import { Alert } from '@/components/ui/alert'
import { Skeleton } from '@/components/ui/skeleton'
import { errorMessage } from '@/lib/api-messages'

import { usePublishCheck } from '../api/get-publish-check'
import { tabForField } from '../utils/publish-fields'

/** What `publish-check` says is still missing, each with a link to where to fix it. */
export function PublishChecklist({ slug }: { slug: string }) {
  const { t } = useTranslation()
  const check = usePublishCheck(slug)
  if (check.isPending) return <Skeleton className="h-20" />
  if (check.isError) return <Alert tone="error">{errorMessage(t, check.error)}</Alert>
  if (check.data.ready) return <Alert tone="success">{t('teaching.publish.ready')}</Alert>
  return (
    <Alert tone="warning" title={t('teaching.publish.missingTitle')}>
      <ul className="list-disc space-y-1 ps-5">
        {check.data.missing.map((item) => {
          const field = item.field ?? ''
          return (
            <li key={field || item.message}>
              {item.message}{' '}
              <Link to={`/teaching/${slug}?tab=${tabForField(field)}`} className="link">
                {t(`teaching.publish.fix.${tabForField(field)}`)}
              </Link>
            </li>
          )
        })}
      </ul>
    </Alert>
  )
}
