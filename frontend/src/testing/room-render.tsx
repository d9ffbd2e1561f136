import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactNode } from 'react'

import { RoomContext, type RoomContextValue } from '@/features/classroom/hooks/room-context'
import { initialRoomState, roomReducer, type RoomState } from '@/features/classroom/utils/room-state'

import { buildWelcome, STUDENT_ID, TUTOR_ID } from './classroom-factories'

/**
 * Renders one part of the room with the room's context as a welcome leaves it (`extra` adds state the
 * welcome does not carry), without the socket or the router.
 */
export function renderInRoom(
  ui: ReactNode,
  {
    tutor = false,
    status = 'live',
    extra = {},
  }: { tutor?: boolean; status?: string; extra?: Record<string, unknown> } = {},
) {
  const welcome = buildWelcome({
    you: { user_id: tutor ? TUTOR_ID : STUDENT_ID, tutor },
    session: { status },
  })
  const state: RoomState = { ...roomReducer(initialRoomState, welcome), ...extra }
  const value: RoomContextValue = {
    state,
    connection: { state: 'live' },
    act: () => true,
    dismiss: () => undefined,
  }
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } },
  })
  const user = userEvent.setup({ advanceTimers: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) })
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RoomContext.Provider value={value}>{ui}</RoomContext.Provider>
    </QueryClientProvider>,
  )
  return { ...view, user, queryClient }
}
