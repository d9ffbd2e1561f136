"""Quizzes: tutors build them, students take them, the server grades them and keeps the time."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from conftest import client_for
from ustad.courses.models import Certificate, CourseStatus, Lesson, Question, Quiz, QuizAttempt
from ustad.courses.services.quiz_grading import normalise_short_answer
from ustad.courses.services.quizzes import quiz_passed
from ustad.courses.tests.factories import (
    EnrollmentFactory,
    LessonFactory,
    QuestionFactory,
    QuizFactory,
    course_with_lessons,
)
from ustad.users.tests.factories import StudentFactory, TutorFactory

API = "/api/v1"
ANSWER_KEYS = {"correct_choice_ids", "accepted_answers"}


def build_quiz(course: Any, **quiz_fields: Any) -> Quiz:
    """A published quiz with one question of each kind, worth 1, 2, 3 and 4 points."""
    quiz = QuizFactory(course=course, **quiz_fields)
    QuestionFactory(quiz=quiz, kind="single", position=0, points=1, prompt="2 + 2?",
                    choices=[{"id": "a", "text": "4"}, {"id": "b", "text": "5"}], correct_choice_ids=["a"])
    QuestionFactory(quiz=quiz, kind="multiple", position=1, points=2, prompt="Prime numbers?",
                    choices=[{"id": "a", "text": "2"}, {"id": "b", "text": "4"}, {"id": "c", "text": "7"}],
                    correct_choice_ids=["a", "c"])
    QuestionFactory(quiz=quiz, kind="true_false", position=2, points=3, prompt="The sun is cold.",
                    choices=[{"id": "true", "text": "True"}, {"id": "false", "text": "False"}],
                    correct_choice_ids=["false"])
    QuestionFactory(quiz=quiz, kind="short", position=3, points=4, prompt="Capital of Punjab?",
                    choices=[], correct_choice_ids=[], accepted_answers=["Lahore", "لاہور"])
    return quiz


def questions_of(quiz: Quiz) -> dict[str, Question]:
    return {question.kind: question for question in quiz.questions.all()}


@pytest.fixture
def course(db: None) -> Any:
    return course_with_lessons(lessons=2)


@pytest.fixture
def quiz(course: Any) -> Quiz:
    return build_quiz(course)


@pytest.fixture
def enrolled(student: Any, course: Any) -> Any:
    return EnrollmentFactory(student=student, course=course)


def start(client: Any, quiz: Quiz) -> dict[str, Any]:
    response = client.post(f"{API}/quizzes/{quiz.id}/attempts")
    assert response.status_code in (200, 201), response.content
    return response.json()


def submit(client: Any, attempt_id: Any, answers: list[dict[str, Any]] | None = None) -> Any:
    body = {} if answers is None else {"answers": answers}
    return client.post(f"{API}/attempts/{attempt_id}/submit", body, format="json")


def all_right(quiz: Quiz) -> list[dict[str, Any]]:
    q = questions_of(quiz)
    return [{"question_id": str(q["single"].id), "choice_ids": ["a"]},
            {"question_id": str(q["multiple"].id), "choice_ids": ["c", "a"]},
            {"question_id": str(q["true_false"].id), "choice_ids": ["false"]},
            {"question_id": str(q["short"].id), "text": "  lahore "}]


def move_deadline(attempt_id: Any, *, seconds_ago: int) -> None:
    """The attempt's time ran out `seconds_ago` (no sleeping in tests)."""
    deadline = timezone.now() - timedelta(seconds=seconds_ago)
    QuizAttempt.objects.filter(id=attempt_id).update(started_at=deadline - timedelta(minutes=10), deadline_at=deadline)


# --- Building quizzes ---------------------------------------------------------------------------

