"""Told when it matters: subscribers choose on their account page which campaign packs
they hear about; the task worker mails one digest of new packs and a reminder before a
commemoration day whose pack they have not opened, in their standard, each with a
one-click unsubscribe (RFC 8058); nothing is sent in a request, and nothing twice."""

import datetime
import re

from django.core import mail, signing
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale

import pytest

from resourcebank.accounts.models import PackNotice, PackOpen, PackSubscription
from tests import factories
from tests.editorial_support import (
    PASSWORD,
    campaign_pack_form_data,
    login_verified,
    make_user,
    post_form,
    publish,
    translate,
)
from tests.reach_support import restrict

pytestmark = pytest.mark.django_db


@pytest.fixture
def trustees(nb_locale):
    return factories.AudienceFactory(name="Tillitsvalgte", slug="tillitsvalgte")


@pytest.fixture
def elected(nb_locale):
    return factories.AudienceFactory(name="Folkevalgte", slug="folkevalgte")


def log_in(client, user, language="nb"):
    """Log in on the site's own login page, as a member does (its CSRF token included)."""
    response = post_form(
        client, f"/{language}/logg-inn/", {"username": user.username, "password": PASSWORD}
    )
    assert response.status_code == 302, "the login failed"
    return client


def subscribe(user, *, language="nb", mail_kinds=("new", "reminders"), **choices):
    """Log in as `user` and save the account page's form with its CSRF token."""
    client = log_in(Client(enforce_csrf_checks=True), user, language)
    page = client.get(f"/{language}/min-side/")
    assert page.status_code == 200
    data = {
        "mail": list(mail_kinds),
        "audiences": [term.pk for term in choices.get("audiences", [])],
        "counties": [term.pk for term in choices.get("counties", [])],
        "csrfmiddlewaretoken": str(page.context["csrf_token"]),
    }
    response = client.post(f"/{language}/min-side/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return client


def draft_pack(campaign_index, title, *, audiences=(), county=None, **fields):
    """A Bokmål pack with a Nynorsk draft, not yet published (an editor publishes it)."""
    pack = factories.CampaignPackPageFactory(
        parent=campaign_index, title=title, live=False, county=county, **fields
    )
    pack.audiences.set(audiences)
    pack.save_revision()
    translate(pack, Locale.objects.get(language_code="nn"), publish=False)
    return pack


def publish_in_admin(client, pack):
    """The editor presses Publish on the pack's edit page."""
    audiences = [str(audience.pk) for audience in pack.audiences.all()]
    data = campaign_pack_form_data(pack, **{"action-publish": "1"})
    data["audiences"] = audiences
    if pack.county_id:
        data["county"] = str(pack.county_id)
    response = client.post(reverse("wagtailadmin_pages:edit", args=[pack.pk]), data)
    assert response.status_code == 302
    pack.refresh_from_db()
    assert pack.live, "the publish was refused"
    return response


def unsubscribe_url(message) -> str:
    return re.fullmatch(r"<(.+)>", message.extra_headers["List-Unsubscribe"]).group(1)


def html_of(message) -> str:
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return html


# --- The acceptance test ---------------------------------------------------------------------


def test_one_digest_for_two_matching_packs_none_for_another_and_none_after_unsubscribing(
    campaign_index, member, editor, trustees, elected, worker
):
    from django_tasks_db.models import DBTaskResult

    from resourcebank.accounts.tasks import pack_mails_send

    subscribe(member, audiences=[trustees])
    editors = login_verified(Client(), editor)
    first = draft_pack(campaign_index, "Kvinnedagen", audiences=[trustees])
    second = draft_pack(campaign_index, "Arbeidernes dag", audiences=[trustees, elected])
    other = draft_pack(campaign_index, "Budsjettkampen", audiences=[elected])

    mail.outbox.clear()
    for pack in (first, second, other):
        publish_in_admin(editors, pack)
        assert mail.outbox == [], "mail was sent in the publish request"

    tasks = DBTaskResult.objects.filter(task_path=pack_mails_send.module_path)
    assert tasks.exists(), "the digest was not left for the worker"
    assert all(task.run_after > timezone.now() for task in tasks), "not delayed"
    worker()
    assert mail.outbox == [], "the worker sent the digest before its time"

    tasks.update(run_after=timezone.now())  # the delay is over
    worker()
    worker()  # a second run (or a duplicate task) sends nothing more
    pack_mails_send.call()
    assert len(mail.outbox) == 1
    [digest] = mail.outbox
    assert digest.to == [member.email]
    assert "Kvinnedagen" in digest.body and "Arbeidernes dag" in digest.body
    assert "Budsjettkampen" not in digest.body + html_of(digest)
    assert first.url in digest.body and second.url in html_of(digest)
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # The one-click unsubscribe: a POST from the mail program, no login, no CSRF token.
    response = Client(enforce_csrf_checks=True).post(
        unsubscribe_url(digest), {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    assert not PackSubscription.objects.filter(user=member).exists()

    later = draft_pack(campaign_index, "Frigjøringsdagen", audiences=[trustees])
    publish_in_admin(editors, later)
    DBTaskResult.objects.update(run_after=timezone.now())
    worker()
    assert len(mail.outbox) == 1, "mail after unsubscribing"


# --- Matching, visibility, standard ------------------------------------------------------------


def test_a_pack_for_other_audiences_or_another_county_is_not_mailed(
    campaign_index, member, trustees, elected
):
    oslo = factories.CountyFactory(name="Oslo", slug="oslo")
    vestland = factories.CountyFactory(name="Vestland", slug="vestland")
    subscribe(member, audiences=[trustees], counties=[oslo])
    mail.outbox.clear()

    publish(draft_pack(campaign_index, "For folkevalgte", audiences=[elected]))
    publish(draft_pack(campaign_index, "Vestland sin", audiences=[trustees], county=vestland))
    assert mail.outbox == []

    publish(draft_pack(campaign_index, "Oslo sin", audiences=[trustees], county=oslo))
    publish(draft_pack(campaign_index, "For alle"))  # no audience, no county: for everyone
    titles = " ".join(message.body for message in mail.outbox)
    assert "Oslo sin" in titles and "For alle" in titles
    assert "folkevalgte" not in titles and "Vestland" not in titles


def test_a_members_only_pack_is_not_mailed_to_a_subscriber_who_may_not_see_it(
    campaign_index, member, django_user_model
):
    outsider = make_user(django_user_model, "ola")  # an account in no members' group
    subscribe(member)
    subscribe(outsider)
    members_only = factories.CampaignIndexPageFactory(
        parent=campaign_index.get_parent(), title="Interne kampanjer", slug="interne"
    )
    restrict(members_only)
    mail.outbox.clear()

    publish(draft_pack(members_only, "Intern strategi"))

    assert [message.to for message in mail.outbox] == [[member.email]]
    assert "Intern strategi" in mail.outbox[0].body


def test_a_nynorsk_subscriber_gets_the_mail_and_the_pack_in_nynorsk(
    campaign_index, elected_member, nn_locale
):
    subscribe(elected_member, language="nn")
    pack = draft_pack(campaign_index, "Kvinnedagen")
    mail.outbox.clear()
    nynorsk = pack.get_translation(nn_locale)
    nynorsk.title = "Kvinnedagen på nynorsk"
    nynorsk.save_revision().publish()  # the first standard out: the pack is new
    publish(pack)  # the second: the same pack, not announced again

    [message] = mail.outbox
    assert message.extra_headers["Content-Language"] == "nn"
    assert message.subject == "Ny kampanjepakke i Ressursbanken"
    assert "Kvinnedagen på nynorsk" in message.body
    assert nynorsk.url in message.body and "/nn/min-side/avmelding/" in message.body
    assert 'lang="nn"' in html_of(message)
    assert unsubscribe_url(message).startswith("http://testserver/nn/min-side/avmelding/")


def test_a_pack_published_again_is_not_announced_again(campaign_index, member):
    pack = publish(draft_pack(campaign_index, "Kvinnedagen"))
    subscribe(member)
    mail.outbox.clear()
    pack.save_revision().publish()
    assert mail.outbox == []
    assert not PackNotice.objects.exists()


# --- The unsubscribe link ---------------------------------------------------------------------


def test_opening_the_unsubscribe_link_asks_and_changes_nothing(campaign_index, member):
    subscribe(member)
    publish(draft_pack(campaign_index, "Kvinnedagen"))
    link = unsubscribe_url(mail.outbox[-1])

    response = Client().get(link)

    assert response.status_code == 200
    assert "Ja, stopp e-postene" in response.content.decode()
    assert PackSubscription.objects.filter(user=member).exists()
    assert response["Cache-Control"].startswith("max-age=0")


def test_a_forged_or_foreign_token_is_refused_in_norwegian_and_changes_nothing(member):
    subscribe(member)
    real = reverse("accounts:pack_unsubscribe", kwargs={"token": "x"}).removesuffix("x/")
    forged = signing.dumps(member.pk, salt="resourcebank.accounts.pack-mail-unsubscribe")
    forged = forged[:-2] + ("AA" if not forged.endswith("AA") else "BB")
    foreign = signing.dumps(member.pk)  # signed for something else
    for token in (forged, foreign, "tull"):
        for method in ("get", "post"):
            response = getattr(Client(enforce_csrf_checks=True), method)(f"{real}{token}/")
            assert response.status_code == 400
            assert "Denne lenken for å stoppe e-postene er ikke gyldig" in (
                response.content.decode()
            )
    assert PackSubscription.objects.filter(user=member).exists()


def test_every_mail_carries_both_rfc_8058_headers(campaign_index, member):
    subscribe(member)
    mail.outbox.clear()
    publish(draft_pack(campaign_index, "Kvinnedagen"))
    [message] = mail.outbox
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe_url(message).startswith("http://testserver/nb/min-side/avmelding/")
    assert message.extra_headers["Content-Language"] == "nb"
    assert unsubscribe_url(message) in message.body


# --- Reminders --------------------------------------------------------------------------------


@pytest.fixture
def coming_day_pack(campaign_index):
    """A live pack for a commemoration day two weeks from today."""
    date = timezone.localdate() + datetime.timedelta(weeks=2)
    day = factories.CommemorationDayFactory(name="Merkedagen", month=date.month, day=date.day)
    pack = publish(draft_pack(campaign_index, "Merkedagspakken", commemoration_day=day))
    return pack, date


def test_a_reminder_goes_to_who_has_not_opened_the_pack_and_never_twice(
    coming_day_pack, member, elected_member, settings
):
    settings.PACK_REMINDER_WEEKS = 3
    pack, date = coming_day_pack
    subscribe(member)
    reader = subscribe(elected_member)
    assert reader.get(pack.url).status_code == 200  # the elected member opens the pack
    mail.outbox.clear()

    call_command("send_pack_reminders", verbosity=0)
    call_command("send_pack_reminders", verbosity=0)

    [reminder] = mail.outbox
    assert reminder.to == [member.email]
    assert "Merkedagspakken" in reminder.body and pack.url in reminder.body
    assert reminder.subject == f"Påminnelse: Merkedagen {date.day}. {_month(date)}"
    assert reminder.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert PackOpen.objects.filter(user=elected_member, day_date=date).exists()


def test_reminders_are_sent_by_the_worker_once(coming_day_pack, member, worker, settings):
    settings.PACK_REMINDER_WEEKS = 3
    subscribe(member)
    mail.outbox.clear()
    call_command("send_pack_reminders", verbosity=0)
    assert mail.outbox == [], "sent by the command, not the worker"
    worker()
    call_command("send_pack_reminders", verbosity=0)
    worker()
    assert len(mail.outbox) == 1


def test_no_reminder_before_the_set_number_of_weeks(coming_day_pack, member, settings):
    settings.PACK_REMINDER_WEEKS = 1
    subscribe(member)
    mail.outbox.clear()
    call_command("send_pack_reminders", verbosity=0)
    assert mail.outbox == []


def _month(date):
    from django.utils import translation
    from django.utils.dateformat import format as date_format

    with translation.override("nb"):
        return date_format(date, "F")


# --- The account page ---------------------------------------------------------------------------


def test_the_account_page_needs_a_login_and_a_csrf_token(member, trustees):
    assert Client().get("/nb/min-side/")["Location"].startswith("/nb/logg-inn/?next=")
    client = log_in(Client(enforce_csrf_checks=True), member)
    assert client.post("/nb/min-side/", {"mail": ["new"]}).status_code == 403
    assert not PackSubscription.objects.exists()


def test_a_member_chooses_and_changes_what_they_get_on_the_account_page(member, trustees, elected):
    client = subscribe(member, audiences=[trustees], mail_kinds=["new"])
    page = client.get("/nb/min-side/")
    html = page.content.decode()
    assert "Lagret. E-posten kommer på denne målformen." in html
    assert page["Cache-Control"].startswith("max-age=0")
    subscription = PackSubscription.objects.get(user=member)
    assert (subscription.new_packs, subscription.reminders) == (True, False)
    assert list(subscription.audiences.all()) == [trustees]
    assert subscription.language == "nb"
    # The form shows what was chosen.
    assert re.search(rf'value="{trustees.pk}"[^>]*checked', html)

    token = str(page.context["csrf_token"])
    client.post("/nb/min-side/", {"stop": "1", "csrfmiddlewaretoken": token})
    assert not PackSubscription.objects.filter(user=member).exists()


def test_the_account_page_is_in_nynorsk_with_the_nynorsk_terms(elected_member, nn_locale):
    audience = factories.AudienceFactory(name="Tillitsvalde", slug="tillitsvalde", locale=nn_locale)
    client = log_in(Client(), elected_member, "nn")
    html = client.get("/nn/min-side/").content.decode()
    assert "<h1>Mi side</h1>" in html
    assert "Tillitsvalde" in html
    assert audience.name in html
