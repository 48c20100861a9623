"""The OpenAPI 3.1 description of the API, served at /api/v2/openapi.json.

Built here rather than generated, because Wagtail's API views do not describe
themselves; ``resourcebank/api/tests/test_openapi.py`` checks it with
openapi-spec-validator, checks that every route of the API is in it, and validates real
responses against its schemas.
"""

from django.conf import settings
from django.http import JsonResponse

from training.models import OrganiserLevel, TrainingFormat

PREFIX = "/api/v2"

LIST_ENDPOINTS = {
    # name: (summary, item schema, detail schema, extra parameters, tag)
    "pages": ("Every public page", "PageSummary", "PageDetail", "page_filters", "Pages"),
    "campaign-packs": (
        "Campaign packs",
        "CampaignPackSummary",
        "CampaignPackDetail",
        "page_filters",
        "Pages",
    ),
    "training-packages": (
        "Training packages",
        "TrainingPackageSummary",
        "TrainingPackageDetail",
        "page_filters",
        "Pages",
    ),
    "handbooks": ("Handbooks", "PageSummary", "PageDetail", "page_filters", "Pages"),
    "handbook-chapters": (
        "Chapters of the handbooks (child_of= a handbook's id for one handbook)",
        "PageSummary",
        "PageDetail",
        "page_filters",
        "Pages",
    ),
    "stories": ("Success stories", "StorySummary", "StoryDetail", "page_filters", "Pages"),
    "info-pages": ("Information pages", "PageSummary", "PageDetail", "page_filters", "Pages"),
    "training-events": (
        "Sessions of public training packages",
        "TrainingEvent",
        "TrainingEvent",
        "event_filters",
        "Training",
    ),
    "audiences": ("Audiences", "Term", "Term", "term_filters", "Taxonomy"),
    "topics": ("Topics", "Term", "Term", "term_filters", "Taxonomy"),
    "counties": ("County branches", "Term", "Term", "term_filters", "Taxonomy"),
    "local-branches": ("Local branches", "Term", "Term", "term_filters", "Taxonomy"),
    "commemoration-days": (
        "Days the party marks every year",
        "CommemorationDay",
        "CommemorationDay",
        "term_filters",
        "Taxonomy",
    ),
    "documents": ("Public documents", "Document", "Document", "file_filters", "Files"),
    "images": ("Public images", "Image", "Image", "file_filters", "Files"),
}


def _query(name, description, schema=None, **extra):
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema or {"type": "string"},
        **extra,
    }


def _date(name, description):
    return _query(name, description, {"type": "string", "format": "date"})


COMMON = [
    _query("limit", "Items per response (at most 100).", {"type": "integer", "minimum": 0}),
    _query("offset", "Items to skip.", {"type": "integer", "minimum": 0}),
    _query("fields", "Fields to add (name), remove (-name), all (*) or none (_)."),
    _query("order", "Field to order by; a leading - for descending."),
]
LOCALE = _query("locale", "Language code: nb, nn or an added language.")
SEARCH = _query("search", "Words to search for, best match first.")
PARAMETERS = {
    "page_filters": [
        LOCALE,
        SEARCH,
        _query("type", "Page type, e.g. campaigns.CampaignPackPage (the pages endpoint only)."),
        _query("audience", "Slug of an audience."),
        _query("topic", "Slug of a topic."),
        _query("county", "Slug of a county: its success stories and trainings held there."),
        _query(
            "commemoration_day", "Id of a commemoration day (campaign packs).", {"type": "integer"}
        ),
        _date(
            "date", "Campaign packs running that day; training packages with a session that day."
        ),
        _date("published_since", "Pages first published on or after the date."),
        _query("child_of", "Id of the parent page.", {"type": "integer"}),
        _query("descendant_of", "Id of an ancestor page.", {"type": "integer"}),
        _query("ancestor_of", "Id of a page below.", {"type": "integer"}),
        _query(
            "translation_of",
            "Id of a page: its versions in the other languages.",
            {"type": "integer"},
        ),
    ],
    "event_filters": [
        LOCALE,
        _query("county", "Slug of a county (the county's own events and its branches')."),
        _query("local_branch", "Slug of a local branch."),
        _query("audience", "Slug of an audience of the package."),
        _query("topic", "Slug of a topic of the package."),
        _query("package", "Id of a training package in any language.", {"type": "integer"}),
        _date("date", "Sessions on that day (Oslo time)."),
        _date("from", "Sessions ending on or after the day."),
        _date("to", "Sessions starting on or before the day."),
        _query("upcoming", "true: only sessions that have not ended.", {"type": "boolean"}),
    ],
    "term_filters": [LOCALE],
    "file_filters": [SEARCH],
}

