"""Document the shared error envelope on every operation of the schema."""

from __future__ import annotations

from typing import Any

ERROR_SCHEMA = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message", "fields"],
            "properties": {
                "code": {"type": "string", "description": "Stable machine-readable code, e.g. validation_error."},
                "message": {"type": "string", "description": "A sentence a person can read."},
                "fields": {
                    "type": "object",
                    "additionalProperties": {"type": "array", "items": {"type": "string"}},
                    "description": "Messages per input field; nested fields use dotted names.",
                },
            },
        }
    },
}

_DEFAULT_ERRORS = {
    "400": "Invalid input",
    "401": "Not authenticated",
    "403": "Not allowed",
    "404": "Not found",
    "429": "Too many requests; see the Retry-After header",
}


def error_envelope_hook(result: dict[str, Any], generator: Any, request: Any, public: bool) -> dict[str, Any]:
    result.setdefault("components", {}).setdefault("schemas", {})["ErrorResponse"] = ERROR_SCHEMA
    ref = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorResponse"}}}
    for path_item in result.get("paths", {}).values():
        for operation in path_item.values():
            responses = operation.setdefault("responses", {})
            for status_code, description in _DEFAULT_ERRORS.items():
                responses.setdefault(status_code, {"description": description, "content": ref})
            for status_code, response in responses.items():  # errors a view documents by description only
                if str(status_code).startswith(("4", "5")) and not response.get("content"):
                    response["content"] = ref
    return result
