"""The public tutor directory: who is listed, filters, and a bounded number of queries."""

from __future__ import annotations

import pytest

from ustad.users.tests.factories import StudentFactory, SubjectFactory, TutorFactory

TUTORS = "/api/v1/tutors"


@pytest.fixture
def directory(db):
    maths, physics = SubjectFactory(slug="mathematics"), SubjectFactory(slug="physics")
    bilal = TutorFactory(first_name="Bilal", headline="A-level mathematics")
    bilal.tutor_profile.subjects.set([maths, physics])
    sara = TutorFactory(first_name="Sara", headline="Python for beginners")
    sara.tutor_profile.subjects.set([physics])
    TutorFactory(first_name="Hidden", email_verified_at=None)  # unverified tutors are not listed
    StudentFactory(first_name="Student")
    return {"bilal": bilal, "sara": sara}


def names(response) -> list[str]:
    return [tutor["full_name"].split()[0] for tutor in response.json()["results"]]


def test_anyone_can_browse_verified_tutors(api_client, directory):
    response = api_client.get(TUTORS)
    assert response.status_code == 200
    assert names(response) == ["Bilal", "Sara"]
    first = response.json()["results"][0]
    assert "email" not in first and "phone" not in first


def test_filter_by_subject_and_search(api_client, directory):
    assert names(api_client.get(TUTORS, {"subject": "mathematics"})) == ["Bilal"]
    assert names(api_client.get(TUTORS, {"subject": "physics"})) == ["Bilal", "Sara"]
    assert names(api_client.get(TUTORS, {"subject": "nothing"})) == []
    assert names(api_client.get(TUTORS, {"search": "python"})) == ["Sara"]
    assert names(api_client.get(TUTORS, {"search": "MATHEMATICS bilal"})) == ["Bilal"]


def test_pagination_and_bad_pages(api_client, directory):
    body = api_client.get(TUTORS, {"page_size": 1}).json()
    assert body["count"] == 2 and len(body["results"]) == 1 and body["next"]
    assert api_client.get(TUTORS, {"page": 99}).status_code == 404


def test_directory_query_count_does_not_grow_with_tutors(api_client, db, django_assert_max_num_queries):
    subject = SubjectFactory()
    for _ in range(12):
        TutorFactory().tutor_profile.subjects.add(subject)
    with django_assert_max_num_queries(4):
        response = api_client.get(TUTORS)
    assert len(response.json()["results"]) == 12


def test_public_profile_and_not_found(api_client, directory):
    bilal = directory["bilal"]
    response = api_client.get(f"{TUTORS}/{bilal.id}")
    assert response.status_code == 200 and response.json()["headline"] == "A-level mathematics"
    student = StudentFactory()
    for missing in (student.id, "00000000-0000-0000-0000-000000000000"):
        response = api_client.get(f"{TUTORS}/{missing}")
        assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"
    assert api_client.get(f"{TUTORS}/not-a-uuid").status_code == 404


def test_subjects_list(api_client, directory):
    assert [s["slug"] for s in api_client.get("/api/v1/subjects").json()] == ["mathematics", "physics"]


def test_filters_with_a_nul_byte_find_nothing_instead_of_failing(api_client, directory):
    response = api_client.get(TUTORS, {"subject": "math\x00s", "search": "bil\x00al"})
    assert response.status_code == 200
