"""Norwegian text analysis shared by every search backend, from Apertium's own data.

Every word of the indexed text and of the query, in Bokmål or Nynorsk, is mapped to
shared *lemma keys*:

- Bokmål words are analysed with ``nob-nno.automorf.bin``; their keys are the
  Bokmål lemmas ("tillitsvalgte" -> ``tillitsvalgt``).
- Nynorsk words are analysed with ``nno-nob.automorf.bin`` and each Nynorsk lemma is
  carried over to Bokmål with the bilingual dictionary ``nno-nob.autobil.bin``
  ("leiar" -> ``leder``, "valkamp" -> ``valgkamp``, "foreining" -> ``forening``).
- Both analysers run with compound analysis (``lt-proc -e``): a compound indexes
  under each of its parts and under its parts joined ("lokallagsleiar" ->
  ``lokallag``, ``leder``, ``lokallagleder``; "lokallagsleder" gives the same).

A word is analysed in both standards (many words are valid in both) and every
candidate is kept, up to ``MAX_READINGS`` readings a word: relevance matters more
than index size. Words neither analyser knows get Snowball's Norwegian stem, as
before. Keys are lower-cased with accents dropped (``komité`` = ``komite``) but
æ, ø and å kept.

Speed: one long-running ``lt-proc -z`` process per analyser (null-flush mode)
answers batches of words over a pipe; every word's analysis is kept in an
in-process LRU cache. The processes are shared by threads under a lock and are
restarted if they die. Without Apertium's files (or ``lt-proc``) the analysis falls
back to Snowball alone, with a warning, so the embedded tier still runs.

This module imports nothing from Django, so settings can import it.
"""

import itertools
import logging
import os
import re
import shutil
import subprocess
import threading
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import snowballstemmer

logger = logging.getLogger(__name__)

APERTIUM_DIR = Path(os.environ.get("SEARCH_APERTIUM_DIR", "/usr/share/apertium/apertium-nno-nob"))
NOB_MORPH = "nob-nno.automorf.bin"  # Bokmål analyser
NNO_MORPH = "nno-nob.automorf.bin"  # Nynorsk analyser
NNO_NOB_BIDIX = "nno-nob.autobil.bin"  # Nynorsk lemma -> Bokmål lemma

MAX_READINGS = 3  # lemma readings kept per word
MAX_ALTERNATIVES = 3  # Bokmål lemmas kept per Nynorsk lemma
MIN_HEAD_LENGTH = 5  # a compound's head alone matches a query only when this long
CACHE_SIZE = 200_000  # words
BATCH_SIZE = 500  # words per request to an analyser

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
_LU_RE = re.compile(r"\^(.*?)\$", re.DOTALL)
_TAG_RE = re.compile(r"<([^>]*)>")
_NON_WORD_RE = re.compile(r"\W+", re.UNICODE)
_RING_ABOVE = "\u030a"

# Parts of speech, most useful for search first (ties between readings go to these).
_POS_ORDER = {"n": 0, "np": 1, "adj": 2, "vblex": 3, "adv": 4}

_stemmer = snowballstemmer.stemmer("norwegian")
_stemmer_lock = threading.Lock()


def fold_key(word: str) -> str:
    """Lower-case, drop accents (é -> e, ü -> u) but keep æ, ø and å, drop non-letters."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    kept = []
    for char in decomposed:
        if unicodedata.combining(char) and not (char == _RING_ABOVE and kept and kept[-1] in "aA"):
            continue
        kept.append(char)
    return _NON_WORD_RE.sub("", unicodedata.normalize("NFC", "".join(kept)))


def stem(word: str) -> str:
    """Snowball's Norwegian stem of a word (its key when Apertium does not know it)."""
    with _stemmer_lock:  # snowballstemmer's stemmer objects keep state
        return fold_key(_stemmer.stemWord(word.lower()))


# --- The analysers: one lt-proc process each ---------------------------------------------------


