import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'

import { useAdmittedRoom } from '../../hooks/room-context'
import { roomNumber } from '../../utils/breakout-state'
import { messagesIn, studentChatRoom, tutorChatRooms, type ChatRoomId } from '../../utils/chat-rooms'
import type { ChatMessage } from '../../utils/protocol'
import { ChatComposer, type ChatDraft } from './chat-composer'
import { ChatLog } from './chat-log'
import { ChatRoomSelect } from './chat-room-select'

/**
 * The Chat tab: the conversation, the composer, and for tutors deleting messages. During breakout rooms
 * a student reads and writes in their room's chat (the main room's chat is hidden until the rooms close);
 * tutors pick which room's chat to read.
 */
export function ChatPanel({
  draft,
  onDraftChange,
  tutorRoom,
  onTutorRoomChange,
}: {
  draft: ChatDraft
  onDraftChange: (draft: ChatDraft) => void
  /** The chat a tutor reads (kept by the page so it survives switching tabs). */
  tutorRoom: ChatRoomId
  onTutorRoomChange: (roomId: ChatRoomId) => void
}) {
  const { t } = useTranslation()
  const { state, me, act } = useAdmittedRoom()
  const [deleting, setDeleting] = useState<ChatMessage | null>(null)

  const options = me.tutor ? tutorChatRooms(state) : []
  // A room that is no longer offered (its round closed without a word said) falls back to the main room.
  const reading = me.tutor ? (options.some((o) => o.roomId === tutorRoom) ? tutorRoom : null) : studentChatRoom(state)
  const number = roomNumber(state, reading)
  const roomOpen = reading !== null && (state.breakout?.round.rooms.some((room) => room.id === reading) ?? false)

  return (
    <div>
      {options.length > 1 && <ChatRoomSelect options={options} value={reading} onChange={onTutorRoomChange} />}
      {!me.tutor && reading !== null && number !== null && (
        <p className="mb-3 rounded-md bg-brand-50 px-3 py-2 text-sm text-slate-900">
          {t('classroom.chat.roomNote', { number })}
        </p>
      )}
      <ChatLog
        messages={messagesIn(state.chat, reading)}
        myId={me.userId}
        onDelete={me.tutor ? setDeleting : undefined}
      />
      {me.tutor && reading !== null && !roomOpen ? (
        // A closed room's chat is kept to read; nobody is there to hear a new message.
        <div className="mt-3 space-y-2 text-sm text-slate-700">
          <p>{t('classroom.chat.readingRoom')}</p>
          <Button size="sm" variant="secondary" onClick={() => onTutorRoomChange(null)}>
            {t('classroom.chat.writeInMain')}
          </Button>
        </div>
      ) : (
        <ChatComposer
          draft={draft}
          onChange={onDraftChange}
          canWhisper={!me.tutor}
          onSend={(message) =>
            act({
              type: 'chat.send',
              body: message.body,
              ...(message.toTutors && !me.tutor ? { to_tutors: true } : {}),
              // A tutor reading an open room's chat speaks into that room.
              ...(me.tutor && reading !== null ? { room_id: reading } : {}),
            })
          }
        />
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={t('classroom.chat.deleteTitle')}
        confirmLabel={t('classroom.chat.deleteConfirm')}
        cancelLabel={t('common.cancel')}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting) act({ type: 'chat.delete', message_id: deleting.id })
          setDeleting(null)
        }}
      >
        {t('classroom.chat.deleteBody', { name: deleting?.author_name ?? '' })}
      </ConfirmDialog>
    </div>
  )
}
