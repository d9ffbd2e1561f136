"""Pure quiz rules with no database: comparing short answers, checking a student's answers, grading.

Answers are stored per question id: `{"choice_ids": ["b"]}` for choice kinds, `{"text": "..."}` for
short answers. Clients send them as a list of `{question_id, choice_ids, text}`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from ustad.core.errors import ApplicationError
from ustad.courses.models import Question, QuestionKind

CHOICE_KINDS = (QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.TRUE_FALSE)
ONE_CHOICE_KINDS = (QuestionKind.SINGLE, QuestionKind.TRUE_FALSE)

# Letters that Arabic keyboards type for the Urdu ones (yeh, alef maksura, kaf, heh); characters that only
# shape or steer the text (tatweel, zero-width joiners, direction marks); and the optional vowel marks (zabar,
# zer, pesh, tanween, shadda, jazm, khari zabar) that Urdu is usually written without. Madda and hamza stay:
# آ and ا are different letters.
_SCRIPT_FOLD = str.maketrans({"\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9", "\u0647": "\u06c1"})
_IGNORED = re.compile("[\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u064b-\u0652\u0670]")


def _ascii_digits(text: str) -> str:
    return "".join(str(unicodedata.decimal(char)) if char.isdecimal() else char for char in text)


def normalise_short_answer(text: str) -> str:
    """The form two short answers are compared in: Unicode-normalised (NFKC), case-folded, Urdu letter variants
    folded and optional vowel marks dropped, any script's digits as ASCII, runs of whitespace as one space."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _ascii_digits(_IGNORED.sub("", text).translate(_SCRIPT_FOLD))
    return " ".join(unicodedata.normalize("NFC", text).split())


def _invalid_answers(fields: dict[str, list[str]]) -> ApplicationError:
    return ApplicationError(code="invalid_answers", message="Some answers do not fit this quiz; nothing was saved.",
                            fields=fields)


def answers_clean(*, questions: Sequence[Question],
                  items: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any] | None]:
    """Check a student's answers against the quiz: {question_id: stored answer, or None to clear it}.

    Raises `invalid_answers` naming each bad item (a question of another quiz, a choice the question does
    not have, two choices for a one-answer question, text for a choice question…). Nothing is partly kept.
    """
    by_id = {str(question.id): question for question in questions}
    cleaned: dict[str, dict[str, Any] | None] = {}
    errors: dict[str, list[str]] = {}
    for index, item in enumerate(items):
        where = f"answers.{index}"
        question_id = str(item.get("question_id", ""))
        question = by_id.get(question_id)
        if question is None:
            errors[f"{where}.question_id"] = ["This question is not part of this quiz."]
            continue
        if question_id in cleaned:
            errors[f"{where}.question_id"] = ["This question is answered twice."]
            continue
        choice_ids = [str(choice_id) for choice_id in item.get("choice_ids") or []]
        text = str(item.get("text") or "").strip()
        if question.kind == QuestionKind.SHORT:
            if choice_ids:
                errors[f"{where}.choice_ids"] = ["This question takes a written answer, not choices."]
                continue
            cleaned[question_id] = {"text": text} if text else None
            continue
        if text:
            errors[f"{where}.text"] = ["This question takes choices, not a written answer."]
            continue
        known = {choice["id"] for choice in question.choices}
        unknown = [choice_id for choice_id in choice_ids if choice_id not in known]
        if unknown:
            errors[f"{where}.choice_ids"] = [f"“{unknown[0]}” is not a choice of this question."]
        elif len(set(choice_ids)) != len(choice_ids):
            errors[f"{where}.choice_ids"] = ["A choice is listed twice."]
        elif question.kind in ONE_CHOICE_KINDS and len(choice_ids) > 1:
            errors[f"{where}.choice_ids"] = ["Choose one answer."]
        else:
            cleaned[question_id] = {"choice_ids": choice_ids} if choice_ids else None
    if errors:
        raise _invalid_answers(errors)
    return cleaned


def answers_merge(saved: dict[str, Any], cleaned: dict[str, dict[str, Any] | None]) -> dict[str, Any]:
    merged = dict(saved)
    for question_id, answer in cleaned.items():
        if answer is None:
            merged.pop(question_id, None)
        else:
            merged[question_id] = answer
    return merged


def answer_is_correct(question: Question, answer: dict[str, Any] | None) -> bool:
    if not answer:
        return False
    if question.kind == QuestionKind.SHORT:
        given = normalise_short_answer(str(answer.get("text", "")))
        return bool(given) and given in {normalise_short_answer(accepted) for accepted in question.accepted_answers}
    # Multiple choice needs exactly the set of correct choices: no partial credit.
    chosen = {str(choice_id) for choice_id in answer.get("choice_ids", [])}
    return bool(chosen) and chosen == {str(choice_id) for choice_id in question.correct_choice_ids}


@dataclass(frozen=True)
class Grade:
    results: list[dict[str, Any]]
    score_points: int
    max_points: int
    score_percent: Decimal

    def passed(self, passing_score_percent: int) -> bool:
        return self.max_points > 0 and self.score_points * 100 >= passing_score_percent * self.max_points


def grade(*, questions: Sequence[Question], answers: dict[str, Any]) -> Grade:
    """Score every question of the quiz as it stands now; answers to removed questions count for nothing."""
    results: list[dict[str, Any]] = []
    score = total = 0
    for question in questions:
        correct = answer_is_correct(question, answers.get(str(question.id)))
        awarded = question.points if correct else 0
        results.append({"question_id": str(question.id), "correct": correct, "points_awarded": awarded,
                        "points": question.points})
        score, total = score + awarded, total + question.points
    percent = (Decimal(100 * score) / total).quantize(Decimal("0.01"), ROUND_HALF_UP) if total else Decimal(0)
    return Grade(results=results, score_points=score, max_points=total, score_percent=percent)
