from resourcebank.campaigns.models.pages import (
    CampaignIndexPage,
    CampaignPackForm,
    CampaignPackMaterial,
    CampaignPackPage,
)
from resourcebank.campaigns.models.posters import POSTER_FIELDS, PosterTemplate

__all__ = [
    "POSTER_FIELDS",
    "CampaignIndexPage",
    "CampaignPackForm",
    "CampaignPackMaterial",
    "CampaignPackPage",
    "PosterTemplate",
]
