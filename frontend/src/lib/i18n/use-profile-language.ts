import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'

import { useAuth } from '@/lib/auth/auth-context'

import { isLanguage, storeLanguage } from './index'

/**
 * When someone signs in (or their session is restored), the language saved in
 * their profile wins over this browser's earlier choice.
 */
export function useProfileLanguage(): void {
  const { user } = useAuth()
  const { i18n } = useTranslation()
  const userId = user?.id
  const profileLanguage = user?.language

  useEffect(() => {
    if (!userId || !isLanguage(profileLanguage)) return
    if (i18n.resolvedLanguage === profileLanguage) return
    storeLanguage(profileLanguage)
    void i18n.changeLanguage(profileLanguage)
    // Only on a change of account, not on every profile edit.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [userId])
}
