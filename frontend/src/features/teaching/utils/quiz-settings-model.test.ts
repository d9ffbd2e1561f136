import { describe, expect, it } from 'vitest'

import { buildQuiz } from '@/testing/quiz-builder-factories'

import { parseWhole, toAsciiDigits } from './quiz-numbers'
import {
  minutesText,
  NEW_QUIZ_VALUES,
  parseTimeLimit,
  quizSettingsValues,
  toQuizBody,
  validateQuizSettings,
} from './quiz-settings-model'

describe('quiz settings model', () => {
  it('turns minutes into the seconds the API takes, empty meaning no limit', () => {
    expect(parseTimeLimit('')).toBeNull()
    expect(parseTimeLimit('10')).toBe(600)
    expect(parseTimeLimit('1.5')).toBe(90)
    expect(parseTimeLimit('۳۶۰')).toBe(21600)
    expect(parseTimeLimit('0')).toBeUndefined()
    expect(parseTimeLimit('361')).toBeUndefined()
    expect(parseTimeLimit('ten')).toBeUndefined()
  })

  it('shows seconds as minutes, and reads them back to the same seconds', () => {
    expect(minutesText(null)).toBe('')
    expect(minutesText(600)).toBe('10')
    expect(minutesText(90)).toBe('1.5')
    expect(parseTimeLimit(minutesText(100))).toBe(100)
  })

  it('builds the body from the form', () => {
    const body = toQuizBody({
      ...NEW_QUIZ_VALUES,
      title: '  Week 1 check ',
      instructions: ' No notes. ',
      timeLimit: '15',
      attemptsAllowed: '2',
      passingScore: '70',
      requiredForCertificate: true,
      lessonId: 'lesson-1',
    })
    expect(body).toEqual({
      title: 'Week 1 check',
      instructions: 'No notes.',
      time_limit_seconds: 900,
      attempts_allowed: 2,
      passing_score_percent: 70,
      required_for_certificate: true,
      lesson_id: 'lesson-1',
    })
    expect(toQuizBody({ ...NEW_QUIZ_VALUES, title: 'Quiz' })).toMatchObject({ time_limit_seconds: null, lesson_id: null })
  })

  it('checks the limits the server checks', () => {
    expect(validateQuizSettings({ ...NEW_QUIZ_VALUES, title: 'Quiz' })).toEqual({})
    expect(
      validateQuizSettings({ ...NEW_QUIZ_VALUES, title: ' ', timeLimit: '0.5', attemptsAllowed: '21', passingScore: '101' }),
    ).toEqual({
      title: 'titleRequired',
      time_limit_seconds: 'timeLimitInvalid',
      attempts_allowed: 'attemptsInvalid',
      passing_score_percent: 'passingScoreInvalid',
    })
    expect(validateQuizSettings({ ...NEW_QUIZ_VALUES, title: 'x'.repeat(161) })).toEqual({ title: 'titleTooLong' })
  })

  it('reads a quiz into the form', () => {
    const quiz = buildQuiz({ time_limit_seconds: 1200, attempts_allowed: 3, lesson_id: 'l-1', required_for_certificate: true })
    expect(quizSettingsValues(quiz)).toMatchObject({
      timeLimit: '20',
      attemptsAllowed: '3',
      passingScore: '60',
      lessonId: 'l-1',
      requiredForCertificate: true,
    })
  })
})

describe('typed numbers', () => {
  it('reads digits of any script', () => {
    expect(toAsciiDigits('۱۲٣4')).toBe('1234')
    expect(parseWhole(' ۲۰ ', 1, 20)).toBe(20)
    expect(parseWhole('21', 1, 20)).toBeNull()
    expect(parseWhole('-1', 0, 5)).toBeNull()
    expect(parseWhole('', 0, 5)).toBeNull()
  })
})
