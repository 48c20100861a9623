from resourcebank.core.models.base import (
    BasePage,
    IndexPage,
    MaterialBase,
    MaterialKind,
    PageTag,
    ResourcePage,
    ResourcePageForm,
)
from resourcebank.core.models.pages import HomePage, InfoPage

__all__ = [
    "BasePage",
    "HomePage",
    "IndexPage",
    "InfoPage",
    "MaterialBase",
    "MaterialKind",
    "PageTag",
    "ResourcePage",
    "ResourcePageForm",
]
