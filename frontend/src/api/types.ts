import type { paths } from './schema'

type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never

type OkBody<
  P extends keyof paths,
  M extends 'get' | 'post' | 'put' | 'patch' | 'delete',
  S extends number,
> = paths[P][M] extends { responses: infer R }
  ? S extends keyof R
    ? JsonOf<R[S]>
    : never
  : never

type JsonRequest<P extends keyof paths, M extends 'post' | 'put' | 'patch'> = paths[P][M] extends {
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


/** Courses: catalogue, course pages, the lesson player and the course builder. */
export type Category = OkBody<'/api/v1/categories', 'get', 200>[number]
export type CourseCard = OkBody<'/api/v1/courses', 'get', 200>['results'][number]
export type CourseDetail = OkBody<'/api/v1/courses/{slug}', 'get', 200>
export type CourseViewer = CourseDetail['viewer']
export type CourseLevel = CourseCard['level']
export type CourseLanguage = CourseCard['language']
export type CourseStatus = CourseCard['status']
export type CourseCurrency = CourseCard['currency']
export type Person = CourseCard['tutor']
export type SyllabusSection = CourseDetail['sections'][number]
export type SyllabusLesson = SyllabusSection['lessons'][number]
export type SectionSummary = OkBody<'/api/v1/courses/{slug}/sections', 'post', 201>
export type Review = OkBody<'/api/v1/courses/{slug}/reviews', 'post', 200>
export type Lesson = OkBody<'/api/v1/lessons/{id}', 'get', 200>
export type LessonKind = Lesson['kind']
export type LessonProgress = NonNullable<Lesson['progress']>
export type CourseResource = OkBody<'/api/v1/courses/{slug}/resources', 'post', 201>
export type ResourceKind = CourseResource['kind']
export type ProgressResult = OkBody<'/api/v1/lessons/{id}/progress', 'post', 200>
export type Note = OkBody<'/api/v1/lessons/{id}/notes', 'post', 201>
export type Enrollment = OkBody<'/api/v1/me/enrollments', 'get', 200>['results'][number]
export type PublishCheck = OkBody<'/api/v1/courses/{slug}/publish-check', 'get', 200>
export type CourseStudent = OkBody<'/api/v1/courses/{slug}/students', 'get', 200>['results'][number]
export type UploadSession = OkBody<'/api/v1/uploads', 'post', 201>

export type CourseFilters = NonNullable<paths['/api/v1/courses']['get']['parameters']['query']>
export type CourseCreateBody = JsonRequest<'/api/v1/courses', 'post'>
export type CourseUpdateBody = JsonRequest<'/api/v1/courses/{slug}', 'patch'>
export type ReviewBody = JsonRequest<'/api/v1/courses/{slug}/reviews', 'post'>
export type ProgressBody = JsonRequest<'/api/v1/lessons/{id}/progress', 'post'>
export type NoteBody = JsonRequest<'/api/v1/lessons/{id}/notes', 'post'>
export type NoteUpdateBody = JsonRequest<'/api/v1/notes/{id}', 'patch'>
export type LessonCreateBody = JsonRequest<'/api/v1/sections/{id}/lessons', 'post'>
export type LessonUpdateBody = JsonRequest<'/api/v1/lessons/{id}', 'patch'>
export type SyllabusBody = JsonRequest<'/api/v1/courses/{slug}/syllabus', 'put'>
export type ResourceCreateBody = JsonRequest<'/api/v1/courses/{slug}/resources', 'post'>
export type UploadCreateBody = JsonRequest<'/api/v1/uploads', 'post'>

/** Coursework: assignments and grading, quizzes and attempts, certificates. */
export type Assignment = OkBody<'/api/v1/assignments/{id}', 'get', 200>
export type RubricCriterion = Assignment['rubric'][number]
export type LatePolicy = Assignment['late_policy']
export type SubmissionFileKind = Assignment['allowed_file_kinds'][number]
export type Submission = OkBody<'/api/v1/assignments/{id}/submission', 'get', 200>
export type SubmissionFile = Submission['files'][number]
export type SubmissionForTutor = OkBody<'/api/v1/assignments/{id}/submissions', 'get', 200>['results'][number]
export type AssignmentCreateBody = JsonRequest<'/api/v1/courses/{slug}/assignments', 'post'>
export type AssignmentUpdateBody = JsonRequest<'/api/v1/assignments/{id}', 'patch'>
export type SubmitBody = JsonRequest<'/api/v1/assignments/{id}/submission', 'post'>
export type GradeBody = JsonRequest<'/api/v1/submissions/{id}/grade', 'post'>

export type Quiz = OkBody<'/api/v1/courses/{slug}/quizzes', 'get', 200>[number]
export type QuizDetail = OkBody<'/api/v1/quizzes/{id}', 'get', 200>
export type QuizViewer = NonNullable<Quiz['viewer']>
export type Question = QuizDetail['questions'][number]
export type QuestionKind = Question['kind']
export type Attempt = OkBody<'/api/v1/attempts/{id}', 'get', 200>
export type AttemptSummary = OkBody<'/api/v1/quizzes/{id}/attempts', 'get', 200>['results'][number]
export type AttemptAnswer = Attempt['answers'][number]
export type QuizCreateBody = JsonRequest<'/api/v1/courses/{slug}/quizzes', 'post'>
export type QuizUpdateBody = JsonRequest<'/api/v1/quizzes/{id}', 'patch'>
export type QuestionBody = JsonRequest<'/api/v1/quizzes/{id}/questions', 'post'>
export type QuestionUpdateBody = JsonRequest<'/api/v1/questions/{id}', 'patch'>
export type AttemptAnswersBody = JsonRequest<'/api/v1/attempts/{id}', 'patch'>

export type Certificate = OkBody<'/api/v1/certificates/{code}', 'get', 200>
