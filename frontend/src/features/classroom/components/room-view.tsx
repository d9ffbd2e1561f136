import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { useDocumentTitle } from '@/lib/use-document-title'

import { useAdmittedRoom } from '../hooks/room-context'
import { ActionBar } from './action-bar'
import type { ChatDraft } from './chat/chat-composer'
import { ChatPanel } from './chat/chat-panel'
import { PeoplePanel } from './people/people-panel'
import { RoomHeader } from './room-header'
import { SidePanel, type RoomPanel } from './side-panel'
import { Stage } from './stage'

type PanelId = 'chat' | 'people'

/**
 * The admitted room: header, stage, controls and the side panel. On wide screens the panel sits beside
 * the stage; on phones it follows the stage as a tab switcher, with the controls pinned to the bottom.
 */
export function RoomView() {
  const { t } = useTranslation()
  const { state, me, session } = useAdmittedRoom()
  useDocumentTitle(session.title)
  const [panel, setPanel] = useState<PanelId>('chat')
  const [draft, setDraft] = useState<ChatDraft>({ body: '', toTutors: false })

  const panels: RoomPanel<PanelId>[] = [
    { id: 'chat', label: t('classroom.tabs.chat'), render: () => <ChatPanel draft={draft} onDraftChange={setDraft} /> },
    {
      id: 'people',
      label: t('classroom.tabs.people'),
      count: me.tutor ? state.waiting.length : 0,
      render: () => <PeoplePanel />,
    },
  ]

  return (
    <div className="space-y-4">
      <RoomHeader />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_24rem] lg:grid-rows-[auto_1fr]">
        <Stage />
        <div className="lg:col-start-1 lg:row-start-2">
          <ActionBar />
        </div>
        <div className="lg:col-start-2 lg:row-span-2 lg:row-start-1">
          <SidePanel panels={panels} selected={panel} onSelect={setPanel} />
        </div>
      </div>
    </div>
  )
}
