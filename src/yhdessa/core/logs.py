"""Request ids on log lines, and the same for the tasks that the worker runs."""

import logging
from typing import Any

from django_guid import clear_guid, get_guid, set_guid
from django_guid.log_filters import CorrelationId
from django_tasks import TaskResult


class RequestIdFilter(CorrelationId):
    """django-guid's filter, with "-" on lines made outside a request in the readable format."""

    def __init__(self, *, blank: str | None = None) -> None:
        super().__init__()
        self.blank = blank

    def filter(self, record: logging.LogRecord) -> bool:
        super().filter(record)
        if record.correlation_id is None:  # type: ignore[attr-defined]
            record.correlation_id = self.blank
        return True


def task_started(*, task_result: TaskResult, **kwargs: Any) -> None:
    """In the worker, a task's lines carry its id; a task run inside a request (the immediate
    backend) keeps the request's id."""
    if get_guid() is None:
        set_guid(f"task-{task_result.id}")


def task_finished(*, task_result: TaskResult, **kwargs: Any) -> None:
    if get_guid() == f"task-{task_result.id}":
        clear_guid()
