import { useCallback, useEffect, useRef, useState } from 'react'

import type { Question } from '@/api/types'
import { isApiError } from '@/lib/errors'

import { saveAttemptAnswers } from '../../api/save-attempt-answers'
import {
  answersToApi,
  changedQuestionIds,
  questionErrorsFrom,
  withAnswers,
  type AnswerInput,
  type AnswerMap,
} from '../../utils/quiz-answers'

/** Wait this long after the last change before saving, so typing sends one request, not one per key. */
export const AUTOSAVE_DELAY_MS = 800

export type SaveState = 'idle' | 'saving' | 'saved' | 'error'

/** Why saving stopped for good: the server closed the attempt. */
export type ClosedReason = 'time_up' | 'attempt_submitted'

/**
 * Saves the answers a moment after each change (only those that changed since the last save),
 * one request at a time, and once more with `keepalive` if the page closes with unsaved answers.
 * `stop()` ends saving before a submission and returns the answers the server does not have yet.
 */
export function useAnswerAutosave({
  attemptId,
  questions,
  initial,
  answers,
  onClosed,
}: {
  attemptId: string
  questions: readonly Question[]
  initial: AnswerMap
  answers: AnswerMap
  onClosed: (reason: ClosedReason) => void
}) {
  const [state, setState] = useState<SaveState>('idle')
  const [error, setError] = useState<unknown>(null)
  const [questionErrors, setQuestionErrors] = useState<Record<string, string>>({})
  const saved = useRef(initial)
  const latest = useRef(answers)
  const busy = useRef(false)
  const again = useRef(false)
  const stopped = useRef(false)
  const onClosedRef = useRef(onClosed)
  useEffect(() => {
    latest.current = answers
    onClosedRef.current = onClosed
  })

  const unsaved = useCallback(
    (current: AnswerMap): AnswerInput[] =>
      answersToApi(questions, current, changedQuestionIds(saved.current, current)),
    [questions],
  )

  const save = useCallback(async () => {
    if (stopped.current) return
    if (busy.current) {
      again.current = true
      return
    }
    /** One request with the answers changed since the last save; false once saving must stop. */
    const saveChanges = async (): Promise<boolean> => {
      const current = latest.current
      const ids = changedQuestionIds(saved.current, current)
      if (ids.length === 0) return true
      const body = answersToApi(questions, current, ids)
      setState('saving')
      try {
        await saveAttemptAnswers(attemptId, { answers: body })
        saved.current = withAnswers(saved.current, current, ids)
        if (stopped.current) return false
        setError(null)
        setQuestionErrors({})
        if (changedQuestionIds(saved.current, latest.current).length === 0) setState('saved')
        return true
      } catch (caught) {
        if (stopped.current) return false
        if (isApiError(caught) && (caught.code === 'time_up' || caught.code === 'attempt_submitted')) {
          stopped.current = true
          onClosedRef.current(caught.code)
          return false
        }
        setState('error')
        setError(caught)
        setQuestionErrors(questionErrorsFrom(caught, body))
        return false
      }
    }
    busy.current = true
    try {
      let carryOn = true
      do {
        again.current = false
        carryOn = await saveChanges()
      } while (carryOn && again.current && !stopped.current)
    } finally {
      busy.current = false
    }
  }, [attemptId, questions])

  useEffect(() => {
    if (stopped.current || changedQuestionIds(saved.current, answers).length === 0) return
    const timer = window.setTimeout(() => void save(), AUTOSAVE_DELAY_MS)
    return () => window.clearTimeout(timer)
  }, [answers, save])

  // Leaving the lesson or closing the tab inside the debounce window must not lose the last answer.
  useEffect(() => {
    const flush = () => {
      if (stopped.current) return
      const body = unsaved(latest.current)
      if (body.length === 0) return
      saved.current = withAnswers(saved.current, latest.current, body.map((item) => item.question_id))
      saveAttemptAnswers(attemptId, { answers: body }, { keepalive: true }).catch(() => {
        // The page is going away; the server keeps what it saved earlier.
      })
    }
    window.addEventListener('pagehide', flush)
    return () => {
      window.removeEventListener('pagehide', flush)
      flush()
    }
  }, [attemptId, unsaved])

  return {
    /** What the indicator shows; `markChanged` flips it to "Saving…" as soon as the student answers. */
    state,
    error,
    questionErrors,
    markChanged: () => {
      if (!stopped.current) setState('saving')
    },
    retry: () => void save(),
    /** Stops saving (a submission takes over) and returns the answers not saved yet. */
    stop: (current: AnswerMap): AnswerInput[] => {
      stopped.current = true
      return unsaved(current)
    },
    /** Saving carries on after a submission that left the attempt open. */
    resume: () => {
      stopped.current = false
    },
  }
}
