import { useTranslation } from 'react-i18next'

import { cn } from '@/components/ui/cn'

import type { Quality } from '../quality'

const BARS: Record<Quality, number> = { good: 3, fair: 2, poor: 1 }
const TONE: Record<Quality, string> = { good: 'bg-emerald-400', fair: 'bg-amber-400', poor: 'bg-red-500' }

/** Three bars for a connection's quality, with its words for screen readers and on hover. */
export function QualityIcon({ quality, self = false, className }: { quality: Quality | null; self?: boolean; className?: string }) {
  const { t } = useTranslation()
  if (!quality) return null
  const text = self ? t(`media.quality.self.${quality}`) : t(`media.quality.peer.${quality}`)
  return (
    <span title={text} className={cn('inline-flex items-end gap-0.5', className)} data-quality={quality}>
      {[1, 2, 3].map((bar) => (
        <span
          key={bar}
          aria-hidden="true"
          className={cn('w-1 rounded-sm', bar <= BARS[quality] ? TONE[quality] : 'bg-white/30')}
          style={{ height: `${bar * 4 + 2}px` }}
        />
      ))}
      <span className="sr-only">{text}</span>
    </span>
  )
}
