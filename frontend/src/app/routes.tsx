import { Navigate, type RouteObject } from 'react-router'

import { FullPageSpinner } from '@/components/ui/spinner'
import { ChangePasswordRoute } from '@/features/auth/routes/change-password'
import { ForgotPasswordRoute } from '@/features/auth/routes/forgot-password'
import { LoginRoute } from '@/features/auth/routes/login'
import { ResetPasswordRoute } from '@/features/auth/routes/reset-password'
import { SignupRoute } from '@/features/auth/routes/signup'
import { VerifyEmailRoute } from '@/features/auth/routes/verify-email'
import { CatalogueRoute } from '@/features/catalogue/routes/catalogue'
import { CourseRoute } from '@/features/course/routes/course'
import { ProfileRoute } from '@/features/profile/routes/profile'
import { TutorRoute } from '@/features/tutors/routes/tutor'
import { TutorsRoute } from '@/features/tutors/routes/tutors'
import { earningRoutes } from '@/features/earnings/routes'
import { paymentRoutes } from '@/features/payments/routes'

import { RootLayout } from './layouts/root-layout'
import { RequireAuth } from './require-auth'
import { RequireTutor } from './require-tutor'
import { HomeRoute } from './routes/home'
import { NotFoundRoute } from './routes/not-found'

/** Every client route. Django serves index.html for any non-API path, so each is a deep link. */
export const routes: RouteObject[] = [
  {
    element: <RootLayout />,
    HydrateFallback: FullPageSpinner,
    children: [
      { index: true, element: <HomeRoute /> },
      { path: 'signup', element: <SignupRoute /> },
      { path: 'verify-email', element: <VerifyEmailRoute /> },
      { path: 'login', element: <LoginRoute /> },
      { path: 'forgot-password', element: <ForgotPasswordRoute /> },
      { path: 'reset-password', element: <ResetPasswordRoute /> },
      { path: 'tutors', element: <TutorsRoute /> },
      { path: 'tutors/:id', element: <TutorRoute /> },
      { path: 'courses', element: <CatalogueRoute /> },
      { path: 'courses/:slug', element: <CourseRoute /> },
      // Anyone holding a certificate link can verify it, signed in or not.
      {
        path: 'certificates/:code',
        lazy: async () => ({
          Component: (await import('@/features/certificates/routes/certificate')).CertificateRoute,
        }),
      },
      // Free previews open without an account, so the player is not behind RequireAuth.
      {
        path: 'learn/:slug/:lessonId?',
        lazy: async () => ({ Component: (await import('@/features/learn/routes/learn')).LearnRoute }),
      },
      {
        path: 'my',
        element: <RequireAuth />,
        children: [
          {
            path: 'courses',
            lazy: async () => ({ Component: (await import('@/features/learn/routes/my-courses')).MyCoursesRoute }),
          },
          {
            path: 'certificates',
            lazy: async () => ({
              Component: (await import('@/features/certificates/routes/my-certificates')).MyCertificatesRoute,
            }),
          },
          {
            path: 'classes',
            lazy: async () => ({ Component: (await import('@/features/schedule/routes/my-classes')).MyClassesRoute }),
          },
          {
            path: 'calendar',
            lazy: async () => ({ Component: (await import('@/features/schedule/routes/my-calendar')).MyCalendarRoute }),
          },
        ],
      },
      {
        path: 'classroom/:sessionId',
        element: <RequireAuth />,
        children: [
          {
            index: true,
            lazy: async () => ({ Component: (await import('@/features/classroom/routes/classroom')).ClassroomRoute }),
          },
        ],
      },
      // What a class said, asked, voted and drew: for its tutors and attendees (the API answers 404 to others).
      {
        path: 'classes/:sessionId/recap',
        element: <RequireAuth />,
        children: [
          {
            index: true,
            lazy: async () => ({
              Component: (await import('@/features/schedule/routes/class-recap')).ClassRecapRoute,
            }),
          },
        ],
      },
      {
        path: 'teaching',
        element: <RequireAuth />,
        children: [
          {
            element: <RequireTutor />,
            children: [
              // The course builder (and its drag-and-drop library) loads only for tutors who open it.
              {
                index: true,
                lazy: async () => ({ Component: (await import('@/features/teaching/routes/teaching')).TeachingRoute }),
              },
              {
                path: 'new',
                lazy: async () => ({ Component: (await import('@/features/teaching/routes/new-course')).NewCourseRoute }),
              },
              // Live classes a tutor teaches: scheduling, editing and attendance.
              {
                path: 'classes',
                lazy: async () => ({
                  Component: (await import('@/features/schedule/routes/teaching-classes')).TeachingClassesRoute,
                }),
              },
              {
                path: 'classes/new',
                lazy: async () => ({ Component: (await import('@/features/schedule/routes/new-class')).NewClassRoute }),
              },
              {
                path: 'classes/:sessionId/edit',
                lazy: async () => ({ Component: (await import('@/features/schedule/routes/edit-class')).EditClassRoute }),
              },
              {
                path: 'classes/:sessionId/attendance',
                lazy: async () => ({
                  Component: (await import('@/features/schedule/routes/attendance')).AttendanceRoute,
                }),
              },
              {
                path: ':slug',
                lazy: async () => ({
                  Component: (await import('@/features/teaching/routes/course-builder')).CourseBuilderRoute,
                }),
              },
            ],
          },
        ],
      },
      {
        path: 'account',
        element: <RequireAuth />,
        children: [
          { index: true, element: <Navigate to="/account/profile" replace /> },
          { path: 'profile', element: <ProfileRoute /> },
          { path: 'password', element: <ChangePasswordRoute /> },
        ],
      },
      ...paymentRoutes,
      ...earningRoutes,
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]
