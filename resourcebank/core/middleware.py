"""Middleware of the whole site."""

from django.db import transaction

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


class AtomicWritesMiddleware:
    """A request that may write runs its view in one transaction; a read does not.

    This replaces ``ATOMIC_REQUESTS``, which opens a transaction for every request: on
    SQLite (whose transactions begin IMMEDIATE, so that two writers wait for each other
    instead of failing with "database is locked") that made every GET take the write
    lock, and readers waited for writers. Reads now run in autocommit, which WAL lets
    go on beside a writer. A POST, PUT, PATCH or DELETE still commits all its writes or
    none: an exception from the view rolls them back. Put it last in MIDDLEWARE, so
    that the checks before the view (CSRF, login) have run.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method in SAFE_METHODS or getattr(view_func, "_non_atomic_requests", None):
            return None
        with transaction.atomic():
            return view_func(request, *view_args, **view_kwargs)
