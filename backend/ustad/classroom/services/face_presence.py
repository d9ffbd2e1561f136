"""Face presence: with the class's setting on and the student's consent, the browser sends a small webcam frame
about once a minute and we keep only whether a face was in it (docs/classroom.md, "Face presence").

The frame is checked on its bytes (a real JPEG or PNG, small in bytes and in pixels, so a crafted file cannot
make the decoder allocate gigabytes), looked at with OpenCV's frontal-face Haar cascade, and dropped.
"""

from __future__ import annotations

import functools
import io
import threading
from datetime import datetime, timedelta
from typing import Any

import cv2
import numpy as np
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from PIL import Image, UnidentifiedImageError
from rest_framework import status

from ustad.classroom.models import Admission, FacePresenceSample, LiveSession, Participant, SessionStatus
from ustad.core.errors import ApplicationError

MAX_FRAME_BYTES = 512 * 1024
MAX_FRAME_SIDE = 1280
# One frame a minute is what the browser sends; a little slack for timers that fire early.
MIN_INTERVAL = timedelta(seconds=50)
# Frames are looked at no larger than this: a face in a webcam frame stays far above the cascade's minimum
# size, and the time a frame takes stays small and bounded.
DETECT_SIDE = 640
SIGNATURES = {b"\xff\xd8\xff": "JPEG", b"\x89PNG\r\n\x1a\n": "PNG"}


def _frame_error(message: str, *, code: str = "validation_error",
                 status_code: int = status.HTTP_400_BAD_REQUEST) -> ApplicationError:
    return ApplicationError(code=code, message=message, status_code=status_code, fields={"frame": [message]})


def frame_read(*, upload: Any) -> bytes:
    """The frame's bytes if it is a JPEG or PNG of at most 512 KB and 1280 × 1280 pixels: 400 when missing or
    empty, 413 `file_too_large` / `image_too_large`, 415 `unsupported_type` for anything else."""
    if not isinstance(upload, UploadedFile):
        raise _frame_error("Attach a webcam frame as `frame`.")
    if not upload.size:
        raise _frame_error("The frame is empty.")
    if upload.size > MAX_FRAME_BYTES:
        raise _frame_error("A frame may be at most 512 KB.", code="file_too_large",
                           status_code=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE)
    data = upload.read()
    expected = next((kind for magic, kind in SIGNATURES.items() if data.startswith(magic)), None)
    unsupported = _frame_error("The frame must be a JPEG or PNG image.", code="unsupported_type",
                               status_code=status.HTTP_415_UNSUPPORTED_MEDIA_TYPE)
    if expected is None:
        raise unsupported
    try:  # only the header is read here: the size is known before anything is decoded
        with Image.open(io.BytesIO(data)) as probe:
            found, width, height = probe.format, probe.width, probe.height
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as exc:
        raise unsupported from exc
    if found != expected:
        raise unsupported
    if width > MAX_FRAME_SIDE or height > MAX_FRAME_SIDE:
        raise _frame_error(f"A frame may be at most {MAX_FRAME_SIDE} × {MAX_FRAME_SIDE} pixels.",
                           code="image_too_large", status_code=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE)
    return data


@functools.cache
def _cascade() -> cv2.CascadeClassifier:
    """Loaded once per process: reading the cascade's XML takes far longer than looking at a frame."""
    folder = cv2.data.haarcascades  # type: ignore[attr-defined]  # cv2's stubs leave out its data module
    classifier = cv2.CascadeClassifier(folder + "haarcascade_frontalface_default.xml")
    if classifier.empty():
        raise RuntimeError("OpenCV's frontal-face cascade is missing; install opencv-python-headless 4.x.")
    return classifier


# A CascadeClassifier is not documented as safe to share between threads; frames are quick, so take turns.
_cascade_lock = threading.Lock()


