from django.urls import path

from ustad.courses.api import assignments as assignment_views
from ustad.courses.api import builder, catalogue, certificates, learning, media
from ustad.courses.api import quizzes as quiz_views

urlpatterns = [
    path("categories", catalogue.CategoryListView.as_view(), name="category-list"),
    path("courses", builder.CourseCollectionView.as_view(), name="course-list"),
    path("courses/<slug:slug>", builder.CourseView.as_view(), name="course-detail"),
    path("courses/<slug:slug>/reviews", catalogue.CourseReviewListView.as_view(), name="course-reviews"),
    path("courses/<slug:slug>/reviews/mine", catalogue.MyReviewView.as_view(), name="course-review-mine"),
    path("courses/<slug:slug>/enroll", learning.EnrollView.as_view(), name="course-enroll"),
    path("courses/<slug:slug>/publish", builder.CoursePublishView.as_view(), name="course-publish"),
    path("courses/<slug:slug>/publish-check", builder.PublishCheckView.as_view(), name="course-publish-check"),
    path("courses/<slug:slug>/archive", builder.CourseArchiveView.as_view(), name="course-archive"),
    path("courses/<slug:slug>/restore", builder.CourseRestoreView.as_view(), name="course-restore"),
    path("courses/<slug:slug>/duplicate", builder.CourseDuplicateView.as_view(), name="course-duplicate"),
    path("courses/<slug:slug>/cover", builder.CourseCoverView.as_view(), name="course-cover"),
    path("courses/<slug:slug>/sections", builder.SectionCreateView.as_view(), name="course-sections"),
    path("courses/<slug:slug>/syllabus", builder.SyllabusView.as_view(), name="course-syllabus"),
    path("courses/<slug:slug>/students", builder.CourseStudentListView.as_view(), name="course-students"),
    path("sections/<uuid:pk>", builder.SectionView.as_view(), name="section-detail"),
    path("sections/<uuid:pk>/lessons", builder.LessonCreateView.as_view(), name="section-lessons"),
    path("lessons/<uuid:pk>", learning.LessonView.as_view(), name="lesson-detail"),
    path("lessons/<uuid:pk>/progress", learning.LessonProgressView.as_view(), name="lesson-progress"),
    path("lessons/<uuid:pk>/notes", learning.LessonNoteListView.as_view(), name="lesson-notes"),
    path("notes/<uuid:pk>", learning.NoteView.as_view(), name="note-detail"),
    path("me/enrollments", learning.MyEnrollmentListView.as_view(), name="my-enrollments"),
    path("courses/<slug:slug>/resources", media.CourseResourceListView.as_view(), name="course-resources"),
    path("resources/<uuid:pk>", media.ResourceView.as_view(), name="resource-detail"),
    path("resources/<uuid:pk>/download", media.ResourceDownloadView.as_view(), name="resource-download"),
    path("lessons/<uuid:pk>/video", media.LessonVideoView.as_view(), name="lesson-video"),
    path("certificates/<str:code>", certificates.CertificateView.as_view(), name="certificate-detail"),
    path("certificates/<str:code>/pdf", certificates.CertificatePdfView.as_view(), name="certificate-pdf"),
    path("me/certificates", certificates.MyCertificateListView.as_view(), name="my-certificates"),
    path("teaching/courses", builder.TeachingCourseListView.as_view(), name="teaching-courses"),
]

# Assignments and grading
urlpatterns += [
    path("courses/<slug:slug>/assignments", assignment_views.CourseAssignmentListView.as_view(),
         name="course-assignments"),
    path("courses/<slug:slug>/grades.csv", assignment_views.GradesCsvView.as_view(), name="course-grades-csv"),
    path("assignments/<uuid:pk>", assignment_views.AssignmentView.as_view(), name="assignment-detail"),
    path("assignments/<uuid:pk>/submission", assignment_views.MySubmissionView.as_view(), name="my-submission"),
    path("assignments/<uuid:pk>/submissions", assignment_views.AssignmentSubmissionListView.as_view(),
         name="assignment-submissions"),
    path("submissions/<uuid:pk>", assignment_views.SubmissionView.as_view(), name="submission-detail"),
    path("submissions/<uuid:pk>/grade", assignment_views.SubmissionGradeView.as_view(), name="submission-grade"),
    path("submissions/<uuid:pk>/return", assignment_views.SubmissionReturnView.as_view(), name="submission-return"),
    path("submission-files/<uuid:pk>/download", assignment_views.SubmissionFileDownloadView.as_view(),
         name="submission-file-download"),
]

# Quizzes and attempts
urlpatterns += [
    path("courses/<slug:slug>/quizzes", quiz_views.CourseQuizListView.as_view(), name="course-quizzes"),
    path("quizzes/<uuid:pk>", quiz_views.QuizView.as_view(), name="quiz-detail"),
    path("quizzes/<uuid:pk>/questions", quiz_views.QuizQuestionCreateView.as_view(), name="quiz-questions"),
    path("quizzes/<uuid:pk>/attempts", quiz_views.QuizAttemptListView.as_view(), name="quiz-attempts"),
    path("questions/<uuid:pk>", quiz_views.QuestionView.as_view(), name="question-detail"),
    path("attempts/<uuid:pk>", quiz_views.QuizAttemptView.as_view(), name="attempt-detail"),
    path("attempts/<uuid:pk>/submit", quiz_views.QuizAttemptSubmitView.as_view(), name="attempt-submit"),
]
