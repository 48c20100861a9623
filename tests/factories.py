"""Factories for pages and snippets. Pages default to the Bokmål locale and need `parent=`."""

import datetime

from django.utils import timezone

import factory
import wagtail_factories

from handbooks.models import HandbookChapterPage, HandbookIndexPage, HandbookKind, HandbookPage
from resourcebank.campaigns.models import CampaignIndexPage, CampaignPackPage
from resourcebank.core.models import HomePage, InfoPage
from resourcebank.stories.models import StoryIndexPage, SuccessStoryPage
from resourcebank.taxonomy.models import Audience, CommemorationDay, County, LocalBranch, Topic
from training.models import (
    OrganiserLevel,
    TrainingCatalogPage,
    TrainingEvent,
    TrainingFormat,
    TrainingPackagePage,
)


class AudienceFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Målgruppe {n}")
    slug = factory.Sequence(lambda n: f"malgruppe-{n}")

    class Meta:
        model = Audience


def translated_audience(name: str, nn_name: str, slug: str):
    """An audience and its Nynorsk translation (the same slug and translation key), as
    wagtail-localize's translation of a term leaves them. Returns both (Bokmål first)."""
    from wagtail.models import Locale

    term = AudienceFactory(name=name, slug=slug)
    translation = AudienceFactory(
        name=nn_name,
        slug=slug,
        locale=Locale.objects.get(language_code="nn"),
        translation_key=term.translation_key,
    )
    return term, translation


class TopicFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Tema {n}")
    slug = factory.Sequence(lambda n: f"tema-{n}")

    class Meta:
        model = Topic


class CommemorationDayFactory(factory.django.DjangoModelFactory):
    name = "Kvinnedagen"
    month = 3
    day = 8

    class Meta:
        model = CommemorationDay


class CountyFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Fylke {n}")
    slug = factory.Sequence(lambda n: f"fylke-{n}")

    class Meta:
        model = County


class LocalBranchFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Lokallag {n}")
    slug = factory.Sequence(lambda n: f"lokallag-{n}")
    county = factory.SubFactory(CountyFactory)

    class Meta:
        model = LocalBranch


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Ressursbanken"

    class Meta:
        model = HomePage


class CampaignIndexPageFactory(wagtail_factories.PageFactory):
    title = "Kampanjepakker"
    slug = "kampanjer"

    class Meta:
        model = CampaignIndexPage


SUGGESTED_EVENTS = [
    (
        "event",
        {"title": "Stand på torget", "description": "Del ut løpesedler.", "timing": "Lørdag"},
    )
]
MEMBER_ACTIVITIES = [
    (
        "activity",
        {"title": "Del grafikken", "description": "Del i egne kanaler.", "mode": "digital"},
    )
]


class CampaignPackPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Kampanjepakke {n}")
    message = "Likelønn nå."
    summary = "En kampanje for likelønn."
    suggested_events = SUGGESTED_EVENTS
    member_activities = MEMBER_ACTIVITIES

    class Meta:
        model = CampaignPackPage


class StoryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Gode eksempler"
    slug = "gode-eksempler"

    class Meta:
        model = StoryIndexPage


class SuccessStoryPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Godt eksempel {n}")
    result = "Tjue nye medlemmer."
    how = "<p>Vi ringte alle medlemmene.</p>"

    class Meta:
        model = SuccessStoryPage


class InfoPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Informasjon {n}")
    body = [("paragraph", "<p>Om Ressursbanken.</p>")]

    class Meta:
        model = InfoPage


class TrainingCatalogPageFactory(wagtail_factories.PageFactory):
    title = "Skolering"
    slug = "skolering"

    class Meta:
        model = TrainingCatalogPage


class TrainingPackagePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Skoleringspakke {n}")
    format = TrainingFormat.IN_PERSON
    duration_minutes = 120
    learning_goals = "<ul><li>Kunne lede et styremøte.</li></ul>"

    class Meta:
        model = TrainingPackagePage


class TrainingEventFactory(factory.django.DjangoModelFactory):
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=3))
    place = "Folkets hus"
    organiser_level = OrganiserLevel.NATIONAL

    class Meta:
        model = TrainingEvent


def county_training_event(package, county, days, **fields):
    """A three-hour training of `county`'s that starts `days` from now (whole seconds)."""
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=days)
    return TrainingEventFactory(
        package=package,
        start=start,
        end=start + datetime.timedelta(hours=3),
        organiser_level=OrganiserLevel.COUNTY,
        county=county,
        **fields,
    )


class HandbookIndexPageFactory(wagtail_factories.PageFactory):
    title = "Håndbøker"
    slug = "handboker"

    class Meta:
        model = HandbookIndexPage


class HandbookPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Håndbok {n}")
    kind = HandbookKind.BRANCH

    class Meta:
        model = HandbookPage


class HandbookChapterPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Kapittel {n}")
    body = [("paragraph", "<p>Slik driver dere et lokallag.</p>")]

    class Meta:
        model = HandbookChapterPage
