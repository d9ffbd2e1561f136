"""Class recordings: chunks in, an MP4 out (real ffmpeg), and who may do and see what."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import imageio_ffmpeg
import pytest

from conftest import client_for
from ustad.classroom.models import Recording, RecordingChunk, RoomEvent
from ustad.classroom.services.recording_media import _usable_chunks, recording_transcode
from ustad.classroom.services.room import end_class
from ustad.classroom.tests.test_room import make_class
from ustad.core.files.storage import private_storage
from ustad.courses.models import Lesson
from ustad.users.tests.factories import TutorFactory

pytestmark = pytest.mark.django_db


def webm(tmp_path: Path, seconds: int, *, tone: int = 440, size: str = "320x240", audio: bool = True) -> bytes:
    """A real VP8/Opus WebM, like MediaRecorder makes."""
    out = tmp_path / f"clip-{tone}-{size}-{audio}.webm"
    command = [imageio_ffmpeg.get_ffmpeg_exe(), "-loglevel", "error", "-y",
               "-f", "lavfi", "-i", f"testsrc=size={size}:rate=15"]
    if audio:
        command += ["-f", "lavfi", "-i", f"sine=frequency={tone}:sample_rate=48000", "-c:a", "libopus"]
    command += ["-t", str(seconds), "-c:v", "libvpx", "-b:v", "150k", str(out)]
    subprocess.run(command, check=True, timeout=120)
    return out.read_bytes()


def pieces(data: bytes, count: int) -> list[bytes]:
    """Split at arbitrary byte offsets, as MediaRecorder's timeslices do."""
    step = len(data) // count + 1
    return [data[start:start + step] for start in range(0, len(data), step)]


@pytest.fixture
def live() -> dict[str, Any]:
    return make_class(status="live")


def url(world: dict[str, Any], tail: str = "") -> str:
    return f"/api/v1/sessions/{world['session'].id}/recordings{tail}"


def put_chunk(client: Any, world: dict[str, Any], recording_id: str, part: int, index: int, data: bytes,
              content_type: str = "video/webm;codecs=vp8,opus") -> Any:
    return client.generic("PUT", url(world, f"/{recording_id}/chunks/{part}/{index}"), data,
                          content_type=content_type)


def test_chunks_become_an_mp4_with_audio_track_and_thumbnail(live, tmp_path, django_capture_on_commit_callbacks):
    tutor = client_for(live["tutor"])
    started = tutor.post(url(live), {}, format="json")
    assert started.status_code == 201, started.json()
    recording = started.json()
    assert recording["status"] == "recording" and recording["title"] == "Algebra live"
    assert recording["video_url"] is None
    first, second = webm(tmp_path, 3), webm(tmp_path, 2, tone=880, size="640x360", audio=False)
    for index, piece in enumerate(pieces(first, 3)):
        assert put_chunk(tutor, live, recording["id"], 0, index, piece).status_code == 201
    again = put_chunk(tutor, live, recording["id"], 0, 1, pieces(first, 3)[1])  # a retry after a lost answer
    assert again.status_code == 200 and again.json()["index"] == 1
    # The tab was reloaded: a new MediaRecorder stream continues as part 1 (another size, no sound).
    for index, piece in enumerate(pieces(second, 2)):
        assert put_chunk(tutor, live, recording["id"], 1, index, piece, "application/octet-stream").status_code == 201
    with django_capture_on_commit_callbacks(execute=False):
        stopped = tutor.post(url(live, f"/{recording['id']}/stop"))
    assert stopped.status_code == 200 and stopped.json()["status"] == "processing"
    assert tutor.post(url(live, f"/{recording['id']}/stop")).json()["status"] == "processing"  # safe to repeat

    done = recording_transcode(recording_id=recording["id"])
    assert done is not None and done.status == "ready", done.error
    assert done.progress == 100 and 4.5 <= (done.duration_seconds or 0) <= 5.6
    assert not RecordingChunk.objects.filter(recording=done).exists()
    body = tutor.get(f"/api/v1/recordings/{done.id}").json()
    video = tutor.get(body["video_url"], HTTP_RANGE="bytes=0-99")
    assert video.status_code == 206 and video["Content-Type"] == "video/mp4"
    assert video["Content-Disposition"].startswith("inline")
    download = tutor.get(body["download_url"])
    assert download.status_code == 200 and download["Content-Disposition"].startswith("attachment")
    mp4 = b"".join(download.streaming_content)
    assert mp4[4:8] == b"ftyp" and mp4.find(b"moov") < mp4.find(b"mdat")  # faststart: the index comes first
    assert tutor.get(body["thumbnail_url"])["Content-Type"] == "image/jpeg"
    assert tutor.get(body["audio_url"])["Content-Type"] == "audio/mp4"
    info = subprocess.run([imageio_ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-i",
                           private_storage().path(done.video_name)], capture_output=True).stderr
    assert b"Video: h264" in info and b"Audio: aac" in info and b"1280x720" in info
    types = list(RoomEvent.objects.filter(session=live["session"]).values_list("type", flat=True).order_by("seq"))
    assert types == ["recording.started", "recording.stopped", "recording.ready"]
    assert recording_transcode(recording_id=recording["id"]).status == "ready"  # a second delivery: nothing


