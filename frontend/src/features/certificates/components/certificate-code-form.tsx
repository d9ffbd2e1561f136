import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'

import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/field'
import { useInvalidFocus } from '@/lib/forms'

import { normaliseCode, verifyPath } from '../utils/certificate-links'

/** Checks another code by opening its verification page. */
export function CertificateCodeForm() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const headingId = useId()
  const { ref, focusInvalid } = useInvalidFocus()
  const [code, setCode] = useState('')
  const [error, setError] = useState<string | null>(null)

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const normalised = normaliseCode(code)
    if (!normalised) {
      setError(t('certificates.verify.codeRequired'))
      focusInvalid()
      return
    }
    setError(null)
    setCode('')
    void navigate(verifyPath(normalised))
  }

  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <h2 id={headingId} className="text-lg font-semibold">
        {t('certificates.verify.checkAnother')}
      </h2>
      <form ref={ref} onSubmit={onSubmit} noValidate className="max-w-md space-y-3">
        <TextField
          label={t('certificates.verify.codeLabel')}
          hint={t('certificates.verify.codeHint')}
          name="code"
          dir="ltr"
          autoComplete="off"
          spellCheck={false}
          maxLength={40}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          error={error}
        />
        <Button type="submit">
          {t('certificates.verify.check')}
        </Button>
      </form>
    </section>
  )
}
