import { useEffect, useRef, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { Outlet, useLocation } from 'react-router'

import { useProfileLanguage } from '@/lib/i18n/use-profile-language'
import { useNotificationsSocket } from '@/lib/realtime/use-notifications-socket'

import { SiteHeader } from './site-header'

/** After client-side navigation, move focus to the new page's heading (or main). */
function useRouteFocus(mainRef: RefObject<HTMLElement | null>) {
  const { pathname } = useLocation()
  const previous = useRef(pathname)
  useEffect(() => {
    if (previous.current === pathname) return
    previous.current = pathname
    const main = mainRef.current
    if (!main) return
    const heading = main.querySelector<HTMLElement>('h1')
    ;(heading ?? main).focus({ preventScroll: false })
  }, [pathname, mainRef])
}

export function RootLayout() {
  const { t } = useTranslation()
  const mainRef = useRef<HTMLElement>(null)
  useRouteFocus(mainRef)
  useNotificationsSocket()
  useProfileLanguage()

  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-brand-700 px-4 py-2 font-semibold text-white focus:not-sr-only focus:absolute focus:start-4 focus:top-4"
      >
        {t('nav.skipToContent')}
      </a>
      <SiteHeader />
      <main ref={mainRef} id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
        <Outlet />
      </main>
      <footer className="border-t border-slate-200 bg-white">
        <p className="mx-auto max-w-6xl px-4 py-6 text-sm text-slate-700">{t('nav.footer')}</p>
      </footer>
    </div>
  )
}