NULLABLE_STRING = {"type": ["string", "null"]}
NULLABLE_DATE = {"type": ["string", "null"], "format": "date"}
URL = {"type": "string", "format": "uri"}


def _object(properties, required=None):
    return {
        "type": "object",
        "properties": properties,
        "required": required or list(properties),
    }


def _ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def _nullable(name):
    return {"oneOf": [_ref(name), {"type": "null"}]}


def _listing(item):
    return _object(
        {
            "meta": _object({"total_count": {"type": "integer", "minimum": 0}}),
            "items": {"type": "array", "items": item},
        }
    )


def _schemas() -> dict:
    term = _object(
        {"id": {"type": "integer"}, "slug": {"type": "string"}, "name": {"type": "string"}}
    )
    page_link = _object(
        {
            "id": {"type": "integer"},
            "title": {"type": "string"},
            "locale": {"type": "string"},
            "html_url": URL,
            "detail_url": URL,
        }
    )
    page_meta = {
        "type": "object",
        "properties": {
            "type": {"type": "string"},
            "detail_url": URL,
            "html_url": {"type": ["string", "null"], "format": "uri"},
            "slug": {"type": "string"},
            "first_published_at": {"type": ["string", "null"], "format": "date-time"},
            "last_published_at": {"type": ["string", "null"], "format": "date-time"},
            "locale": {"type": "string"},
            "translation_key": {"type": "string", "format": "uuid"},
            "translations": {"type": "array", "items": _ref("PageLink")},
        },
        "required": ["type", "detail_url"],
    }
    page_summary = {
        "type": "object",
        "properties": {"id": {"type": "integer"}, "meta": page_meta, "title": {"type": "string"}},
        "required": ["id", "meta"],
    }

    def page_with(properties, required=()):
        return {
            "allOf": [
                _ref("PageSummary"),
                {"type": "object", "properties": properties, "required": list(required)},
            ]
        }

    resource = {
        "summary": {"type": "string"},
        "audiences": {"type": "array", "items": _ref("TermLink")},
        "topics": {"type": "array", "items": _ref("TermLink")},
        "tags": {"type": "array", "items": {"type": "string"}},
    }
    file_link = {
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "download_url": URL,
        "detail_url": URL,
    }
    material = _object(
        {
            "id": {"type": "integer"},
            "title": {"type": "string"},
            "kind": {"type": "string"},
            "document": {
                "oneOf": [
                    _object({**file_link, "file_extension": {"type": "string"}}),
                    {"type": "null"},
                ]
            },
            "image": _nullable("ImageLink"),
        }
    )
    day = _object(
        {
            "id": {"type": "integer"},
            "name": {"type": "string"},
            "month": {"type": "integer", "minimum": 1, "maximum": 12},
            "day": {"type": "integer", "minimum": 1, "maximum": 31},
        }
    )
    pack_fields = {
        **resource,
        "message": {"type": "string"},
        "period_start": NULLABLE_DATE,
        "period_end": NULLABLE_DATE,
        "commemoration_day": _nullable("CommemorationDayLink"),
    }
    stream = {"type": "array", "items": {"type": "object"}}
    event = _object(
        {
            "id": {"type": "integer"},
            "title": {"type": "string"},
            "start": {"type": "string", "format": "date-time"},
            "end": {"type": "string", "format": "date-time"},
            "place": {"type": "string"},
            "online_url": {"type": "string"},
            "signup_url": {"type": "string"},
            "organiser_level": {"enum": list(OrganiserLevel.values)},
            "organiser": NULLABLE_STRING,
            "county": _nullable("TermLink"),
            "local_branch": _nullable("TermLink"),
            "cancelled": {"type": "boolean"},
            "package": _ref("PageLink"),
        }
    )
    training_fields = {
        **resource,
        "format": {"enum": list(TrainingFormat.values)},
        "duration_minutes": {"type": ["integer", "null"]},
    }
    object_meta = _object({"type": {"type": "string"}, "detail_url": URL})
    return {
        "TermLink": term,
        "PageLink": page_link,
        "ImageLink": _object(
            {**file_link, "width": {"type": "integer"}, "height": {"type": "integer"}}
        ),
        "CommemorationDayLink": day,
        "Material": material,
        "PageSummary": page_summary,
        "PageDetail": page_with(
            {"body": stream, "intro": {"type": "string"}, **resource}, required=["title"]
        ),
        "CampaignPackSummary": page_with(pack_fields),
        "CampaignPackDetail": page_with(
            {
                **pack_fields,
                "body": stream,
                "materials": {"type": "array", "items": _ref("Material")},
                "suggested_events": stream,
                "member_activities": stream,
            },
            required=["message", "materials", "member_activities"],
        ),
        "TrainingPackageSummary": page_with(training_fields),
        "TrainingPackageDetail": page_with(
            {
                **training_fields,
                "learning_goals": {"type": "string"},
                "prerequisites": {"type": "string"},
                "body": stream,
                "materials": {"type": "array", "items": _ref("Material")},
                "media_items": {"type": "array", "items": {"type": "object"}},
                "upcoming_events": {"type": "array", "items": _ref("TrainingEvent")},
            },
            required=["format", "upcoming_events"],
        ),
        "StorySummary": page_with(
            {**resource, "county": _nullable("TermLink"), "local_branch": _nullable("TermLink")}
        ),
        "StoryDetail": page_with(
            {
                **resource,
                "county": _nullable("TermLink"),
                "local_branch": _nullable("TermLink"),
                "what_was_done": {"type": "string"},
                "result": {"type": "string"},
                "how": {"type": "string"},
                "image": _nullable("ImageLink"),
            },
            required=["result", "how"],
        ),
        "TrainingEvent": event,
        "Term": {
            "type": "object",
            "properties": {
                "id": {"type": "integer"},
                "meta": {
                    "type": "object",
                    "properties": {
                        "type": {"type": "string"},
                        "detail_url": URL,
                        "locale": {"type": "string"},
                        "translation_key": {"type": "string", "format": "uuid"},
                    },
                },
                "name": {"type": "string"},
                "slug": {"type": "string"},
                "county": _nullable("TermLink"),
            },
            "required": ["id", "meta"],
        },
        "CommemorationDay": {
            "type": "object",
            "properties": {
                "id": {"type": "integer"},
                "meta": {"type": "object"},
                "name": {"type": "string"},
                "month": {"type": "integer"},
                "day": {"type": "integer"},
            },
            "required": ["id", "meta"],
        },
        "Document": {
            "type": "object",
            "properties": {
                "id": {"type": "integer"},
                "meta": {
                    "type": "object",
                    "properties": {**object_meta["properties"], "download_url": URL},
                },
                "title": {"type": "string"},
            },
            "required": ["id", "meta"],
        },
        "Image": {
            "type": "object",
            "properties": {
                "id": {"type": "integer"},
                "meta": {
                    "type": "object",
                    "properties": {**object_meta["properties"], "download_url": {"type": "string"}},
                },
                "title": {"type": "string"},
                "width": {"type": "integer"},
                "height": {"type": "integer"},
            },
            "required": ["id", "meta"],
        },
        "MemberActivities": _object(
            {
                "meta": _object(
                    {
                        "date": {"type": "string", "format": "date"},
                        "total_count": {"type": "integer"},
                    }
                ),
                "items": {
                    "type": "array",
                    "items": _object(
                        {
                            "id": {"type": "string"},
                            "title": {"type": "string"},
                            "description": {"type": "string"},
                            "mode": {"enum": ["physical", "digital"]},
                            "pack": {
                                "allOf": [
                                    _ref("PageLink"),
                                    _object(
                                        {
                                            "period_start": NULLABLE_DATE,
                                            "period_end": NULLABLE_DATE,
                                            "commemoration_day": _nullable("CommemorationDayLink"),
                                        }
                                    ),
                                ]
                            },
                        }
                    ),
                },
            }
        ),
        "Error": _object(
            {
                "message": {"type": "string", "description": "In English."},
                "message_nb": {"type": "string", "description": "In Bokmål (on a 400)."},
            },
            required=["message"],
        ),
    }


