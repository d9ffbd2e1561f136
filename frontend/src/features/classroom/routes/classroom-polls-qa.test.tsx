import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import {
  buildPerson,
  buildPoll,
  buildQuestion,
  buildTutorPerson,
  buildWelcome,
  openClassroom,
  receiveFrames,
  roomEvent,
  STUDENT_ID,
  TUTOR_ID,
} from '@/testing/classroom-factories'

const bilal = buildPerson({ name: 'Bilal Ahmed' })
const me = buildPerson({ user_id: STUDENT_ID, name: 'Ayesha Khan' })

const tutorWelcome = (overrides: Parameters<typeof buildWelcome>[0] = {}) =>
  buildWelcome({ you: { user_id: TUTOR_ID, tutor: true }, participants: [buildTutorPerson(), me, bilal], ...overrides })

describe('classroom polls', () => {
  it('lets the tutor start a poll, watch the results and close it', async () => {
    const { socket, sent, user } = await openClassroom({ tutor: true })
    receiveFrames(socket, tutorWelcome())

    await user.click(await screen.findByRole('tab', { name: 'Polls' }))
    expect(screen.getByText('No polls yet.')).toBeInTheDocument()

    // Nothing goes out until the question and every option are written.
    await user.click(screen.getByRole('button', { name: 'Start poll' }))
    expect(sent).toEqual([])
    expect(screen.getByText('Write the question.')).toBeInTheDocument()
    expect(screen.getByRole('textbox', { name: 'Poll question' })).toHaveFocus()
    expect(screen.getAllByText('Write this option or remove it.')).toHaveLength(2)

    await user.type(screen.getByRole('textbox', { name: 'Poll question' }), 'Which numbers are prime?')
    await user.type(screen.getByRole('textbox', { name: 'Option 1' }), '9')
    await user.type(screen.getByRole('textbox', { name: 'Option 2' }), '7')
    await user.click(screen.getByRole('button', { name: 'Add option' }))
    expect(screen.getByRole('textbox', { name: 'Option 3' })).toHaveFocus()
    await user.keyboard('11')
    await user.click(screen.getByRole('button', { name: 'Add option' }))
    await user.type(screen.getByRole('textbox', { name: 'Option 4' }), 'oops')
    await user.click(screen.getByRole('button', { name: 'Remove option 4' }))
    expect(screen.queryByRole('textbox', { name: 'Option 4' })).not.toBeInTheDocument()
    await user.click(screen.getByRole('checkbox', { name: 'Allow several answers' }))
    await user.click(screen.getByRole('button', { name: 'Start poll' }))

    expect(sent).toEqual([
      { type: 'poll.create', question: 'Which numbers are prime?', options: ['9', '7', '11'], multiple: true },
    ])
    expect(screen.getByRole('textbox', { name: 'Poll question' })).toHaveValue('')
    expect(screen.getByRole('textbox', { name: 'Option 1' })).toHaveValue('')

    const poll = buildPoll({
      question: 'Which numbers are prime?',
      multiple: true,
      options: [
        { id: 'a', text: '9' },
        { id: 'b', text: '7' },
        { id: 'c', text: '11' },
      ],
      results: { a: 0, b: 0, c: 0 },
    })
    receiveFrames(
      socket,
      { ...roomEvent(11, { type: 'poll.opened', poll }), actor_id: TUTOR_ID },
      roomEvent(12, { type: 'poll.results', poll_id: poll.id, results: { a: 1, b: 2, c: 3 }, votes: 3 }),
    )
    const card = screen.getByRole('article', { name: 'Which numbers are prime?' })
    expect(within(card).getByText('Open')).toBeInTheDocument()
    expect(within(card).getByText('Several answers allowed')).toBeInTheDocument()
    const results = within(card).getByRole('list', { name: 'Results' })
    expect(within(results).getByText('2 votes · 67%')).toBeInTheDocument()
    expect(within(results).getByText('3 votes · 100%')).toBeInTheDocument()
    expect(within(card).queryByRole('button', { name: 'Vote' })).not.toBeInTheDocument()
    // A tutor's own poll is not announced back to them.
    expect(screen.queryByText(/^New poll:/)).not.toBeInTheDocument()

    await user.click(within(card).getByRole('button', { name: 'Close poll' }))
    expect(sent[1]).toEqual({ type: 'poll.close', poll_id: poll.id })
    receiveFrames(
      socket,
      roomEvent(13, { type: 'poll.closed', poll: { ...poll, status: 'closed', results: { a: 1, b: 2, c: 3 }, votes: 3 } }),
    )
    expect(screen.getByRole('heading', { name: 'Closed polls' })).toBeInTheDocument()
    const closed = screen.getByRole('article', { name: 'Which numbers are prime?' })
    expect(within(closed).getByText('Closed')).toBeInTheDocument()
    expect(within(closed).getByText('2 votes · 67%')).toBeInTheDocument()
    expect(within(closed).queryByRole('button', { name: 'Close poll' })).not.toBeInTheDocument()
  })

  it('lets a student vote, see the live results, change the vote, and keep the final results', async () => {
    const { socket, sent, user } = await openClassroom()
    receiveFrames(socket, buildWelcome({ participants: [buildTutorPerson(), me, bilal] }))
    const poll = buildPoll({ question: 'Which is a prime number?' })
    receiveFrames(socket, { ...roomEvent(11, { type: 'poll.opened', poll }), actor_id: TUTOR_ID })

    expect(await screen.findByText('New poll: Which is a prime number?')).toBeInTheDocument()
    const tab = screen.getByRole('tab', { name: 'Polls' })
    expect(tab).toHaveTextContent('1')
    await user.click(tab)

    const card = screen.getByRole('article', { name: 'Which is a prime number?' })
    expect(within(card).queryByRole('list', { name: 'Results' })).not.toBeInTheDocument()
    await user.click(within(card).getByRole('button', { name: 'Vote' }))
    expect(within(card).getByText('Choose an answer first.')).toBeInTheDocument()
    expect(sent).toEqual([])

    await user.click(within(card).getByRole('radio', { name: '7' }))
    await user.click(within(card).getByRole('button', { name: 'Vote' }))
    expect(sent).toEqual([{ type: 'poll.vote', poll_id: poll.id, option_ids: ['b'] }])
    expect(within(card).getByText(/Your vote is in/)).toHaveFocus()
    expect(tab).not.toHaveTextContent('1')

    receiveFrames(socket, roomEvent(12, { type: 'poll.results', poll_id: poll.id, results: { a: 1, b: 1 }, votes: 2 }))
    const results = within(card).getByRole('list', { name: 'Results' })
    const seven = within(results).getAllByRole('listitem')[1]!
    expect(within(seven).getByText('Your choice')).toBeInTheDocument()
    expect(within(seven).getByText('1 vote · 50%')).toBeInTheDocument()

    await user.click(within(card).getByRole('button', { name: 'Change my vote' }))
    expect(within(card).getByRole('radio', { name: '7' })).toBeChecked()
    await user.click(within(card).getByRole('radio', { name: '9' }))
    await user.click(within(card).getByRole('button', { name: 'Vote' }))
    expect(sent[1]).toEqual({ type: 'poll.vote', poll_id: poll.id, option_ids: ['a'] })

    receiveFrames(
      socket,
      roomEvent(13, { type: 'poll.closed', poll: { ...poll, status: 'closed', results: { a: 2, b: 0 }, votes: 2 } }),
    )
    const closed = screen.getByRole('article', { name: 'Which is a prime number?' })
    expect(within(closed).getByText('2 votes · 100%')).toBeInTheDocument()
    expect(within(closed).getByText('Your choice')).toBeInTheDocument()
    expect(within(closed).queryByRole('button', { name: 'Change my vote' })).not.toBeInTheDocument()
    expect(within(closed).queryByRole('button', { name: 'Vote' })).not.toBeInTheDocument()
  })

  it('shows the polls of the class on entering, with checkboxes for several answers', async () => {
    const { socket, sent, user } = await openClassroom()
    const several = buildPoll({
      question: 'Pick your topics',
      multiple: true,
      options: [
        { id: 'a', text: 'Fractions' },
        { id: 'b', text: 'Graphs' },
        { id: 'c', text: 'Angles' },
      ],
      results: { a: 0, b: 0, c: 0 },
      mine: [],
    })
    const old = buildPoll({ question: 'Ready?', status: 'closed', results: { a: 3, b: 1 }, votes: 4, mine: ['a'] })
    receiveFrames(socket, buildWelcome({ polls: [old, several] }))

    await user.click(await screen.findByRole('tab', { name: 'Polls' }))
    const card = screen.getByRole('article', { name: 'Pick your topics' })
    await user.click(within(card).getByRole('checkbox', { name: 'Graphs' }))
    await user.click(within(card).getByRole('checkbox', { name: 'Fractions' }))
    await user.click(within(card).getByRole('button', { name: 'Vote' }))
    expect(sent).toEqual([{ type: 'poll.vote', poll_id: several.id, option_ids: ['a', 'b'] }])

    const closed = screen.getByRole('article', { name: 'Ready?' })
    expect(within(closed).getByText('3 votes · 75%')).toBeInTheDocument()
    expect(within(closed).getByText('Your choice')).toBeInTheDocument()
  })
})

