import { useTranslation } from 'react-i18next'

import { useAdmittedRoom } from '../../hooks/room-context'
import { sortedQuestions } from '../../utils/engagement-state'
import { QuestionForm } from './question-form'
import { QuestionItem } from './question-item'

/** The Q&A tab: students ask and upvote; the most upvoted questions rise to the top for the tutor. */
export function QaPanel() {
  const { t } = useTranslation()
  const { state, me } = useAdmittedRoom()
  return (
    <div className="space-y-6">
      {!me.tutor && <QuestionForm />}
      {state.questions.length === 0 ? (
        <p className="py-4 text-center text-slate-600">
          {me.tutor ? t('classroom.qa.empty') : t('classroom.qa.emptyStudent')}
        </p>
      ) : (
        <ul aria-label={t('classroom.qa.list')} className="space-y-3">
          {sortedQuestions(state.questions).map((question) => (
            <QuestionItem key={question.id} question={question} />
          ))}
        </ul>
      )}
    </div>
  )
}
