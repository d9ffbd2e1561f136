import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import {
  buildChatMessage,
  buildPerson,
  buildRound,
  buildTutorPerson,
  buildWelcome,
  minutesFromNow,
  openClassroom,
  receiveFrames,
  roomEvent,
  STUDENT_ID,
  TUTOR_ID,
} from '@/testing/classroom-factories'

const me = buildPerson({ user_id: STUDENT_ID, name: 'Ayesha Khan' })
const bilal = buildPerson({ name: 'Bilal Ahmed' })
const zara = buildPerson({ name: 'Zara Malik' })

const tutorWelcome = (overrides: Parameters<typeof buildWelcome>[0] = {}) =>
  buildWelcome({
    you: { user_id: TUTOR_ID, tutor: true },
    participants: [buildTutorPerson(), me, bilal, zara],
    ...overrides,
  })

describe('breakout rooms: tutor', () => {
  it('places students by hand, runs the rooms and calls everyone back', async () => {
    const { socket, sent, user } = await openClassroom({ tutor: true })
    receiveFrames(socket, tutorWelcome())

    await user.click(await screen.findByRole('button', { name: 'Breakout rooms' }))
    const dialog = screen.getByRole('dialog', { name: 'Open breakout rooms' })
    const rooms = within(dialog).getByRole('spinbutton', { name: 'Number of rooms' })
    expect(rooms).toHaveFocus()
    await user.clear(rooms)
    await user.type(rooms, '0')
    await user.click(within(dialog).getByRole('button', { name: 'Open rooms' }))
    expect(within(dialog).getByText('Choose 1 to 50 rooms.')).toBeInTheDocument()
    expect(sent).toEqual([])

    await user.clear(rooms)
    await user.type(rooms, '3')
    const minutes = within(dialog).getByRole('spinbutton', { name: 'Minutes' })
    await user.clear(minutes)
    await user.type(minutes, '15')
    expect(within(dialog).getByRole('radio', { name: 'Random' })).toBeChecked()
    expect(within(dialog).queryByRole('combobox', { name: 'Room for Ayesha Khan' })).not.toBeInTheDocument()
    await user.click(within(dialog).getByRole('radio', { name: "I'll place students" }))

    // Students are shared out in turn; the tutor changes any of them.
    expect(within(dialog).getByRole('combobox', { name: 'Room for Ayesha Khan' })).toHaveDisplayValue('Room 1')
    expect(within(dialog).getByRole('combobox', { name: 'Room for Bilal Ahmed' })).toHaveDisplayValue('Room 2')
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Room for Zara Malik' }), 'Room 2')
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Room for Ayesha Khan' }), 'Main room')
    await user.click(within(dialog).getByRole('button', { name: 'Open rooms' }))

    expect(sent).toEqual([
      {
        type: 'breakout.start',
        rooms: 3,
        minutes: 15,
        mode: 'manual',
        assignments: { [bilal.user_id]: 2, [zara.user_id]: 2 },
      },
    ])
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()

    const round = buildRound({ ends_at: minutesFromNow(15), members: [[], [bilal.user_id, zara.user_id], []] })
    const [one, two] = round.rooms
    receiveFrames(socket, roomEvent(11, { type: 'breakout.started', round }))

    // The Rooms tab opens by itself; the button to open rooms goes away while they are open.
    expect(screen.getByRole('tab', { name: 'Rooms' })).toHaveAttribute('aria-selected', 'true')
    expect(screen.queryByRole('button', { name: 'Breakout rooms' })).not.toBeInTheDocument()
    expect(screen.getByRole('heading', { name: '3 breakout rooms' })).toBeInTheDocument()
    expect(screen.getByText(/^Time left: 1[45]:\d\d$/)).toBeInTheDocument()
    const roomTwo = screen.getByRole('region', { name: /^Room 2/ })
    expect(within(roomTwo).getByText('Bilal Ahmed')).toBeInTheDocument()
    expect(within(roomTwo).getByText('Zara Malik')).toBeInTheDocument()
    const main = screen.getByRole('region', { name: /^Main room/ })
    expect(within(main).getByText('Ayesha Khan')).toBeInTheDocument()

    await user.selectOptions(screen.getByRole('combobox', { name: 'Move Bilal Ahmed to' }), 'Room 1')
    expect(sent[1]).toEqual({ type: 'breakout.move', user_id: bilal.user_id, room_id: one!.id })
    receiveFrames(socket, roomEvent(12, { type: 'breakout.moved', user_id: bilal.user_id, room_id: one!.id }))
    expect(within(screen.getByRole('region', { name: /^Room 1/ })).getByText('Bilal Ahmed')).toBeInTheDocument()

    // A call for help shows above the stage, is announced, and is answered by visiting the room.
    receiveFrames(socket, roomEvent(13, { type: 'breakout.help', user_id: zara.user_id, room_id: two!.id, room_name: 'Room 2' }))
    const calls = screen.getByRole('region', { name: 'Calls for help' })
    expect(within(calls).getByText('Zara Malik in Room 2 asks for help')).toBeInTheDocument()
    // Shown, and read out by the page's live region.
    expect(screen.getAllByText('Zara Malik in Room 2 asks for help')).toHaveLength(2)
    expect(screen.getByRole('tab', { name: 'Rooms' })).toHaveTextContent('1')

    await user.click(within(calls).getByRole('button', { name: 'Visit Room 2' }))
    expect(sent[2]).toEqual({ type: 'breakout.visit', room_id: two!.id })
    receiveFrames(socket, roomEvent(14, { type: 'breakout.visit', user_id: TUTOR_ID, room_id: two!.id }))
    expect(screen.queryByRole('region', { name: 'Calls for help' })).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Back to main room' }))
    expect(sent[3]).toEqual({ type: 'breakout.visit', room_id: null })

    await user.click(screen.getByRole('button', { name: 'Send to all rooms' }))
    expect(screen.getByText('Write a message first.')).toBeInTheDocument()
    await user.type(screen.getByRole('textbox', { name: 'Message to all rooms' }), 'Two minutes left')
    await user.click(screen.getByRole('button', { name: 'Send to all rooms' }))
    expect(sent[4]).toEqual({ type: 'breakout.broadcast', body: 'Two minutes left' })

    await user.click(screen.getByRole('button', { name: 'Close rooms' }))
    const confirm = screen.getByRole('alertdialog', { name: 'Close the breakout rooms?' })
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }))
    expect(sent).toHaveLength(5)
    await user.click(screen.getByRole('button', { name: 'Close rooms' }))
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Close rooms' }))
    expect(sent[5]).toEqual({ type: 'breakout.end' })

    receiveFrames(socket, roomEvent(15, { type: 'breakout.ended', round_id: round.id }))
    expect(screen.queryByRole('tab', { name: 'Rooms' })).not.toBeInTheDocument()
    expect(screen.getByRole('tab', { name: 'Chat' })).toHaveAttribute('aria-selected', 'true')
    expect(screen.getByRole('button', { name: 'Breakout rooms' })).toBeInTheDocument()
    expect(screen.getByText('Breakout rooms closed. Everyone is back in the main room.')).toBeInTheDocument()
  })

  it("reads each room's chat from the chat panel", async () => {
    const round = buildRound({ ends_at: minutesFromNow(5), members: [[bilal.user_id], [zara.user_id]] })
    const [one, two] = round.rooms
    const { socket, sent, user } = await openClassroom({ tutor: true })
    receiveFrames(
      socket,
      tutorWelcome({
        breakout: { round, my_room_id: null },
        chat: [
          buildChatMessage({ body: 'Hello everyone' }),
          buildChatMessage({ author_id: bilal.user_id, author_name: 'Bilal Ahmed', body: 'In room one', room_id: one!.id }),
          buildChatMessage({ author_id: zara.user_id, author_name: 'Zara Malik', body: 'In room two', room_id: two!.id }),
        ],
      }),
    )

    const log = await screen.findByRole('log', { name: 'Chat messages' })
    expect(within(log).getByText('Hello everyone')).toBeInTheDocument()
    expect(within(log).queryByText('In room one')).not.toBeInTheDocument()
    await user.selectOptions(screen.getByRole('combobox', { name: 'Show chat from' }), 'Room 2')
    expect(within(log).getByText('In room two')).toBeInTheDocument()
    expect(within(log).queryByText('Hello everyone')).not.toBeInTheDocument()
    // Reading an open room's chat, the tutor speaks into that room.
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'How is room two doing?')
    await user.click(screen.getByRole('button', { name: 'Send' }))
    expect(sent).toContainEqual({ type: 'chat.send', body: 'How is room two doing?', room_id: two!.id })

    await user.click(screen.getByRole('tab', { name: 'Rooms' }))
    await user.click(screen.getByRole('button', { name: 'Read Room 1 chat' }))
    expect(screen.getByRole('combobox', { name: 'Show chat from' })).toHaveDisplayValue('Room 1')
    expect(screen.getByText('In room one')).toBeInTheDocument()

    // Once the round is over the rooms' chats stay to read, and the tutor writes in the main room again.
    receiveFrames(socket, roomEvent(20, { type: 'breakout.ended', round_id: round.id }))
    await user.click(screen.getByRole('tab', { name: 'Chat' }))
    await user.selectOptions(screen.getByRole('combobox', { name: 'Show chat from' }), 'Room 1')
    expect(screen.queryByRole('textbox', { name: 'Message' })).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Write in the main room' }))
    expect(screen.getByRole('textbox', { name: 'Message' })).toBeInTheDocument()
    expect(screen.getByText('Hello everyone')).toBeInTheDocument()
  })
})

