import { ButtonLink } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeading } from '@/components/ui/page-heading'

import { useEarningsT } from '../i18n'

/** What a signed-in person who is not an admin sees on an admin screen. */
export function AdminsOnly() {
  const { t } = useEarningsT()
  return (
    <div className="mx-auto max-w-xl">
      <PageHeading>{t('earnings.admin.notAllowedTitle')}</PageHeading>
      <EmptyState title={t('earnings.admin.notAllowedBody')} action={<ButtonLink to="/">{t('earnings.admin.home')}</ButtonLink>} />
    </div>
  )
}