class LtProc:
    """One long-running ``lt-proc -z`` process, asked batches of NUL-separated segments.

    Thread-safe (one request at a time under a lock); started on first use, and again
    after it dies or after a fork.
    """

    def __init__(self, *args: str):
        self.args = args
        self._proc = None
        self._pid = None
        self._lock = threading.Lock()

    def _start(self):
        self._proc = subprocess.Popen(  # noqa: S603 - fixed arguments, no shell
            ["lt-proc", "-z", *self.args],  # noqa: S607 - lt-proc from the PATH
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            bufsize=0,
        )
        self._pid = os.getpid()

    def close(self):
        with self._lock:
            self._stop()

    def _stop(self):
        proc, self._proc = self._proc, None
        if proc is not None and self._pid == os.getpid():
            for stream in (proc.stdin, proc.stdout):
                try:
                    stream.close()
                except OSError:
                    pass
            proc.kill()
            proc.wait()

    def ask(self, segments: list[str]) -> list[str]:
        """The analyser's output for each segment, in order."""
        if not segments:
            return []
        with self._lock:
            try:
                return self._ask(segments)
            except (OSError, ValueError, EOFError):
                logger.warning("lt-proc %s failed; restarting it", " ".join(self.args))
                self._stop()
                return self._ask(segments)

    def _ask(self, segments: list[str]) -> list[str]:
        if self._proc is None or self._pid != os.getpid() or self._proc.poll() is not None:
            self._start()
        proc = self._proc
        # A blank ends each segment: in bidix mode lt-proc waits for one after the "$".
        data = "".join(segment.replace("\0", " ") + " \0" for segment in segments).encode()
        writer = None
        if len(data) > 32_768:
            # The answer may fill the pipe before the question is written: write aside.
            writer = threading.Thread(target=_write_all, args=(proc.stdin, data), daemon=True)
            writer.start()
        else:
            proc.stdin.write(data)
        wanted, seen, chunks = len(segments), 0, []
        fd = proc.stdout.fileno()
        while seen < wanted:
            chunk = os.read(fd, 65_536)
            if not chunk:
                raise EOFError("lt-proc closed its output")
            chunks.append(chunk)
            seen += chunk.count(b"\0")
        if writer is not None:
            writer.join()
        return [part.decode("utf-8", "replace") for part in b"".join(chunks).split(b"\0")[:wanted]]


def _write_all(stream, data: bytes) -> None:
    try:
        stream.write(data)
    except OSError:
        pass  # the reader notices the dead process


# --- Readings -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reading:
    """One way to read a word: its parts (one for a simple word), each with its Bokmål keys."""

    parts: tuple[tuple[str, ...], ...]

    @property
    def joined(self) -> tuple[str, ...]:
        """Keys for the whole word: for a compound, its parts' first keys joined."""
        if len(self.parts) == 1:
            return self.parts[0]
        combos = itertools.islice(itertools.product(*self.parts), MAX_ALTERNATIVES)
        return tuple(dict.fromkeys("".join(combo) for combo in combos))

    def keys(self) -> tuple[str, ...]:
        if len(self.parts) == 1:
            return self.parts[0]
        return tuple(dict.fromkeys([*self.joined, *itertools.chain.from_iterable(self.parts)]))


def _parse_lus(text: str) -> list[list[str]]:
    """The analyses of each lexical unit in lt-proc output (surface form dropped)."""
    units = []
    for match in _LU_RE.finditer(text):
        fields = re.split(r"(?<!\\)/", match.group(1))
        units.append(fields[1:])
    return units


def _split_analysis(analysis: str) -> list[tuple[str, list[str]]]:
    """'lokallag<n><nt><cmp>+leiar<n><m>' -> [('lokallag', ['n', 'nt', 'cmp']), ...]."""
    parts = []
    for part in re.split(r"(?<!\\)\+", analysis):
        lemma = part.split("<", 1)[0]
        parts.append((lemma, _TAG_RE.findall(part)))
    return parts


def _pos_rank(tags: list[str]) -> int:
    return _POS_ORDER.get(tags[0], 9) if tags else 9


