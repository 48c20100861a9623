"""Stream blocks shared by every page type."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

# The rich-text features of body text everywhere.
RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Level 2")), ("h3", _("Level 3"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Heading")
        description = _("A section heading")
        preview_value = {"text": "Slik gjør dere det", "level": "h2"}


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        label = _("Quote")
        description = _("A quotation with an optional attribution")
        preview_value = {"text": "Vi fikk tjue nye medlemmer på én kveld.", "attribution": ""}


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Link text"), required=False, max_length=120)

    class Meta:
        icon = "doc-full"
        template = "blocks/document_link_block.html"
        label = _("Document link")
        description = _("A link to download a document")
        preview_value = {"title": "Last ned plakaten"}


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        description=_("Text with links and lists"),
        preview_value="<p>Lokallaget inviterte naboer til et åpent møte.</p>",
    )
    image = ImageBlock(
        label=_("Image"),
        template="blocks/image_block.html",
        description=_("An image with alternative text"),
    )
    quote = QuoteBlock()
    document = DocumentLinkBlock()
