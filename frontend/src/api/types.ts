import type { paths } from './schema'

type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never

type OkBody<
  P extends keyof paths,
  M extends 'get' | 'post' | 'patch' | 'delete',
  S extends number,
> = paths[P][M] extends { responses: infer R }
  ? S extends keyof R
    ? JsonOf<R[S]>
    : never
  : never

type JsonRequest<P extends keyof paths, M extends 'post' | 'patch'> = paths[P][M] extends {
  requestBody?: infer B
}
  ? JsonOf<NonNullable<B>>
  : never

/** The signed-in account, as returned by `/me`, login and refresh. */
export type User = OkBody<'/api/v1/me', 'get', 200>
export type TutorProfile = NonNullable<User['tutor_profile']>
export type Role = User['role']
export type Currency = TutorProfile['currency']

/** `{access, access_expires_in, user}`, returned by login, refresh and password change. */
export type Session = OkBody<'/api/v1/auth/login', 'post', 200>

export type Subject = OkBody<'/api/v1/subjects', 'get', 200>[number]
export type TutorPage = OkBody<'/api/v1/tutors', 'get', 200>
export type TutorPublic = TutorPage['results'][number]
export type WsTicket = OkBody<'/api/v1/ws-ticket', 'post', 200>

export type SignupBody = JsonRequest<'/api/v1/auth/signup', 'post'>
export type LoginBody = JsonRequest<'/api/v1/auth/login', 'post'>
export type MeUpdateBody = JsonRequest<'/api/v1/me', 'patch'>
export type PasswordChangeBody = JsonRequest<'/api/v1/auth/password/change', 'post'>
export type PasswordResetConfirmBody = JsonRequest<'/api/v1/auth/password/reset/confirm', 'post'>
