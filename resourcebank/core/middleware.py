"""Middleware for the whole site: trusted proxies, request size, security headers, and
transactions for requests that may write.

- ``TrustedProxyMiddleware`` (first): ``X-Forwarded-*`` headers count only when the
  request comes from one of ``TRUSTED_PROXIES``; from anyone else they are removed.
- ``UploadSizeMiddleware``: a request with files larger than the upload limit allows is
  answered 413 before its body is read.
- ``SecurityHeadersMiddleware``: ``Permissions-Policy`` on every response.
- ``ContentSecurityPolicyMiddleware``: django-csp's, with the admin's own policy under
  ``/admin/`` (Wagtail's admin needs inline styles and scripts of its own).
- ``AtomicWritesMiddleware`` (last): a view that may write runs in one transaction.
"""

from django.conf import settings
from django.db import transaction
from django.template.response import TemplateResponse
from django.utils.translation import get_language_from_path

from csp.middleware import CSPMiddleware

from resourcebank.core import clients, uploads

FORWARDED_HEADERS = (
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_X_FORWARDED_HOST",
    "HTTP_X_FORWARDED_PORT",
    "HTTP_FORWARDED",
)

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
        "browsing-topics",
    )
)


class TrustedProxyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not clients.is_trusted_proxy(clients.peer_address(request)):
            for header in FORWARDED_HEADERS:
                request.META.pop(header, None)
        return self.get_response(request)


class UploadSizeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("POST", "PUT", "PATCH"):
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0
            if length > uploads.max_request_bytes():
                return self.too_large(request)
        return self.get_response(request)

    def too_large(self, request):
        from django.utils import translation

        language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        with translation.override(language):
            response = TemplateResponse(
                request,
                "413.html",
                {"limit": uploads.max_upload_bytes(), "LANGUAGE_CODE": language},
                status=413,
            )
            response.render()
        response["Connection"] = "close"
        return response


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        # Obsolete in current browsers (the CSP does this work); in old ones, block mode is
        # the variant that leaks nothing. Scanners still look for it.
        response.setdefault("X-XSS-Protection", "1; mode=block")
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware; under the admin's prefix it adds ``ADMIN_CSP_UPDATE``."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith("/admin/"):
            base = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
            replace = dict(parts.replace or {})
            for directive, sources in settings.ADMIN_CSP_UPDATE.items():
                current = [s for s in base.get(directive, []) if s != "'none'"]
                replace[directive] = current + [s for s in sources if s not in current]
            parts.replace = replace
        return parts


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
