"""Signal receivers of the success stories. Each hands over to a service at once."""

from wagtail.signals import page_published

from resourcebank.stories import services


def _story_published(sender, instance, **kwargs):
    services.story_photo_release(page=instance)


def connect() -> None:
    from resourcebank.stories.models import SuccessStoryPage

    page_published.connect(
        _story_published, sender=SuccessStoryPage, dispatch_uid="stories_photo_release"
    )
