import type { ReactNode } from 'react'

import { Card } from '@/components/ui/card'

/** Narrow centred card used by the sign-in pages. */
export function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="mx-auto w-full max-w-lg">
      <Card>{children}</Card>
    </div>
  )
}
