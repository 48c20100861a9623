"""Norwegian text analysis shared by every search backend.

One analyzer for both written standards: lower-case, fold a small, explicit list of
Nynorsk word forms onto their Bokmål counterparts, drop stop words and stem with
Snowball's Norwegian stemmer (the same algorithm PostgreSQL's ``norwegian``
configuration and Lucene's ``norwegian`` analyzer use). The stemmer already joins
most inflections of both standards ("lokallaget", "lokallagene", "lokallaga" all
become "lokallag"); the folding table covers the words where the standards spell
the stem differently ("skulering"/"skolering", "tillitsvalde"/"tillitsvalgte").

The table is deliberately small and honest: it is a list of prefixes used by the
organisation's own vocabulary, not a general Nynorsk-Bokmål dictionary. Add a row
when editors report a pair that does not match.

This module imports nothing from Django, so settings can use it to build the
Elasticsearch/OpenSearch index settings.
"""

import re
from functools import lru_cache

import snowballstemmer

# Nynorsk prefix -> Bokmål prefix, applied to the start of each lower-cased word
# before stemming. Longer prefixes win.
NN_TO_NB_PREFIXES: dict[str, str] = {
    "skule": "skole",  # skule, skulen, skulering -> skole, skolen, skolering
    "tillitsvald": "tillitsvalgt",  # tillitsvald, tillitsvalde -> tillitsvalgt(e)
    "handbok": "håndbok",  # handbok, handboka -> håndbok(a)
    "friviljug": "frivillig",
    "valkamp": "valgkamp",
    "valliste": "valgliste",
    "kommuneval": "kommunevalg",
    "stortingsval": "stortingsvalg",
    "fylkesval": "fylkesvalg",
    "saman": "sammen",
    "mykje": "mye",
    "korleis": "hvordan",
    "kvifor": "hvorfor",
    "berre": "bare",
    "ikkje": "ikke",
}

# Snowball's Norwegian stop-word list (both standards), so that "skulering for
# tillitsvalde" does not require the word "for" in a document.
STOP_WORDS = frozenset(
    """
    og i jeg det at en et den til er som på de med han av ikke ikkje der så var meg
    seg men ett har om vi min mitt ha hadde hun nå over da ved fra du ut sin dem oss
    opp man kan hans hvor eller hva skal selv sjøl her alle vil bli ble blei blitt
    kunne inn når være kom noen noe ville dere deres kun ja etter ned skulle denne
    for deg si sine sitt mot å meget hvorfor dette disse uten hvordan ingen din ditt
    blir samme hvilken hvilke sånn inni mellom vår hver hvem vors hvis både bare enn
    fordi før mange også slik vært båe begge siden dykk dykkar dei deira deires deim
    di då eg ein eit eitt elles honom hjå ho hoe henne hennar hennes hoss hossen ingi
    inkje korleis korso kva kvar kvarhelst kven kvi kvifor me medan mi mine mykje no
    nokon noka nokor noko nokre sia sidan so somt somme um upp vere vore verte vort
    varte vart
    """.split()
)

WORD_RE = re.compile(r"\w+", re.UNICODE)

_stemmer = snowballstemmer.stemmer("norwegian")
_PREFIXES = sorted(NN_TO_NB_PREFIXES.items(), key=lambda item: -len(item[0]))


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """Lower-case a word and fold a Nynorsk spelling onto the Bokmål one."""
    word = word.lower()
    for nn, nb in _PREFIXES:
        if word.startswith(nn):
            return nb + word[len(nn) :]
    return word


@lru_cache(maxsize=65536)
def stem_word(word: str) -> str:
    """The index term for one word: folded and stemmed."""
    return _stemmer.stemWord(fold_word(word))


def words(text: str) -> list[str]:
    return WORD_RE.findall(text or "")


def analyze(text: str) -> list[str]:
    """Index terms for a text: folded, stop words dropped, stemmed."""
    terms = []
    for word in words(text):
        folded = fold_word(word)
        if folded in STOP_WORDS:
            continue
        terms.append(stem_word(folded))
    return terms


def fold_text(text: str) -> str:
    """The text with every word folded (no stemming), for backends that stem themselves."""
    return WORD_RE.sub(lambda match: fold_word(match.group(0)), text or "")


def elasticsearch_analysis() -> dict:
    """Index settings that make the default analyzer Norwegian, with the same folding.

    Equivalent to Lucene's built-in ``norwegian`` analyzer (standard tokenizer,
    lower-case, Norwegian stop words, Snowball Norwegian stemmer) with the
    Nynorsk-to-Bokmål prefix folding above in front of the stemmer. Lucene's
    ``light_nynorsk`` stemmer is not used: it stems differently from Snowball, so
    a Nynorsk query would no longer meet Bokmål content on the same term.
    """
    fold_filters = {}
    for index, (nn, nb) in enumerate(_PREFIXES):
        fold_filters[f"nn_nb_fold_{index}"] = {
            "type": "pattern_replace",
            "pattern": f"^{re.escape(nn)}",
            "replacement": nb,
        }
    return {
        "analysis": {
            "filter": {
                **fold_filters,
                "norwegian_stop": {"type": "stop", "stopwords": sorted(STOP_WORDS)},
                "norwegian_stemmer": {"type": "stemmer", "language": "norwegian"},
            },
            "analyzer": {
                # modelsearch's autocomplete analyzer folds "å" to "a" at index time
                # but searches with the standard analyzer, so "håndb" never met
                # "håndbok". Norwegian letters are kept on both sides instead.
                "edgengram_analyzer": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "edgengram"],
                },
                "default": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": [
                        "lowercase",
                        *fold_filters,
                        "norwegian_stop",
                        "norwegian_stemmer",
                    ],
                },
            },
        }
    }
