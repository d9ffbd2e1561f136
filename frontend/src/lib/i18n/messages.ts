/**
 * Every UI string, per language. Each area of the app keeps its strings in its own file under
 * `locales/areas/` (one top-level key per area), so features grow without editing one giant file.
 */
import assignmentsEn from './locales/areas/assignments.en.json'
import assignmentsUr from './locales/areas/assignments.ur.json'
import certificatesEn from './locales/areas/certificates.en.json'
import certificatesUr from './locales/areas/certificates.ur.json'
import classroomEn from './locales/areas/classroom.en.json'
import classroomUr from './locales/areas/classroom.ur.json'
import courseBuyingEn from './locales/areas/courseBuying.en.json'
import courseBuyingUr from './locales/areas/courseBuying.ur.json'
import earningsEn from './locales/areas/earnings.en.json'
import earningsUr from './locales/areas/earnings.ur.json'
import gradingEn from './locales/areas/grading.en.json'
import gradingUr from './locales/areas/grading.ur.json'
import mediaEn from './locales/areas/media.en.json'
import mediaUr from './locales/areas/media.ur.json'
import paymentsEn from './locales/areas/payments.en.json'
import paymentsUr from './locales/areas/payments.ur.json'
import quizBuilderEn from './locales/areas/quizBuilder.en.json'
import quizBuilderUr from './locales/areas/quizBuilder.ur.json'
import quizzesEn from './locales/areas/quizzes.en.json'
import quizzesUr from './locales/areas/quizzes.ur.json'
import scheduleEn from './locales/areas/schedule.en.json'
import scheduleUr from './locales/areas/schedule.ur.json'
import whiteboardEn from './locales/areas/whiteboard.en.json'
import whiteboardUr from './locales/areas/whiteboard.ur.json'
import baseEn from './locales/en.json'
import baseUr from './locales/ur.json'

export const en = { ...baseEn, ...assignmentsEn, ...quizzesEn, ...gradingEn, ...quizBuilderEn, ...certificatesEn, ...classroomEn, ...scheduleEn, ...whiteboardEn, ...mediaEn, ...paymentsEn, ...courseBuyingEn, ...earningsEn }
export const ur = { ...baseUr, ...assignmentsUr, ...quizzesUr, ...gradingUr, ...quizBuilderUr, ...certificatesUr, ...classroomUr, ...scheduleUr, ...whiteboardUr, ...mediaUr, ...paymentsUr, ...courseBuyingUr, ...earningsUr }
