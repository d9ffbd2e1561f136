import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { EmptyState } from '@/components/ui/empty-state'
import { LockIcon } from '@/components/ui/icons'
import { Select } from '@/components/ui/input'

import type { RecapMessage, RecapRoom } from '../../api/types'
import { useClockTime } from '../../hooks/use-clock-time'
import { roomLabels, roomMessages } from '../../utils/recap'
import { ChatBody } from './chat-body'
import { RecapSection } from './recap-section'
import { roomName } from './room-name'

const MAIN = 'main'

function ChatMessageItem({ message }: { message: RecapMessage }) {
  const { t } = useTranslation()
  const clock = useClockTime()
  return (
    <li className="space-y-1">
      <div className="flex flex-wrap items-baseline gap-x-2 text-sm text-slate-700">
        <span className="font-semibold text-slate-900" dir="auto">
          {message.author_name}
        </span>
        <time dateTime={message.at}>{clock(message.at)}</time>
      </div>
      <div
        className={
          message.to_tutors
            ? 'rounded-lg border border-dashed border-accent-700 bg-slate-50 px-3 py-2 text-slate-900'
            : 'rounded-lg bg-slate-100 px-3 py-2 text-slate-900'
        }
      >
        {message.to_tutors && (
          <p className="mb-1 flex items-center gap-1 text-sm font-semibold text-accent-700">
            <LockIcon className="size-4" />
            {t('schedule.recap.chat.private')}
          </p>
        )}
        <ChatBody body={message.body} links={message.links} />
      </div>
    </li>
  )
}

/**
 * The class's chat in the order it was written: the main room's, or (when there were breakout rooms) the
 * chat of the room chosen.
 */
export function RecapChat({ chat, rooms }: { chat: readonly RecapMessage[]; rooms: readonly RecapRoom[] }) {
  const { t } = useTranslation()
  const selectId = useId()
  const [roomId, setRoomId] = useState<string | null>(null)
  const labels = roomLabels(rooms)
  const room = roomId === null ? undefined : labels.get(roomId)
  // A room no longer listed (the recap refreshed) falls back to the main room.
  const selected = room ? roomId : null
  const current = room ? roomName(t, room) : t('schedule.recap.chat.mainRoom')
  const messages = roomMessages(chat, selected)

  return (
    <RecapSection
      title={t('schedule.recap.chat.heading')}
      meta={messages.length > 0 && t('schedule.recap.chat.count', { count: messages.length })}
    >
      {rooms.length > 0 && (
        <div className="w-full space-y-1 sm:w-auto sm:max-w-md">
          <label htmlFor={selectId} className="block font-medium text-slate-900">
            {t('schedule.recap.chat.roomSelect')}
          </label>
          <Select
            id={selectId}
            value={selected ?? MAIN}
            onChange={(event) => setRoomId(event.target.value === MAIN ? null : event.target.value)}
            className="sm:min-w-72"
          >
            <option value={MAIN}>{t('schedule.recap.chat.mainRoom')}</option>
            {rooms.map((option) => {
              const label = labels.get(option.id)
              return (
                <option key={option.id} value={option.id}>
                  {label ? roomName(t, label) : option.name}
                </option>
              )
            })}
          </Select>
        </div>
      )}
      {messages.length === 0 ? (
        <EmptyState title={room ? t('schedule.recap.chat.emptyRoom') : t('schedule.recap.chat.empty')} />
      ) : (
        // Long chats scroll inside the list; it takes focus so the keyboard can scroll it too.
        <ol
          aria-label={t('schedule.recap.chat.transcript', { room: current })}
          tabIndex={0}
          className="max-h-[36rem] space-y-4 overflow-y-auto rounded-lg border border-slate-200 bg-white p-3 sm:p-4"
        >
          {messages.map((message) => (
            <ChatMessageItem key={message.id} message={message} />
          ))}
        </ol>
      )}
    </RecapSection>
  )
}
