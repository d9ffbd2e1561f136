import { RoomContext } from '../hooks/room-context'
import { useRoom } from '../hooks/use-room'
import { LiveAnnouncer } from './live-announcer'
import { RoomMessageCard } from './room-message-card'
import { RoomView } from './room-view'
import { JoiningScreen, WaitingScreen } from './waiting-screen'

/** One visit to one class: joining, the waiting room, the room itself, or why it is not available. */
export function ClassroomRoom({ sessionId }: { sessionId: string }) {
  const { state, connection, act, send, dismiss, announcement, retry } = useRoom(sessionId)

  let content
  if (state.phase === 'ended') content = <RoomMessageCard reason="class_ended" />
  else if (state.phase === 'removed') content = <RoomMessageCard reason="removed" />
  else if (state.phase === 'denied') content = <RoomMessageCard reason="denied" />
  else if (connection.state === 'closed') content = <RoomMessageCard reason={connection.reason} onRetry={retry} sessionId={sessionId} />
  else if (state.phase === 'waiting') content = <WaitingScreen connection={connection} />
  else if (state.phase === 'connecting') content = <JoiningScreen connection={connection} />
  else content = <RoomView />

  return (
    <RoomContext.Provider value={{ state, connection, act, send, dismiss }}>
      {content}
      <LiveAnnouncer announcement={announcement} />
    </RoomContext.Provider>
  )
}