def test_given_a_tutor_when_building_a_quiz_of_every_kind_then_it_is_saved_with_its_answers(tutor, tutor_client):
    course = course_with_lessons(owner=tutor, lessons=1)
    quiz_lesson = LessonFactory(section=course.sections.first(), kind="quiz", title="Check yourself")
    created = tutor_client.post(f"{API}/courses/{course.slug}/quizzes", {
        "title": "Week 1", "time_limit_seconds": 600, "attempts_allowed": 3, "passing_score_percent": 70,
        "lesson_id": str(quiz_lesson.id), "required_for_certificate": True}, format="json")
    assert created.status_code == 201, created.content
    quiz = created.json()
    assert (quiz["is_published"], quiz["question_count"], quiz["lesson_id"]) == (False, 0, str(quiz_lesson.id))
    url = f"{API}/quizzes/{quiz['id']}/questions"

    single = tutor_client.post(url, {"kind": "single", "prompt": " Which is a fruit? ", "choices": [
        {"text": "Apple"}, {"text": "Brick"}], "correct_choice_ids": ["a"], "points": 2}, format="json")
    assert single.status_code == 201, single.content
    assert single.json()["choices"] == [{"id": "a", "text": "Apple"}, {"id": "b", "text": "Brick"}]
    assert single.json()["prompt"] == "Which is a fruit?"
    multiple = tutor_client.post(url, {"kind": "multiple", "prompt": "Even numbers?", "choices": [
        {"id": "two", "text": "2"}, {"id": "three", "text": "3"}, {"id": "four", "text": "4"}],
        "correct_choice_ids": ["two", "four"]}, format="json")
    assert multiple.status_code == 201, multiple.content
    true_false = tutor_client.post(url, {"kind": "true_false", "prompt": "Water boils at 100 °C at sea level.",
                                         "correct_choice_ids": ["true"]}, format="json")
    assert true_false.json()["choices"] == [{"id": "true", "text": "True"}, {"id": "false", "text": "False"}]
    short = tutor_client.post(url, {"kind": "short", "prompt": "پاکستان کا دارالحکومت؟",
                                    "accepted_answers": ["اسلام آباد", "Islamabad", "islamabad "]}, format="json")
    assert short.json()["accepted_answers"] == ["اسلام آباد", "Islamabad"]  # the same answer once

    published = tutor_client.patch(f"{API}/quizzes/{quiz['id']}", {"is_published": True}, format="json")
    assert published.status_code == 200
    page = published.json()
    assert (page["question_count"], page["total_points"], page["is_published"]) == (4, 5, True)
    assert [q["kind"] for q in page["questions"]] == ["single", "multiple", "true_false", "short"]
    assert page["questions"][1]["correct_choice_ids"] == ["two", "four"]  # tutors see the answers
    assert tutor_client.get(f"{API}/courses/{course.slug}/quizzes").json()[0]["id"] == quiz["id"]


@pytest.mark.parametrize(("question", "field"), [
    ({"kind": "single", "choices": [{"text": "A"}, {"text": "B"}], "correct_choice_ids": ["a", "b"]},
     "correct_choice_ids"),
    ({"kind": "single", "choices": [{"text": "A"}, {"text": "B"}], "correct_choice_ids": []}, "correct_choice_ids"),
    ({"kind": "multiple", "choices": [{"text": "A"}, {"text": "B"}], "correct_choice_ids": []}, "correct_choice_ids"),
    ({"kind": "multiple", "choices": [{"text": "A"}, {"text": "B"}], "correct_choice_ids": ["z"]},
     "correct_choice_ids"),
    ({"kind": "single", "choices": [{"id": "x", "text": "A"}, {"id": "x", "text": "B"}], "correct_choice_ids": ["x"]},
     "choices.1.id"),
    ({"kind": "single", "choices": [{"id": "no spaces", "text": "A"}, {"text": "B"}], "correct_choice_ids": ["b"]},
     "choices.0.id"),
    ({"kind": "single", "choices": [{"text": "Only one"}], "correct_choice_ids": ["a"]}, "choices"),
    ({"kind": "single", "choices": [{"text": str(n)} for n in range(11)], "correct_choice_ids": ["a"]}, "choices"),
    ({"kind": "single", "choices": [{"text": "A"}, {"text": "   "}], "correct_choice_ids": ["a"]}, "choices.1.text"),
    ({"kind": "true_false", "correct_choice_ids": ["maybe"]}, "correct_choice_ids"),
    ({"kind": "true_false"}, "correct_choice_ids"),
    ({"kind": "short"}, "accepted_answers"),
    ({"kind": "short", "accepted_answers": ["  "]}, "accepted_answers.0"),
    ({"kind": "essay"}, "kind"),
])
def test_given_a_bad_question_when_adding_it_then_a_field_error_names_the_problem_and_nothing_is_saved(
        tutor, tutor_client, question, field):
    quiz = QuizFactory(course=course_with_lessons(owner=tutor), is_published=False)
    response = tutor_client.post(f"{API}/quizzes/{quiz.id}/questions", {"prompt": "Why?", **question}, format="json")
    assert response.status_code == 400, response.content
    error = response.json()["error"]
    assert error["code"] == "validation_error" and field in error["fields"], error
    assert not Question.objects.exists()


