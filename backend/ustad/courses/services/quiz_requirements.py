"""Which quizzes stand between a student and the certificate. Quizzes plug in here when they exist."""

from __future__ import annotations

from ustad.courses.models import Enrollment


def required_quizzes_passed(*, enrollment: Enrollment) -> bool:
    from ustad.courses import models

    quiz_model = getattr(models, "Quiz", None)
    if quiz_model is None:
        return True
    from ustad.courses.services.quizzes import quiz_passed  # type: ignore[import-not-found,unused-ignore]

    required = quiz_model.objects.filter(course_id=enrollment.course_id, required_for_certificate=True)
    return all(quiz_passed(student=enrollment.student, quiz=quiz) for quiz in required)
