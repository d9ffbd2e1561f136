import { Navigate, type RouteObject } from 'react-router'

import { ChangePasswordRoute } from '@/features/auth/routes/change-password'
import { ForgotPasswordRoute } from '@/features/auth/routes/forgot-password'
import { LoginRoute } from '@/features/auth/routes/login'
import { ResetPasswordRoute } from '@/features/auth/routes/reset-password'
import { SignupRoute } from '@/features/auth/routes/signup'
import { VerifyEmailRoute } from '@/features/auth/routes/verify-email'
import { ProfileRoute } from '@/features/profile/routes/profile'
import { TutorRoute } from '@/features/tutors/routes/tutor'
import { TutorsRoute } from '@/features/tutors/routes/tutors'

import { RootLayout } from './layouts/root-layout'
import { RequireAuth } from './require-auth'
import { HomeRoute } from './routes/home'
import { NotFoundRoute } from './routes/not-found'

/** Every client route. Django serves index.html for any non-API path, so each is a deep link. */
export const routes: RouteObject[] = [
  {
    element: <RootLayout />,
    children: [
      { index: true, element: <HomeRoute /> },
      { path: 'signup', element: <SignupRoute /> },
      { path: 'verify-email', element: <VerifyEmailRoute /> },
      { path: 'login', element: <LoginRoute /> },
      { path: 'forgot-password', element: <ForgotPasswordRoute /> },
      { path: 'reset-password', element: <ResetPasswordRoute /> },
      { path: 'tutors', element: <TutorsRoute /> },
      { path: 'tutors/:id', element: <TutorRoute /> },
      {
        path: 'account',
        element: <RequireAuth />,
        children: [
          { index: true, element: <Navigate to="/account/profile" replace /> },
          { path: 'profile', element: <ProfileRoute /> },
          { path: 'password', element: <ChangePasswordRoute /> },
        ],
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]
