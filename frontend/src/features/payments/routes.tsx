import type { RouteObject } from 'react-router'

/** Buying: checkout, the local test gateway, results, purchases and subscriptions. */
export const paymentRoutes: RouteObject[] = []
