import { useTranslation } from 'react-i18next'

import { cn } from '@/components/ui/cn'
import { LockIcon } from '@/components/ui/icons'

import { useClockTime } from '../../hooks/use-clock-time'
import type { ChatMessage } from '../../utils/protocol'
import { ChatBody } from './chat-body'

/** One message: author, time, a mark when it went only to the tutor; own messages sit at the end. */
export function ChatMessageItem({
  message,
  own,
  onDelete,
}: {
  message: ChatMessage
  own: boolean
  /** Tutors only. */
  onDelete?: (message: ChatMessage) => void
}) {
  const { t } = useTranslation()
  const clock = useClockTime()
  return (
    <li className={cn('flex flex-col gap-1', own ? 'items-end' : 'items-start')}>
      <div className="flex flex-wrap items-baseline gap-x-2 text-sm text-slate-700">
        <span className="font-semibold text-slate-900">{own ? t('classroom.chat.you') : message.author_name}</span>
        <time dateTime={message.at}>{clock(message.at)}</time>
      </div>
      <div
        className={cn(
          'max-w-[85%] rounded-lg px-3 py-2',
          own ? 'bg-brand-50 text-slate-900' : 'bg-slate-100 text-slate-900',
          message.to_tutors && 'border border-dashed border-accent-700',
        )}
      >
        {message.to_tutors && (
          <p className="mb-1 flex items-center gap-1 text-sm font-semibold text-accent-700">
            <LockIcon className="size-4" />
            {t('classroom.chat.private')}
          </p>
        )}
        {message.deleted ? (
          <p className="text-slate-600 italic">{t('classroom.chat.deleted')}</p>
        ) : (
          <ChatBody body={message.body} links={message.links} />
        )}
      </div>
      {onDelete && !message.deleted && (
        <button type="button" onClick={() => onDelete(message)} className="link min-h-9 px-1 text-sm">
          {t('classroom.chat.delete')}
        </button>
      )}
    </li>
  )
}
