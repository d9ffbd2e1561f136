import { useId, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, NavLink, useLocation, useNavigate } from 'react-router'

import { cn } from '@/components/ui/cn'
import { LanguageSwitcher } from '@/components/ui/language-switcher'
import { useLogout } from '@/features/auth/api/logout'
import { usePaymentsTranslation } from '@/features/payments/i18n'
import { useAuth } from '@/lib/auth/auth-context'

const navLink = ({ isActive }: { isActive: boolean }) =>
  cn(
    'block rounded-md px-3 py-2 font-medium lg:inline-block',
    isActive ? 'bg-brand-50 text-brand-800' : 'text-slate-800 hover:bg-slate-100',
  )

export function SiteHeader() {
  const { t } = useTranslation()
  const { t: pt } = usePaymentsTranslation()
  const { status, user } = useAuth()
  const teaches = user?.role === 'tutor'
  const schedulesClasses = teaches || user?.role === 'admin'
  const path = useLocation().pathname
  // Classes, earnings and recordings for sale have their own links; "Teaching" stays for courses.
  const inTeachingElsewhere = ['/teaching/classes', '/teaching/earnings', '/teaching/listings'].some((p) =>
    path.startsWith(p),
  )
  const navigate = useNavigate()
  const logout = useLogout()
  const menuId = useId()
  const [open, setOpen] = useState(false)
  const toggleRef = useRef<HTMLButtonElement>(null)
  const close = () => setOpen(false)

  const onMenuKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      close()
      toggleRef.current?.focus()
    }
  }

  const onLogout = () => {
    logout.mutate(undefined, {
      onSettled: () => {
        close()
        void navigate('/', { replace: true })
      },
    })
  }

  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 px-4 py-3">
        <Link
          to="/"
          className="flex items-center gap-2 rounded-md text-2xl font-bold text-brand-700"
          aria-label={t('nav.home')}
          onClick={close}
        >
          <span
            aria-hidden="true"
            className="inline-flex size-9 items-center justify-center rounded-lg bg-brand-700 text-lg text-white"
          >
            U
          </span>
          <span>{t('common.appName')}</span>
        </Link>

        <button
          ref={toggleRef}
          type="button"
          className="inline-flex min-h-11 items-center gap-2 rounded-md border border-slate-500 px-3 font-medium lg:hidden"
          aria-expanded={open}
          aria-controls={menuId}
          onClick={() => setOpen((value) => !value)}
        >
          <span aria-hidden="true">{open ? '✕' : '☰'}</span>
          {t('nav.menu')}
        </button>

        <div
          id={menuId}
          onKeyDown={onMenuKeyDown}
          className={cn(
            'w-full flex-col gap-4 pb-2 pt-3 lg:flex lg:w-auto lg:flex-row lg:items-center lg:pb-0 lg:pt-0',
            open ? 'flex' : 'hidden',
          )}
        >
          <nav aria-label={t('nav.main')}>
            <ul className="flex flex-col gap-1 lg:flex-row lg:flex-wrap lg:items-center">
              <li>
                <NavLink to="/courses" className={navLink} onClick={close}>
                  {t('nav.courses')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/tutors" className={navLink} onClick={close}>
                  {t('nav.tutors')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/marketplace" className={navLink} onClick={close}>
                  {pt('payments.nav.marketplace')}
                </NavLink>
              </li>
              {status === 'authenticated' ? (
                <>
                  <li>
                    <NavLink to="/my/courses" className={navLink} onClick={close}>
                      {t('nav.myCourses')}
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/my/certificates" className={navLink} onClick={close}>
                      {t('nav.myCertificates')}
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/my/classes" className={navLink} onClick={close}>
                      {t('schedule.nav.myClasses')}
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/my/purchases" className={navLink} onClick={close}>
                      {pt('payments.nav.purchases')}
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/my/subscription" className={navLink} onClick={close}>
                      {pt('payments.nav.subscription')}
                    </NavLink>
                  </li>
                  {teaches && (
                    <li>
                      <NavLink
                        to="/teaching"
                        className={({ isActive }) => navLink({ isActive: isActive && !inTeachingElsewhere })}
                        onClick={close}
                      >
                        {t('nav.teaching')}
                      </NavLink>
                    </li>
                  )}
                  {schedulesClasses && (
                    <li>
                      <NavLink to="/teaching/classes" className={navLink} onClick={close}>
                        {t('schedule.nav.teachingClasses')}
                      </NavLink>
                    </li>
                  )}
                  {teaches && (
                    <li>
                      <NavLink to="/teaching/earnings" className={navLink} onClick={close}>
                        {pt('payments.nav.earnings')}
                      </NavLink>
                    </li>
                  )}
                  {user?.role === 'admin' && (
                    <>
                      <li>
                        <NavLink to="/manage/orders" className={navLink} onClick={close}>
                          {pt('payments.nav.orders')}
                        </NavLink>
                      </li>
                      <li>
                        <NavLink to="/manage/payouts" className={navLink} onClick={close}>
                          {pt('payments.nav.payouts')}
                        </NavLink>
                      </li>
                    </>
                  )}
                  <li>
                    <NavLink to="/affiliate" className={navLink} onClick={close}>
                      {pt('payments.nav.affiliate')}
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/account/profile" className={navLink} onClick={close}>
                      {t('nav.profile')}
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/account/password" className={navLink} onClick={close}>
                      {t('nav.password')}
                    </NavLink>
                  </li>
                  <li>
                    <button
                      type="button"
                      onClick={onLogout}
                      disabled={logout.isPending}
                      aria-busy={logout.isPending || undefined}
                      className="block w-full rounded-md px-3 py-2 text-start font-medium text-slate-800 hover:bg-slate-100 lg:inline-block lg:w-auto"
                    >
                      {logout.isPending ? t('nav.loggingOut') : t('nav.logout')}
                    </button>
                  </li>
                </>
              ) : (
                <>
                  <li>
                    <NavLink to="/login" className={navLink} onClick={close}>
                      {t('nav.login')}
                    </NavLink>
                  </li>
                  <li>
                    <NavLink
                      to="/signup"
                      onClick={close}
                      className="block rounded-md bg-brand-700 px-3 py-2 font-semibold text-white hover:bg-brand-800 lg:inline-block"
                    >
                      {t('nav.signup')}
                    </NavLink>
                  </li>
                </>
              )}
            </ul>
          </nav>
          <LanguageSwitcher />
        </div>
      </div>
    </header>
  )
}
