"""One gate that every publish of a page passes, whoever or whatever publishes it.

Wagtail publishes a page through ``PublishPageRevisionAction``: the admin's Publish
button, scheduled publishing (``publish_scheduled``), bulk actions, workflow approval,
``revision.publish()`` from code and wagtail-localize's translation publishing all reach
its ``check()``. ``install()`` (run by the core app's ``ready``) makes that check also
ask ``page_publish_requested``; a receiver returns sentences saying what keeps the page
from going live, and the publish is refused with ``PublishRefused`` (a
``PermissionDenied``) carrying them. Superusers are refused too: the rules it carries
are about the content, not about who publishes it.

The rule itself lives with whoever owns it (the both-standards rule with the editorial
app); this module knows no rule, so the lower apps never import the higher ones.
"""

from django.core.exceptions import PermissionDenied
from django.dispatch import Signal

from wagtail.actions.publish_page_revision import PublishPageRevisionAction

# Sent with `page` (the page as it would go live). Receivers return a list of
# sentences for the editor, empty when they have nothing against it.
page_publish_requested = Signal()


class PublishRefused(PermissionDenied):
    """A page may not go live yet; the message says why, for the editor."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__(" ".join(str(problem) for problem in problems))


def publish_problems(page) -> list[str]:
    """What keeps `page` from going live now (empty when nothing does)."""
    problems: list[str] = []
    for _receiver, response in page_publish_requested.send(sender=type(page), page=page):
        problems.extend(response or [])
    return problems


def publish_check(page) -> None:
    """Raise ``PublishRefused`` when something keeps `page` from going live."""
    problems = publish_problems(page)
    if problems:
        raise PublishRefused(problems)


_wagtail_check = PublishPageRevisionAction.check


def _check(self, skip_permission_checks=False):
    _wagtail_check(self, skip_permission_checks=skip_permission_checks)
    publish_check(self.object)


def install() -> None:
    """Make Wagtail's page publish action ask ``page_publish_requested`` (idempotent)."""
    PublishPageRevisionAction.check = _check
