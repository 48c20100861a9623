"""What a request may see: one rule for pages, documents, images and media.

Every view restriction is asked itself (``accept_request``): a login restriction lets
in anyone logged in, a group restriction the members of its groups, a password
restriction whoever gave the password in this session. Pages below a restricted page
and files in a collection below a restricted collection are restricted too.

The page view restrictions, with their pages and groups, are read from the cache
(``caching.versioned``: any change to a restriction or its groups makes them stale), and
so is which of them apply to a page; a reader's groups are read once per request. What
a reader passes is decided for each request, never kept.
"""

from django.db.models import prefetch_related_objects

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from resourcebank.core import caching

# The group of elected members (folkevalgte). The roles (resourcebank.editorial.roles)
# create it under this name; features ask ``user_is_elected_member`` rather than import them.
ELECTED_MEMBERS_GROUP = "Folkevalgte"


def user_groups_read(user) -> None:
    """Read `user`'s groups once, for every check of this request (``user.groups.all()``
    answers from them until the groups change)."""
    if not user.is_authenticated:
        return
    user = getattr(user, "_wrapped", user)  # request.user is a lazy object (read above)
    if "groups" not in getattr(user, "_prefetched_objects_cache", {}):
        prefetch_related_objects([user], "groups")


def user_is_elected_member(user) -> bool:
    """Whether `user` is in the elected members' group (no one else: not editors, not
    superusers), for what only elected members see, such as a campaign pack's kit."""
    if not user.is_authenticated:
        return False
    return any(group.name == ELECTED_MEMBERS_GROUP for group in user.groups.all())


def page_restrictions() -> list[PageViewRestriction]:
    """Every page view restriction, with its page and its groups (from the cache)."""
    return caching.versioned(
        "page-restrictions",
        lambda: list(PageViewRestriction.objects.select_related("page").prefetch_related("groups")),
        in_process=True,
    )


def restrictions_of(page, query):
    """The view restrictions that apply to `page`: a queryset as Wagtail's
    ``Page.get_view_restrictions`` gives (`query` is that method), already read.

    Which restrictions apply is kept per page in the cache; the restrictions come from
    ``page_restrictions``, so iterating the queryset or asking ``exists()`` costs no
    query (filtering it asks the database, as any queryset does).
    """
    if page.pk is None:
        return query()
    # Asked twice per page view (is it public? may this reader see it?): read once per
    # page and content version.
    version = caching.content_version()
    read = page.__dict__.get("_view_restrictions_read")
    if read is not None and read[0] == version:
        return read[1]
    table = page_restrictions()
    if not table:
        ids = set()
    else:
        ids = caching.versioned(
            "page-restriction-ids",
            lambda: frozenset(query().values_list("pk", flat=True)),
            page.pk,
            in_process=True,
        )
    if ids:
        restrictions = PageViewRestriction.objects.filter(pk__in=sorted(ids))
    else:
        restrictions = PageViewRestriction.objects.none()
    restrictions._result_cache = [restriction for restriction in table if restriction.pk in ids]
    restrictions._prefetch_done = True
    page._view_restrictions_read = (version, restrictions)
    return restrictions


def _passes(restriction, request) -> bool:
    """``restriction.accept_request(request)``, without building a query of an anonymous
    reader's groups (there are none) for each restriction that names groups."""
    if restriction.restriction_type != restriction.PASSWORD and not request.user.is_authenticated:
        return False
    return restriction.accept_request(request)


def page_restrictions_failed(request) -> list[PageViewRestriction]:
    """The page view restrictions this request does not pass (asked once per request).

    No request (a management command, a background task) passes none of them.
    """
    if request is None:
        return page_restrictions()
    failed = getattr(request, "_page_restrictions_failed", None)
    if failed is None:
        user_groups_read(request.user)
        failed = [
            restriction for restriction in page_restrictions() if not _passes(restriction, request)
        ]
        request._page_restrictions_failed = failed
    return failed


def pages_visible_to(pages, request):
    """`pages` without the restricted sections this request does not pass.

    Every listing, table of contents, feed and count that a reader sees goes through
    this, so members see members-only sections and anonymous visitors never do.
    """
    for restriction in page_restrictions_failed(request):
        pages = pages.not_descendant_of(restriction.page, inclusive=True)
    return pages


def visibility_key(request) -> str:
    """The same for every request that may see the same pages: a cache key part.

    Made of the restrictions the request does not pass, so a cached listing is shared
    by everyone who sees the same pages and by no one else; it names no user.
    """
    failed = sorted(restriction.pk for restriction in page_restrictions_failed(request))
    return "-".join(map(str, failed)) or "all"


def collection_restrictions_table() -> list[tuple[CollectionViewRestriction, frozenset[int]]]:
    """Every collection view restriction, with its groups, and the ids of the collections
    it covers (its own and those below it), from the cache (``caching.versioned``: any
    change to a collection, a restriction or its groups makes them stale)."""

    def build():
        restrictions = list(
            CollectionViewRestriction.objects.select_related("collection").prefetch_related(
                "groups"
            )
        )
        if not restrictions:
            return []
        collections = list(Collection.objects.values_list("pk", "path"))
        return [
            (
                restriction,
                frozenset(
                    pk for pk, path in collections if path.startswith(restriction.collection.path)
                ),
            )
            for restriction in restrictions
        ]

    return caching.versioned("collection-restrictions", build, in_process=True)


def collections_hidden_from(request) -> set[int]:
    """Ids of the collections (restricted ones and those below them) the request may not
    see (asked once per request)."""
    hidden = getattr(request, "_collections_hidden", None)
    if hidden is None:
        user_groups_read(request.user)
        hidden = set()
        for restriction, covered in collection_restrictions_table():
            if not restriction.accept_request(request):
                hidden.update(covered)
        request._collections_hidden = hidden
    return hidden


def collection_restrictions(obj) -> list[CollectionViewRestriction]:
    """The view restrictions on a document's (or image's) collection and those above it."""
    return list(obj.collection.get_view_restrictions())


def is_restricted(obj) -> bool:
    return bool(collection_restrictions(obj))


def user_may_view(*, request, obj) -> bool:
    """The same rule Wagtail's document view applies before it serves a file."""
    return all(r.accept_request(request) for r in collection_restrictions(obj))


def documents_visible_to(request):
    """Documents the request may download; restricted ones only for those let in.

    Search through this queryset (``.search(q)``) so members-only documents never show
    up in an anonymous reader's results.
    """
    documents = get_document_model().objects.all()
    hidden = collections_hidden_from(request)
    return documents.exclude(collection_id__in=sorted(hidden)) if hidden else documents


def public_request():
    """A request as an anonymous reader without a session makes it: what the public sees.

    For what is the same for everyone and may be cached as such (the API, feeds,
    sitemaps): ask the rules above with this instead of the reader's own request, so a
    member's session never lets members-only material into a public response.
    """
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpRequest

    request = HttpRequest()
    request.user = AnonymousUser()
    request.session = {}
    return request


def public_pages(pages):
    """`pages` that anyone may see: live, and outside every restricted section."""
    return pages_visible_to(pages.live(), public_request())


def public_documents():
    """Documents anyone may download (none of a restricted collection)."""
    return documents_visible_to(public_request())


def public_images():
    """Images outside every restricted collection."""
    from wagtail.images import get_image_model

    hidden = collections_hidden_from(public_request())
    images = get_image_model().objects.all()
    return images.exclude(collection_id__in=sorted(hidden)) if hidden else images
