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
