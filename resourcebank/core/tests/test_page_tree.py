"""Every page type can be created only under its allowed parents."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

import pytest

from handbooks.models import HandbookChapterPage, HandbookIndexPage, HandbookPage
from resourcebank.campaigns.models import CampaignIndexPage, CampaignPackPage
from resourcebank.core.models import HomePage, InfoPage
from resourcebank.stories.models import StoryIndexPage, SuccessStoryPage
from training.models import TrainingCatalogPage, TrainingPackagePage

ALL_PAGE_TYPES = [
    HomePage,
    CampaignIndexPage,
    CampaignPackPage,
    StoryIndexPage,
    SuccessStoryPage,
    InfoPage,
    TrainingCatalogPage,
    TrainingPackagePage,
    HandbookIndexPage,
    HandbookPage,
    HandbookChapterPage,
]

ALLOWED_PARENTS = {
    HomePage: {Page},
    CampaignIndexPage: {HomePage},
    CampaignPackPage: {CampaignIndexPage},
    StoryIndexPage: {HomePage},
    SuccessStoryPage: {StoryIndexPage},
    InfoPage: {HomePage, InfoPage},
    TrainingCatalogPage: {HomePage},
    TrainingPackagePage: {TrainingCatalogPage},
    HandbookIndexPage: {HomePage},
    HandbookPage: {HandbookIndexPage},
    HandbookChapterPage: {HandbookPage},
}


@pytest.mark.parametrize("child", ALL_PAGE_TYPES, ids=lambda m: m.__name__)
def test_page_type_can_be_created_only_under_its_allowed_parents(child):
    case = WagtailPageTestCase()
    for parent in [Page, *ALL_PAGE_TYPES]:
        if parent in ALLOWED_PARENTS[child]:
            case.assertCanCreateAt(parent, child)
        else:
            case.assertCanNotCreateAt(parent, child)


def test_leaf_pages_allow_no_children():
    for leaf in (CampaignPackPage, SuccessStoryPage, TrainingPackagePage, HandbookChapterPage):
        assert leaf.allowed_subpage_models() == []
