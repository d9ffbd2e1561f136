import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { useDocumentTitle } from '@/lib/use-document-title'

import { useAdmittedRoom } from '../hooks/room-context'
import { MediaProvider } from '../media/media-provider'
import { FacePresence } from '../presence/face-presence'
import type { ChatRoomId } from '../utils/chat-rooms'
import { ActionBar } from './action-bar'
import { RoomsPanel } from './breakout/rooms-panel'
import type { ChatDraft } from './chat/chat-composer'
import { ChatPanel } from './chat/chat-panel'
import { PeoplePanel } from './people/people-panel'
import { PollsPanel } from './polls/polls-panel'
import { QaPanel } from './qa/qa-panel'
import { RoomAlerts } from './room-alerts'
import { RoomHeader } from './room-header'
import { SidePanel, type RoomPanel } from './side-panel'
import { Stage } from './stage'

type PanelId = 'chat' | 'people' | 'polls' | 'qa' | 'rooms'

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
  const [tutorRoom, setTutorRoom] = useState<ChatRoomId>(null)

  // When a round opens, tutors land on the Rooms tab to run it.
  const roundId = state.breakout?.round.id ?? null
  const [seenRound, setSeenRound] = useState(roundId)
  if (roundId !== seenRound) {
    setSeenRound(roundId)
    if (me.tutor && roundId) setPanel('rooms')
    else if (!roundId && panel === 'rooms') setPanel('chat')
  }

  const readRoomChat = (roomId: string) => {
    setTutorRoom(roomId)
    setPanel('chat')
  }

  const panels: RoomPanel<PanelId>[] = [
    {
      id: 'chat',
      label: t('classroom.tabs.chat'),
      render: () => (
        <ChatPanel draft={draft} onDraftChange={setDraft} tutorRoom={tutorRoom} onTutorRoomChange={setTutorRoom} />
      ),
    },
    {
      id: 'people',
      label: t('classroom.tabs.people'),
      count: me.tutor ? state.waiting.length : 0,
      render: () => <PeoplePanel />,
    },
    {
      id: 'polls',
      label: t('classroom.tabs.polls'),
      // Students: open polls still waiting for their vote.
      count: me.tutor ? 0 : state.polls.filter((poll) => poll.status === 'open' && poll.mine.length === 0).length,
      render: () => <PollsPanel />,
    },
    {
      id: 'qa',
      label: t('classroom.tabs.qa'),
      count: me.tutor ? state.questions.filter((question) => !question.answered).length : 0,
      render: () => <QaPanel />,
    },
    ...(me.tutor && state.breakout
      ? [
          {
            id: 'rooms' as const,
            label: t('classroom.tabs.rooms'),
            count: state.helpCalls.length,
            render: () => <RoomsPanel onReadChat={readRoomChat} />,
          },
        ]
      : []),
  ]

  return (
    <MediaProvider>
      <div className="space-y-4">
        <RoomHeader />
        <RoomAlerts />
        <FacePresence />
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
    </MediaProvider>
  )
}
