import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

import { Card } from '@/components/ui/card'
import { PageHeading } from '@/components/ui/page-heading'
import { useDocumentTitle } from '@/lib/use-document-title'

import { NewCourseForm } from '../components/new-course-form'

export function NewCourseRoute() {
  const { t } = useTranslation()
  useDocumentTitle(t('teaching.new.title'))
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link to="/teaching" className="link inline-flex items-center gap-1">
        <span aria-hidden="true" className="inline-block rtl:rotate-180">
          ←
        </span>
        {t('teaching.backToCourses')}
      </Link>
      <PageHeading lead={t('teaching.new.intro')}>{t('teaching.new.title')}</PageHeading>
      <Card>
        <NewCourseForm />
      </Card>
    </div>
  )
}
