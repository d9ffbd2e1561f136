import type { RouteObject } from 'react-router'

// This list is the app's route table for the feature (spread into `app/routes.tsx`), so it uses the app's guards.
// eslint-disable-next-line import/no-restricted-paths
import { RequireAuth } from '@/app/require-auth'
// eslint-disable-next-line import/no-restricted-paths
import { RequireTutor } from '@/app/require-tutor'

/** Earning: tutors' earnings and payouts, the marketplace, admins' payouts and refunds, the affiliate page. */
export const earningRoutes: RouteObject[] = [
  // Anyone may browse the marketplace; the videos themselves are for buyers and the listing's tutor.
  { path: 'marketplace', lazy: async () => ({ Component: (await import('./routes/marketplace')).MarketplaceRoute }) },
  { path: 'marketplace/:slug', lazy: async () => ({ Component: (await import('./routes/listing')).ListingRoute }) },
  {
    path: 'teaching',
    element: <RequireAuth />,
    children: [
      {
        element: <RequireTutor />,
        children: [
          {
            path: 'earnings',
            lazy: async () => ({ Component: (await import('./routes/earnings')).EarningsRoute }),
          },
          {
            path: 'listings',
            lazy: async () => ({ Component: (await import('./routes/teaching-listings')).TeachingListingsRoute }),
          },
          {
            path: 'listings/new',
            lazy: async () => ({ Component: (await import('./routes/new-listing')).NewListingRoute }),
          },
          {
            path: 'listings/:slug/edit',
            lazy: async () => ({ Component: (await import('./routes/edit-listing')).EditListingRoute }),
          },
        ],
      },
    ],
  },
  {
    path: 'affiliate',
    element: <RequireAuth />,
    children: [{ index: true, lazy: async () => ({ Component: (await import('./routes/affiliate')).AffiliateRoute }) }],
  },
  {
    // Not under /admin/: that is Django's own admin site.
    path: 'manage',
    element: <RequireAuth />,
    children: [
      {
        path: 'payouts',
        lazy: async () => ({ Component: (await import('./routes/admin-payouts')).AdminPayoutsRoute }),
      },
      {
        path: 'orders',
        lazy: async () => ({ Component: (await import('./routes/admin-orders')).AdminOrdersRoute }),
      },
    ],
  },
]
