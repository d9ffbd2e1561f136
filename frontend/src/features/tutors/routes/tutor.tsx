import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'

import { Avatar } from '@/components/ui/avatar'
import { Card } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { PageHeading } from '@/components/ui/page-heading'
import { Skeleton } from '@/components/ui/skeleton'
import { isApiError } from '@/lib/errors'
import { useDocumentTitle } from '@/lib/use-document-title'

import { useTutor } from '../api/get-tutor'
import { SubjectTags } from '../components/subject-tags'
import { TutorRate } from '../components/tutor-rate'

function BackLink() {
  const { t } = useTranslation()
  return (
    <Link to="/tutors" className="link inline-flex items-center gap-1">
      <span aria-hidden="true" className="inline-block rtl:rotate-180">
        ←
      </span>
      {t('tutors.allTutors')}
    </Link>
  )
}

export function TutorRoute() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const tutor = useTutor(id)
  const data = tutor.data
  const notFound = isApiError(tutor.error) && tutor.error.status === 404
  const title = data?.full_name ?? (notFound ? t('tutors.notFoundTitle') : t('tutors.profileTitle'))
  useDocumentTitle(title)

  // One heading element in every state, so focus given to it on navigation survives loading.
  return (
    <div className="mx-auto max-w-3xl space-y-6" aria-busy={tutor.isPending || undefined}>
      <BackLink />
      <Card className="flex flex-col gap-5 sm:flex-row sm:items-center">
        {data ? (
          <Avatar src={data.avatar_url} name={data.full_name} size="lg" />
        ) : tutor.isPending ? (
          <Skeleton className="size-28 shrink-0 rounded-full" />
        ) : null}
        <div className="min-w-0 space-y-2">
          <PageHeading className="mb-0" lead={data?.headline || undefined}>
            {title}
          </PageHeading>
          {data && <SubjectTags subjects={data.subjects} label={t('tutors.subjects')} />}
        </div>
      </Card>

      {tutor.isPending ? (
        <>
          <p role="status" className="sr-only">
            {t('common.loading')}
          </p>
          <Skeleton className="h-56" />
        </>
      ) : notFound ? (
        <EmptyState title={t('tutors.notFoundBody')} action={<BackLink />} />
      ) : tutor.isError ? (
        <LoadErrorAlert error={tutor.error} onRetry={() => void tutor.refetch()} />
      ) : data ? (
        <div className="grid gap-6 md:grid-cols-[2fr_1fr]">
          {data.bio ? (
            <Card>
              <h2 className="mb-3 text-xl font-semibold">{t('tutors.about')}</h2>
              <p className="whitespace-pre-line text-slate-800" dir="auto">
                {data.bio}
              </p>
            </Card>
          ) : (
            <div className="hidden md:block" />
          )}
          <Card>
            <h2 className="mb-3 text-xl font-semibold">{t('tutors.details')}</h2>
            <dl className="space-y-3">
              <div>
                <dt className="text-sm text-slate-600">{t('tutors.rate')}</dt>
                <dd>
                  <TutorRate hourlyRate={data.hourly_rate} currency={data.currency} />
                </dd>
              </div>
              <div>
                <dt className="text-sm text-slate-600">{t('tutors.experience')}</dt>
                <dd>{t('tutors.years', { count: data.experience_years })}</dd>
              </div>
              <div>
                <dt className="text-sm text-slate-600">{t('tutors.timezone')}</dt>
                <dd>
                  <bdi dir="ltr">{data.timezone.replaceAll('_', ' ')}</bdi>
                </dd>
              </div>
              <div>
                <dt className="text-sm text-slate-600">{t('tutors.language')}</dt>
                <dd>{data.language === 'ur' ? t('language.ur') : t('language.en')}</dd>
              </div>
            </dl>
          </Card>
        </div>
      ) : null}
    </div>
  )
}
