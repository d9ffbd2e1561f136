import { useParams } from 'react-router'

import { ClassroomRoom } from '../components/classroom-room'

/** `/classroom/:sessionId`: the live class room. A new class id starts a fresh visit. */
export function ClassroomRoute() {
  const { sessionId = '' } = useParams()
  return <ClassroomRoom key={sessionId} sessionId={sessionId} />
}
