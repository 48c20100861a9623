"""Public and members-only content side by side, for the tests of what the public can
reach from outside the site: the API, the feeds and the sitemaps.

Everything the public must never see has SECRET in its title (or text), so a test can
look for the word in a whole response, whatever shape the response has.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from resourcebank.campaigns.models import CampaignPackMaterial
from resourcebank.core.models import MaterialKind
from resourcebank.editorial import roles
from tests import factories
from tests.downloads_support import make_document, make_image
from tests.editorial_support import publish, translate

SECRET = "HEMMELIG"


@dataclass
class Content:
    home: Page
    audience: object
    topic: object
    county: object
    day: object
    public: dict = field(default_factory=dict)
    private: dict = field(default_factory=dict)
    private_files: list = field(default_factory=list)
    public_files: list = field(default_factory=list)


def restrict(page, kind=PageViewRestriction.GROUPS):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password="hemmelig-passord"
    )
    if kind == PageViewRestriction.GROUPS:
        restriction.groups.set(roles.members_only_groups())
    return page


def _activity(title):
    return [("activity", {"title": title, "description": f"{title}: slik.", "mode": "digital"})]


def public_and_private_content(
    *, home, campaign_index, story_index, training_catalog, handbook_index, nn_locale
) -> Content:
    roles.roles_ensure()
    today = timezone.localdate()
    running = {
        "period_start": today - datetime.timedelta(days=3),
        "period_end": today + datetime.timedelta(days=3),
    }
    audience = factories.AudienceFactory(slug="tillitsvalgte", name="Tillitsvalgte")
    topic = factories.TopicFactory(slug="klima", name="Klima")
    county = factories.CountyFactory(slug="oslo", name="Oslo")
    day = factories.CommemorationDayFactory()
    content = Content(home=home, audience=audience, topic=topic, county=county, day=day)

    # Files: public ones in the root collection, members-only ones in a restricted
    # collection and in a collection below it (restricted through its parent).
    private_collection = roles.members_collection_get()
    roles.members_collection_restriction_ensure()
    below = private_collection.get_children().filter(name="Under").first()
    below = below or private_collection.add_child(name="Under")
    public_document = make_document("Offentlig løpeseddel", "lopeseddel.txt", b"offentlig")
    private_document = make_document(
        f"{SECRET} strategi", "strategi.txt", b"hemmelig", private_collection
    )
    deep_document = make_document(f"{SECRET} budsjett", "budsjett.txt", b"hemmelig", below)
    public_image = make_image("Offentlig plakat", "plakat.png")
    private_image = make_image(f"{SECRET} grafikk", "grafikk.png")
    private_image.collection = below
    private_image.save()
    content.public_files = [public_document, public_image]
    content.private_files = [private_document, deep_document, private_image]
    assert CollectionViewRestriction.objects.filter(collection=private_collection).exists()
    assert Collection.objects.get(pk=below.pk).get_view_restrictions()

    # Campaign packs: a public one running today, with public and members-only files,
    # translated into Nynorsk; a past one; a members-only one running today.
    pack = factories.CampaignPackPageFactory(
        parent=campaign_index,
        title="Likelønn nå",
        commemoration_day=day,
        member_activities=_activity("Del plakaten"),
        **running,
    )
    pack.audiences = [audience]
    pack.topics = [topic]
    pack.materials = [
        CampaignPackMaterial(title="Løpeseddel", kind=MaterialKind.FLYER, document=public_document),
        CampaignPackMaterial(title="Plakat", kind=MaterialKind.POSTER, image=public_image),
        CampaignPackMaterial(
            title=f"{SECRET} strategi", kind=MaterialKind.TALKING_POINTS, document=private_document
        ),
        CampaignPackMaterial(
            title=f"{SECRET} budsjett", kind=MaterialKind.OTHER, document=deep_document
        ),
        CampaignPackMaterial(
            title=f"{SECRET} grafikk", kind=MaterialKind.SOCIAL_GRAPHIC, image=private_image
        ),
    ]
    pack.save()
    content.public["pack"] = publish(pack)
    content.public["pack_nn"] = translate(content.public["pack"], nn_locale)
    content.public["past_pack"] = publish(
        factories.CampaignPackPageFactory(
            parent=campaign_index,
            title="Valget i fjor",
            member_activities=_activity("Gammel aktivitet"),
            period_start=today - datetime.timedelta(days=400),
            period_end=today - datetime.timedelta(days=380),
        )
    )
    private_pack = factories.CampaignPackPageFactory(
        parent=campaign_index,
        title=f"{SECRET} pakke",
        message=f"{SECRET} budskap",
        commemoration_day=day,
        member_activities=_activity(f"{SECRET} aktivitet"),
        **running,
    )
    private_pack.audiences = [audience]
    private_pack.topics = [topic]
    private_pack.save()
    content.private["pack"] = restrict(publish(private_pack))

    # Information pages: public; members-only with a child; for anyone logged in; with a
    # password; a draft never published.
    content.public["info"] = publish(factories.InfoPageFactory(parent=home, title="Om SV"))
    members = publish(factories.InfoPageFactory(parent=home, title=f"{SECRET} medlemsside"))
    content.private["info"] = restrict(members)
    content.private["info_child"] = publish(
        factories.InfoPageFactory(parent=members, title=f"{SECRET} underside")
    )
    content.private["login"] = restrict(
        publish(factories.InfoPageFactory(parent=home, title=f"{SECRET} innlogget")),
        PageViewRestriction.LOGIN,
    )
    content.private["password"] = restrict(
        publish(factories.InfoPageFactory(parent=home, title=f"{SECRET} passord")),
        PageViewRestriction.PASSWORD,
    )
    draft = factories.InfoPageFactory(parent=home, title=f"{SECRET} utkast", live=False)
    draft.save_revision()
    content.private["draft"] = draft

    # Training: a public and a members-only package, each with a session in the county.
    training = factories.TrainingPackagePageFactory(parent=training_catalog, title="Styrekurs")
    training.audiences = [audience]
    training.save()
    content.public["training"] = publish(training)
    content.public["event"] = factories.TrainingEventFactory(
        package=content.public["training"],
        organiser_level="county",
        county=county,
        place="Folkets hus, Oslo",
    )
    secret_training = factories.TrainingPackagePageFactory(
        parent=training_catalog, title=f"{SECRET} skolering"
    )
    secret_training.audiences = [audience]
    secret_training.save()
    content.private["training"] = restrict(publish(secret_training))
    content.private["event"] = factories.TrainingEventFactory(
        package=content.private["training"],
        organiser_level="county",
        county=county,
        place=f"{SECRET} sted",
        title=f"{SECRET} kurskveld",
    )

    # Success stories and handbooks: public and members-only.
    story = factories.SuccessStoryPageFactory(
        parent=story_index, title="Tjue nye medlemmer", county=county, image=public_image
    )
    story.topics = [topic]
    story.save()
    content.public["story"] = publish(story)
    secret_story = factories.SuccessStoryPageFactory(
        parent=story_index, title=f"{SECRET} historie", county=county, image=private_image
    )
    secret_story.topics = [topic]
    secret_story.save()
    content.private["story"] = restrict(publish(secret_story))
    # A public story that shows a members-only image: the image must not come with it.
    content.public["story_private_image"] = publish(
        factories.SuccessStoryPageFactory(
            parent=story_index, title="Stand i regnet", county=county, image=private_image
        )
    )
    handbook = publish(factories.HandbookPageFactory(parent=handbook_index, title="Lokallag"))
    content.public["handbook"] = handbook
    content.public["chapter"] = publish(
        factories.HandbookChapterPageFactory(parent=handbook, title="Styret")
    )
    secret_handbook = restrict(
        publish(factories.HandbookPageFactory(parent=handbook_index, title=f"{SECRET} håndbok"))
    )
    content.private["handbook"] = secret_handbook
    content.private["chapter"] = publish(
        factories.HandbookChapterPageFactory(parent=secret_handbook, title=f"{SECRET} kapittel")
    )
    assert Group.objects.filter(name__in=[g.name for g in roles.members_only_groups()]).exists()
    return content
