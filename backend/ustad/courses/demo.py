"""The demo school's courses: six realistic courses with syllabus, real slides and video, an assignment,
enrolments, progress and reviews, all created through the same services the API uses."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from ustad.core.files.uploads import upload_session_append, upload_session_complete, upload_session_create
from ustad.courses import demo_media
from ustad.courses.models import Category, Course, Lesson
from ustad.courses.services import assignments, courses, enrollment, quizzes, resources, reviews, syllabus
from ustad.users.models import User

CATEGORIES = [("programming", "Programming"), ("science", "Science"), ("mathematics", "Mathematics"),
              ("languages", "Languages"), ("business", "Business")]

PYTHON_SLIDES = [
    ("What is a program?", ["A list of instructions the computer follows, one after another",
                            "Python reads them from top to bottom", "Mistakes are normal: read the error message"]),
    ("Your first program", ['print("Assalam-o-alaikum, Pakistan!")', "Run it: the words appear on the screen",
                            "Change the words and run it again"]),
    ("Variables", ['name = "Ayesha"', 'print("Hello", name)', "A variable is a labelled box for a value"]),
    ("Practice", ["Print your name and your city", "Store your age in a variable and print it next year's",
                  "Hand in your program as the week's assignment"]),
]

COURSES: list[dict[str, Any]] = [
    {"owner": "tutor2@ustad.test", "slug": "python-from-zero", "title": "Python from zero",
     "subtitle": "Your first programs, step by step, in plain language", "category": "programming",
     "level": "beginner", "language": "en", "price_amount": 0, "currency": "PKR", "colour": (20, 83, 45),
     "tags": ["python", "programming", "beginners"],
     "description": "Never written code before? Start here.\n\nIn short video lessons and hands-on exercises you "
                    "will learn what a program is, write your first lines of **Python**, and store values in "
                    "variables.\n\n- No installation needed to follow along\n- Weekly assignment with feedback\n"
                    "- Quiz at the end of every section",
     "sections": [("Getting started", [
         {"title": "Your first program (lecture)", "kind": "video", "is_preview": True, "video": True},
         {"title": "How to read an error message", "kind": "article", "duration_seconds": 420,
          "body": "Errors are Python's way of asking for help.\n\n```python\nprint(\"hello\"\n```\n\n"
                  "*SyntaxError: '(' was never closed* means a bracket is missing."},
         {"title": "Slides: week 1", "kind": "resources", "duration_seconds": 300, "slides": True},
     ]), ("Variables", [
         {"title": "Boxes with labels", "kind": "article", "duration_seconds": 600,
          "body": "A **variable** stores a value under a name:\n\n```python\ncity = \"Lahore\"\nprint(city)\n```"},
         {"title": "Week 1 assignment", "kind": "assignment", "duration_seconds": 1800},
         {"title": "Quiz: first programs", "kind": "quiz", "duration_seconds": 600},
     ])]},
    {"owner": "tutor1@ustad.test", "slug": "a-level-physics-mechanics", "title": "A-level physics: mechanics",
     "subtitle": "Forces, motion and energy for Cambridge A-level", "category": "science", "level": "advanced",
     "language": "en", "price_amount": 300000, "currency": "PKR", "colour": (30, 64, 175),
     "tags": ["physics", "a-level", "cambridge"],
     "description": "A complete walk through the mechanics part of the Cambridge A-level syllabus, with worked past "
                    "paper questions after every topic.",
     "sections": [("Kinematics", [
         {"title": "Displacement, velocity, acceleration", "kind": "article", "is_preview": True,
          "duration_seconds": 900, "body": "Velocity is the rate of change of displacement: **v = Δs / Δt**."},
         {"title": "Equations of motion", "kind": "article", "duration_seconds": 1200, "body": "v = u + at"},
     ]), ("Dynamics", [
         {"title": "Newton's laws", "kind": "article", "duration_seconds": 1500, "body": "F = ma"},
         {"title": "Momentum and collisions", "kind": "article", "duration_seconds": 1300, "body": "p = mv"},
     ])]},
    {"owner": "tutor1@ustad.test", "slug": "o-level-algebra-essentials", "title": "O-level mathematics: algebra",
     "subtitle": "Expressions, equations and graphs without fear", "category": "mathematics",
     "level": "intermediate", "language": "en", "price_amount": 0, "currency": "PKR", "colour": (124, 45, 18),
     "tags": ["maths", "o-level", "algebra"],
     "description": "Algebra explained slowly with many examples, for O-level and matric students.",
     "sections": [("Expressions", [
         {"title": "Simplifying expressions", "kind": "article", "is_preview": True, "duration_seconds": 700,
          "body": "Collect like terms: 3x + 2x = 5x."},
         {"title": "Factorising", "kind": "article", "duration_seconds": 900, "body": "x² − 9 = (x − 3)(x + 3)"},
     ]), ("Equations", [
         {"title": "Linear equations", "kind": "article", "duration_seconds": 800, "body": "2x + 3 = 11, so x = 4"},
     ])]},
    {"owner": "tutor2@ustad.test", "slug": "spoken-english-for-interviews", "title": "Spoken English for interviews",
     "subtitle": "Answer confidently in your next job interview", "category": "languages", "level": "intermediate",
     "language": "en", "price_amount": 1500, "currency": "USD", "colour": (109, 40, 217),
     "tags": ["english", "speaking", "careers"],
     "description": "Practise the twenty questions every interviewer asks, with model answers and pronunciation "
                    "drills.",
     "sections": [("The first minute", [
         {"title": "Tell me about yourself", "kind": "article", "is_preview": True, "duration_seconds": 600,
          "body": "Start with the present, then the past, then the future."},
         {"title": "Live practice session", "kind": "live", "duration_seconds": 3600,
          "live_url": "https://ustad.local/live/interview-practice"},
     ])]},
    {"owner": "tutor1@ustad.test", "slug": "ghalib-ki-shayari", "title": "غالب کی شاعری: ایک تعارف",
     "subtitle": "مرزا غالب کی غزلوں کا آسان مطالعہ", "category": "languages", "level": "beginner",
     "language": "ur", "price_amount": 0, "currency": "PKR", "colour": (15, 118, 110),
     "tags": ["urdu", "ghalib", "poetry"],
     "description": "اس کورس میں ہم مرزا غالب کی مشہور غزلیں پڑھیں گے، ان کے الفاظ کے معنی سمجھیں گے اور ان کے "
                    "خیالات پر بات کریں گے۔",
     "sections": [("تعارف", [
         {"title": "غالب کون تھے؟", "kind": "article", "is_preview": True, "duration_seconds": 500,
          "body": "مرزا اسد اللہ خان غالب ۱۷۹۷ میں آگرہ میں پیدا ہوئے۔"},
         {"title": "ہزاروں خواہشیں ایسی", "kind": "article", "duration_seconds": 900,
          "body": "ہزاروں خواہشیں ایسی کہ ہر خواہش پہ دم نکلے"},
     ])]},
    {"owner": "tutor2@ustad.test", "slug": "accounting-for-small-shops", "title": "Accounting for small shops",
     "subtitle": "Keep your books straight with a notebook or a spreadsheet", "category": "business",
     "level": "beginner", "language": "en", "price_amount": 150000, "currency": "PKR",
     "included_in_subscription": True, "colour": (161, 98, 7), "tags": ["accounting", "business", "shops"],
     "description": "Cash book, ledger and a simple profit and loss statement for shopkeepers and small traders.",
     "sections": [("Everyday records", [
         {"title": "The cash book", "kind": "article", "is_preview": True, "duration_seconds": 800,
          "body": "Write every rupee in and out, the same day."},
         {"title": "Profit and loss", "kind": "article", "duration_seconds": 900, "body": "Sales − costs = profit"},
     ])]},
]


def _upload(owner: User, filename: str, data: bytes, kind: str) -> Any:
    """Store a file through the same resumable-upload path the browser uses (content checks included)."""
    session = upload_session_create(owner=owner, filename=filename, size=len(data), kind=kind)
    upload_session_append(owner=owner, upload_id=session.id, content_range=f"bytes 0-{len(data) - 1}/{len(data)}",
                          body=io.BytesIO(data), length=len(data))
    upload_session_complete(owner=owner, upload_id=session.id)
    return session.id


def _build_lessons(course: Course, owner: User, spec: dict[str, Any], log: Callable[[str], None]) -> None:
    for title, lessons in spec["sections"]:
        section = syllabus.section_create(course=course, title=title)
        for lesson_spec in lessons:
            data = {k: v for k, v in lesson_spec.items() if k not in ("video", "slides")}
            lesson = syllabus.lesson_create(section=section, data=data)
            if lesson_spec.get("video"):
                log("rendering the demo lecture video with ffmpeg…")
                video, seconds = demo_media.lecture_video("Your first program", [
                    "A program is a list of instructions", 'print("Hello!") shows words on screen',
                    "Next: variables"])
                upload_id = _upload(owner, "first-program.mp4", video, "video")
                resources.lesson_video_set(lesson=lesson, actor=owner, upload_id=upload_id, duration_seconds=seconds)
            if lesson_spec.get("slides"):
                pdf = demo_media.slides_pdf(course.title, PYTHON_SLIDES)
                upload_id = _upload(owner, "python-week-1.pdf", pdf, "slides")
                resources.resource_create(course=course, actor=owner, upload_id=upload_id, title="Week 1 slides",
                                          kind="slides", lesson_id=lesson.id)
            if lesson.kind == "quiz":
                _demo_quiz(course, lesson)
            if lesson.kind == "assignment":
                assignments.assignment_create(course=course, data={
                    "title": "Week 1: your first programs", "points": 10, "lesson_id": lesson.id,
                    "due_at": timezone.now() + timedelta(days=7), "late_policy": "penalty",
                    "late_penalty_percent": 10, "allowed_file_kinds": ["code", "pdf"],
                    "instructions": "Write a program that prints your name and your city, then one that stores "
                                    "your age in a variable and prints it. Hand in the `.py` file or a PDF.",
                    "rubric": [{"id": "works", "title": "The programs run", "points": 6},
                               {"id": "clear", "title": "Clear names and layout", "points": 4}]})


def _demo_quiz(course: Course, lesson: Lesson) -> None:
    quiz = quizzes.quiz_create(course=course, data={
        "title": "First programs", "lesson_id": lesson.id, "time_limit_seconds": 600, "attempts_allowed": 3,
        "passing_score_percent": 60, "required_for_certificate": True,
        "instructions": "Four questions on what a program is and how print and variables work."})
    for question in (
        {"kind": "single", "prompt": "What does print(\"Salaam\") do?", "choices": [
            {"id": "a", "text": "Shows Salaam on the screen"}, {"id": "b", "text": "Saves Salaam to a file"},
            {"id": "c", "text": "Sends Salaam to the printer"}], "correct_choice_ids": ["a"]},
        {"kind": "multiple", "prompt": "Which of these are valid variable names?", "choices": [
            {"id": "a", "text": "city"}, {"id": "b", "text": "2nd_city"}, {"id": "c", "text": "my_city"},
            {"id": "d", "text": "my city"}], "correct_choice_ids": ["a", "c"]},
        {"kind": "true_false", "prompt": "Python runs a program from the bottom line up.",
         "correct_choice_ids": ["false"]},
        {"kind": "short", "prompt": "Which function shows text on the screen?", "accepted_answers": ["print",
                                                                                                  "print()"]},
    ):
        quizzes.question_create(quiz=quiz, data=question)
    quizzes.quiz_update(quiz=quiz, data={"is_published": True})


def _create_course(spec: dict[str, Any], log: Callable[[str], None]) -> Course:
    owner = User.objects.get(email=spec["owner"])
    fields = {k: spec[k] for k in ("title", "subtitle", "description", "level", "language", "price_amount",
                                   "currency", "tags")}
    fields["included_in_subscription"] = spec.get("included_in_subscription", False)
    fields["category"] = spec["category"]
    course = courses.course_create(owner=owner, data=fields)
    course = courses.course_update(course=course, actor=owner, data={"slug": spec["slug"]})
    cover = SimpleUploadedFile("cover.jpg", demo_media.cover_image(spec["title"], spec["colour"]), "image/jpeg")
    courses.course_cover_set(course=course, upload=cover)
    _build_lessons(course, owner, spec, log)
    return courses.course_publish(course=course)


def _students_learn() -> None:
    students = list(User.objects.filter(email__startswith="student").order_by("email"))
    for slug in ("python-from-zero", "o-level-algebra-essentials", "ghalib-ki-shayari"):
        course = Course.objects.get(slug=slug)
        for student in students:
            enrollment.enroll_free(student=student, course=course)
    python = Course.objects.get(slug="python-from-zero")
    first_student = students[0]
    access = python.enrollments.get(student=first_student)
    for lesson in Lesson.objects.filter(course=python).order_by("section__position", "position")[:3]:
        enrollment.lesson_progress_record(enrollment=access, lesson=lesson, position_seconds=lesson.duration_seconds,
                                          completed=True)
    for student, rating, body in ((students[0], 5, "Very clear, even for a complete beginner."),
                                  (students[1], 4, "Good pace. More exercises please!")):
        reviews.review_upsert(student=student, course=python, rating=rating, body=body)


def load_demo_courses(*, log: Callable[[str], None] = lambda line: None) -> int:
    """Create the demo courses that do not exist yet; returns how many were created."""
    for slug, name in CATEGORIES:
        Category.objects.get_or_create(slug=slug, defaults={"name": name})
    created = 0
    for spec in COURSES:
        if Course.objects.filter(slug=spec["slug"]).exists():
            continue
        _create_course(spec, log)
        created += 1
    if created:
        _students_learn()
    return created
