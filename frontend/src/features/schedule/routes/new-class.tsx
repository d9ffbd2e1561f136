import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'

import { PageHeading } from '@/components/ui/page-heading'
import { notify } from '@/lib/notices'
import { useDocumentTitle } from '@/lib/use-document-title'

import { BackToClasses } from '../components/back-to-classes'
import { ClassForm } from '../components/class-form'

/** `/teaching/classes/new?course=`: schedule one class or a weekly series. */
export function NewClassRoute() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const course = params.get('course') ?? ''
  useDocumentTitle(t('schedule.form.newTitle'))

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <BackToClasses course={course} />
      <PageHeading lead={t('schedule.form.newLead')}>{t('schedule.form.newTitle')}</PageHeading>
      <ClassForm
        initialCourse={course}
        onScheduled={(created, chosen) => {
          notify(t('schedule.form.scheduled', { count: created.length }))
          void navigate(chosen ? `/teaching/classes?course=${encodeURIComponent(chosen)}` : '/teaching/classes')
        }}
      />
    </div>
  )
}
