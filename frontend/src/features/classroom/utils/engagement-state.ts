/**
 * Polls and questions in the room state. Like the rest of the reducer these handlers are pure and
 * idempotent: an event that is also part of the welcome snapshot changes nothing the second time.
 */
import type { Poll, RoomAction, RoomQuestion, StoredEvent, WelcomeFrame } from './protocol'
import type { RoomState } from './room-state'

/** A poll with this person's own vote (empty until they vote). */
export type PollView = Poll & { mine: string[] }

function unique(ids: string[]): string[] {
  return [...new Set(ids)]
}

function upsertPoll(polls: PollView[], poll: Poll): PollView[] {
  const known = polls.find((p) => p.id === poll.id)
  // The server's copy never carries one's own vote outside the welcome: keep the one we know.
  const next: PollView = { ...poll, mine: poll.mine ?? known?.mine ?? [] }
  return known ? polls.map((p) => (p.id === poll.id ? next : p)) : [...polls, next]
}

function updateQuestion(state: RoomState, id: string, change: Partial<RoomQuestion>): RoomState {
  return { ...state, questions: state.questions.map((q) => (q.id === id ? { ...q, ...change } : q)) }
}

export function engagementFromWelcome(state: RoomState, frame: WelcomeFrame): RoomState {
  const me = frame.you.user_id
  const questions = frame.questions ?? []
  const named = questions.filter((q) => q.mine === true || q.author_id === me).map((q) => q.id)
  const upvoted = questions.filter((q) => q.upvoted === true).map((q) => q.id)
  return {
    ...state,
    polls: (frame.polls ?? []).map((poll) => ({ ...poll, mine: poll.mine ?? [] })),
    questions,
    // The welcome says which questions are one's own and which one upvoted, even after a reload.
    myQuestions: unique([...state.myQuestions, ...named]),
    upvoted: unique([...state.upvoted, ...upvoted]),
  }
}

/** Recognises this person's own question as it comes back (anonymous ones carry no author for students). */
function withAsked(state: RoomState, question: RoomQuestion): RoomState {
  const known = state.questions.some((q) => q.id === question.id)
  const questions = known
    ? state.questions.map((q) => (q.id === question.id ? question : q))
    : [...state.questions, question]
  const me = state.me?.userId
  if (question.author_id !== null && question.author_id === me) {
    return { ...state, questions, myQuestions: unique([...state.myQuestions, question.id]) }
  }
  const pending = question.anonymous && question.author_id === null ? state.pendingAnonymous.indexOf(question.body) : -1
  if (pending === -1) return { ...state, questions }
  return {
    ...state,
    questions,
    myQuestions: unique([...state.myQuestions, question.id]),
    pendingAnonymous: state.pendingAnonymous.filter((_, index) => index !== pending),
  }
}

export function applyEngagementEvent(state: RoomState, event: StoredEvent): RoomState {
  switch (event.type) {
    case 'poll.opened':
    case 'poll.closed':
      return { ...state, polls: upsertPoll(state.polls, event.poll) }
    case 'poll.results':
      return {
        ...state,
        polls: state.polls.map((p) => (p.id === event.poll_id ? { ...p, results: event.results, votes: event.votes } : p)),
      }
    case 'qa.asked':
      return withAsked(state, event.question)
    case 'qa.upvoted':
      return updateQuestion(state, event.question_id, { upvotes: event.upvotes })
    case 'qa.answered':
      return updateQuestion(state, event.question_id, { answered: true })
    default:
      return state
  }
}

/**
 * What the client must remember about its own actions, because the server does not echo it: the vote it
 * cast, the questions it upvoted, and the text of anonymous questions to recognise them when they arrive.
 */
export function noteSent(state: RoomState, action: RoomAction): RoomState {
  switch (action.type) {
    case 'poll.vote':
      return {
        ...state,
        polls: state.polls.map((p) =>
          p.id === action.poll_id && p.status === 'open' ? { ...p, mine: [...action.option_ids] } : p,
        ),
      }
    case 'qa.upvote':
      return state.upvoted.includes(action.question_id)
        ? state
        : { ...state, upvoted: [...state.upvoted, action.question_id] }
    case 'qa.ask':
      return action.anonymous ? { ...state, pendingAnonymous: [...state.pendingAnonymous, action.body.trim()] } : state
    default:
      return state
  }
}

/** Questions in the order the class sees them: most upvoted first, then the earliest asked. */
export function sortedQuestions(questions: readonly RoomQuestion[]): RoomQuestion[] {
  return [...questions].sort((a, b) => b.upvotes - a.upvotes || Date.parse(a.at) - Date.parse(b.at))
}

/** Share of voters who chose an option, as a whole percentage (several answers may add up past 100). */
export function pollPercent(poll: Pick<Poll, 'results' | 'votes'>, optionId: string): number {
  if (poll.votes <= 0) return 0
  return Math.round(((poll.results[optionId] ?? 0) / poll.votes) * 100)
}
