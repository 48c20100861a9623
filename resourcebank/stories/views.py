"""Members send in success stories (routes on the story index page)."""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from django_ratelimit.core import is_ratelimited

from resourcebank.stories import services
from resourcebank.stories.forms import SuccessStorySubmissionForm

SUBMIT_TEMPLATE = "stories/success_story_submit.html"
THANKS_TEMPLATE = "stories/success_story_thanks.html"


def _to_login(request):
    """The site's own login page (resourcebank/accounts/), as for members-only pages."""
    login_url = getattr(settings, "WAGTAIL_FRONTEND_LOGIN_URL", None) or reverse(
        "wagtailcore_login"
    )
    return redirect_to_login(request.get_full_path(), login_url=login_url)


def success_story_submit(request, *, story_index):
    if not request.user.is_authenticated:
        return _to_login(request)
    status = 200
    if request.method == "POST":
        form = SuccessStorySubmissionForm(request.POST, request.FILES, locale=story_index.locale)
        if is_ratelimited(
            request,
            group="stories:submit",
            key="user",
            rate=services.SUBMISSION_RATE,
            increment=True,
        ):
            form.add_error(
                None,
                _("You have sent many stories in the last hour. Please try again later."),
            )
            status = 429
        elif form.is_valid():
            services.success_story_submit(
                user=request.user, story_index=story_index, **form.cleaned_data
            )
            return redirect(story_index.url + story_index.reverse_subpage("success_story_thanks"))
        else:
            status = 400
    else:
        form = SuccessStorySubmissionForm(locale=story_index.locale)
    context = {"page": story_index, "self": story_index, "form": form}
    return TemplateResponse(request, SUBMIT_TEMPLATE, context, status=status)


def success_story_thanks(request, *, story_index):
    if not request.user.is_authenticated:
        return _to_login(request)
    return TemplateResponse(request, THANKS_TEMPLATE, {"page": story_index, "self": story_index})
