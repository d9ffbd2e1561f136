import type { AttemptSummary, Question, Quiz, QuizDetail } from '@/api/types'

let seq = 0

function uuid(prefix: string): string {
  seq += 1
  return `${prefix}-0000-4000-8000-${String(seq).padStart(12, '0')}`
}

export function buildQuiz(overrides: Partial<Quiz> = {}): Quiz {
  return {
    id: uuid('70000000'),
    course_slug: 'python-from-zero',
    lesson_id: null,
    title: 'Week 1 check',
    instructions: '',
    time_limit_seconds: null,
    attempts_allowed: 1,
    passing_score_percent: 60,
    required_for_certificate: false,
    is_published: false,
    question_count: 0,
    total_points: 0,
    viewer: null,
    created_at: '2025-03-01T09:00:00Z',
    updated_at: '2025-03-01T09:00:00Z',
    ...overrides,
  }
}

export function buildQuestion(overrides: Partial<Question> = {}): Question {
  const kind = overrides.kind ?? 'single'
  const defaults: Question = {
    id: uuid('71000000'),
    kind,
    prompt: 'What does print(2 + 3) show?',
    position: 0,
    points: 1,
    choices: [],
    correct_choice_ids: [],
    accepted_answers: [],
  }
  if (kind === 'single' || kind === 'multiple') {
    defaults.choices = [
      { id: 'a', text: '5' },
      { id: 'b', text: '23' },
    ]
    defaults.correct_choice_ids = ['a']
  } else if (kind === 'true_false') {
    defaults.choices = [
      { id: 'true', text: 'True' },
      { id: 'false', text: 'False' },
    ]
    defaults.correct_choice_ids = ['true']
  } else {
    defaults.accepted_answers = ['Lahore']
  }
  return { ...defaults, ...overrides }
}

/** A quiz with its questions; counts and points follow the questions unless given. */
export function buildQuizDetail(overrides: Partial<QuizDetail> = {}): QuizDetail {
  const questions = overrides.questions ?? []
  return {
    ...buildQuiz(overrides),
    question_count: questions.length,
    total_points: questions.reduce((sum, question) => sum + question.points, 0),
    ...overrides,
    questions,
  }
}

export function buildAttemptSummary(overrides: Partial<AttemptSummary> = {}): AttemptSummary {
  return {
    id: uuid('72000000'),
    quiz_id: '70000000-0000-4000-8000-000000000001',
    student: { id: uuid('73000000'), full_name: 'Ayesha Khan', avatar_url: null },
    number: 1,
    status: 'submitted',
    started_at: '2025-03-02T10:00:00Z',
    deadline_at: null,
    seconds_left: null,
    submitted_at: '2025-03-02T10:12:00Z',
    score_points: 7,
    max_points: 10,
    score_percent: '70.00',
    passed: true,
    ...overrides,
  }
}

/** A page of a paginated list, as the API sends it. */
export function page<T>(results: T[], count = results.length) {
  return { count, next: null, previous: null, results }
}
