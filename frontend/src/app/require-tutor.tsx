import { useTranslation } from 'react-i18next'
import { Outlet } from 'react-router'

import { ButtonLink } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeading } from '@/components/ui/page-heading'
import { useAuth } from '@/lib/auth/auth-context'

/** Routes below are for tutors (and admins); a student sees why, with a way on. Use under `RequireAuth`. */
export function RequireTutor() {
  const { t } = useTranslation()
  const { user } = useAuth()
  if (user?.role === 'tutor' || user?.role === 'admin') return <Outlet />
  return (
    <div className="mx-auto max-w-xl">
      <PageHeading>{t('teaching.tutorsOnlyTitle')}</PageHeading>
      <EmptyState title={t('teaching.tutorsOnlyBody')} action={<ButtonLink to="/courses">{t('teaching.browseCourses')}</ButtonLink>} />
    </div>
  )
}
