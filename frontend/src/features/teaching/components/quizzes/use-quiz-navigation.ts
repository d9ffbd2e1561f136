import { useCallback, useMemo } from 'react'
import { useLocation, useNavigate, useSearchParams } from 'react-router'

/** `quiz` is `new` or a quiz id; `question` is `new` or a question id of that quiz. */
const QUIZ = 'quiz'
const QUESTION = 'question'
const ATTEMPTS_PAGE = 'attemptsPage'

type Changes = Partial<Record<typeof QUIZ | typeof QUESTION | typeof ATTEMPTS_PAGE, string | null>>

/** History state of an entry that opened the question editor from within the page. */
const OPENED_HERE = { quizQuestionOpenedHere: true }

function openedHere(state: unknown): boolean {
  return typeof state === 'object' && state !== null && 'quizQuestionOpenedHere' in state
}

/**
 * Where the tutor is inside the Quizzes tab, kept in the URL's search params (next to the builder's
 * `tab`), so a reload or the back button lands in the same place.
 */
export function useQuizNavigation() {
  const [params, setParams] = useSearchParams()
  const location = useLocation()
  const navigate = useNavigate()
  const cameFromPage = openedHere(location.state)

  const change = useCallback(
    (changes: Changes, replace = false, state?: object) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current)
          for (const [key, value] of Object.entries(changes)) {
            if (value === null) next.delete(key)
            else next.set(key, value)
          }
          return next
        },
        { replace, state },
      ),
    [setParams],
  )

  const quiz = params.get(QUIZ)
  const question = params.get(QUESTION)
  const attemptsPage = Math.max(1, Number.parseInt(params.get(ATTEMPTS_PAGE) ?? '1', 10) || 1)

  return useMemo(
    () => ({
      quiz,
      question,
      attemptsPage,
      /** The search string of a link to the list, to a quiz (`new` for the create form). */
      searchFor: (quizId: string | null) => {
        const next = new URLSearchParams(params)
        for (const key of [QUESTION, ATTEMPTS_PAGE]) next.delete(key)
        if (quizId) next.set(QUIZ, quizId)
        else next.delete(QUIZ)
        return `?${next.toString()}`
      },
      attemptsPageSearch: (page: number) => {
        const next = new URLSearchParams(params)
        if (page > 1) next.set(ATTEMPTS_PAGE, String(page))
        else next.delete(ATTEMPTS_PAGE)
        return `?${next.toString()}`
      },
      openQuiz: (quizId: string, replace = false) =>
        change({ [QUIZ]: quizId, [QUESTION]: null, [ATTEMPTS_PAGE]: null }, replace),
      closeQuiz: (replace = false) => change({ [QUIZ]: null, [QUESTION]: null, [ATTEMPTS_PAGE]: null }, replace),
      openQuestion: (questionId: string) => change({ [QUESTION]: questionId }, false, OPENED_HERE),
      /** Goes back when the editor was opened here, so Back after closing doesn't open it again. */
      closeQuestion: () => {
        if (cameFromPage) void navigate(-1)
        else change({ [QUESTION]: null }, true)
      },
    }),
    [quiz, question, attemptsPage, params, change, cameFromPage, navigate],
  )
}