def test_given_a_question_when_editing_it_then_the_whole_question_is_checked_again(tutor, tutor_client):
    quiz = build_quiz(course_with_lessons(owner=tutor))
    single = questions_of(quiz)["single"]
    url = f"{API}/questions/{single.id}"
    response = tutor_client.patch(url, {"kind": "multiple"}, format="json")
    assert response.status_code == 200 and response.json()["correct_choice_ids"] == ["a"]
    response = tutor_client.patch(url, {"kind": "short"}, format="json")  # no accepted answers yet
    assert response.status_code == 400 and "accepted_answers" in response.json()["error"]["fields"]
    response = tutor_client.patch(url, {"kind": "short", "accepted_answers": ["Four"]}, format="json")
    assert response.json()["choices"] == [] and response.json()["correct_choice_ids"] == []
    response = tutor_client.patch(url, {"choices": [{"text": "One"}], "points": 101}, format="json")
    assert response.status_code == 400  # points out of range


def test_given_a_quiz_when_reordering_or_publishing_then_the_rules_hold(tutor, tutor_client):
    course = course_with_lessons(owner=tutor)
    article = Lesson.objects.filter(course=course).first()
    empty = tutor_client.post(f"{API}/courses/{course.slug}/quizzes", {"title": "Empty", "is_published": True},
                              format="json")
    assert empty.status_code == 400 and "is_published" in empty.json()["error"]["fields"]
    wrong_lesson = tutor_client.post(f"{API}/courses/{course.slug}/quizzes",
                                     {"title": "Quiz", "lesson_id": str(article.id)}, format="json")
    assert wrong_lesson.status_code == 400 and "lesson_id" in wrong_lesson.json()["error"]["fields"]

    quiz = build_quiz(course)
    ids = [str(question.id) for question in quiz.questions.order_by("position")]
    response = tutor_client.patch(f"{API}/quizzes/{quiz.id}", {"question_ids": ids[::-1]}, format="json")
    assert [q["id"] for q in response.json()["questions"]] == ids[::-1]
    response = tutor_client.patch(f"{API}/quizzes/{quiz.id}", {"question_ids": ids[:2]}, format="json")
    assert response.status_code == 409 and response.json()["error"]["code"] == "questions_mismatch"
    bad_limit = tutor_client.patch(f"{API}/quizzes/{quiz.id}", {"time_limit_seconds": 30}, format="json")
    assert bad_limit.status_code == 400 and "time_limit_seconds" in bad_limit.json()["error"]["fields"]


