import { useNavigate } from 'react-router'

import { PageHeading } from '@/components/ui/page-heading'
import { notify } from '@/lib/notices'
import { useDocumentTitle } from '@/lib/use-document-title'

import { BackToListings } from '../components/back-to-listings'
import { ListingForm } from '../components/listing-form'
import { useEarningsT } from '../i18n'

/** `/teaching/listings/new`: a tutor drafts a listing of their recordings and video lessons. */
export function NewListingRoute() {
  const { t } = useEarningsT()
  const navigate = useNavigate()
  useDocumentTitle(t('earnings.listingForm.newTitle'))
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <BackToListings />
      <PageHeading lead={t('earnings.listingForm.newLead')}>{t('earnings.listingForm.newTitle')}</PageHeading>
      <ListingForm
        onSaved={(saved) => {
          notify(t('earnings.listingForm.created', { title: saved.title }))
          void navigate('/teaching/listings')
        }}
      />
    </div>
  )
}
