"""Serializer fields shared by the apps' APIs."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from rest_framework import serializers

# Dates the platform schedules within; outside it, date arithmetic (a zone's offset, the next day) could overflow.
EARLIEST, LATEST = date(2000, 1, 1), date(2100, 12, 31)
OUT_OF_RANGE = f"Choose a date between {EARLIEST.year} and {LATEST.year}."


class BoundedDateTimeField(serializers.DateTimeField):
    """An ISO 8601 moment (naive: in the active time zone) between 2000 and 2100, never a server error."""

    def to_internal_value(self, value: Any) -> datetime:
        try:
            moment = super().to_internal_value(value)
        except OverflowError as error:  # year 1 read in a zone east of UTC
            raise serializers.ValidationError(OUT_OF_RANGE) from error
        if not EARLIEST <= moment.date() <= LATEST:
            raise serializers.ValidationError(OUT_OF_RANGE)
        return moment


class BoundedDateField(serializers.DateField):
    def to_internal_value(self, value: Any) -> date:
        day = super().to_internal_value(value)
        if not EARLIEST <= day <= LATEST:
            raise serializers.ValidationError(OUT_OF_RANGE)
        return day