def face_detect(*, image: bytes) -> bool:
    """Whether OpenCV's frontal-face cascade finds a face in the image (415 when it cannot be decoded)."""
    gray = cv2.imdecode(np.frombuffer(image, dtype=np.uint8), cv2.IMREAD_GRAYSCALE)
    if gray is None or gray.size == 0:
        raise _frame_error("The frame could not be read as an image.", code="unsupported_type",
                           status_code=status.HTTP_415_UNSUPPORTED_MEDIA_TYPE)
    height, width = gray.shape[:2]
    scale = DETECT_SIDE / max(height, width)
    if scale < 1:
        gray = cv2.resize(gray, (max(1, round(width * scale)), max(1, round(height * scale))),
                          interpolation=cv2.INTER_AREA)
    gray = cv2.equalizeHist(gray)  # dim rooms and backlit students
    smallest = max(24, min(gray.shape[:2]) // 10)
    with _cascade_lock:
        faces = _cascade().detectMultiScale(gray, scaleFactor=1.1, minNeighbors=5, minSize=(smallest, smallest))
    return len(faces) > 0


def _admitted_participant(session: LiveSession, user: Any, *, lock: bool = False) -> Participant:
    participants = Participant.objects.filter(session=session, user=user, admission=Admission.ADMITTED)
    participant = (participants.select_for_update() if lock else participants).first()
    if participant is None:
        raise ApplicationError(code="not_admitted", status_code=status.HTTP_403_FORBIDDEN,
                               message="Only students let into the class send face-presence frames.")
    return participant


def _throttle(session: LiveSession, user: Any, now: datetime) -> None:
    last = (FacePresenceSample.objects.filter(session=session, user=user, at__gt=now - MIN_INTERVAL)
            .order_by("-at").values_list("at", flat=True).first())
    if last is not None:
        wait = max(1, int((last + MIN_INTERVAL - now).total_seconds()) + 1)
        raise ApplicationError(code="throttled", status_code=status.HTTP_429_TOO_MANY_REQUESTS,
                               message=f"One frame a minute is enough. Try again in {wait} seconds.",
                               headers={"Retry-After": str(wait)})


def _refuse_unless_counted(session: LiveSession, tutor: bool) -> None:
    if tutor:
        raise ApplicationError(code="permission_denied", status_code=status.HTTP_403_FORBIDDEN,
                               message="Face presence is counted for students only.")
    if not session.face_presence:
        raise ApplicationError(code="face_presence_off", status_code=status.HTTP_409_CONFLICT,
                               message="Face presence is not on for this class.")
    if session.status != SessionStatus.LIVE:
        raise ApplicationError(code="session_not_live", status_code=status.HTTP_409_CONFLICT,
                               message="Face presence is counted only while the class is live.")


def face_presence_check(*, session: LiveSession, user: Any, tutor: bool) -> None:
    """Whether this user may send a frame now, asked before the request's body is read: tutors 403
    `permission_denied`, the class's setting off 409 `face_presence_off`, a class not live 409
    `session_not_live`, a student not let into the room 403 `not_admitted`."""
    _refuse_unless_counted(session, tutor)
    _admitted_participant(session, user)


def face_presence_record(*, session: LiveSession, user: Any, tutor: bool, upload: Any,
                         now: datetime | None = None) -> FacePresenceSample:
    """Check a student's frame for a face and keep the yes or no with the time; the image is never stored.

    The same refusals as `face_presence_check`, and 429 `throttled` for a frame within 50 seconds of the
    student's last one in this class.
    """
    now = now or timezone.now()
    _refuse_unless_counted(session, tutor)
    _throttle(session, user, now)  # before the costly part, so a flood of frames costs us little
    face = face_detect(image=frame_read(upload=upload))
    with transaction.atomic():  # the participant's row makes two frames at once take turns: one is kept
        _admitted_participant(session, user, lock=True)
        _throttle(session, user, now)
        return FacePresenceSample.objects.create(session=session, user=user, at=now, face=face)
