import { useEffect, useRef, useState } from 'react'

import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'

import { useEarningsT } from '../i18n'
import { copyText } from '../utils/copy-text'

/** How long "Copied" stays before the button reads "Copy" again. */
const COPIED_MS = 4000

/** The referral link in a read-only field with a Copy button; the outcome is announced to screen readers. */
export function ReferralLink({ link }: { link: string }) {
  const { t } = useEarningsT()
  const field = useRef<HTMLInputElement>(null)
  const [outcome, setOutcome] = useState<'copied' | 'failed' | null>(null)

  useEffect(() => {
    if (outcome !== 'copied') return
    const timer = setTimeout(() => setOutcome(null), COPIED_MS)
    return () => clearTimeout(timer)
  }, [outcome])

  const onCopy = async () => {
    setOutcome(null)
    setOutcome((await copyText(link, field.current)) ? 'copied' : 'failed')
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-end gap-2">
        <Field label={t('earnings.affiliate.linkLabel')} className="min-w-0 flex-1">
          {(control) => (
            <Input
              {...control}
              ref={field}
              readOnly
              dir="ltr"
              value={link}
              onFocus={(event) => event.currentTarget.select()}
            />
          )}
        </Field>
        <Button onClick={() => void onCopy()}>
          {outcome === 'copied' ? t('earnings.affiliate.copiedButton') : t('earnings.affiliate.copy')}
        </Button>
      </div>
      <p role="status" aria-live="polite" className="min-h-6 text-sm font-medium text-slate-800">
        {outcome === 'copied' && t('earnings.affiliate.copied')}
        {outcome === 'failed' && t('earnings.affiliate.copyFailed')}
      </p>
    </div>
  )
}
