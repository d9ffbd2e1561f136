import { useNavigate, useParams } from 'react-router'

import { EmptyState } from '@/components/ui/empty-state'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { PageHeading } from '@/components/ui/page-heading'
import { Skeleton } from '@/components/ui/skeleton'
import { isApiError } from '@/lib/errors'
import { notify } from '@/lib/notices'
import { useDocumentTitle } from '@/lib/use-document-title'

import { useListing } from '../api/listings'
import { BackToListings } from '../components/back-to-listings'
import { ListingForm } from '../components/listing-form'
import { useEarningsT } from '../i18n'

/** `/teaching/listings/:slug/edit`: change a listing's words, price or contents (its tutor). */
export function EditListingRoute() {
  const { t } = useEarningsT()
  const navigate = useNavigate()
  const { slug = '' } = useParams()
  const listing = useListing(slug)
  useDocumentTitle(t('earnings.listingForm.editTitle'))

  let body
  if (listing.isPending) body = <Skeleton className="h-96" />
  else if (listing.isError) {
    body =
      isApiError(listing.error) && listing.error.status === 404 ? (
        <EmptyState title={t('earnings.listing.notFound')} action={<BackToListings />} />
      ) : (
        <LoadErrorAlert title={t('earnings.listing.loadError')} error={listing.error} onRetry={() => void listing.refetch()} />
      )
  } else if (listing.data.can_edit === false) {
    body = <EmptyState title={t('earnings.listingForm.notYours')} action={<BackToListings />} />
  } else {
    body = (
      <ListingForm
        listing={listing.data}
        onSaved={(saved) => {
          notify(t('earnings.listingForm.saved', { title: saved.title }))
          void navigate('/teaching/listings')
        }}
      />
    )
  }

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <BackToListings />
      <PageHeading>{t('earnings.listingForm.editTitle')}</PageHeading>
      {body}
    </div>
  )
}
