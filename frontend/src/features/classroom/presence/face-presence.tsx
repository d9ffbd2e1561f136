import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { Button } from '@/components/ui/button'

import { useAdmittedRoom } from '../hooks/room-context'
import { readConsent, writeConsent, type Consent } from './consent'
import { useFacePresenceEnabled } from './presence-api'
import { useFaceChecks } from './use-face-checks'

function ConsentCard({ onAnswer }: { onAnswer: (consent: Consent) => void }) {
  const { t } = useTranslation()
  const titleId = useId()
  return (
    <section
      aria-labelledby={titleId}
      data-testid="face-presence-consent"
      className="space-y-3 rounded-lg border border-sky-700 bg-sky-50 p-4 text-sky-950"
    >
      <h2 id={titleId} className="font-semibold">
        {t('classroom.presence.title')}
      </h2>
      <p>{t('classroom.presence.explain')}</p>
      <p className="text-sm">{t('classroom.presence.optional')}</p>
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => onAnswer('allowed')}>{t('classroom.presence.allow')}</Button>
        <Button variant="secondary" onClick={() => onAnswer('declined')}>
          {t('classroom.presence.decline')}
        </Button>
      </div>
    </section>
  )
}

function Checking({ sessionId, onWithdraw }: { sessionId: string; onWithdraw: () => void }) {
  const { t } = useTranslation()
  const check = useFaceChecks(sessionId, true)
  if (check.kind === 'off') return null
  return (
    <div
      data-testid="face-presence-on"
      data-face-check={check.kind === 'checked' ? (check.face ? 'face' : 'no-face') : check.kind}
      className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700"
    >
      <span className="inline-flex items-center gap-1.5">
        <span aria-hidden="true" className="text-brand-700">
          ◉
        </span>
        {check.kind === 'no-camera' ? t('classroom.presence.noCamera') : t('classroom.presence.on')}
      </span>
      <Button variant="ghost" size="sm" onClick={onWithdraw}>
        {t('classroom.presence.withdraw')}
      </Button>
    </div>
  )
}

/**
 * Face presence, for students in a class that uses it: first a card asking for consent, then, once allowed,
 * one small camera frame a minute for the server's face check, with a way to stop. The answer is kept
 * for the class in this tab's session.
 */
export function FacePresence() {
  const { t } = useTranslation()
  const { me, session } = useAdmittedRoom()
  const student = !me.tutor
  const live = session.status === 'live'
  const enabled = useFacePresenceEnabled(session.id, student)
  const [consent, setConsent] = useState<Consent | null>(() => readConsent(session.id))
  if (!student || enabled.data !== true) return null

  const answer = (value: Consent) => {
    writeConsent(session.id, value)
    setConsent(value)
  }

  if (consent === null) return <ConsentCard onAnswer={answer} />
  if (consent === 'allowed' && live) return <Checking sessionId={session.id} onWithdraw={() => answer('declined')} />
  if (consent === 'declined') {
    return (
      <div data-testid="face-presence-off" className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
        <span>{t('classroom.presence.off')}</span>
        <Button variant="ghost" size="sm" onClick={() => answer('allowed')}>
          {t('classroom.presence.turnOn')}
        </Button>
      </div>
    )
  }
  return null
}
