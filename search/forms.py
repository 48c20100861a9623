"""The search page's query string: validated, never trusted."""

from django import forms
from django.utils.translation import gettext_lazy as _

from search import selectors

MAX_QUERY_LENGTH = 200  # characters kept from the query; the rest is dropped with a notice
MAX_TERMS = 12  # words kept from the query


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, strip=True)
    type = forms.MultipleChoiceField(label=_("Type"), required=False)
    audience = forms.MultipleChoiceField(label=_("Audience"), required=False)
    topic = forms.MultipleChoiceField(label=_("Topic"), required=False)
    day = forms.MultipleChoiceField(label=_("Commemoration day"), required=False)
    lang = forms.MultipleChoiceField(label=_("Written standard"), required=False)
    page = forms.IntegerField(label=_("Page"), required=False, min_value=1, max_value=10_000)

    error_messages = {
        "invalid_choice": _("“%(value)s” is not a filter we know. Remove it and try again."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = self.choices = selectors.filter_choices()
        for name in ("type", "audience", "topic", "day", "lang"):
            field = self.fields[name]
            field.choices = choices[name]
            field.error_messages["invalid_choice"] = self.error_messages["invalid_choice"]
        self.fields["page"].error_messages.update(
            {
                "invalid": _("The page number must be a whole number."),
                "min_value": _("The page number must be 1 or more."),
                "max_value": _("The page number is too large."),
            }
        )
        self.query_was_shortened = False

    def clean_q(self):
        query = self.cleaned_data["q"]
        if len(query) > MAX_QUERY_LENGTH:
            query = query[:MAX_QUERY_LENGTH]
            self.query_was_shortened = True
        words = selectors.query_words(query)
        if len(words) > MAX_TERMS:
            words = words[:MAX_TERMS]
            self.query_was_shortened = True
        return " ".join(words)
