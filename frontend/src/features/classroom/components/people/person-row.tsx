import { useTranslation } from 'react-i18next'

import { Avatar } from '@/components/ui/avatar'
import { Badge } from '@/components/ui/badge'

import type { Person } from '../../utils/protocol'
import { PersonActions } from './person-actions'

/** A muted microphone: a mic with a slash. */
function MutedIcon() {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" aria-hidden="true" className="size-5 text-red-700">
      <rect x="9" y="3" width="6" height="11" rx="3" />
      <path d="M5 11a7 7 0 0 0 12.5 4.3M19 11v0M12 18v3M3 3l18 18" />
    </svg>
  )
}

/** One person in the class: who they are, their hand's place in the queue, whether they are muted. */
export function PersonRow({
  person,
  isMe,
  handOrder,
  spotlit,
  sharesScreen = false,
  manage,
  onRemove,
}: {
  person: Person
  isMe: boolean
  handOrder: number | null
  spotlit: boolean
  /** A student the tutor lets share their screen. */
  sharesScreen?: boolean
  /** Show the tutor's menu for this person. */
  manage: boolean
  onRemove: (person: Person) => void
}) {
  const { t } = useTranslation()
  return (
    <li className="flex items-center gap-3 py-2">
      <Avatar src={person.avatar_url} name={person.name} size="sm" />
      <div className="min-w-0 flex-1">
        <p className="truncate font-medium text-slate-900">
          {person.name}
          {isMe && <span className="ms-1 font-normal text-slate-600">{t('classroom.people.you')}</span>}
        </p>
        <p className="text-sm text-slate-600">
          {person.role === 'tutor' ? t('classroom.people.tutor') : t('classroom.people.student')}
          {spotlit && <span className="ms-2 font-medium text-brand-700">· {t('classroom.people.spotlit')}</span>}
          {sharesScreen && <span className="ms-2">· {t('media.people.mayShare')}</span>}
        </p>
      </div>
      {handOrder !== null && (
        <Badge tone="accent">
          <span aria-hidden="true">✋ {handOrder}</span>
          <span className="sr-only">{t('classroom.people.handRaised', { order: handOrder })}</span>
        </Badge>
      )}
      {person.muted && (
        <span title={t('classroom.people.muted')} className="inline-flex">
          <MutedIcon />
          <span className="sr-only">{t('classroom.people.muted')}</span>
        </span>
      )}
      {manage && <PersonActions person={person} onRemove={onRemove} />}
    </li>
  )
}
