import { describe, expect, it } from 'vitest'

import { buildRecapBoardPage, buildRecapMessage, buildRecapPoll, buildRecapRoom } from '@/testing/schedule-factories'

import { firstPageId, pageOptions, pollOptions, pollPercent, roomLabels, roomMessages } from './recap'

describe('recap helpers', () => {
  it('names rooms, with their round only when there were several rounds', () => {
    const one = buildRecapRoom({ number: 1, round_id: 'round-a' })
    const two = buildRecapRoom({ number: 2, round_id: 'round-a' })
    expect([...roomLabels([one, two]).values()]).toEqual([
      { name: 'Room 1', round: null },
      { name: 'Room 2', round: null },
    ])
    const again = buildRecapRoom({ number: 1, round_id: 'round-b' })
    expect(roomLabels([one, two, again]).get(again.id)).toEqual({ name: 'Room 1', round: 2 })
  })

  it('keeps each room’s messages apart, in order', () => {
    const room = buildRecapRoom()
    const chat = [
      buildRecapMessage({ body: 'a' }),
      buildRecapMessage({ body: 'b', room_id: room.id }),
      buildRecapMessage({ body: 'c' }),
    ]
    expect(roomMessages(chat, null).map((message) => message.body)).toEqual(['a', 'c'])
    expect(roomMessages(chat, room.id).map((message) => message.body)).toEqual(['b'])
  })

  it('lists the main board first, then the rooms’ pages in the rooms’ order, and opens on the page shown', () => {
    const first = buildRecapRoom({ number: 1 })
    const second = buildRecapRoom({ number: 2 })
    const main1 = buildRecapBoardPage({ title: 'One' })
    const main2 = buildRecapBoardPage({ title: 'Two' })
    const roomTwo = buildRecapBoardPage({ title: 'R2', room_id: second.id })
    const roomOne = buildRecapBoardPage({ title: 'R1', room_id: first.id })
    const options = pageOptions([roomTwo, main1, roomOne, main2], [first, second])
    expect(options.map((option) => option.page.title)).toEqual(['One', 'Two', 'R1', 'R2'])
    expect(options[2]!.room).toEqual({ name: 'Room 1', round: null })
    expect(options[0]!.room).toBeNull()
    expect(firstPageId(options, roomOne.id)).toBe(roomOne.id)
    expect(firstPageId(options, 'gone')).toBe(main1.id)
    expect(firstPageId([], null)).toBeNull()
  })

  it('scores poll options by the share of voters', () => {
    const poll = buildRecapPoll({ votes: 3, results: { a: 2, b: 2 }, multiple: true })
    expect(pollOptions(poll)).toEqual([
      { id: 'a', text: 'Yes' },
      { id: 'b', text: 'No' },
    ])
    expect(pollPercent(poll, 'a')).toBe(67)
    expect(pollPercent(poll, 'missing')).toBe(0)
    expect(pollPercent({ votes: 0, results: {} }, 'a')).toBe(0)
  })
})
