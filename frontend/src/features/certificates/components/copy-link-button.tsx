import { useTranslation } from 'react-i18next'

import { Button } from '@/components/ui/button'
import { notify } from '@/lib/notices'

/**
 * Copies a certificate's public address. Where the clipboard is unavailable (an insecure
 * origin, a refused permission) the toast shows the address so it can still be copied by hand.
 */
export function CopyLinkButton({ url, label }: { url: string; label?: string }) {
  const { t } = useTranslation()
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url)
      notify(t('certificates.mine.copied'))
    } catch {
      notify(t('certificates.mine.copyFailed', { url }), 'error')
    }
  }
  return (
    <Button variant="secondary" size="sm" onClick={() => void copy()}>
      {t('certificates.mine.copyLink')}
      {label && <span className="sr-only">: {label}</span>}
    </Button>
  )
}