ERRORS = {
    "400": {
        "description": "A parameter is unknown or wrong: the message says which, in English "
        "and in Bokmål.",
        "content": {"application/json": {"schema": _ref("Error")}},
    },
    "429": {
        "description": "Too many requests from this address; wait (Retry-After) and try again.",
        "content": {"application/json": {"schema": _ref("Error")}},
    },
}


def _json(description, schema):
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def description() -> dict:
    paths = {}
    for name, (summary, item, detail, filters, tag) in LIST_ENDPOINTS.items():
        parameters = COMMON + PARAMETERS[filters]
        if name != "pages":
            parameters = [p for p in parameters if p["name"] != "type"]
        paths[f"{PREFIX}/{name}/"] = {
            "get": {
                "operationId": f"{name.replace('-', '_')}_list",
                "summary": summary,
                "tags": [tag],
                "parameters": parameters,
                "responses": {"200": _json(summary, _listing(_ref(item))), **ERRORS},
            }
        }
        paths[f"{PREFIX}/{name}/{{id}}/"] = {
            "get": {
                "operationId": f"{name.replace('-', '_')}_detail",
                "summary": f"{summary}: one, by id",
                "tags": [tag],
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}},
                    _query("fields", "Fields to add or remove, as in the listing."),
                ],
                "responses": {
                    "200": _json("The object.", _ref(detail)),
                    "404": _json("No public object has this id.", _ref("Error")),
                    **ERRORS,
                },
            }
        }
        paths[f"{PREFIX}/{name}/find/"] = {
            "get": {
                "operationId": f"{name.replace('-', '_')}_find",
                "summary": f"{summary}: find one by id (?id=), redirected to its detail",
                "tags": [tag],
                "parameters": [_query("id", "The id.", {"type": "integer"})],
                "responses": {
                    "302": {"description": "Found: Location is the object's detail URL."},
                    "404": _json("No public object has this id.", _ref("Error")),
                },
            }
        }
    paths[f"{PREFIX}/member-activities/"] = {
        "get": {
            "operationId": "member_activities",
            "summary": "What can I do this week: activities for individual members of the "
            "campaign packs running on a day",
            "tags": ["Campaigns"],
            "parameters": [
                _date("date", "The day (Oslo time); today by default."),
                LOCALE,
            ],
            "responses": {"200": _json("The activities.", _ref("MemberActivities")), **ERRORS},
        }
    }
    paths[f"{PREFIX}/openapi.json"] = {
        "get": {
            "operationId": "openapi",
            "summary": "This description",
            "tags": ["About"],
            "responses": {"200": _json("OpenAPI 3.1", {"type": "object"})},
        }
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Ressursbanken API",
            "version": "2",
            "description": (
                "Read-only, public content of Ressursbanken: campaign packs, training, "
                "handbooks, success stories, information pages, taxonomy, documents and "
                "images, in Bokmål (nb), Nynorsk (nn) and the languages added for the "
                "public. Members-only content is never part of it. Anonymous; "
                f"{settings.API_RATE_LIMIT} per client address. A page's "
                "meta.translation_key is the same in every language, and meta.translations "
                "links its other public versions."
            ),
        },
        "servers": [{"url": "/"}],
        "paths": paths,
        "components": {"schemas": _schemas()},
    }


def openapi_view(request):
    return JsonResponse(description(), json_dumps_params={"ensure_ascii": False})
