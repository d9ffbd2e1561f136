import { useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { UseMutationResult } from '@tanstack/react-query'

import { Alert } from '@/components/ui/alert'
import { ApiErrorAlert } from '@/components/ui/api-error-alert'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/field'
import { splitFieldErrors } from '@/lib/errors'
import { isEmail, useInvalidFocus } from '@/lib/forms'

interface EmailRequestFormProps<TData> {
  /** A mutation that takes the e-mail address (password reset, verification resend). */
  request: UseMutationResult<TData, Error, string>
  submitLabel: string
  submittingLabel: string
  successMessage: (email: string) => string
  intro?: ReactNode
  /** Shown under the form, and under the success message. */
  footer?: ReactNode
  fullWidth?: boolean
}

/** One e-mail box that asks the server to send a link; the answer is the same whether or not the account exists. */
export function EmailRequestForm<TData>({
  request,
  submitLabel,
  submittingLabel,
  successMessage,
  intro,
  footer,
  fullWidth = false,
}: EmailRequestFormProps<TData>) {
  const { t } = useTranslation()
  const { ref, focusInvalid } = useInvalidFocus()
  const [email, setEmail] = useState('')
  const [error, setError] = useState<string | undefined>()

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const problem = !email.trim()
      ? t('validation.emailRequired')
      : !isEmail(email)
        ? t('validation.emailInvalid')
        : undefined
    setError(problem)
    if (problem) {
      focusInvalid()
      return
    }
    request.mutate(email.trim(), {
      onError: (err) => {
        const server = splitFieldErrors(err, ['email']).fieldErrors.email
        setError(server)
        if (server) focusInvalid()
      },
    })
  }

  if (request.isSuccess) {
    return (
      <div className="space-y-4">
        <Alert tone="success" focusOnMount>{successMessage(email.trim())}</Alert>
        {footer}
      </div>
    )
  }

  return (
    <form ref={ref} onSubmit={onSubmit} noValidate className="space-y-5">
      {intro}
      <ApiErrorAlert error={request.error} />
      <TextField
        label={t('auth.email')}
        type="email"
        name="email"
        autoComplete="email"
        dir="ltr"
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={error}
      />
      <Button type="submit" fullWidth={fullWidth} loading={request.isPending} loadingText={submittingLabel}>
        {submitLabel}
      </Button>
      {footer}
    </form>
  )
}
