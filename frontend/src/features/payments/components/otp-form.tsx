import { useState, type FormEvent } from 'react'

import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/field'
import { splitFieldErrors } from '@/lib/errors'

import { usePaymentsTranslation } from '../i18n'

/** The bank's one-time-code step, for cards that ask the buyer to confirm (the test code is 123456). */
export function OtpForm({
  submitting,
  error,
  onSubmit,
}: {
  submitting: boolean
  error: unknown
  onSubmit: (otp: string) => void
}) {
  const { t } = usePaymentsTranslation()
  const [otp, setOtp] = useState('')
  const [missing, setMissing] = useState(false)
  const serverError = splitFieldErrors(error, ['otp']).fieldErrors.otp ?? null

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!otp.trim()) {
      setMissing(true)
      return
    }
    onSubmit(otp)
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-labelledby="otp-title">
      <div className="space-y-1">
        <h2 id="otp-title" className="text-lg font-semibold">
          {t('payments.gateway.otpTitle')}
        </h2>
        <p className="text-slate-700">{t('payments.gateway.otpLead')}</p>
      </div>
      <TextField
        label={t('payments.gateway.otpLabel')}
        hint={t('payments.gateway.otpHint')}
        value={otp}
        onChange={(event) => {
          setMissing(false)
          setOtp(event.target.value.replace(/\D/g, '').slice(0, 6))
        }}
        error={missing ? t('payments.gateway.errors.otpRequired') : serverError}
        inputMode="numeric"
        autoComplete="one-time-code"
        dir="ltr"
        autoFocus
      />
      <Button type="submit" fullWidth size="lg" loading={submitting} loadingText={t('payments.gateway.confirming')}>
        {t('payments.gateway.confirm')}
      </Button>
    </form>
  )
}
