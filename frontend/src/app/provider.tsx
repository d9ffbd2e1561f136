import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'

import { FullPageSpinner } from '@/components/ui/spinner'
import { Toaster } from '@/components/ui/toaster'
import { AuthProvider } from '@/lib/auth/auth-provider'
import { createQueryClient } from '@/lib/query-client'

export function AppProvider({
  children,
  queryClient,
}: {
  children: ReactNode
  queryClient?: QueryClient
}) {
  const [client] = useState(() => queryClient ?? createQueryClient())
  return (
    <QueryClientProvider client={client}>
      <AuthProvider fallback={<FullPageSpinner />}>
        {children}
        <Toaster />
      </AuthProvider>
    </QueryClientProvider>
  )
}
