import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * The microphone's level as a moving bar, redrawn every frame straight on the element (no re-render).
 * Decorative for screen readers, which get a sentence on how to use it instead.
 */
export function LevelMeter({ level, active }: { level: () => number; active: boolean }) {
  const { t } = useTranslation()
  const barRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const bar = barRef.current
    if (!bar) return
    if (!active || typeof requestAnimationFrame === 'undefined') {
      bar.style.transform = 'scaleX(0)'
      return
    }
    let frame = requestAnimationFrame(function draw() {
      bar.style.transform = `scaleX(${level().toFixed(3)})`
      frame = requestAnimationFrame(draw)
    })
    return () => cancelAnimationFrame(frame)
  }, [level, active])

  return (
    <div>
      <div aria-hidden="true" className="h-2.5 w-full overflow-hidden rounded-full bg-slate-200" data-level-meter>
        <div ref={barRef} className="h-full w-full origin-left bg-emerald-500 transition-transform duration-75 rtl:origin-right" />
      </div>
      <p className="mt-1 text-sm text-slate-600">{active ? t('media.prejoin.meterHint') : t('media.prejoin.meterOff')}</p>
    </div>
  )
}
