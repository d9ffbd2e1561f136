import type { RouteObject } from 'react-router'

/** Earning: tutors' earnings and payouts, the marketplace, admins' payouts and refunds, the affiliate page. */
export const earningRoutes: RouteObject[] = []
