from django.urls import path

from ustad.classroom.api import board, views

urlpatterns = [
    path("sessions", views.SessionCollectionView.as_view(), name="session-list"),
    path("sessions/<uuid:pk>", views.SessionView.as_view(), name="session-detail"),
    path("sessions/<uuid:pk>/cancel", views.SessionCancelView.as_view(), name="session-cancel"),
    path("sessions/<uuid:pk>/seat", views.SessionSeatView.as_view(), name="session-seat"),
    path("courses/<slug:slug>/sessions", views.CourseSessionListView.as_view(), name="course-sessions"),
    path("sessions/<uuid:pk>/attendance", views.SessionAttendanceView.as_view(), name="session-attendance"),
    path("sessions/<uuid:pk>/attendance.csv", views.SessionAttendanceCsvView.as_view(),
         name="session-attendance-csv"),
    path("courses/<slug:slug>/attendance.csv", views.CourseAttendanceCsvView.as_view(),
         name="course-attendance-csv"),
    path("sessions/<uuid:pk>/recap", board.SessionRecapView.as_view(), name="session-recap"),
    path("sessions/<uuid:pk>/board", board.BoardView.as_view(), name="session-board"),
    path("sessions/<uuid:pk>/board/pages/<uuid:page_id>", board.BoardPageView.as_view(), name="session-board-page"),
    path("sessions/<uuid:pk>/board/files", board.BoardFileCollectionView.as_view(), name="session-board-files"),
    path("sessions/<uuid:pk>/board/files/<str:file_id>", board.BoardFileView.as_view(),
         name="session-board-file"),
    path("sessions/<uuid:pk>/board/export", board.BoardExportView.as_view(), name="session-board-export"),
    path("me/calendar", views.MyCalendarView.as_view(), name="my-calendar"),
    path("me/calendar/rotate", views.MyCalendarRotateView.as_view(), name="my-calendar-rotate"),
    path("calendar/<str:token>.ics", views.CalendarFeedView.as_view(), name="calendar-feed"),
]
