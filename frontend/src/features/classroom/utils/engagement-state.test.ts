import { describe, expect, it } from 'vitest'

import { buildPoll, buildQuestion, buildWelcome, roomEvent, STUDENT_ID, TUTOR_ID } from '@/testing/classroom-factories'

import { pollPercent, sortedQuestions } from './engagement-state'
import { initialRoomState, roomReducer, type RoomInput, type RoomState } from './room-state'

function run(frames: RoomInput[], state: RoomState = initialRoomState): RoomState {
  return frames.reduce(roomReducer, state)
}

describe('polls in the room state', () => {
  it('takes polls from the welcome with my own vote', () => {
    const voted = buildPoll({ results: { a: 1, b: 2 }, votes: 3, mine: ['b'] })
    const fresh = buildPoll()
    const state = run([buildWelcome({ polls: [voted, { ...fresh, mine: undefined }] })])
    expect(state.polls.map((p) => p.mine)).toEqual([['b'], []])
  })

  it('opens, counts and closes a poll, keeping my vote', () => {
    const poll = buildPoll()
    const state = run([
      buildWelcome({ last_seq: 1 }),
      roomEvent(2, { type: 'poll.opened', poll }),
      { type: 'sent', action: { type: 'poll.vote', poll_id: poll.id, option_ids: ['b'] } },
      roomEvent(3, { type: 'poll.results', poll_id: poll.id, results: { a: 0, b: 1 }, votes: 1 }),
      roomEvent(2, { type: 'poll.opened', poll }),
    ])
    expect(state.polls).toHaveLength(1)
    expect(state.polls[0]).toMatchObject({ mine: ['b'], results: { a: 0, b: 1 }, votes: 1 })

    const closed = run([roomEvent(5, { type: 'poll.closed', poll: { ...poll, status: 'closed', results: { a: 2, b: 1 }, votes: 3 } })], state)
    expect(closed.polls[0]).toMatchObject({ status: 'closed', mine: ['b'], votes: 3 })

    // A vote sent after the poll closed changes nothing here (the server refuses it too).
    const late = run([{ type: 'sent', action: { type: 'poll.vote', poll_id: poll.id, option_ids: ['a'] } }], closed)
    expect(late.polls[0]?.mine).toEqual(['b'])
  })

  it('knows my own questions and my upvotes from the welcome, even anonymous ones after a reload', () => {
    const mine = buildQuestion({ anonymous: true, author_id: null, author_name: null, mine: true })
    const liked = buildQuestion({ upvoted: true, upvotes: 4 })
    const other = buildQuestion()
    const state = run([buildWelcome({ questions: [mine, liked, other] })])
    expect(state.myQuestions).toEqual([mine.id])
    expect(state.upvoted).toEqual([liked.id])
  })

  it('works out percentages of voters', () => {
    expect(pollPercent({ results: { a: 1, b: 2 }, votes: 3 }, 'b')).toBe(67)
    expect(pollPercent({ results: { a: 0 }, votes: 0 }, 'a')).toBe(0)
    expect(pollPercent({ results: { a: 3, b: 3 }, votes: 4 }, 'a')).toBe(75)
  })
})

describe('questions in the room state', () => {
  it('recognises my questions, named and anonymous, and remembers my upvotes', () => {
    const named = buildQuestion({ author_id: STUDENT_ID, author_name: 'Ayesha Khan', body: 'What is a prime?' })
    const hidden = buildQuestion({ anonymous: true, author_id: null, author_name: null, body: 'Is 1 prime?' })
    const other = buildQuestion({ anonymous: true, author_id: null, author_name: null, body: 'Something else?' })
    const state = run([
      buildWelcome({ last_seq: 1 }),
      { type: 'sent', action: { type: 'qa.ask', body: '  Is 1 prime? ', anonymous: true } },
      roomEvent(2, { type: 'qa.asked', question: other }),
      roomEvent(3, { type: 'qa.asked', question: hidden }),
      roomEvent(4, { type: 'qa.asked', question: named }),
      { type: 'sent', action: { type: 'qa.upvote', question_id: other.id } },
      { type: 'sent', action: { type: 'qa.upvote', question_id: other.id } },
      roomEvent(5, { type: 'qa.upvoted', question_id: other.id, upvotes: 1 }),
      roomEvent(6, { type: 'qa.answered', question_id: hidden.id }),
    ])
    expect(state.questions).toHaveLength(3)
    expect(state.myQuestions).toEqual([hidden.id, named.id])
    expect(state.pendingAnonymous).toEqual([])
    expect(state.upvoted).toEqual([other.id])
    expect(state.questions.find((q) => q.id === other.id)?.upvotes).toBe(1)
    expect(state.questions.find((q) => q.id === hidden.id)?.answered).toBe(true)

    // A reconnect's welcome does not name anonymous questions; the ones recognised are kept.
    const again = run([buildWelcome({ last_seq: 9, questions: [hidden, named, other] })], state)
    expect(again.myQuestions).toEqual([hidden.id, named.id])
    expect(again.upvoted).toEqual([other.id])
  })

  it('shows tutors who asked, from their own copy', () => {
    const question = buildQuestion({ anonymous: true, author_id: STUDENT_ID, author_name: 'Ayesha Khan' })
    const state = run([
      buildWelcome({ you: { user_id: TUTOR_ID, tutor: true }, last_seq: 1 }),
      roomEvent(2, { type: 'qa.asked', question }),
    ])
    expect(state.questions[0]).toMatchObject({ anonymous: true, author_name: 'Ayesha Khan' })
    expect(state.myQuestions).toEqual([])
  })

  it('sorts by upvotes, then the earliest asked', () => {
    const early = buildQuestion({ body: 'early', upvotes: 1, at: '2026-03-02T10:01:00Z' })
    const late = buildQuestion({ body: 'late', upvotes: 1, at: '2026-03-02T10:09:00Z' })
    const top = buildQuestion({ body: 'top', upvotes: 4, at: '2026-03-02T10:10:00Z' })
    const none = buildQuestion({ body: 'none', upvotes: 0, at: '2026-03-02T10:00:00Z' })
    expect(sortedQuestions([late, none, early, top]).map((q) => q.body)).toEqual(['top', 'early', 'late', 'none'])
  })
})
