"""The file layer: what a file really is, whether an upload may be kept, private storage and signed URLs,
and resumable uploads of large files.

Modules (import the one you need; this package imports nothing so that `sniff` stays usable without Django):
- `kinds`: the file kinds we know, their MIME types, extensions and the groups callers allow (`video`, …).
- `sniff`: the real kind of a file from its bytes, never its name.
- `validation`: `upload_validate()`, the checks every upload goes through.
- `storage`: the private storage, `private_file_store()` and `StoredFile`.
- `signing`: `private_file_url()`, short-lived links to private files.
- `views`: `/files/<token>`, which serves a signed link (with HTTP ranges, or through nginx).
- `uploads`: resumable chunked uploads (`UploadSession`), and `upload_session_claim()` for other apps.
- `purge`: removal of expired uploads (the `uploads_purge_expired` task).
- `api`, `serializers`, `parsers`, `selectors`: the /api/v1/uploads endpoints.
"""
