"""Certificates: issued when every lesson is done and the required quizzes are passed; rendered as PDF."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.db import transaction
from fpdf import FPDF

from ustad.core.realtime import send_event_on_commit
from ustad.courses.models import Certificate, Enrollment, EnrollmentStatus, Lesson, LessonProgress, Quiz

FONTS = Path(__file__).resolve().parents[1] / "assets" / "fonts"


def certificate_requirements_met(*, enrollment: Enrollment) -> bool:
    lessons = Lesson.objects.filter(course_id=enrollment.course_id).count()
    done = LessonProgress.objects.filter(enrollment=enrollment, completed_at__isnull=False,
                                         lesson__course_id=enrollment.course_id).count()
    return lessons > 0 and done >= lessons and required_quizzes_passed(enrollment=enrollment)


def required_quizzes_passed(*, enrollment: Enrollment) -> bool:
    # Imported here: the quizzes service imports this module to issue certificates when a quiz is passed.
    from ustad.courses.services.quizzes import quiz_passed

    required = Quiz.objects.filter(course_id=enrollment.course_id, required_for_certificate=True)
    return all(quiz_passed(student=enrollment.student, quiz=quiz) for quiz in required)


@transaction.atomic
def certificate_issue_if_earned(*, enrollment: Enrollment) -> Certificate | None:
    """Issue the certificate once, the moment the requirements are met; safe to call after every step."""
    enrollment = Enrollment.objects.select_for_update().select_related("student", "course__owner").get(
        id=enrollment.id)
    existing = Certificate.objects.filter(enrollment=enrollment).first()
    if existing or enrollment.status != EnrollmentStatus.ACTIVE:
        return existing
    if not certificate_requirements_met(enrollment=enrollment):
        return None
    certificate = Certificate.objects.create(
        enrollment=enrollment, student_name=enrollment.student.full_name,
        course_title=enrollment.course.title, tutor_name=enrollment.course.owner.full_name)
    send_event_on_commit(user_ids=[enrollment.student_id], event={
        "type": "certificate", "op": "issued", "code": certificate.code, "course_slug": enrollment.course.slug})
    return certificate


def certificate_verify_url(certificate: Certificate) -> str:
    return f"{settings.SITE_URL}/certificates/{certificate.code}"


def certificate_pdf(*, certificate: Certificate) -> bytes:
    """A landscape A4 certificate with the verification address printed on it."""
    pdf = FPDF(orientation="L", unit="mm", format="A4")
    pdf.set_title(f"Certificate {certificate.code}")
    pdf.set_author("Ustad")
    pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.add_page()
    pdf.set_draw_color(20, 83, 45)
    pdf.set_line_width(2)
    pdf.rect(10, 10, 277, 190)
    pdf.set_line_width(0.5)
    pdf.rect(14, 14, 269, 182)
    pdf.set_text_color(20, 83, 45)
    pdf.set_font("DejaVu", "B", 16)
    pdf.set_y(30)
    pdf.cell(0, 10, "USTAD", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "B", 30)
    pdf.cell(0, 18, "Certificate of completion", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(30, 41, 59)
    pdf.set_font("DejaVu", "", 14)
    pdf.ln(6)
    pdf.cell(0, 10, "This certifies that", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "B", 26)
    pdf.cell(0, 16, certificate.student_name, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 14)
    pdf.cell(0, 10, "has completed the course", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "B", 20)
    pdf.multi_cell(0, 12, certificate.course_title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 13)
    pdf.cell(0, 10, f"taught by {certificate.tutor_name}", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(8)
    pdf.set_font("DejaVu", "", 11)
    pdf.cell(0, 8, f"Issued {certificate.issued_at:%d %B %Y} · Certificate {certificate.code}", align="C",
             new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 8, f"Verify at {certificate_verify_url(certificate)}", align="C", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
