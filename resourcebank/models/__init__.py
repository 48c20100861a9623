from resourcebank.models.downloads import DownloadCount, MemberProfile, PosterTemplate
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
    "DownloadCount",
    "County",
    "HomePage",
    "InfoPage",
    "InfoPageTag",
    "LocalBranch",
    "MaterialBase",
    "MaterialKind",
    "MemberProfile",
    "PosterTemplate",
    "ResourcePageMixin",
    "StoryIndexPage",
    "SuccessStoryPage",
    "SuccessStoryPageTag",
    "Topic",
]
