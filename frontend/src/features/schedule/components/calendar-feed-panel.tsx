import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { buttonClasses } from '@/components/ui/button-classes'
import { Card } from '@/components/ui/card'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { Input } from '@/components/ui/input'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { Skeleton } from '@/components/ui/skeleton'
import { errorMessage } from '@/lib/api-messages'
import { notify } from '@/lib/notices'

import { useCalendarLink, useRotateCalendarLink } from '../api/calendar-link'
import { googleCalendarUrl } from '../utils/calendar-links'

/** The private calendar address: copy it, subscribe with it, or replace it when it has leaked. */
export function CalendarFeedPanel() {
  const { t } = useTranslation()
  const link = useCalendarLink()
  const rotate = useRotateCalendarLink()
  const [confirming, setConfirming] = useState(false)
  const addressId = useId()
  const privacyId = useId()

  if (link.isPending) return <Skeleton className="h-56" />
  if (link.isError) {
    return <LoadErrorAlert title={t('schedule.calendar.loadError')} error={link.error} onRetry={() => void link.refetch()} />
  }
  const { url, webcal_url: webcalUrl } = link.data

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url)
      notify(t('schedule.calendar.copied'))
    } catch {
      notify(t('schedule.calendar.copyFailed'), 'error')
    }
  }

  const onReset = () =>
    rotate.mutate(undefined, {
      onSuccess: () => {
        setConfirming(false)
        notify(t('schedule.calendar.resetDone'))
      },
      onError: (error) => {
        setConfirming(false)
        notify(t('schedule.calendar.resetFailed', { reason: errorMessage(t, error) }), 'error')
      },
    })

  return (
    <div className="space-y-6">
      <Card className="space-y-4">
        <div className="space-y-1">
          <label htmlFor={addressId} className="block font-medium text-slate-900">
            {t('schedule.calendar.address')}
          </label>
          <div className="flex flex-col gap-2 sm:flex-row">
            <Input
              id={addressId}
              readOnly
              dir="ltr"
              value={url}
              aria-describedby={privacyId}
              onFocus={(event) => event.currentTarget.select()}
              className="font-mono text-sm"
            />
            <Button variant="secondary" onClick={() => void copy()} className="shrink-0">
              {t('schedule.calendar.copy')}
            </Button>
          </div>
        </div>
        <Alert tone="warning">
          <p id={privacyId}>{t('schedule.calendar.privacy')}</p>
        </Alert>
        <div className="flex flex-wrap gap-3">
          <a
            href={googleCalendarUrl(webcalUrl)}
            target="_blank"
            rel="noopener noreferrer"
            className={buttonClasses({ variant: 'primary' })}
          >
            {t('schedule.calendar.google')}
            <span className="sr-only"> {t('common.opensInNewTab')}</span>
          </a>
          <a href={webcalUrl} className={buttonClasses({ variant: 'secondary' })}>
            {t('schedule.calendar.webcal')}
          </a>
        </div>
        <p className="text-sm text-slate-700">{t('schedule.calendar.howTo')}</p>
      </Card>
      <Card className="space-y-3">
        <h2 className="text-lg font-semibold text-slate-900">{t('schedule.calendar.resetTitle')}</h2>
        <p className="text-slate-700">{t('schedule.calendar.resetLead')}</p>
        <Button variant="danger" onClick={() => setConfirming(true)}>
          {t('schedule.calendar.reset')}
        </Button>
      </Card>
      <ConfirmDialog
        open={confirming}
        title={t('schedule.calendar.resetDialog.title')}
        confirmLabel={t('schedule.calendar.resetDialog.confirm')}
        cancelLabel={t('common.cancel')}
        confirming={rotate.isPending}
        onConfirm={onReset}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('schedule.calendar.resetDialog.body')}</p>
      </ConfirmDialog>
    </div>
  )
}
