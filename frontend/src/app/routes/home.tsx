import { useTranslation } from 'react-i18next'

import { ButtonLink } from '@/components/ui/button'
import { useAuth } from '@/lib/auth/auth-context'
import { useDocumentTitle } from '@/lib/use-document-title'

export function HomeRoute() {
  const { t } = useTranslation()
  const { status, user } = useAuth()
  useDocumentTitle(undefined)

  const points = [
    { title: t('home.point1Title'), body: t('home.point1Body') },
    { title: t('home.point2Title'), body: t('home.point2Body') },
    { title: t('home.point3Title'), body: t('home.point3Body') },
  ]

  return (
    <div className="space-y-12">
      <section data-surface="dark" className="rounded-2xl bg-brand-800 px-6 py-12 text-white sm:px-10 sm:py-16">
        <div className="max-w-2xl space-y-5">
          <h1 tabIndex={-1} className="text-3xl font-bold tracking-tight sm:text-5xl">
            {t('home.title')}
          </h1>
          <p className="text-lg text-brand-50 sm:text-xl">{t('home.lead')}</p>
          {user && <p className="font-medium text-white">{t('home.welcome', { name: user.first_name || user.full_name })}</p>}
          <div className="flex flex-col gap-3 sm:flex-row">
            <ButtonLink to="/tutors" size="lg" variant="light">
              {t('home.findTutor')}
            </ButtonLink>
            {status === 'authenticated' ? (
              <ButtonLink
                to="/account/profile"
                size="lg"
                variant="outline-light"
              >
                {t('home.editProfile')}
              </ButtonLink>
            ) : (
              <>
                <ButtonLink
                  to="/signup"
                  size="lg"
                  variant="outline-light"
                >
                  {t('home.signup')}
                </ButtonLink>
                <ButtonLink
                  to="/login"
                  size="lg"
                  variant="outline-light"
                  className="border-transparent underline"
                >
                  {t('home.login')}
                </ButtonLink>
              </>
            )}
          </div>
        </div>
      </section>
      <section aria-labelledby="why-heading" className="space-y-6">
        <h2 id="why-heading" className="text-2xl font-bold">
          {t('home.pointsTitle')}
        </h2>
        <ul className="grid gap-4 md:grid-cols-3">
          {points.map((point) => (
            <li key={point.title} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
              <h3 className="text-lg font-semibold">{point.title}</h3>
              <p className="mt-2 text-slate-700">{point.body}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  )
}