describe('breakout rooms: student', () => {
  it('shows my room, its chat only, asks for help, and brings me back to the main room', async () => {
    const { socket, sent, user } = await openClassroom()
    receiveFrames(
      socket,
      buildWelcome({
        participants: [buildTutorPerson(), me, bilal],
        chat: [buildChatMessage({ body: 'Welcome to the main room' })],
      }),
    )
    expect(await screen.findByText('Welcome to the main room')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Breakout rooms' })).not.toBeInTheDocument()

    const round = buildRound({ ends_at: minutesFromNow(10), members: [[bilal.user_id], [STUDENT_ID]] })
    const [, two] = round.rooms
    receiveFrames(socket, roomEvent(11, { type: 'breakout.started', round }))

    const banner = screen.getByRole('region', { name: 'You are in Room 2' })
    expect(within(banner).getByText(/^Time left: (9|10):\d\d$/)).toBeInTheDocument()
    expect(screen.getByText('Breakout rooms are open. You are in Room 2.')).toBeInTheDocument()
    expect(within(banner).queryByRole('button', { name: /^Join Room/ })).not.toBeInTheDocument()

    // The main room's chat is hidden while in a room; the room's own chat shows.
    const log = screen.getByRole('log', { name: 'Chat messages' })
    expect(within(log).queryByText('Welcome to the main room')).not.toBeInTheDocument()
    expect(screen.getByText(/Only Room 2 and the tutors see this chat/)).toBeInTheDocument()
    receiveFrames(
      socket,
      roomEvent(12, {
        type: 'chat.message',
        message: buildChatMessage({ author_id: bilal.user_id, author_name: 'Bilal Ahmed', body: 'Main room chatter' }),
      }),
      roomEvent(13, {
        type: 'chat.message',
        message: buildChatMessage({ author_id: bilal.user_id, author_name: 'Bilal Ahmed', body: 'Hi room two', room_id: two!.id }),
      }),
    )
    expect(within(log).getByText('Hi room two')).toBeInTheDocument()
    expect(within(log).queryByText('Main room chatter')).not.toBeInTheDocument()

    await user.click(within(banner).getByRole('button', { name: 'Ask the tutor for help' }))
    expect(sent).toEqual([{ type: 'breakout.help' }])
    expect(within(banner).getByText("The tutor has been told. They'll come to your room soon.")).toHaveAttribute('role', 'status')

    receiveFrames(socket, roomEvent(14, { type: 'breakout.visit', user_id: TUTOR_ID, room_id: two!.id }))
    expect(within(banner).getByText('Sir Imran is visiting your room')).toBeInTheDocument()

    receiveFrames(socket, roomEvent(15, { type: 'breakout.broadcast', body: 'Two minutes left' }))
    expect(screen.getByText('Message from the tutor to every room')).toBeInTheDocument()
    expect(screen.getByText('Message from the tutor to every room: Two minutes left')).toBeInTheDocument()

    receiveFrames(socket, roomEvent(16, { type: 'breakout.ended', round_id: round.id }))
    expect(screen.queryByRole('region', { name: 'You are in Room 2' })).not.toBeInTheDocument()
    expect(screen.queryByText('Message from the tutor to every room')).not.toBeInTheDocument()
    expect(screen.getAllByText('Back in the main room').length).toBeGreaterThan(0)
    expect(within(log).getByText('Welcome to the main room')).toBeInTheDocument()
    expect(within(log).getByText('Main room chatter')).toBeInTheDocument()
    expect(within(log).queryByText('Hi room two')).not.toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Dismiss' }))
    expect(screen.queryByText(/The breakout rooms have closed/)).not.toBeInTheDocument()
  })

  it('lets students choose a room when the tutor allows it', async () => {
    const round = buildRound({ mode: 'choose', ends_at: minutesFromNow(8), members: [[bilal.user_id], [], []] })
    const [one, two] = round.rooms
    const { socket, sent, user } = await openClassroom()
    receiveFrames(socket, buildWelcome({ participants: [buildTutorPerson(), me, bilal], breakout: { round, my_room_id: null } }))

    const banner = await screen.findByRole('region', { name: 'Breakout rooms' })
    expect(within(banner).getByText("Breakout rooms are open. You're in the main room for now.")).toBeInTheDocument()
    expect(within(banner).getByText('Choose a room to join.')).toBeInTheDocument()
    expect(within(banner).queryByRole('button', { name: 'Ask the tutor for help' })).not.toBeInTheDocument()
    await user.click(within(banner).getByRole('button', { name: 'Join Room 2' }))
    expect(sent).toEqual([{ type: 'breakout.join', room_id: two!.id }])

    receiveFrames(socket, roomEvent(11, { type: 'breakout.moved', user_id: STUDENT_ID, room_id: two!.id }))
    const inRoom = screen.getByRole('region', { name: 'You are in Room 2' })
    expect(screen.getByText('You are now in Room 2.')).toBeInTheDocument()
    expect(within(inRoom).queryByRole('button', { name: 'Join Room 2' })).not.toBeInTheDocument()
    await user.click(within(inRoom).getByRole('button', { name: 'Join Room 1' }))
    expect(sent[1]).toEqual({ type: 'breakout.join', room_id: one!.id })
    await user.click(within(inRoom).getByRole('button', { name: 'Go back to the main room' }))
    expect(sent[2]).toEqual({ type: 'breakout.join', room_id: null })
  })
})
