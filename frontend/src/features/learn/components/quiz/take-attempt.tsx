import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { Attempt } from '@/api/types'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { cn } from '@/components/ui/cn'
import { isApiError } from '@/lib/errors'

import { attemptKey } from '../../api/get-attempt'
import { isClosedAttemptError, refreshAfterGrading, useSubmitAttempt } from '../../api/submit-attempt'
import {
  answerFor,
  answersFromApi,
  questionErrorsFrom,
  unansweredQuestions,
  type AnswerDraft,
  type AnswerMap,
} from '../../utils/quiz-answers'
import { localDeadline } from '../../utils/quiz-countdown'
import { CountdownTimer } from './countdown-timer'
import { QuestionField } from './question-field'
import { QuestionNavigator } from './question-navigator'
import { quizErrorMessage } from './quiz-error-message'
import type { ResultNotice } from './result-notice'
import { SaveStatus } from './save-status'
import { SubmitConfirm } from './submit-confirm'
import { useAnswerAutosave, type ClosedReason } from './use-answer-autosave'

/**
 * An open attempt: the questions with the student's saved answers, the countdown, autosave and
 * "Submit answers". When the time runs out the answers are submitted without asking.
 */
export function TakeAttempt({
  attempt,
  receivedAt,
  quizId,
  slug,
  title,
  onNotice,
}: {
  attempt: Attempt
  /** When this attempt's `seconds_left` was read from the server (device clock, ms). */
  receivedAt: number
  quizId: string
  slug: string
  title: string
  onNotice: (notice: ResultNotice) => void
}) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  // An attempt's questions are fixed when it starts; refetches (for the timer) must not reset anything.
  const [questions] = useState(attempt.questions)
  const [initial] = useState<AnswerMap>(() => answersFromApi(attempt.answers))
  const [answers, setAnswers] = useState<AnswerMap>(initial)
  const [timeUp, setTimeUp] = useState(false)
  const [confirmOpen, setConfirmOpen] = useState(false)
  const [submitErrors, setSubmitErrors] = useState<Record<string, string>>({})
  const submit = useSubmitAttempt({ attemptId: attempt.id, quizId, slug })
  const closing = useRef(false)
  const headingRef = useRef<HTMLHeadingElement>(null)

  useEffect(() => headingRef.current?.focus(), [])

  const onClosed = (reason: ClosedReason) => {
    if (reason === 'time_up') {
      submitNow('timeUp')
      return
    }
    onNotice('alreadySubmitted')
    void queryClient.invalidateQueries({ queryKey: attemptKey(attempt.id) })
    refreshAfterGrading(queryClient, quizId, slug)
  }
  const autosave = useAnswerAutosave({ attemptId: attempt.id, questions, initial, answers, onClosed })

  function submitNow(reason: 'manual' | 'timeUp') {
    if (closing.current) return
    closing.current = true
    if (reason === 'timeUp') {
      setTimeUp(true)
      onNotice('timeUp')
    }
    setSubmitErrors({})
    const unsaved = autosave.stop(answers)
    submit.mutate(unsaved.length > 0 ? { answers: unsaved } : {}, {
      onError: (error) => {
        if (isApiError(error) && error.code === 'time_up') return onNotice('late')
        if (isApiError(error) && error.code === 'attempt_submitted') return onNotice('alreadySubmitted')
        closing.current = false
        autosave.resume()
        setConfirmOpen(false)
        setSubmitErrors(questionErrorsFrom(error, unsaved))
      },
    })
  }

  const change = (questionId: string, answer: AnswerDraft) => {
    setAnswers((current) => ({ ...current, [questionId]: answer }))
    autosave.markChanged()
  }

  const deadline = localDeadline(receivedAt, attempt.seconds_left)
  const errors = { ...autosave.questionErrors, ...submitErrors }
  const locked = timeUp || submit.isPending
  const closedError = isClosedAttemptError(submit.error)

  return (
    <section aria-labelledby={`attempt-${attempt.id}`} className="space-y-4">
      <div
        className={cn(
          'sticky top-0 z-10 flex flex-wrap items-center justify-between gap-x-4 gap-y-2',
          'rounded-lg border border-slate-200 bg-white/95 p-3 shadow-sm backdrop-blur',
        )}
      >
        <h2
          id={`attempt-${attempt.id}`}
          ref={headingRef}
          tabIndex={-1}
          className="min-w-0 font-semibold text-slate-900"
        >
          <span dir="auto">{title}</span>
          <span className="text-slate-600"> · {t('quizzes.attempts.number', { number: attempt.number })}</span>
        </h2>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <SaveStatus state={autosave.state} onRetry={autosave.retry} />
          {deadline !== null && <CountdownTimer deadline={deadline} onExpire={() => submitNow('timeUp')} />}
        </div>
      </div>

      {timeUp && <Alert tone="warning">{t('quizzes.take.timeUp')}</Alert>}
      {autosave.state === 'error' && (
        <Alert tone="error" title={t('quizzes.take.saveFailed')}>
          {quizErrorMessage(t, autosave.error)}
        </Alert>
      )}
      {submit.error && !closedError && (
        <Alert tone="error" title={t('quizzes.take.submitFailed')}>
          {quizErrorMessage(t, submit.error)}
        </Alert>
      )}
      {closedError && <Alert tone="info">{quizErrorMessage(t, submit.error)}</Alert>}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_11rem] lg:items-start">
        <div className="space-y-4">
          <ol className="space-y-4">
            {questions.map((question, index) => (
              <li key={question.id}>
                <QuestionField
                  question={question}
                  number={index + 1}
                  total={questions.length}
                  answer={answerFor(answers, question.id)}
                  onChange={(answer) => change(question.id, answer)}
                  disabled={locked}
                  error={errors[question.id]}
                />
              </li>
            ))}
          </ol>
          <Button
            size="lg"
            onClick={() => setConfirmOpen(true)}
            loading={submit.isPending}
            loadingText={t('quizzes.take.submitting')}
            disabled={closedError}
          >
            {t('quizzes.take.submit')}
          </Button>
        </div>
        <QuestionNavigator questions={questions} answers={answers} className="hidden lg:sticky lg:top-24 lg:block" />
      </div>

      <SubmitConfirm
        open={confirmOpen}
        questions={questions}
        unanswered={unansweredQuestions(questions, answers)}
        confirming={submit.isPending}
        onConfirm={() => submitNow('manual')}
        onCancel={() => setConfirmOpen(false)}
      />
    </section>
  )
}
