"""The authentication backend that counts failed logins (django-axes)."""

from axes.backends import AxesStandaloneBackend


class LoginLockoutBackend(AxesStandaloneBackend):
    """django-axes' backend for logins made over HTTP.

    A login without a request (a management command, the test client's ``login``) is
    not a guess from the outside: it is left to the next backend, uncounted.
    """

    def authenticate(self, request=None, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
