from django.conf import settings
from django.core import checks
from django.utils.translation import gettext as _


@checks.register(checks.Tags.compatibility)
def check_nynorsk_style(app_configs, **kwargs):
    """APERTIUM_NYNORSK_STYLE is "e" (nob-nno_e) or "a" (nob-nno)."""
    if getattr(settings, "APERTIUM_NYNORSK_STYLE", "e") in ("e", "a"):
        return []
    return [
        checks.Error(
            _('The Nynorsk style must be "e" or "a".'),
            hint="APERTIUM_NYNORSK_STYLE",
            id="localization.E001",
        )
    ]
