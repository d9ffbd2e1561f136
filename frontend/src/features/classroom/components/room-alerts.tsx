import { useAdmittedRoom } from '../hooks/room-context'
import { HelpCalls } from './breakout/help-calls'
import { RoomNotices } from './breakout/room-notices'
import { StudentBreakout } from './breakout/student-breakout'

/** What needs attention whatever tab is open: calls for help (tutors), the breakout room and notices (students). */
export function RoomAlerts() {
  const { me } = useAdmittedRoom()
  if (me.tutor) return <HelpCalls />
  return (
    <>
      <RoomNotices />
      <StudentBreakout />
    </>
  )
}
