import { useTranslation } from 'react-i18next'

import { chatSegments } from '@/lib/chat-text'

/**
 * A message as plain text, with only the server's `links` made clickable (opening in a new tab, telling
 * the other site nothing). React escapes the rest, so a message can never carry markup.
 */
export function ChatBody({ body, links }: { body: string; links: readonly string[] }) {
  const { t } = useTranslation()
  return (
    <p className="break-words whitespace-pre-wrap" dir="auto">
      {chatSegments(body, links).map((segment, index) =>
        segment.kind === 'link' ? (
          <a key={index} href={segment.href} target="_blank" rel="noopener noreferrer" className="link break-all">
            {segment.href}
            <span className="sr-only"> {t('common.opensInNewTab')}</span>
          </a>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </p>
  )
}
