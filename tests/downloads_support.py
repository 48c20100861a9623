"""Helpers for the download tests: real files, a members-only collection, members."""

import email.message
import io

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from PIL import Image as PILImage

MEMBERS_GROUP = "Medlemmer"
MEMBERS_COLLECTION = "Kun for medlemmer"


def png_bytes(size=(600, 850), colour=(200, 30, 40)) -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", size, colour).save(out, format="PNG")
    return out.getvalue()


def pdf_bytes(text: str = "Plakat") -> bytes:
    from weasyprint import HTML

    return HTML(string=f"<p>{text}</p>").write_pdf()


def make_document(title: str, filename: str, content: bytes, collection=None):
    Document = get_document_model()
    document = Document(title=title, collection=collection or Collection.get_first_root_node())
    document.file.save(filename, ContentFile(content), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def make_image(title: str, filename: str = "bilde.png", size=(600, 850)):
    Image = get_image_model()
    return Image.objects.create(
        title=title,
        collection=Collection.get_first_root_node(),
        file=ImageFile(io.BytesIO(png_bytes(size)), name=filename),
    )


def members_collection(group_name: str = MEMBERS_GROUP):
    """The members-only collection and a group allowed into it (made here if missing)."""
    group, _created = Group.objects.get_or_create(name=group_name)
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=MEMBERS_COLLECTION).first()
    if collection is None:
        collection = root.add_child(name=MEMBERS_COLLECTION)
    restriction = CollectionViewRestriction.objects.filter(collection=collection).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
    restriction.groups.add(group)
    return collection, group


def make_member(
    django_user_model, username: str = "medlem", county=None, group_name: str = MEMBERS_GROUP
):
    from resourcebank.accounts.models import MemberProfile

    _collection, group = members_collection(group_name)
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(group)
    if county is not None:
        MemberProfile.objects.create(user=user, county=county)
    return user


def attachment_filename(response) -> str:
    """The file name a browser saves a download under (RFC 6266, ``filename*`` first)."""
    message = email.message.Message()
    message["Content-Disposition"] = response["Content-Disposition"]
    assert message.get_content_disposition() == "attachment"
    return message.get_filename()
