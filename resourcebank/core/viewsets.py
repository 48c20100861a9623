"""Admin viewsets shared by the apps."""

import functools

from django.core.exceptions import PermissionDenied
from django.urls import path
from django.utils.functional import cached_property

from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet


class ReportViewSet(ViewSet):
    """One admin report: its page, its results URL (filters, exports) and its Reports menu item.

    Give the URL namespace as the name (the report is ``reverse("<name>:index")``), a
    ``view_class`` (a Wagtail ``ReportView``: its ``page_title`` and ``header_icon``
    are the menu item's label and icon), ``permission`` (a permission codename such as
    ``"downloads.view_downloadcount"``, or a function of the user) and ``menu_order``;
    ``url_prefix`` defaults to ``reports/<name>``. The menu item is shown, and the
    report opens, only for users with the permission. Return an instance from a
    ``register_admin_viewset`` hook::

        ReportViewSet("most_downloaded_report", view_class=MostDownloadedReportView,
                      permission="downloads.view_downloadcount", menu_order=700)
    """

    view_class = None
    permission = None
    menu_hook = "register_reports_menu_item"

    def __init__(self, name=None, **kwargs):
        super().__init__(name, **kwargs)
        self.url_prefix = kwargs.get("url_prefix") or f"reports/{self.name.replace('_', '-')}"
        self.menu_name = kwargs.get("menu_name") or self.name.replace("_", "-")
        self.menu_label = self.view_class.page_title
        self.icon = self.view_class.header_icon

    def user_can_view(self, user) -> bool:
        if callable(self.permission):
            return self.permission(user)
        return user.has_perm(self.permission)

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
