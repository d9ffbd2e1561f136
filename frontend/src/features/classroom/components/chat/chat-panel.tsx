import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { ConfirmDialog } from '@/components/ui/confirm-dialog'

import { useAdmittedRoom } from '../../hooks/room-context'
import type { ChatMessage } from '../../utils/protocol'
import { ChatComposer, type ChatDraft } from './chat-composer'
import { ChatLog } from './chat-log'

/** The Chat tab: the conversation, the composer, and for tutors deleting messages. */
export function ChatPanel({ draft, onDraftChange }: { draft: ChatDraft; onDraftChange: (draft: ChatDraft) => void }) {
  const { t } = useTranslation()
  const { state, me, act } = useAdmittedRoom()
  const [deleting, setDeleting] = useState<ChatMessage | null>(null)

  return (
    <div>
      <ChatLog messages={state.chat} myId={me.userId} onDelete={me.tutor ? setDeleting : undefined} />
      <ChatComposer
        draft={draft}
        onChange={onDraftChange}
        canWhisper={!me.tutor}
        onSend={(message) =>
          act({ type: 'chat.send', body: message.body, ...(message.toTutors && !me.tutor ? { to_tutors: true } : {}) })
        }
      />
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