class Analyzer:
    """Words -> readings, with Apertium where it is installed and Snowball otherwise."""

    def __init__(self, directory: Path = APERTIUM_DIR):
        self.directory = Path(directory)
        self._cache: OrderedDict[str, tuple[Reading, ...]] = OrderedDict()
        self._bidix_cache: dict[str, tuple[str, ...]] = {}
        self._cache_lock = threading.Lock()
        self.available = self._check()
        if self.available:
            self.nob = LtProc("-e", str(self.directory / NOB_MORPH))
            self.nno = LtProc("-e", str(self.directory / NNO_MORPH))
            self.bidix = LtProc("-b", str(self.directory / NNO_NOB_BIDIX))

    def _check(self) -> bool:
        missing = [
            name
            for name in (NOB_MORPH, NNO_MORPH, NNO_NOB_BIDIX)
            if not (self.directory / name).is_file()
        ]
        if missing or shutil.which("lt-proc") is None:
            what = ", ".join(missing) if missing else "lt-proc"
            logger.warning(
                "Apertium's analysers are missing (%s in %s): search falls back to Snowball "
                "stemming alone, so Bokmål and Nynorsk spellings of a word will not meet "
                "(apt-get install apertium-nno-nob lttoolbox)",
                what,
                self.directory,
            )
            return False
        return True

    def close(self) -> None:
        if self.available:
            for proc in (self.nob, self.nno, self.bidix):
                proc.close()

    # The cache -------------------------------------------------------------------------------

    def _cached(self, word: str):
        with self._cache_lock:
            readings = self._cache.get(word)
            if readings is not None:
                self._cache.move_to_end(word)
            return readings

    def _store(self, found: dict[str, tuple[Reading, ...]]) -> None:
        with self._cache_lock:
            self._cache.update(found)
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)

    # Analysis --------------------------------------------------------------------------------

    def readings(self, words) -> dict[str, tuple[Reading, ...]]:
        """Readings of each distinct word (as written; case matters to Apertium)."""
        result, missing = {}, []
        for word in dict.fromkeys(words):
            readings = self._cached(word)
            if readings is None:
                missing.append(word)
            else:
                result[word] = readings
        if missing:
            found = {}
            for start in range(0, len(missing), BATCH_SIZE):
                found.update(self._analyse(missing[start : start + BATCH_SIZE]))
            self._store(found)
            result.update(found)
        return result

    def _analyse(self, words: list[str]) -> dict[str, tuple[Reading, ...]]:
        plain = [w for w in words if not self.available or not w.isalpha()]
        found = {w: (Reading(((stem(w),),)),) for w in plain}
        words = [w for w in words if w not in found]
        if not words:
            return found
        try:
            nob_out = self.nob.ask(words)
            nno_out = self.nno.ask(words)
        except (OSError, ValueError, EOFError):
            logger.exception("Apertium analysis failed; using Snowball stems for this batch")
            found.update({w: (Reading(((stem(w),),)),) for w in words})
            return found
        nno_analyses = {}
        needed = set()
        for word, output in zip(words, nno_out, strict=True):
            analyses = [a for unit in _parse_lus(output) for a in unit if not a.startswith("*")]
            nno_analyses[word] = analyses
            for analysis in analyses:
                for lemma, tags in _split_analysis(analysis):
                    needed.add(_bidix_unit(lemma, tags))
        self._translate(needed)
        for word, output in zip(words, nob_out, strict=True):
            candidates = []  # (rank, reading)
            for analysis in (a for unit in _parse_lus(output) for a in unit):
                if analysis.startswith("*"):
                    continue
                parts = _split_analysis(analysis)
                reading = Reading(tuple(_own_keys(lemma) for lemma, _tags in parts))
                candidates.append((self._rank(word, parts, reading), reading))
            for analysis in nno_analyses[word]:
                parts = _split_analysis(analysis)
                reading = Reading(
                    tuple(
                        self._bidix_cache.get(_bidix_unit(lemma, tags)) or _own_keys(lemma)
                        for lemma, tags in parts
                    )
                )
                candidates.append((self._rank(word, parts, reading), reading))
            found[word] = _best_readings(word, candidates)
        return found

    @staticmethod
    def _rank(word: str, parts, reading: Reading):
        lemma_is_word = len(parts) == 1 and parts[0][0].lower() == word.lower()
        return (len(parts), 0 if lemma_is_word else 1, _pos_rank(parts[-1][1]))

    def _translate(self, units: set[str]) -> None:
        """Bokmål keys for Nynorsk lemma units ('^leiar<n><m><sg><ind>$'), into the cache."""
        with self._cache_lock:
            todo = sorted(u for u in units if u not in self._bidix_cache)
        if not todo:
            return
        answers = {}
        for start in range(0, len(todo), BATCH_SIZE):
            batch = todo[start : start + BATCH_SIZE]
            try:
                outputs = self.bidix.ask(batch)
            except (OSError, ValueError, EOFError):
                logger.exception("Apertium's bilingual dictionary failed for a batch")
                continue
            for unit, output in zip(batch, outputs, strict=True):
                keys = []
                for translations in _parse_lus(output):
                    for translation in translations:
                        if translation.startswith("@"):
                            continue  # no Bokmål entry: the Nynorsk lemma stands
                        key = fold_key(translation.split("<", 1)[0])
                        if key and key not in keys:
                            keys.append(key)
                answers[unit] = tuple(keys[:MAX_ALTERNATIVES])
        with self._cache_lock:
            self._bidix_cache.update(answers)


def _bidix_unit(lemma: str, tags: list[str]) -> str:
    kept = [t for t in tags if t not in ("cmp", "cmp-split", "cmp-ref")]
    return "^" + lemma + "".join(f"<{t}>" for t in kept) + "$"


def _own_keys(lemma: str) -> tuple[str, ...]:
    key = fold_key(lemma)
    return (key,) if key else ()


