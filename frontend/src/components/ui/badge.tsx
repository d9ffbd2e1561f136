import type { ReactNode } from 'react'

import { cn } from './cn'

type Tone = 'neutral' | 'brand' | 'accent' | 'info' | 'danger'

const tones: Record<Tone, string> = {
  neutral: 'bg-slate-100 text-slate-800',
  brand: 'bg-brand-50 text-brand-800',
  accent: 'bg-accent-100 text-accent-700',
  info: 'bg-sky-50 text-sky-900',
  danger: 'bg-red-50 text-red-800',
}

export function Badge({ tone = 'neutral', children, className }: { tone?: Tone; children: ReactNode; className?: string }) {
  return (
    <span
      className={cn('inline-flex items-center gap-1 rounded-full px-2.5 py-0.5 text-sm font-medium', tones[tone], className)}
    >
      {children}
    </span>
  )
}