def test_given_answers_exist_when_deleting_then_published_quizzes_and_taken_quizzes_are_kept(
        tutor, tutor_client, student):
    course = course_with_lessons(owner=tutor)
    quiz = QuizFactory(course=course)
    only = QuestionFactory(quiz=quiz)
    response = tutor_client.delete(f"{API}/questions/{only.id}")
    assert response.status_code == 409 and response.json()["error"]["code"] == "quiz_incomplete"
    assert Question.objects.filter(id=only.id).exists()
    EnrollmentFactory(student=student, course=course)
    start(client_for(student), quiz)
    response = tutor_client.delete(f"{API}/quizzes/{quiz.id}")
    assert response.status_code == 409 and response.json()["error"]["code"] == "quiz_has_attempts"
    untaken = QuizFactory(course=course, is_published=False)
    assert tutor_client.delete(f"{API}/quizzes/{untaken.id}").status_code == 204


def test_given_another_tutor_when_editing_a_quiz_then_it_does_not_exist_for_them(quiz):
    other = client_for(TutorFactory())
    question = quiz.questions.first()
    assert other.patch(f"{API}/quizzes/{quiz.id}", {"title": "Mine"}, format="json").status_code == 404
    assert other.post(f"{API}/quizzes/{quiz.id}/questions", {}, format="json").status_code == 404
    assert other.patch(f"{API}/questions/{question.id}", {"prompt": "Mine"}, format="json").status_code == 404
    assert other.post(f"{API}/courses/{quiz.course.slug}/quizzes", {"title": "Mine"}, format="json").status_code == 403
    quiz.refresh_from_db()
    assert quiz.title != "Mine"


# --- Students never see the answers early -------------------------------------------------------

def test_given_a_student_when_taking_a_quiz_then_no_answer_leaves_the_server_before_submitting(
        student_client, quiz, enrolled):
    def assert_no_answers(body: Any) -> None:
        text = json.dumps(body, ensure_ascii=False)
        assert "correct_choice_ids" not in text and "accepted_answers" not in text
        assert "Lahore" not in text and "لاہور" not in text

    [listed] = student_client.get(f"{API}/courses/{quiz.course.slug}/quizzes").json()
    assert_no_answers(listed)
    page = student_client.get(f"{API}/quizzes/{quiz.id}").json()
    assert_no_answers(page)
    assert all(set(question) == {"id", "kind", "prompt", "position", "points", "choices"}
               for question in page["questions"])
    attempt = start(student_client, quiz)
    assert_no_answers(attempt)
    assert attempt["results"] is None and attempt["score_points"] is None
    saved = student_client.patch(f"{API}/attempts/{attempt['id']}", {"answers": all_right(quiz)[:1]}, format="json")
    assert saved.status_code == 200
    assert_no_answers(saved.json())
    assert_no_answers(student_client.get(f"{API}/attempts/{attempt['id']}").json())
    assert_no_answers(student_client.get(f"{API}/quizzes/{quiz.id}/attempts").json())

    done = submit(student_client, attempt["id"]).json()
    assert done["status"] == "submitted" and done["score_points"] == 1
    short = next(q for q in done["questions"] if q["kind"] == "short")
    assert short["accepted_answers"] == ["Lahore", "لاہور"]  # shown once submitted
    assert [result["correct"] for result in done["results"]] == [True, False, False, False]


# --- Grading ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("kind", "answer", "correct"), [
    ("single", {"choice_ids": ["a"]}, True),
    ("single", {"choice_ids": ["b"]}, False),
    ("multiple", {"choice_ids": ["a", "c"]}, True),
    ("multiple", {"choice_ids": ["c", "a"]}, True),
    ("multiple", {"choice_ids": ["a"]}, False),  # no partial credit
    ("multiple", {"choice_ids": ["a", "b", "c"]}, False),
    ("true_false", {"choice_ids": ["false"]}, True),
    ("true_false", {"choice_ids": ["true"]}, False),
    ("short", {"text": "LAHORE"}, True),
    ("short", {"text": "  la   hore "}, False),
    ("short", {"text": " لاہور  "}, True),
    ("short", {"text": "Karachi"}, False),
    ("short", {"text": ""}, False),
])
def test_given_an_answer_when_submitting_then_the_server_grades_it(student_client, quiz, enrolled, kind, answer,
                                                                    correct):
    question = questions_of(quiz)[kind]
    attempt = start(student_client, quiz)
    result = submit(student_client, attempt["id"], [{"question_id": str(question.id), **answer}]).json()
    [mine] = [r for r in result["results"] if r["question_id"] == str(question.id)]
    assert mine["correct"] is correct
    assert result["score_points"] == (question.points if correct else 0) and result["max_points"] == 10