def test_bad_chunks_are_refused_and_nothing_is_kept(live, tmp_path, settings):
    tutor = client_for(live["tutor"])
    recording = tutor.post(url(live), {}, format="json").json()
    header_less = put_chunk(tutor, live, recording["id"], 0, 0, b"not a video at all")
    assert header_less.status_code == 415 and header_less.json()["error"]["code"] == "unsupported_type"
    assert put_chunk(tutor, live, recording["id"], 0, 0, b"").json()["error"]["code"] == "empty_chunk"
    out_of_range = put_chunk(tutor, live, recording["id"], 1000, 0, webm(tmp_path, 1))
    assert out_of_range.status_code == 400 and "part" in out_of_range.json()["error"]["fields"]
    json_body = tutor.put(url(live, f"/{recording['id']}/chunks/0/0"), {"a": 1}, format="json")
    assert json_body.status_code == 415
    settings.RECORDING_CHUNK_MAX_BYTES = 1000
    too_big = put_chunk(tutor, live, recording["id"], 0, 1, b"x" * 1001)
    assert too_big.status_code == 413 and too_big.json()["error"]["code"] == "chunk_too_large"
    assert not RecordingChunk.objects.exists()
    other = Recording.objects.create(session=make_class(status="live")["session"], title="x",
                                     started_at=live["session"].starts_at)
    assert put_chunk(tutor, live, str(other.id), 0, 0, b"x").status_code == 404  # another class's recording


def test_one_recording_at_a_time_only_while_live_and_ending_the_class_stops_it(live):
    tutor = client_for(live["tutor"])
    first = tutor.post(url(live), {"title": "Lesson 4"}, format="json").json()
    assert first["title"] == "Lesson 4"
    twice = tutor.post(url(live), {}, format="json")
    assert twice.status_code == 409 and twice.json()["error"]["fields"]["recording_id"] == [first["id"]]
    end_class(session=live["session"], tutor=live["tutor"])
    assert Recording.objects.get(id=first["id"]).status == "processing"
    late = put_chunk(tutor, live, first["id"], 0, 5, b"late bytes")
    assert late.status_code == 409 and late.json()["error"]["code"] == "recording_stopped"
    after = tutor.post(url(live), {}, format="json")
    assert after.status_code == 409 and after.json()["error"]["code"] == "session_not_live"
    scheduled = make_class()
    refused = client_for(scheduled["tutor"]).post(url(scheduled), {}, format="json")
    assert refused.json()["error"]["code"] == "session_not_live"


def test_who_may_record_and_watch(live, tmp_path):
    tutor, alice, outsider = (client_for(live[name]) for name in ("tutor", "alice", "outsider"))
    other_tutor = client_for(TutorFactory())
    assert alice.post(url(live), {}, format="json").status_code == 403
    assert outsider.post(url(live), {}, format="json").status_code == 404
    assert other_tutor.post(url(live), {}, format="json").status_code == 404
    recording = tutor.post(url(live), {}, format="json").json()
    assert put_chunk(alice, live, recording["id"], 0, 0, webm(tmp_path, 1)).status_code == 403
    assert alice.get(url(live)).json() == []  # students see finished recordings only
    assert alice.get(f"/api/v1/recordings/{recording['id']}").status_code == 404
    assert alice.post(url(live, f"/{recording['id']}/stop")).status_code == 403
    Recording.objects.filter(id=recording["id"]).update(status="ready")
    assert [r["id"] for r in alice.get(url(live)).json()] == [recording["id"]]
    assert alice.get(f"/api/v1/recordings/{recording['id']}").status_code == 200
    assert outsider.get(f"/api/v1/recordings/{recording['id']}").status_code == 404
    assert alice.delete(f"/api/v1/recordings/{recording['id']}").status_code == 403
    slug = live["session"].course.slug
    assert [r["id"] for r in alice.get(f"/api/v1/courses/{slug}/recordings").json()] == [recording["id"]]
    assert outsider.get(f"/api/v1/courses/{slug}/recordings").status_code in (403, 404)
    assert client_for(live["bob"]).get(f"/api/v1/courses/{slug}/recordings").status_code == 200


