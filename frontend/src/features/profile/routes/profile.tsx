import { useTranslation } from 'react-i18next'

import { Card } from '@/components/ui/card'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { PageHeading } from '@/components/ui/page-heading'
import { Skeleton } from '@/components/ui/skeleton'
import { useDocumentTitle } from '@/lib/use-document-title'

import { useMe } from '../api/get-me'
import { AvatarEditor } from '../components/avatar-editor'
import { ProfileForm } from '../components/profile-form'

export function ProfileRoute() {
  const { t } = useTranslation()
  const me = useMe()
  useDocumentTitle(t('profile.title'))

  return (
    <div className="mx-auto w-full max-w-3xl">
      <PageHeading>{t('profile.title')}</PageHeading>
      {me.isPending ? (
        <div className="space-y-4" aria-busy="true">
          <span className="sr-only" role="status">
            {t('common.loading')}
          </span>
          <Skeleton className="h-36" />
          <Skeleton className="h-96" />
        </div>
      ) : me.isError ? (
        <LoadErrorAlert title={t('profile.loadError')} error={me.error} onRetry={() => void me.refetch()} />
      ) : (
        <div className="space-y-6">
          <Card>
            <section aria-labelledby="photo-heading" className="space-y-4">
              <h2 id="photo-heading" className="text-xl font-semibold">
                {t('profile.avatar.title')}
              </h2>
              <AvatarEditor user={me.data} />
            </section>
          </Card>
          <Card>
            <section aria-labelledby="details-heading" className="space-y-4">
              <h2 id="details-heading" className="text-xl font-semibold">
                {t('profile.details')}
              </h2>
              <ProfileForm key={me.data.id} user={me.data} />
            </section>
          </Card>
        </div>
      )}
    </div>
  )
}
