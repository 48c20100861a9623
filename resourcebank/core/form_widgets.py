"""The site's own forms in Designsystemet's look, set on their widgets.

A module of its own: the form modules that use it are imported with the page models, before
Wagtail's admin forms (resourcebank/core/forms.py) can be.
"""

import functools

from django import forms


class _OptionsOnlyClass:
    """Django gives a choice widget's wrapping element the widget's class as well as each
    option; Designsystemet's ``ds-input`` on the wrapper would draw the whole group of radio
    buttons as one text field, its labels spilling over what follows."""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)  # the options have their own attrs
        context["widget"]["attrs"].pop("class", None)
        return context


@functools.cache
def _options_only(widget_class):
    return type(widget_class.__name__, (_OptionsOnlyClass, widget_class), {})


class DesignsystemetFormMixin:
    """A form on the site whose widgets carry Designsystemet's class (``ds-input``: text
    fields, text areas, selects, radio buttons, checkboxes), so its template renders them with
    ``{{ field }}`` and no rule has to style Django's widgets from outside. File inputs have
    no Designsystemet look and keep the browser's."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if widget.is_hidden or isinstance(widget, forms.FileInput):
                continue
            classes = widget.attrs.get("class", "").split()
            if "ds-input" not in classes:
                widget.attrs["class"] = " ".join([*classes, "ds-input"])
            if isinstance(widget, forms.RadioSelect) and not isinstance(widget, _OptionsOnlyClass):
                # RadioSelect and CheckboxSelectMultiple: the class on each input only.
                widget.__class__ = _options_only(type(widget))
            if isinstance(widget, forms.Textarea):
                # Django's default 40 columns would fix the width; ds-input fills the field.
                widget.attrs.pop("cols", None)
                widget.attrs["rows"] = "6"