def _best_readings(word: str, candidates) -> tuple[Reading, ...]:
    readings = []
    for _rank, reading in sorted(candidates, key=lambda item: item[0]):
        if any(not part for part in reading.parts):
            continue
        if reading not in readings:
            readings.append(reading)
        if len(readings) == MAX_READINGS:
            break
    return tuple(readings) or (Reading(((stem(word),),)),)


_analyzer = None
_analyzer_lock = threading.Lock()


def get_analyzer() -> Analyzer:
    global _analyzer
    if _analyzer is None:
        with _analyzer_lock:
            if _analyzer is None:
                _analyzer = Analyzer()
    return _analyzer


def set_analyzer(analyzer: Analyzer | None) -> Analyzer | None:
    """Swap the shared analyzer (tests); returns the previous one."""
    global _analyzer
    with _analyzer_lock:
        previous, _analyzer = _analyzer, analyzer
    return previous


# --- What the backends use ----------------------------------------------------------------------


def words(text: str) -> list[str]:
    return WORD_RE.findall(text or "")


def content_words(text: str) -> list[str]:
    """The words of a text that are not stop words."""
    return [w for w in words(text) if w.lower() not in STOP_WORDS]


def analyze(text: str) -> list[str]:
    """Index keys for a text, in order: every key of every reading of every word."""
    found = content_words(text)
    readings = get_analyzer().readings(found)
    keys = []
    for word in found:
        word_keys = []
        for reading in readings[word]:
            for key in reading.keys():
                if key not in word_keys:
                    word_keys.append(key)
        keys.extend(word_keys)
    return keys


def analyze_many(texts: list[str]) -> list[list[str]]:
    """``analyze`` for many texts, asking the analysers once for all their new words."""
    get_analyzer().readings(w for text in texts for w in content_words(text))
    return [analyze(text) for text in texts]


def word_keys(word: str) -> set[str]:
    """Every key a single word indexes under."""
    return set(analyze(word))


# Query expressions: ("term", key) | ("and", [expr, ...]) | ("or", [expr, ...]).


def _combine(kind, items):
    flat = []
    for item in items:
        flat.extend(item[1] if item[0] == kind else [item])
    unique = list(dict.fromkeys(flat))
    return unique[0] if len(unique) == 1 else (kind, tuple(unique))


def _or(items):
    return _combine("or", items)


def _and(items):
    return _combine("and", items)


def reading_expression(reading: Reading):
    """What a document must have to match one reading of a query word.

    A simple word: any of its keys. A compound: the whole compound (its parts'
    keys joined, which a document has for the compound in either standard), or,
    for a head of ``MIN_HEAD_LENGTH`` letters or more, its head alone, so
    "nominasjonskomiteen" also meets "valgkomité" (ranked below the whole
    compound). Documents index every part too, so a simple query word finds the
    compounds it is part of.
    """
    if len(reading.parts) == 1:
        return _or([("term", key) for key in reading.parts[0]])
    options = [("term", key) for key in reading.joined]
    head = [key for key in reading.parts[-1] if len(key) >= MIN_HEAD_LENGTH]
    options.extend(("term", key) for key in head)
    return _or(options)


@dataclass(frozen=True)
class QueryWord:
    word: str
    expression: tuple  # a query expression
    keys: tuple[str, ...]  # every key of the word, for ranking and highlighting


def analyze_query(text: str) -> list[QueryWord]:
    """One entry per content word of a query, in order (repeated words once)."""
    found = list(dict.fromkeys(content_words(text)))
    # Apertium knows a place or a name capitalised only ("Bergen"; "bergen" is a noun,
    # "the mountains"), and people type them in lower case: a lower-case query word is
    # read as written and capitalised too, so it meets the text's proper noun.
    capitalised = {w: w[:1].upper() + w[1:] for w in found if w[:1].islower()}
    readings = get_analyzer().readings([*found, *capitalised.values()])
    query = []
    seen = set()
    for word in found:
        options = tuple(
            dict.fromkeys(readings[word] + readings.get(capitalised.get(word, word), ()))
        )
        expression = _or([reading_expression(r) for r in options])
        if expression in seen:
            continue
        seen.add(expression)
        keys = tuple(dict.fromkeys(k for r in options for k in r.keys()))
        query.append(QueryWord(word=word, expression=expression, keys=keys))
    return query


def expression_terms(expression) -> list[str]:
    if expression[0] == "term":
        return [expression[1]]
    return [t for child in expression[1] for t in expression_terms(child)]


def fold_text(text: str) -> str:
    """Lower-cased words with accents dropped: the text autocomplete matches prefixes of."""
    return " ".join(key for key in (fold_key(w) for w in words(text)) if key)
