from resourcebank.core.models.base import (
    BasePage,
    IndexPage,
    MaterialBase,
    MaterialKind,
    ResourcePage,
    ResourcePageForm,
)
from resourcebank.core.models.pages import HomePage, InfoPage, InfoPageTag

__all__ = [
    "BasePage",
    "HomePage",
    "IndexPage",
    "InfoPage",
    "InfoPageTag",
    "MaterialBase",
    "MaterialKind",
    "ResourcePage",
    "ResourcePageForm",
]
