from resourcebank.models.mixins import MaterialBase, MaterialKind, ResourcePageMixin
from resourcebank.models.pages import (
    CampaignIndexPage,
    CampaignPackMaterial,
    CampaignPackPage,
    CampaignPackPageTag,
    HomePage,
    InfoPage,
    InfoPageTag,
    StoryIndexPage,
    SuccessStoryPage,
    SuccessStoryPageTag,
)
from resourcebank.models.snippets import Audience, CommemorationDay, County, LocalBranch, Topic
from resourcebank.models.workflow import BothStandardsReadyTask

__all__ = [
    "Audience",
    "BothStandardsReadyTask",
    "CampaignIndexPage",
    "CampaignPackMaterial",
    "CampaignPackPage",
    "CampaignPackPageTag",
    "CommemorationDay",
    "County",
    "HomePage",
    "InfoPage",
    "InfoPageTag",
    "LocalBranch",
    "MaterialBase",
    "MaterialKind",
    "ResourcePageMixin",
    "StoryIndexPage",
    "SuccessStoryPage",
    "SuccessStoryPageTag",
    "Topic",
]
