from resourcebank.campaigns.models.pages import (
    CampaignIndexPage,
    CampaignPackForm,
    CampaignPackMaterial,
    CampaignPackPage,
    CampaignPackPageTag,
)
from resourcebank.campaigns.models.posters import POSTER_FIELDS, PosterTemplate

__all__ = [
    "POSTER_FIELDS",
    "CampaignIndexPage",
    "CampaignPackForm",
    "CampaignPackMaterial",
    "CampaignPackPage",
    "CampaignPackPageTag",
    "PosterTemplate",
]
