import { useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'

import { apiClient } from '@/api/client'
import { sharedQueryKeys } from '@/api/query-keys'
import { useAuth } from '@/lib/auth/auth-context'
import { updateSessionUser } from '@/lib/auth/session-store'
import { unwrap } from '@/lib/errors'

import { isLanguage, storeLanguage, type Language } from './index'

/**
 * The current UI language and a setter that applies it (direction included),
 * remembers it in this browser and, when signed in, saves it to the profile.
 */
export function useLanguage() {
  const { i18n } = useTranslation()
  const { status } = useAuth()
  const queryClient = useQueryClient()
  const language: Language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en'

  const setLanguage = useCallback(
    async (next: Language) => {
      storeLanguage(next)
      await i18n.changeLanguage(next)
      if (status !== 'authenticated') return
      try {
        const user = await unwrap(apiClient.PATCH('/api/v1/me', { body: { language: next } }))
        updateSessionUser(user)
        queryClient.setQueryData(sharedQueryKeys.me, user)
      } catch {
        // The UI already switched; the profile keeps its old value until the next save.
      }
    },
    [i18n, status, queryClient],
  )

  return { language, setLanguage }
}
