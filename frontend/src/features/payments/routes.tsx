import type { RouteObject } from 'react-router'

// The route list is wired into the app's routes, whose guard decides who must sign in first.
// eslint-disable-next-line import/no-restricted-paths
import { RequireAuth } from '@/app/require-auth'

/** Buying: checkout, the local test gateway, results, purchases and subscriptions (all need a signed-in buyer). */
export const paymentRoutes: RouteObject[] = [
  {
    element: <RequireAuth />,
    children: [
      {
        path: 'checkout',
        lazy: async () => ({ Component: (await import('./routes/checkout')).CheckoutRoute }),
      },
      {
        path: 'checkout/result',
        lazy: async () => ({ Component: (await import('./routes/checkout-result')).CheckoutResultRoute }),
      },
      {
        path: 'checkout/:orderId',
        lazy: async () => ({ Component: (await import('./routes/checkout')).CheckoutRoute }),
      },
      {
        path: 'pay/local/:paymentId',
        lazy: async () => ({ Component: (await import('./routes/local-gateway')).LocalGatewayRoute }),
      },
      {
        path: 'my/purchases',
        lazy: async () => ({ Component: (await import('./routes/my-purchases')).MyPurchasesRoute }),
      },
      {
        path: 'my/subscription',
        lazy: async () => ({ Component: (await import('./routes/my-subscription')).MySubscriptionRoute }),
      },
      {
        path: 'my/subscription/plans/:slug',
        lazy: async () => ({ Component: (await import('./routes/plan-courses')).PlanCoursesRoute }),
      },
    ],
  },
]