@pytest.mark.parametrize(("accepted", "typed"), [
    ("پاکستان", "پاكستان"),           # Arabic kaf typed for the Urdu one
    ("کراچی", "كراچي"),               # Arabic kaf and yeh
    ("اردو", "اُردُو"),                 # with vowel marks
    ("لاہور", "لاه\u0640ور"),         # Arabic heh and a tatweel
    ("اسلام آباد", " اسلام\u200c  آباد "),  # zero-width non-joiner, extra spaces
    ("۱۹۴۷", "1947"),                  # Urdu digits
    ("ﭘﺎﮐﺴﺘﺎﻥ", "پاکستان"),           # presentation forms
])
def test_given_urdu_short_answers_when_compared_then_spelling_variants_of_the_same_word_match(accepted, typed):
    assert normalise_short_answer(accepted) == normalise_short_answer(typed)


def test_given_urdu_letters_that_differ_when_compared_then_they_do_not_match():
    assert normalise_short_answer("آم") != normalise_short_answer("ام")  # madda makes another word
    assert normalise_short_answer("café") != normalise_short_answer("cafe")


def test_given_an_urdu_answer_when_submitting_then_it_is_graded_right(student_client, course, enrolled):
    quiz = QuizFactory(course=course)
    question = QuestionFactory(quiz=quiz, kind="short", choices=[], correct_choice_ids=[],
                               accepted_answers=["قائداعظم محمد علی جناح"], points=5)
    attempt = start(student_client, quiz)
    result = submit(student_client, attempt["id"], [{"question_id": str(question.id),
                                                     "text": "قائداعظم  محمد علي جناح"}]).json()
    assert (result["score_points"], result["score_percent"], result["passed"]) == (5, "100.00", True)


def test_given_weighted_points_when_submitting_then_score_and_pass_follow_the_points(student_client, quiz, enrolled):
    q = questions_of(quiz)
    attempt = start(student_client, quiz)
    # single (1) + multiple (2) right, true/false (3) and short (4) wrong: 3 of 10 points, below 50 %
    wrong_true_false = {"question_id": str(q["true_false"].id), "choice_ids": ["true"]}
    result = submit(student_client, attempt["id"], [*all_right(quiz)[:2], wrong_true_false]).json()
    assert (result["score_points"], result["max_points"], result["score_percent"], result["passed"]) == (
        3, 10, "30.00", False)
    second = start(student_client, quiz)
    result = submit(student_client, second["id"], all_right(quiz)[2:]).json()  # 7 of 10
    assert (result["score_percent"], result["passed"]) == ("70.00", True)
    page = student_client.get(f"{API}/quizzes/{quiz.id}").json()
    assert page["viewer"] == {"attempts_used": 2, "attempts_left": 0, "best_score_percent": "70.00",
                              "passed": True, "open_attempt_id": None}


# --- Attempts and time --------------------------------------------------------------------------

def test_given_attempts_used_up_when_starting_again_then_409_attempts_exhausted(student, student_client, quiz,
                                                                                  enrolled):
    first = start(student_client, quiz)
    again = student_client.post(f"{API}/quizzes/{quiz.id}/attempts")
    assert again.status_code == 200 and again.json()["id"] == first["id"]  # the open one, not a new one
    submit(student_client, first["id"])
    second = student_client.post(f"{API}/quizzes/{quiz.id}/attempts")
    assert second.status_code == 201 and second.json()["number"] == 2
    submit(student_client, second.json()["id"])
    refused = student_client.post(f"{API}/quizzes/{quiz.id}/attempts")
    assert refused.status_code == 409 and refused.json()["error"]["code"] == "attempts_exhausted"
    assert QuizAttempt.objects.filter(student=student).count() == 2


