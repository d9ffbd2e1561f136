import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

import { useQuizNavigation } from './use-quiz-navigation'

/** Back to the list of the course's quizzes, staying on the Quizzes tab. */
export function BackToQuizzes() {
  const { t } = useTranslation()
  const nav = useQuizNavigation()
  return (
    <Link to={{ search: nav.searchFor(null) }} className="link inline-flex min-h-11 items-center gap-1">
      <span aria-hidden="true" className="inline-block rtl:rotate-180">
        ←
      </span>
      {t('quizBuilder.backToList')}
    </Link>
  )
}
