from __future__ import annotations

from typing import Any

import factory
from django.utils import timezone

from ustad.courses.models import Category, Course, CourseStatus, Enrollment, Lesson, Question, Quiz, Section
from ustad.courses.services.course_stats import course_search_refresh, course_syllabus_stats_refresh
from ustad.users.tests.factories import StudentFactory, TutorFactory


class CategoryFactory(factory.django.DjangoModelFactory[Category]):
    class Meta:
        model = Category
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"category-{n}")
    name = factory.LazyAttribute(lambda o: o.slug.replace("-", " ").title())


class CourseFactory(factory.django.DjangoModelFactory[Course]):
    class Meta:
        model = Course
        skip_postgeneration_save = True

    owner = factory.SubFactory(TutorFactory)
    title = factory.Sequence(lambda n: f"Course number {n}")
    slug = factory.Sequence(lambda n: f"course-{n}")
    subtitle = "Learn it properly"
    description = "A complete course with clear explanations, worked examples and practice for every topic."
    status = CourseStatus.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)
    cover = "covers/test.webp"

    @factory.post_generation
    def indexed(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create:
            course_search_refresh(course=self)


class SectionFactory(factory.django.DjangoModelFactory[Section]):
    class Meta:
        model = Section

    course = factory.SubFactory(CourseFactory)
    title = factory.Sequence(lambda n: f"Section {n}")
    position = factory.Sequence(lambda n: n)


class LessonFactory(factory.django.DjangoModelFactory[Lesson]):
    class Meta:
        model = Lesson
        skip_postgeneration_save = True

    section = factory.SubFactory(SectionFactory)
    course = factory.LazyAttribute(lambda o: o.section.course)
    title = factory.Sequence(lambda n: f"Lesson {n}")
    kind = "article"
    body = "Some **text**."
    duration_seconds = 600
    position = factory.Sequence(lambda n: n)

    @factory.post_generation
    def stats(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create:
            course_syllabus_stats_refresh(course=self.course)


class EnrollmentFactory(factory.django.DjangoModelFactory[Enrollment]):
    class Meta:
        model = Enrollment

    student = factory.SubFactory(StudentFactory)
    course = factory.SubFactory(CourseFactory)
    source = "free"


def course_with_lessons(*, lessons: int = 3, preview_first: bool = True, **course_fields: Any) -> Course:
    """A published course with one section of `lessons` lessons, the first a free preview."""
    course = CourseFactory(**course_fields)
    section = SectionFactory(course=course, position=0)
    for index in range(lessons):
        LessonFactory(section=section, position=index, is_preview=preview_first and index == 0)
    course.refresh_from_db()
    return course


class QuizFactory(factory.django.DjangoModelFactory[Quiz]):
    class Meta:
        model = Quiz

    course = factory.SubFactory(CourseFactory)
    title = factory.Sequence(lambda n: f"Quiz {n}")
    attempts_allowed = 2
    passing_score_percent = 50
    is_published = True


class QuestionFactory(factory.django.DjangoModelFactory[Question]):
    """A single-choice question with choices a (correct) and b."""

    class Meta:
        model = Question

    quiz = factory.SubFactory(QuizFactory)
    kind = "single"
    prompt = factory.Sequence(lambda n: f"Question {n}?")
    position = factory.Sequence(lambda n: n)
    choices = factory.LazyFunction(lambda: [{"id": "a", "text": "Right"}, {"id": "b", "text": "Wrong"}])
    correct_choice_ids = factory.LazyFunction(lambda: ["a"])