def test_given_an_open_attempt_when_another_is_inserted_then_the_database_refuses(student, quiz):
    QuizAttempt.objects.create(quiz=quiz, student=student, number=1, started_at=timezone.now())
    with pytest.raises(IntegrityError), transaction.atomic():
        QuizAttempt.objects.create(quiz=quiz, student=student, number=2, started_at=timezone.now())


def test_given_a_time_limit_when_the_deadline_passes_then_saving_stops_and_late_answers_are_refused(
        student_client, course, enrolled):
    quiz = build_quiz(course, time_limit_seconds=600)
    attempt = start(student_client, quiz)
    assert attempt["deadline_at"] is not None and 590 <= attempt["seconds_left"] <= 600
    right = all_right(quiz)
    student_client.patch(f"{API}/attempts/{attempt['id']}", {"answers": right[:1]}, format="json")  # 1 point

    move_deadline(attempt["id"], seconds_ago=5)
    late_save = student_client.patch(f"{API}/attempts/{attempt['id']}", {"answers": right[1:2]}, format="json")
    assert late_save.status_code == 409 and late_save.json()["error"]["code"] == "time_up"

    move_deadline(attempt["id"], seconds_ago=31)  # past the 30-second grace
    late_submit = submit(student_client, attempt["id"], right)
    assert late_submit.status_code == 409 and late_submit.json()["error"]["code"] == "time_up"
    graded = QuizAttempt.objects.get(id=attempt["id"])
    assert graded.submitted_at == graded.deadline_at and graded.score_points == 1  # only what was saved in time
    assert list(graded.answers) == [right[0]["question_id"]]


def test_given_the_grace_period_when_submitting_just_after_the_deadline_then_answers_count(
        student_client, course, enrolled):
    quiz = build_quiz(course, time_limit_seconds=60)
    attempt = start(student_client, quiz)
    move_deadline(attempt["id"], seconds_ago=10)
    response = submit(student_client, attempt["id"], all_right(quiz))
    assert response.status_code == 200 and response.json()["score_points"] == 10


def test_given_an_abandoned_attempt_when_the_student_returns_then_it_is_graded_and_a_new_one_starts(
        student_client, course, enrolled):
    quiz = build_quiz(course, time_limit_seconds=60, attempts_allowed=2)
    attempt = start(student_client, quiz)
    student_client.patch(f"{API}/attempts/{attempt['id']}", {"answers": all_right(quiz)}, format="json")
    move_deadline(attempt["id"], seconds_ago=120)
    closed = student_client.get(f"{API}/attempts/{attempt['id']}").json()
    assert (closed["status"], closed["score_points"], closed["passed"]) == ("submitted", 10, True)
    fresh = student_client.post(f"{API}/quizzes/{quiz.id}/attempts")
    assert fresh.status_code == 201 and fresh.json()["number"] == 2


def test_given_a_time_limit_when_nobody_comes_back_then_quiz_passed_still_counts_the_saved_answers(
        student, student_client, course, enrolled):
    quiz = build_quiz(course, time_limit_seconds=60)
    attempt = start(student_client, quiz)
    student_client.patch(f"{API}/attempts/{attempt['id']}", {"answers": all_right(quiz)}, format="json")
    assert quiz_passed(student=student, quiz=quiz) is False
    move_deadline(attempt["id"], seconds_ago=60)
    assert quiz_passed(student=student, quiz=quiz) is True


# --- Tampering and access -----------------------------------------------------------------------

