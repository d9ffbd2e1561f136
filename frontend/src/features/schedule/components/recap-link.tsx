import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

import { buttonClasses } from '@/components/ui/button-classes'

import type { LiveClass } from '../api/types'

/** What a class said, asked, voted and drew: for classes that have started. */
export function RecapLink({ session }: { session: Pick<LiveClass, 'id' | 'title'> }) {
  const { t } = useTranslation()
  return (
    <Link to={`/classes/${session.id}/recap`} className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
      {t('schedule.recap.link')}
      <span className="sr-only">: {session.title}</span>
    </Link>
  )
}
