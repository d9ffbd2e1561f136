"""Certificates: earned by finishing every lesson, verifiable publicly, printable as PDF."""

from __future__ import annotations

import io

from pypdf import PdfReader

from ustad.courses.models import Certificate, Lesson
from ustad.courses.tests.factories import EnrollmentFactory, course_with_lessons


def test_finishing_the_course_issues_one_verifiable_certificate(student, student_client, api_client):
    student.first_name, student.last_name = "Zainab", "Hussain"
    student.save()
    course = course_with_lessons(lessons=2, title="Organic chemistry")
    EnrollmentFactory(student=student, course=course)
    first, second = Lesson.objects.filter(course=course).order_by("position")
    student_client.post(f"/api/v1/lessons/{first.id}/progress", {"completed": True}, format="json")
    assert not Certificate.objects.exists()  # not yet: one lesson to go
    student_client.post(f"/api/v1/lessons/{second.id}/progress", {"completed": True}, format="json")
    student_client.post(f"/api/v1/lessons/{second.id}/progress", {"completed": True}, format="json")
    certificate = Certificate.objects.get()

    [mine] = student_client.get("/api/v1/me/certificates").json()["results"]
    assert mine["code"] == certificate.code and mine["verify_url"].endswith(f"/certificates/{certificate.code}")
    public = api_client.get(f"/api/v1/certificates/{certificate.code.lower()}").json()
    assert (public["student_name"], public["course_title"]) == ("Zainab Hussain", "Organic chemistry")
    assert api_client.get("/api/v1/certificates/NOPE1234").status_code == 404

    pdf = api_client.get(f"/api/v1/certificates/{certificate.code}/pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    assert "Zainab Hussain" in text and "Organic chemistry" in text and certificate.code in text