def test_given_tampered_answers_when_saving_or_submitting_then_a_clear_error_and_nothing_changes(
        student, student_client, quiz, enrolled):
    q = questions_of(quiz)
    other_quiz = build_quiz(quiz.course)
    attempt = start(student_client, quiz)
    url = f"{API}/attempts/{attempt['id']}"
    student_client.patch(url, {"answers": all_right(quiz)[:1]}, format="json")
    before = QuizAttempt.objects.get(id=attempt["id"]).answers
    tampered = [
        ([{"question_id": str(q["single"].id), "choice_ids": ["z"]}], "answers.0.choice_ids"),
        ([{"question_id": str(q["single"].id), "choice_ids": ["a", "b"]}], "answers.0.choice_ids"),
        ([{"question_id": str(q["multiple"].id), "choice_ids": ["a", "a"]}], "answers.0.choice_ids"),
        ([{"question_id": str(q["single"].id), "text": "a"}], "answers.0.text"),
        ([{"question_id": str(q["short"].id), "choice_ids": ["a"]}], "answers.0.choice_ids"),
        ([{"question_id": str(questions_of(other_quiz)["single"].id), "choice_ids": ["a"]}], "answers.0.question_id"),
        ([{"question_id": str(q["true_false"].id), "choice_ids": ["false"]},
          {"question_id": str(q["true_false"].id), "choice_ids": ["true"]}], "answers.1.question_id"),
        ([{"question_id": "not-a-uuid", "choice_ids": ["a"]}], "answers.0.question_id"),
    ]
    for answers, field in tampered:
        for response in (student_client.patch(url, {"answers": answers}, format="json"),
                         submit(student_client, attempt["id"], answers)):
            assert response.status_code == 400, (answers, response.content)
            assert field in response.json()["error"]["fields"], response.json()
    attempt_row = QuizAttempt.objects.get(id=attempt["id"])
    assert attempt_row.answers == before and attempt_row.submitted_at is None

    assert submit(student_client, attempt["id"]).status_code == 200
    for response in (student_client.patch(url, {"answers": all_right(quiz)}, format="json"),
                     submit(student_client, attempt["id"], all_right(quiz))):
        assert response.status_code == 409 and response.json()["error"]["code"] == "attempt_submitted"
    assert QuizAttempt.objects.get(id=attempt["id"]).score_points == 1


def test_given_another_students_attempt_when_touching_it_then_404_and_tutors_only_read(
        tutor, student_client, quiz, enrolled):
    attempt = start(student_client, quiz)
    classmate = StudentFactory()
    EnrollmentFactory(student=classmate, course=quiz.course)
    stranger = client_for(classmate)
    url = f"{API}/attempts/{attempt['id']}"
    assert stranger.get(url).status_code == 404
    assert stranger.patch(url, {"answers": all_right(quiz)}, format="json").status_code == 404
    assert submit(stranger, attempt["id"], all_right(quiz)).status_code == 404
    owner = client_for(quiz.course.owner)
    seen = owner.get(url).json()
    assert seen["student"]["full_name"] and seen["questions"][0]["correct_choice_ids"] == ["a"]
    assert submit(owner, attempt["id"]).status_code == 403  # tutors never answer for a student
    assert QuizAttempt.objects.get(id=attempt["id"]).submitted_at is None


def test_given_a_tutor_when_listing_attempts_then_everyone_is_there_with_names(student, student_client, quiz,
                                                                              enrolled):
    classmate = StudentFactory(first_name="Ayesha")
    EnrollmentFactory(student=classmate, course=quiz.course)
    start(student_client, quiz)
    start(client_for(classmate), quiz)
    listing = client_for(quiz.course.owner).get(f"{API}/quizzes/{quiz.id}/attempts").json()
    assert listing["count"] == 2
    assert {row["student"]["full_name"] for row in listing["results"]} == {student.full_name, classmate.full_name}
    mine = student_client.get(f"{API}/quizzes/{quiz.id}/attempts").json()
    assert [row["student"]["id"] for row in mine["results"]] == [str(student.id)]


def test_given_an_unenrolled_student_when_opening_a_quiz_then_403_not_enrolled(student_client, quiz):
    for response in (student_client.get(f"{API}/quizzes/{quiz.id}"),
                     student_client.post(f"{API}/quizzes/{quiz.id}/attempts"),
                     student_client.get(f"{API}/quizzes/{quiz.id}/attempts"),
                     student_client.get(f"{API}/courses/{quiz.course.slug}/quizzes")):
        assert response.status_code == 403 and response.json()["error"]["code"] == "not_enrolled"
    assert not QuizAttempt.objects.exists()


