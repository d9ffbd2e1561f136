"""The embedded-server layout and the development mail backend."""

from __future__ import annotations

from email import message_from_bytes
from pathlib import Path

from django.core.mail import EmailMessage

from ustad.core.embedded import EmbeddedLayout, database_settings, redis_url
from ustad.core.mail import DevelopmentEmailBackend


def test_sockets_stay_short_even_for_deep_folders(tmp_path):
    shallow = EmbeddedLayout(tmp_path)
    assert shallow.socket_dir == tmp_path.resolve() / "run"
    deep = EmbeddedLayout(tmp_path / ("very-long-folder-name-" * 6))
    assert len(str(deep.socket_dir / ".s.PGSQL.5432")) <= 100
    assert deep.socket_dir != EmbeddedLayout(tmp_path / ("another-long-folder-name-" * 6)).socket_dir


def test_settings_point_at_the_embedded_sockets(tmp_path):
    assert database_settings(tmp_path)["HOST"] == str(tmp_path.resolve() / "run")
    assert redis_url(tmp_path) == f"unix://{tmp_path.resolve() / 'run' / 'redis.sock'}?db=0"


def test_development_mail_goes_to_files_and_the_console(settings, tmp_path, capsys):
    settings.EMAIL_FILE_PATH = tmp_path / "mail"
    backend = DevelopmentEmailBackend()
    sent = backend.send_messages([EmailMessage("Hello", "Body text ✓", "a@ustad.test", ["b@example.com"])])
    assert sent == 1
    [path] = list(Path(tmp_path / "mail").glob("*.eml"))
    parsed = message_from_bytes(path.read_bytes())
    assert parsed["To"] == "b@example.com" and parsed["Subject"] == "Hello"
    assert "Body text" in capsys.readouterr().out
