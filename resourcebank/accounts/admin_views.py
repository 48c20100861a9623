"""The admin's second-factor pages: enrolment (first login), the code form, recovery codes."""

from django import forms
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

import segno
from django_otp import login as otp_login
from django_otp import match_token

from resourcebank.accounts import second_factor


class CodeForm(forms.Form):
    token = forms.CharField(
        label=_("Code"),
        max_length=16,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": ""}
        ),
        help_text=_("The six digits your authenticator app shows now, or a recovery code."),
    )

    def clean_token(self):
        return "".join(self.cleaned_data["token"].split())


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


@never_cache
@sensitive_post_parameters("token")
def enrol(request):
    """Set up an authenticator app: scan the code, type the first code, keep the recovery
    codes."""
    user = request.user
    if second_factor.has_app_device(user):
        if user.is_verified():
            return redirect(_next(request))
        return redirect(f"{reverse('accounts_second_factor_verify')}?next={_next(request)}")
    device = second_factor.app_device_pending(user=user)
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        codes = second_factor.app_device_confirm(
            request=request, device=device, token=form.cleaned_data["token"]
        )
        if codes is not None:
            return TemplateResponse(
                request,
                "accounts/admin/recovery_codes.html",
                {"codes": codes, "next": _next(request), "first_time": True},
            )
        form.add_error("token", _("That code is not right. Try the code your app shows now."))
    if form.errors:
        status = 400
    qr = segno.make(device.config_url, error="m")
    context = {
        "form": form,
        "next": _next(request),
        "qr_svg": qr.svg_inline(scale=5, dark="#000", light="#fff"),
        "secret": _grouped(device.bin_key),
    }
    return TemplateResponse(request, "accounts/admin/enrol.html", context, status=status)


def _grouped(key: bytes) -> str:
    from base64 import b32encode

    text = b32encode(key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


@never_cache
@sensitive_post_parameters("token")
def verify(request):
    """The code from the app (or a recovery code) once per session."""
    user = request.user
    if not second_factor.has_app_device(user):
        return redirect(f"{reverse('accounts_second_factor_enrol')}?next={_next(request)}")
    if user.is_verified():
        return redirect(_next(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            return redirect(_next(request))
        form.add_error(
            "token",
            _("That code is not right, or you tried too often. Wait a moment and try again."),
        )
    status = 400 if form.errors else 200
    return TemplateResponse(
        request, "accounts/admin/verify.html", {"form": form, "next": _next(request)}, status=status
    )


@never_cache
def recovery_codes(request):
    """New recovery codes (the old ones stop working); the admin's account menu links here."""
    if request.method == "POST":
        codes = second_factor.recovery_codes_replace(user=request.user)
        return TemplateResponse(
            request,
            "accounts/admin/recovery_codes.html",
            {"codes": codes, "next": reverse("wagtailadmin_account"), "first_time": False},
        )
    return TemplateResponse(request, "accounts/admin/recovery_codes_new.html", {})