def test_a_recording_with_no_usable_video_fails_with_a_reason(live, tmp_path, django_capture_on_commit_callbacks):
    tutor = client_for(live["tutor"])
    recording = tutor.post(url(live), {}, format="json").json()
    header = webm(tmp_path, 1)[:60]  # the EBML header and nothing decodable after it
    assert put_chunk(tutor, live, recording["id"], 0, 0, header).status_code == 201
    with django_capture_on_commit_callbacks(execute=False):
        tutor.post(url(live, f"/{recording['id']}/stop"))
    failed = recording_transcode(recording_id=recording["id"])
    assert failed is not None and failed.status == "failed" and failed.error
    assert tutor.get(f"/api/v1/recordings/{recording['id']}").json()["download_url"] is None
    empty = Recording.objects.create(session=live["session"], title="empty", status="processing",
                                     started_at=live["session"].starts_at)
    assert "No video" in recording_transcode(recording_id=str(empty.id)).error


def test_only_chunks_up_to_a_gap_are_used():
    chunks = [RecordingChunk(part=part, index=index, size=1, name="x")
              for part, index in ((0, 0), (0, 1), (0, 3), (1, 1), (2, 0))]
    assert [[(c.part, c.index) for c in run] for run in _usable_chunks(chunks)] == [[(0, 0), (0, 1)], [(2, 0)]]


def ready_recording(world: dict[str, Any]) -> Recording:
    storage = private_storage()
    names = [storage.save(f"recordings/t/{name}", __import__("io").BytesIO(b"data"))
             for name in ("v.mp4", "a.m4a", "t.jpg")]
    return Recording.objects.create(session=world["session"], course=world["session"].course, title="Class 1",
                                    status="ready", started_at=world["session"].starts_at, video_name=names[0],
                                    audio_name=names[1], thumbnail_name=names[2], duration_seconds=61.5)


def test_a_ready_recording_becomes_a_lesson_once(live):
    recording = ready_recording(live)
    section = live["session"].course.sections.first()
    tutor, alice = client_for(live["tutor"]), client_for(live["alice"])
    path = f"/api/v1/recordings/{recording.id}/lesson"
    assert alice.post(path, {"section_id": str(section.id)}, format="json").status_code == 403
    foreign = make_class()["session"].course.sections.first()
    wrong = tutor.post(path, {"section_id": str(foreign.id)}, format="json")
    assert wrong.status_code == 400 and "section_id" in wrong.json()["error"]["fields"]
    assert tutor.post(path, {}, format="json").status_code == 400
    made = tutor.post(path, {"section_id": str(section.id), "title": "Recorded: week 1"}, format="json")
    assert made.status_code == 201
    lesson = Lesson.objects.get(id=made.json()["lesson_id"])
    assert (lesson.kind, lesson.video_name, lesson.title, lesson.duration_seconds) == \
        ("video", recording.video_name, "Recorded: week 1", 61)
    assert tutor.post(path, {"section_id": str(section.id)}, format="json").json()["error"]["code"] == \
        "already_published"


def test_deleting_removes_the_files_but_not_a_lessons_video(live, django_capture_on_commit_callbacks):
    recording, storage = ready_recording(live), private_storage()
    tutor = client_for(live["tutor"])
    with django_capture_on_commit_callbacks(execute=True):
        assert tutor.delete(f"/api/v1/recordings/{recording.id}").status_code == 204
    assert not storage.exists(recording.video_name) and not storage.exists(recording.thumbnail_name)
    published = ready_recording(live)
    Lesson.objects.create(course=live["session"].course, section=live["session"].course.sections.first(),
                          title="kept", kind="video", video_name=published.video_name)
    with django_capture_on_commit_callbacks(execute=True):
        tutor.delete(f"/api/v1/recordings/{published.id}")
    assert storage.exists(published.video_name) and not storage.exists(published.audio_name)
    running = tutor.post(url(live), {}, format="json").json()
    assert tutor.delete(f"/api/v1/recordings/{running['id']}").json()["error"]["code"] == "still_recording"
