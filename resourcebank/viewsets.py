"""Admin viewsets shared by the apps."""

import functools

from django.core.exceptions import PermissionDenied
from django.urls import path
from django.utils.functional import cached_property

from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet


class ReportViewSet(ViewSet):
    """One admin report: its page, its results URL (filters, exports) and its Reports menu item.

    Set ``view_class`` (a Wagtail ``ReportView``), ``name`` (the URL namespace: the
    report is ``reverse("<name>:index")``), ``url_prefix``, ``menu_label``,
    ``menu_name``, ``icon`` and ``menu_order``; override ``user_can_view`` to say who
    may see it. The menu item is shown, and the report opens, only for those users.
    Return an instance from a ``register_admin_viewset`` hook.
    """

    view_class = None
    menu_hook = "register_reports_menu_item"

    def user_can_view(self, user) -> bool:
        return True

    @cached_property
    def menu_item_class(self):
        user_can_view = self.user_can_view

        class ReportMenuItem(MenuItem):
            def is_shown(self, request):
                return user_can_view(request.user)

        return ReportMenuItem

    def _only_for_permitted_users(self, view):
        @functools.wraps(view)
        def permitted_view(request, *args, **kwargs):
            if not self.user_can_view(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return permitted_view

    def get_urlpatterns(self):
        url_names = {
            "index_url_name": self.get_url_name("index"),
            "index_results_url_name": self.get_url_name("results"),
        }
        index = self.construct_view(self.view_class, **url_names)
        results = self.construct_view(self.view_class, results_only=True, **url_names)
        return [
            path("", self._only_for_permitted_users(index), name="index"),
            path("results/", self._only_for_permitted_users(results), name="results"),
        ]
