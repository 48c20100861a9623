"""The search page's query string: validated, never trusted.

The fields are named by the listings' query-parameter vocabulary
(``resourcebank.core.query``); ``selectors.FILTER_PARAMS`` names each filter's.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from resourcebank.core import query
from search import selectors

MAX_QUERY_LENGTH = 200  # characters kept from the query; the rest is dropped with a notice
MAX_TERMS = 12  # words kept from the query


class SearchForm(forms.Form):
    error_messages = {
        "invalid_choice": _("“%(value)s” is not a filter we know. Remove it and try again."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = self.choices = selectors.filter_choices()
        labels = selectors.filter_labels()
        self.fields[query.QUERY] = forms.CharField(label=_("Search"), required=False, strip=True)
        for name, param in selectors.FILTER_PARAMS.items():
            field = self.fields[param] = forms.MultipleChoiceField(
                label=labels[name], required=False, choices=choices[name]
            )
            field.error_messages["invalid_choice"] = self.error_messages["invalid_choice"]
        self.fields[query.PAGE] = forms.IntegerField(
            label=_("Page"),
            required=False,
            min_value=1,
            max_value=10_000,
            error_messages={
                "invalid": _("The page number must be a whole number."),
                "min_value": _("The page number must be 1 or more."),
                "max_value": _("The page number is too large."),
            },
        )
        self.query_was_shortened = False

    def clean(self):
        cleaned_data = super().clean()
        if query.QUERY in cleaned_data:
            cleaned_data[query.QUERY] = self._shortened(cleaned_data[query.QUERY])
        return cleaned_data

    def _shortened(self, text):
        if len(text) > MAX_QUERY_LENGTH:
            text = text[:MAX_QUERY_LENGTH]
            self.query_was_shortened = True
        words = selectors.query_words(text)
        if len(words) > MAX_TERMS:
            words = words[:MAX_TERMS]
            self.query_was_shortened = True
        return " ".join(words)

    def filters(self) -> dict[str, list[str]]:
        """The chosen values of each filter, by its name in the backend's facets."""
        return {name: self.cleaned_data[param] for name, param in selectors.FILTER_PARAMS.items()}
