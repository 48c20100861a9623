from django.db import models


class VocabularyWord(models.Model):
    """A word that occurs in indexed text: what a misspelt query word is corrected to.

    Filled as objects are indexed (``search.documents``) and never pruned: a
    correction is offered only when searching with it finds pages the reader may
    see, so a stale or private word is never shown.
    """

    word = models.CharField(max_length=64, primary_key=True)
    first = models.CharField(max_length=1)
    length = models.PositiveSmallIntegerField()

    class Meta:
        indexes = [models.Index(fields=["first", "length"], name="search_vocab_first_length")]

    def __str__(self):
        return self.word


class DocumentText(models.Model):
    """The text of a document's file, extracted once by the worker (``search.tasks``).

    Kept per document with the hash of the file it came from: a file is read again only
    when it is replaced (its hash changes), never when the document is indexed again.
    ``failed`` marks a file whose text could not be read (a damaged PDF, a format with
    no reader): the document is then found by its title alone.
    """

    document = models.OneToOneField(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="extracted_text",
    )
    file_hash = models.CharField(max_length=40)
    text = models.TextField(blank=True)
    failed = models.BooleanField(default=False)
    extracted_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"{self.document_id} ({self.file_hash[:8]})"