def test_given_hidden_quizzes_when_students_look_then_they_do_not_exist(student_client, api_client, course, enrolled):
    draft = QuizFactory(course=course, is_published=False)
    assert student_client.get(f"{API}/quizzes/{draft.id}").status_code == 404
    assert student_client.post(f"{API}/quizzes/{draft.id}/attempts").status_code == 404
    assert student_client.get(f"{API}/courses/{course.slug}/quizzes").json() == []
    hidden_course = course_with_lessons(status=CourseStatus.DRAFT)
    assert student_client.get(f"{API}/quizzes/{build_quiz(hidden_course).id}").status_code == 404
    assert api_client.get(f"{API}/quizzes/{draft.id}").status_code == 401


def test_given_a_required_quiz_when_the_student_passes_it_last_then_the_certificate_is_issued(
        student, student_client, course, enrolled, django_capture_on_commit_callbacks):
    quiz = build_quiz(course, required_for_certificate=True)
    for lesson in Lesson.objects.filter(course=course):
        student_client.post(f"{API}/lessons/{lesson.id}/progress", {"completed": True}, format="json")
    assert not Certificate.objects.exists()  # the quiz still stands in the way
    failed = start(student_client, quiz)
    with django_capture_on_commit_callbacks(execute=True):
        submit(student_client, failed["id"], all_right(quiz)[:1])
    assert not Certificate.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        submit(student_client, start(student_client, quiz)["id"], all_right(quiz))
    assert Certificate.objects.filter(enrollment__student=student).exists()


def test_given_a_quiz_lesson_when_the_student_passes_then_the_lesson_is_ticked_and_the_course_completes(
        student, student_client, course, enrolled, django_capture_on_commit_callbacks):
    video, quiz_lesson = Lesson.objects.filter(course=course).order_by("position")
    Lesson.objects.filter(id=quiz_lesson.id).update(kind="quiz")
    quiz = build_quiz(course, lesson=quiz_lesson)
    student_client.post(f"{API}/lessons/{video.id}/progress", {"completed": True}, format="json")
    with django_capture_on_commit_callbacks(execute=True):
        submit(student_client, start(student_client, quiz)["id"], all_right(quiz)[:1])  # not passed
    assert not student_client.get(f"{API}/lessons/{quiz_lesson.id}").json()["progress"]["completed"]
    with django_capture_on_commit_callbacks(execute=True):
        submit(student_client, start(student_client, quiz)["id"], all_right(quiz))
    assert student_client.get(f"{API}/lessons/{quiz_lesson.id}").json()["progress"]["completed"]
    assert Certificate.objects.filter(enrollment__student=student).exists()  # every lesson is now done


# --- Cost ---------------------------------------------------------------------------------------

def test_given_a_long_quiz_when_opening_it_then_the_queries_do_not_grow_with_questions(
        student_client, course, enrolled, django_assert_max_num_queries):
    quiz = build_quiz(course, time_limit_seconds=600)
    for _ in range(20):
        QuestionFactory(quiz=quiz)
    with django_assert_max_num_queries(8):
        assert len(student_client.get(f"{API}/quizzes/{quiz.id}").json()["questions"]) == 24
    with django_assert_max_num_queries(8):
        assert student_client.get(f"{API}/courses/{course.slug}/quizzes").status_code == 200
    attempt = start(student_client, quiz)
    with django_assert_max_num_queries(6):
        assert student_client.get(f"{API}/attempts/{attempt['id']}").status_code == 200
    with django_assert_max_num_queries(12):
        assert submit(student_client, attempt["id"], all_right(quiz)).status_code == 200
    owner = client_for(course.owner)
    with django_assert_max_num_queries(8):
        assert owner.get(f"{API}/quizzes/{quiz.id}/attempts").json()["count"] == 1
