import { useLayoutEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'

import type { ChatMessage } from '../../utils/protocol'
import { ChatMessageItem } from './chat-message-item'

/** How close to the bottom (px) still counts as "reading the newest messages". */
const STICK_DISTANCE = 80

/**
 * The scrollable message list. It follows new messages while the reader is at the bottom and stays put
 * while they read older ones. `aria-live` is off because the page announces others' messages itself
 * (also when this tab is not showing), so nothing is read twice.
 */
export function ChatLog({
  messages,
  myId,
  onDelete,
}: {
  messages: ChatMessage[]
  myId: string
  onDelete?: (message: ChatMessage) => void
}) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDivElement>(null)
  const atBottom = useRef(true)
  const last = messages[messages.length - 1]

  useLayoutEffect(() => {
    const node = ref.current
    if (node && (atBottom.current || last?.author_id === myId)) node.scrollTop = node.scrollHeight
  }, [last, myId])

  return (
    <div
      ref={ref}
      role="log"
      aria-live="off"
      aria-label={t('classroom.chat.log')}
      tabIndex={0}
      onScroll={(event) => {
        const node = event.currentTarget
        atBottom.current = node.scrollHeight - node.scrollTop - node.clientHeight < STICK_DISTANCE
      }}
      className="h-72 overflow-y-auto rounded-md border border-slate-200 p-3 lg:h-[calc(100dvh-26rem)] lg:min-h-72"
    >
      {messages.length === 0 ? (
        <p className="py-8 text-center text-slate-600">{t('classroom.chat.empty')}</p>
      ) : (
        <ol className="space-y-3">
          {messages.map((message) => (
            <ChatMessageItem key={message.id} message={message} own={message.author_id === myId} onDelete={onDelete} />
          ))}
        </ol>
      )}
    </div>
  )
}
