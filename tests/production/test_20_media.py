"""Uploads land in the S3 bucket; documents are served through Django's document view
only, members-only ones to members only."""

import re
import uuid

import boto3
import pytest

from tests.production.conftest import csrf_token

pytestmark = pytest.mark.production


def upload_document(stack, editor, *, title: str, content: bytes, members_only: bool) -> str:
    """Upload a text document through the admin's add form; its serve path."""
    form = stack.get("/admin/documents/add/", editor)
    assert form.status_code == 200, form.status_code
    collections = dict(
        (name.strip(), value)
        for value, name in re.findall(r'<option value="(\d+)"[^>]*>([^<]+)</option>', form.text)
    )
    wanted = "Kun for medlemmer" if members_only else "Root"
    collection = next(
        (value for name, value in collections.items() if wanted in name),
        next(iter(collections.values()), None),
    )
    filename = f"{title}.txt"
    response = editor.post(
        stack.url + "/admin/documents/add/",
        data={
            "csrfmiddlewaretoken": csrf_token(form.text),
            "title": title,
            "collection": collection,
            "tags": "",
        },
        files={"file": (filename, content, "text/plain")},
        headers={"Referer": stack.url + "/admin/documents/add/"},
        allow_redirects=False,
        timeout=60,
    )
    assert response.status_code == 302, f"upload refused: {response.status_code}"
    out = stack.shell(
        "from wagtail.documents import get_document_model\n"
        f"d = get_document_model().objects.get(title={title!r})\n"
        "print(d.url, d.file.name, d.collection.name)"
    )
    url, key, collection_name = out.split(maxsplit=2)
    assert (collection_name == "Kun for medlemmer") == members_only, collection_name
    return url, key


def bucket_keys(stack) -> set[str]:
    env = stack.env
    s3 = boto3.client(
        "s3",
        endpoint_url=env["S3_ENDPOINT_URL"],
        aws_access_key_id=env["S3_ACCESS_KEY_ID"],
        aws_secret_access_key=env["S3_SECRET_ACCESS_KEY"],
        region_name=env["S3_REGION"],
    )
    listing = s3.list_objects_v2(Bucket=env["S3_BUCKET"], Prefix="documents/")
    return {item["Key"] for item in listing.get("Contents", [])}


def test_an_upload_lands_in_the_bucket_and_is_served(stack, editor):
    content = f"Offentlig dokument {uuid.uuid4()}\n".encode()
    title = f"prodtest-offentlig-{uuid.uuid4().hex[:8]}"
    url, key = upload_document(stack, editor, title=title, content=content, members_only=False)
    assert key in bucket_keys(stack)

    response = stack.get(url)
    assert response.status_code == 200
    assert response.content == content
    # Never straight from storage through the web server.
    assert stack.get("/media/" + key).status_code == 404


def test_a_members_only_document_is_served_to_members_only(stack, editor, member):
    content = f"Kun for medlemmer {uuid.uuid4()}\n".encode()
    title = f"prodtest-medlemmer-{uuid.uuid4().hex[:8]}"
    url, key = upload_document(stack, editor, title=title, content=content, members_only=True)
    assert key in bucket_keys(stack)

    anonymous = stack.get(url)
    assert anonymous.status_code == 302 and "/logg-inn/" in anonymous.headers["Location"]
    assert content not in anonymous.content

    mine = stack.get(url, member)
    assert mine.status_code == 200 and mine.content == content
    assert "no-store" in mine.headers.get("Cache-Control", "")
    assert mine.headers.get("X-Cache") != "HIT"

    # What the member fetched is not kept for the next anonymous reader.
    again = stack.get(url)
    assert again.status_code == 302 and content not in again.content
    assert stack.get("/media/" + key).status_code == 404
