"""What accounts does when campaign packs are published: record the notices for their
subscribers and enqueue the digest. Campaigns knows nothing of this (it may not import
accounts); Wagtail's ``page_published`` signal tells us."""

from django.conf import settings

from resourcebank.accounts import services, tasks


def pack_published(sender, instance, **kwargs) -> None:
    if services.pack_publication_record(page=instance):
        tasks.pack_mails_schedule(delay_minutes=settings.PACK_DIGEST_DELAY_MINUTES)