describe('classroom Q&A', () => {
  it('lets a student ask anonymously and upvote others, sorted by upvotes', async () => {
    const { socket, sent, user } = await openClassroom()
    const bilals = buildQuestion({ author_id: bilal.user_id, author_name: 'Bilal Ahmed', body: 'Is zero even?', at: '2026-03-02T10:07:00Z' })
    const someone = buildQuestion({ anonymous: true, author_id: null, author_name: null, body: 'Can you repeat that?', at: '2026-03-02T10:08:00Z' })
    receiveFrames(socket, buildWelcome({ participants: [buildTutorPerson(), me, bilal], questions: [bilals, someone] }))

    await user.click(await screen.findByRole('tab', { name: 'Q&A' }))
    await user.click(screen.getByRole('button', { name: 'Ask' }))
    expect(screen.getByText('Write your question first.')).toBeInTheDocument()
    expect(sent).toEqual([])

    await user.type(screen.getByRole('textbox', { name: 'Your question' }), 'Why is 1 not prime?')
    await user.click(screen.getByRole('checkbox', { name: 'Ask anonymously' }))
    await user.click(screen.getByRole('button', { name: 'Ask' }))
    expect(sent).toEqual([{ type: 'qa.ask', body: 'Why is 1 not prime?', anonymous: true }])
    expect(screen.getByRole('textbox', { name: 'Your question' })).toHaveValue('')
    expect(screen.getByRole('checkbox', { name: 'Ask anonymously' })).not.toBeChecked()

    const mine = buildQuestion({ anonymous: true, author_id: null, author_name: null, body: 'Why is 1 not prime?', at: '2026-03-02T10:09:00Z' })
    receiveFrames(socket, roomEvent(11, { type: 'qa.asked', question: mine }))

    const list = screen.getByRole('list', { name: 'Questions' })
    let items = within(list).getAllByRole('listitem')
    expect(items.map((item) => within(item).getByText(/\?$/).textContent)).toEqual([
      'Is zero even?',
      'Can you repeat that?',
      'Why is 1 not prime?',
    ])
    expect(within(items[0]!).getByText('Bilal Ahmed')).toBeInTheDocument()
    expect(within(items[1]!).getByText('Anonymous')).toBeInTheDocument()
    expect(within(items[2]!).getByText('You (anonymously)')).toBeInTheDocument()
    expect(within(items[2]!).getByRole('button', { name: 'Upvote' })).toBeDisabled()

    await user.click(within(items[1]!).getByRole('button', { name: 'Upvote' }))
    expect(sent[1]).toEqual({ type: 'qa.upvote', question_id: someone.id })
    receiveFrames(socket, roomEvent(12, { type: 'qa.upvoted', question_id: someone.id, upvotes: 1 }))

    items = within(list).getAllByRole('listitem')
    expect(within(items[0]!).getByText('Can you repeat that?')).toBeInTheDocument()
    expect(within(items[0]!).getByText('1 upvote')).toBeInTheDocument()
    expect(within(items[0]!).getByRole('button', { name: 'Upvote' })).toBeDisabled()
    expect(within(items[0]!).getByText('You upvoted this')).toBeInTheDocument()
    expect(within(items[1]!).getByRole('button', { name: 'Upvote' })).toBeEnabled()

    receiveFrames(socket, roomEvent(13, { type: 'qa.answered', question_id: mine.id }))
    expect(within(list).getByText('Answered')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Mark answered' })).not.toBeInTheDocument()
  })

  it('shows tutors who asked anonymously, and lets them mark questions answered', async () => {
    const { socket, sent, user } = await openClassroom({ tutor: true })
    receiveFrames(socket, tutorWelcome())
    const question = buildQuestion({ anonymous: true, author_id: STUDENT_ID, author_name: 'Ayesha Khan', body: 'Why is 1 not prime?' })
    receiveFrames(socket, roomEvent(11, { type: 'qa.asked', question }))

    expect(await screen.findByText('New question from Ayesha Khan')).toBeInTheDocument()
    const tab = screen.getByRole('tab', { name: 'Q&A' })
    expect(tab).toHaveTextContent('1')
    await user.click(tab)

    expect(screen.queryByRole('textbox', { name: 'Your question' })).not.toBeInTheDocument()
    const list = screen.getByRole('list', { name: 'Questions' })
    expect(within(list).getByText('Ayesha Khan (anonymous to classmates)')).toBeInTheDocument()
    expect(within(list).queryByRole('button', { name: 'Upvote' })).not.toBeInTheDocument()

    await user.click(within(list).getByRole('button', { name: 'Mark answered' }))
    expect(sent).toEqual([{ type: 'qa.answered', question_id: question.id }])
    receiveFrames(socket, roomEvent(12, { type: 'qa.answered', question_id: question.id }))
    expect(within(list).getByText('Answered')).toBeInTheDocument()
    expect(within(list).queryByRole('button', { name: 'Mark answered' })).not.toBeInTheDocument()
    expect(tab).not.toHaveTextContent('1')
  })

  it('shows the server refusing an upvote of one’s own question', async () => {
    const { socket } = await openClassroom()
    receiveFrames(socket, buildWelcome(), {
      type: 'error',
      code: 'own_question',
      message: 'You cannot upvote your own question.',
    })
    expect(await screen.findByRole('alert')).toHaveTextContent('You cannot upvote your own question.')
  })
})
