"""From a question's text to a decision: answer, suggest, say honestly that we do not know, or small talk."""

from __future__ import annotations

import dataclasses
import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import chain, pairwise

import numpy as np

from bot.answering.act_cues import cued_act, names_nothing_else, speaks_to_the_hotline, without_cues
from bot.answering.acts import Act, aimed_at_hotline, detect, folded, leans_back, without_complaint
from bot.answering.acts.person import HUMAN_ENTRY
from bot.answering.answer_rule import Evidence, leans, sure
from bot.answering.char_opinion import CharOpinion
from bot.answering.cleanup import clean
from bot.answering.compared_sides import ComparedSides
from bot.answering.comparison import likened
from bot.answering.contact_asked import gives_details, office_asked
from bot.answering.decision import Decision, Kind, Smalltalk, Strategy
from bot.answering.evidence import gathered
from bot.answering.french import (
    BYES,
    DISCOURSE_ADVERBS,
    GLOSSARY_CHATTER,
    GREETINGS,
    HELP_PHRASES,
    STOPWORDS,
    THANKS,
    WHAT_IT_IS,
)
from bot.answering.how_many import HowMany, holds_a_figure, how_many, pay_left_unsaid
from bot.answering.learned import AGREED_PROBABILITY, PART_AGREED_PROBABILITY, shipped_model
from bot.answering.learned_choices import may_lead, with_learned_choice
from bot.answering.learned_doubt import Doubts, doubted, may_doubt
from bot.answering.learned_parts import PART_LEAD_PROBABILITY, may_lead_parts, with_parts_led
from bot.answering.matcher import Candidate, Matcher, PassageHit, candidate_of
from bot.answering.normalize import Analysis, Normalizer, fold, french_lemmas, slug, typed_words, words
from bot.answering.questions import (
    asks_its_meaning,
    asks_its_use,
    asks_to_explain,
    asks_what_it_is,
    asks_what_the_council_can_do,
    names_the_word,
    quoted_things,
    split_questions,
    told_before_not_knowing,
)
from bot.answering.reuse import Build
from bot.answering.scope import (
    COUNCIL_WORDS,
    another_body,
    asks_if_called_off,
    elsewhere,
    matter_of,
    personal_matters,
)
from bot.answering.second_opinion import SecondOpinion
from bot.answering.segment import Role, Segment, split_message
from bot.answering.several_questions import MULTI_EXTRA_SCORE, MULTI_POOL, VAGUE_QUESTION_WEIGHT, SeveralQuestions
from bot.answering.terms_asked import TermsAsked
from bot.answering.the_bot import asks_our_role, bots_own
from bot.config import AnsweringSettings
from bot.knowledge.model import FaqEntry, GlossaryTerm, KnowledgeBase

LEGACY_MIN_COVERAGE = 0.5  # the previous matcher's rule, on all words
MIN_COVERAGE = 0.3  # share of the known words an entry must explain to be suggested (realistic dev split)
# How much each part of a message weighs in the match (tuned on the realistic set's dev split).
_ROLE_WEIGHTS = {Role.QUESTION: 1.0, Role.CONTEXT: 0.6, Role.INTRO: 0.3, Role.GREETING: 0.0, Role.CLOSING: 0.0}
TAKEN_UP_WEIGHT = 0.8  # the clause that only takes up the story ("on peut refuser ?"): its words name no subject
UNKNOWN_CONTEXT_WEIGHT = 0.3  # a word the base never uses, outside the question clauses
# A story tells something: a clause of a word or two left out of an introduction ("c'est Aïcha") is none.
STORY_MIN_WORDS = 4
# A whole message asked in one long breath ("je voudrais savoir si je peux venir avec ma fille au prochain interconseil
# elle s'intéresse à la vie du quartier et c'est où ?") is judged like a story: its choices on the words the base
# knows, not on all of them ("je voudrais savoir si" lowered every entry's share below the bar: "je ne sais pas"). From
# 16 words: dev 4 messages from "je ne sais pas" to choices holding the right entry, no verdict lost; from 12, 17 more
# out-of-scope messages got choices (bench/RESULTS.md).
LONG_QUESTION_WORDS = 16
FOCUS_MIN_WEIGHT = 8.0  # the question clauses are ranked alone only when they name this much
PROMOTED_CONTEXT_WEIGHT = 0.95  # the story when the question clause names nothing
# Answering at once: see bot/answering/answer_rule.py (the rankers' evidence, a model fitted on dev). Ours
# alone, however high, was wrong too often on the dev split: the rule always asks the others.
# Our first two entries this close are a tie that the other ranker breaks (it reads members' long messages
# better, ours tidy questions: a clear lead of ours stands). The tie broken is offered first; it is answered
# only when the character n-grams name the same entry (answer_rule.eligible).
TIE_MARGIN = 6.0
AGREED_SUGGESTION = 20.0
PERSONAL_OFFER_SCORE = 40.0  # a personal matter's fiches (realistic dev: every helpful one scored ≥ 42)
ANALYSES_CACHED = 8192  # two keys a text (`Answerer.analyze`): 4,096 texts, as before
TYPED_WORDS_KEPT = 100_000  # typed words kept as BM25 reads them (`Answerer._read_for_bm25`)
# Decided once before an answerer is put in service (`Answerer.warm_up`): a question, then several with a story, so
# that the steps a member's message may take have run once (our own words, in no evaluation set).
WARM_UP = ("Bonjour, comment devenir membre du conseil citoyen ?",
           "Bonjour, je viens d'arriver dans le quartier et je voudrais participer. C'est quoi le rôle du conseil "
           "citoyen et comment on s'inscrit pour la prochaine réunion ?")
# "comment je parle à…", "et comment on joint…", or the "how" ending the clause ("…je fais comment ?", "…comment
# faire"): a question on how something is done.
_HOW_QUESTION = re.compile(r"^(?:et\s+)?(?:comment|cmt)\b|\b(?:je|j|on)\s+(?:fais|fait|doi[st])\s+(?:comment|cmt)\b"
                           r"|\b(?:comment|cmt)\s+(?:je\s+fais|on\s+fait|faire)\b")
# A question word of any place in the clause ("on fait comment pour partir"): something is asked.
_ASKING = re.compile(r"\b(?:comment|cmt|koman|pourquoi|pk|quand|kan|combien|ou|qui|ki|quel|quelle|quels|quelles)\b|\?")
# "et pour partir avant la fin ?" after the mandate's length: in a follow-up, "the end" is the end of what was just
# answered (the mandate), as "en cours de route" is its course; those words name no subject of their own.
_ITS_END = re.compile(r"\b(?:avant|jusqu'?\s*a|jusqu'?\s*à)\s+(?:la\s+fin|le\s+terme|terme)\b|\ben\s+cours\s+de\s+route\b",
                      re.IGNORECASE)
# A name right after these says where the member lives or who they are ("j'habite Malakoff", "un conseil citoyen à
# Saint-Herblain Bellevue", "je m'appelle Karim"), not a subject the base does not cover ("le maire de Rezé").
_WHERE_OR_WHO = frozenset({"a", "à", "au", "aux", "habite", "j'habite", "m'appelle", "appelle", "suis"})
# When our own ranking offers nothing, an entry two of the three rankers name among their first OFFER_RANKED (one of
# them first) is offered, above this score of ours, if the question uses no unknown word and the entry uses each of its words
# that at most OFFER_RARE_ENTRIES entries use (realistic dev split: see bench/RESULTS.md). An unknown SMS spelling,
# neither a French word nor a name, counts as no word at all (blind batches before their tuning: bench/RESULTS.md).
OFFER_MIN_SCORE = 20.0
OFFER_RANKED = 3
ORDER_POOL = 5  # entries of ours, BM25's and the n-grams' an order of our own reads (`Answerer.order`)
# An order of our own: our first entries, BM25's and the n-grams' first (entry, score) → our entries reordered.
Order = Callable[[list[Candidate], list[tuple[str, float]], list[tuple[str, float]]], list[Candidate]]
OFFER_RARE_ENTRIES = 1
# Choices shown when no entry is sure: those named by two of the three rankers among their first few (ours,
# BM25, character n-grams) come before those only ours names (realistic dev split: helped 94.3 → 94.5 %).
CONSENSUS_OURS = 5
CONSENSUS_BM25 = 3
CONSENSUS_CHARS = 2
# A follow-up: the previous entry's related entries weigh this much more, and one of them that comes first
# is answered when it explains this share of the known words (tuned on the realistic dev split).
RELATED_WEIGHT = 1.25
# "conseil citoyen de Bellevue", "conseil des Dervallières", "conseil du Clos Toreau": a council and its place's name.
_COUNCIL_NAMED = re.compile(r"\bconseil(?:\s+citoyen)?\s+(?:de\s+la\s+|de\s+l['’]\s*|des\s+|du\s+|de\s+|d['’]\s*)"
                            r"([A-ZÀ-Ý][\w'’-]*(?:[\s-]+[A-ZÀ-Ý][\w'’-]*)*)")
# Words by which a question speaks of the one who asks ("je", "m'inscrire", "mon âge", "ma mission").
SELF_WORDS = frozenset({"j", "je", "m", "me", "moi", "mon", "ma", "mes"})
FOLLOW_UP_COVERAGE = 0.4
FOLLOW_UP_RANKED = 8
FOLLOW_UP_OWN_LEAD = 10.0  # a follow-up answered alone this far ahead of every linked entry keeps its answer
FOLLOW_UP_OWN_WORDS = 2  # known words a follow-up names to be read alone
FOLLOW_UP_OWN_RANKED = 3  # the follow-up's own words name these entries as their nearest
FOLLOW_UP_TIE = 1.0  # another entry this close (related weight included) makes it a choice
# An answer given while BM25 or the character n-grams name another entry first, ours scoring at least this share of
# that entry's score there (a near tie for that ranker): the other entry is offered beside the answer (realistic dev
# split: 4 messages helped more, 76 of 630 answers carry it; bench/RESULTS.md).
RUNNER_UP_SHARE = 0.8
_CLOSING_ACTS = {Act.THANKS: Smalltalk.THANKS, Act.BYE: Smalltalk.BYE, Act.OK: Smalltalk.OK,
                 Act.GREETING: Smalltalk.GREETING}

# Acts that small talk must not hide.
_NOT_SMALLTALK = frozenset({Act.SIMPLER, Act.HUMAN, Act.STATUS, Act.FRUSTRATION})
ORIENTS = "orientation"  # the tag of an entry that tells anyone whom to turn to, whoever's matter it is
# Words of the thanks list that thank nobody alone: "vous êtes où ?" is no thanks.
_NOT_THANKS_ALONE = frozenset({"vous", "d", "ca", "c", "est", "bon", "bien", "tres", "beaucoup", "infiniment"})
# Words that may surround a glossary term in "c'est quoi la TFPB ?" without changing the question.
_DEFINITION_NOISE = frozenset({"quoi", "sigl", "acronym", "mot", "terme", "signif", "veut", "dir"})


# The elided words an apostrophe would have cut off ("l'", "d'", "j'", "qu'"…).
_ELIDED = frozenset({"l", "d", "j", "qu", "s", "n", "m", "t", "c"})


def build_normalizer(kb: KnowledgeBase) -> Normalizer:
    return Build(kb).normalizer


def _read_without_the_wish(decision: Decision, text: str) -> str:
    """What the classifier reads of a message: the question answered beside the wish to reach a person is read
    without that wish (`Answerer._answered_beside_the_person`): its words name the entry on reaching one."""
    if Act.HUMAN in decision.acts and decision.kind != Kind.ACT and decision.segments:
        return " ".join(decision.segments)
    return text


class Answerer:
    def __init__(self, kb: KnowledgeBase, settings: AnsweringSettings,
                 strategy: Strategy = Strategy.SEGMENTS, *, previous: Answerer | None = None) -> None:
        """`previous`: the answerer in service, whose analyses are reused where the knowledge did not change
        (a learning action: the work follows what changed; the decisions are those of a fresh build)."""
        self.kb = kb
        self.settings = settings
        self.strategy = strategy
        build = Build(kb, getattr(previous, "prepared", None))
        self.normalizer = build.normalizer
        kept: Matcher | None = previous.matcher if previous is not None and build.reusing else None
        self.matcher: Matcher = Matcher(kb.faq, kb.passages, self.normalizer, tokens=build.tokens,
                                        stale=build.stale, previous=kept)
        self.terms = {slug(t.term): t for t in kb.glossary}
        # Tokens that leave "what does this term mean?" unchanged: talk about the word, and the term's own
        # meaning ("CEJ jeunes ça veut dire quoi": "jeune" is in "contrat d'engagement jeune").
        self._chatter = build.tokens(" ".join(GLOSSARY_CHATTER)) | _DEFINITION_NOISE
        self._what_it_is = build.tokens(" ".join(WHAT_IT_IS))
        self._explains = {key: frozenset(token for word in words(f"{t.meaning} {' '.join(t.synonyms)}")
                                         for token in build.tokens(word))
                          for key, t in self.terms.items()}
        self.topics = _topics(kb, frozenset(self.normalizer.vocabulary))
        self._bots_own = bots_own(kb.faq)  # entries about the hotline itself (bot/answering/the_bot.py)
        # How many entries use each glossary term: "conseil citoyen" is in most, "diagnostic en marchant" in none.
        self._named_by = {key: self.matcher.mentioning(key) for key in self.terms}
        self.second: SecondOpinion = SecondOpinion(kb.faq, previous=previous.second if previous is not None else None)
        self.chars: CharOpinion = CharOpinion(kb.faq, previous=previous.chars if previous is not None else None)
        self.rule: Callable[[Evidence], bool] = sure  # the benchmark records the evidence through it
        # Which of our first entries comes first, from our ranking and the other two rankers' first ORDER_POOL
        # entries. None: ours, a near tie broken by BM25. The benchmark measures a learned order through it
        # (bench/learned_order.py: it put the right entry first more often, and answered no better).
        self.order: Order | None = None
        # The benchmark reads every feature of the evidence (its held-out variants); the product computes only
        # what the shipped rule uses, and reads the third ranker only when BM25 agrees.
        self.full_evidence = False
        self.prepared = build.prepared()
        self.use_second_opinion = True  # the benchmark measures the engine without it too
        self.use_learned = True  # the classifier learned from members' messages (bot/answering/learned.py)
        self.use_learned_choices = True  # and the choices it leads or adds to (bot/answering/learned_choices.py)
        self.doubts: Doubts | None = Doubts()  # when it turns a sure answer into choices (None: never)
        # When it reads a question of several alone to lead its choices (bot/answering/learned_parts.py; None: never),
        # and whether a question answered at once may be offered so.
        self.part_lead: float | None = PART_LEAD_PROBABILITY
        self.part_lead_answered = True
        self.part_lead_whole = True  # and only when its reading of the whole message agrees
        # From which probability the classifier, naming our first choice for a question of several that is only
        # offered, has it answered (None: never).
        self.parts_agreed: float | None = PART_AGREED_PROBABILITY
        self._analyses: dict[str | tuple[tuple[str, ...], frozenset[str]], Analysis] = {}  # see `analyze`
        self._reads = _Reads()
        self._typed: dict[str, str] = {}  # see `_read_for_bm25`

    def __getstate__(self) -> dict[str, object]:
        # Written to disk while it answers (bot/answering/prepared.py): its attributes copied at once (in C),
        # without what answering fills.
        state = dict(self.__dict__)
        del state["_analyses"], state["_reads"], state["_typed"]
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._analyses = {}
        self._reads = _Reads()
        self._typed = {}

    @property
    def terms_asked(self) -> TermsAsked:
        """Which term a question asks, read with this answerer's own analyses and thresholds. Made at each use, not
        kept: kept, its `analyze` (bound to the answerer) would make a reference cycle, and a learning action's
        replaced answerer must be freed by reference counting (tests/test_answerer_out_of_collector.py)."""
        return TermsAsked(terms=self.terms, chatter=self._chatter, explains=self._explains, named_by=self._named_by,
                          analyze=self.analyze, suggest_threshold=self.settings.suggest_threshold,
                          promoted_weight=PROMOTED_CONTEXT_WEIGHT)

    def analyze(self, text: str) -> Analysis:
        """The normalised message (cached: one message's parts are analysed several times over). Kept by the text,
        and by the words and names read in it: texts that differ only by what the reading drops ("qui est censé payer
        ?", the same question as part of several, "qui est censé payer") are analysed once."""
        found = self._analyses.get(text)
        if found is None:
            raw, named = self.normalizer.read_text(clean(text))
            read = (tuple(raw), named)
            found = self._analyses.get(read)
            if found is None:
                found = self.normalizer.analyze_words(raw, names=named)
            if len(self._analyses) >= ANALYSES_CACHED:
                self._analyses.clear()
            self._analyses[text] = self._analyses[read] = found
        return found

    def said(self, text: str) -> tuple[str, ...]:
        """`analyze(text).words` (its words as read, corrected), without its tokens when it was not analysed: the
        parts of a message read only for their words (who asks, the rest, the questions routed on) are often texts
        no ranking reads."""
        found = self._analyses.get(text)
        if found is not None:
            return found.words
        kept = self._reads.said.get(text)
        if kept is None:
            kept = self._reads.said[text] = tuple(self.normalizer.corrected(*self.normalizer.read_text(clean(text))))
        return kept

    def warm_up(self) -> None:
        """What a first question would make once, made now: the n-gram ranker's arrays made on first use, the
        scratch arrays of the rankings, the patterns compiled on first use, the caches of the common words. The
        first member's question after a start or a learning action paid it (~3 ms at 10,000 entries, in
        `bench.latency`'s first pass). Nothing it keeps changes a decision: those are caches of pure functions.
        A base without entries has nothing to make ready."""
        if not self.kb.faq:
            return
        for text in WARM_UP:
            self.decide(text)
        if self.use_learned:
            shipped_model()  # the classifier read and laid out once per process (~50 ms), or the first unsure question pays it
        self._reads = _Reads()

    def decide(self, text: str) -> Decision:
        self._reads = _Reads()  # one message's rankings, kept while it is decided
        if self.strategy == Strategy.WHOLE:
            return self._decide_whole(text)
        segments = split_message(text)
        acts = detect(text)
        analysis = self.analyze(text)
        if Act.SIMPLER in acts and self.terms.keys() & set(analysis.tokens):
            acts = tuple(a for a in acts if a != Act.SIMPLER)  # "CEJ ça veut dire quoi": a glossary question
        greeted = any(s.role == Role.GREETING for s in segments)
        # A lone number ("2") is a choice typed after its buttons are gone, not a question: no entry is guessed.
        if (analysis.is_empty or not any(c.isalpha() for c in text)) and not acts:
            return Decision(kind=Kind.EMPTY)
        used = tuple(s.text for s in segments if s.informative)
        talk, _ = self._smalltalk(analysis.words)
        if talk != Smalltalk.HELP and set(acts) & _NOT_SMALLTALK:
            talk = None  # "pas compris" is no "compris"
        closing = _CLOSING_ACTS.get(acts[0]) if acts else None
        if talk is not None or closing is not None:
            chosen = talk if talk == Smalltalk.HELP else closing or talk
            return Decision(kind=Kind.SMALLTALK, smalltalk=chosen, score=100.0, words=analysis.words,
                            acts=acts)
        @cache
        def understood() -> Decision:  # the message's questions, decided once however many steps read them
            return self.understand(segments, text)

        if Act.HUMAN in acts and self._asks_how_to_reach(text) and understood().kind == Kind.MULTI:
            acts = tuple(a for a in acts if a != Act.HUMAN)
        if Act.STATUS in acts and self._asked_beside_the_wait(segments, understood):
            acts = tuple(a for a in acts if a != Act.STATUS)
        asked_beside = self._asked_beside_the_person(text) if Act.HUMAN in acts else ""
        if asked_beside and (beside := self._answered_beside_the_person(asked_beside)) is not None:
            return dataclasses.replace(beside, acts=acts, greeted=greeted)
        for act in (Act.HUMAN, Act.STATUS):
            if act in acts:
                person = self.kb.entry(HUMAN_ENTRY) if act == Act.HUMAN else None
                named = (candidate_of(person, score=100.0),) if person else ()
                return Decision(kind=Kind.ACT, act=act, score=100.0, words=analysis.words, acts=acts, segments=used,
                                greeted=greeted, candidates=named, asked_beside=asked_beside if person else "")
        if Act.FRUSTRATION in acts and self.information(without_complaint(text)) < VAGUE_QUESTION_WEIGHT \
                and not self._asked_despite_anger(text):
            # "va te faire voir": nothing is asked once the insult is set aside ("voir" is no question).
            return Decision(kind=Kind.ACT, act=Act.FRUSTRATION, score=100.0, words=analysis.words, acts=acts,
                            segments=used, greeted=greeted, at_hotline=aimed_at_hotline(text))
        decision = ComparedSides(self).both_compared(
            self._bare_term_defined(self._term_over_unrelated_answer(understood(), segments), segments), segments, text)
        decision = self._likened_term(decision, text)
        decision = self._details_not_given(decision, text)
        decision = self._not_ours_to_say(decision, segments)
        decision = self._pay_not_given(decision, text)
        # What other features route on (the agenda's "c'est quand…") is read in the questions, not the story.
        asked = [s.text for i, s in enumerate(segments) if s.role == Role.QUESTION or (
            s.role == Role.CONTEXT and i + 1 < len(segments) and segments[i + 1].role == Role.QUESTION)]
        routed = self.said(" ".join(asked)) if asked else analysis.words
        decision = dataclasses.replace(decision, words=routed, acts=acts, greeted=greeted)
        # Angry at the crèche or the landlord, not at us: who usually deals with it helps more than an apology.
        # A question the angry member asked that the base may answer keeps its choices ("…on a le droit de leur
        # demander de partir ? ça m'énerve vraiment"): an apology alone would drop it.
        if Act.FRUSTRATION in acts and decision.kind not in (Kind.ANSWER, Kind.SUGGEST) and not decision.personal:
            return dataclasses.replace(decision, kind=Kind.ACT, act=Act.FRUSTRATION, entry=None,
                                       at_hotline=aimed_at_hotline(text))
        cued = self._cued_act(text, acts, decision)
        if cued is not None:
            return Decision(kind=Kind.ACT, act=cued, score=100.0, words=analysis.words, acts=(*acts, cued),
                            segments=used, greeted=greeted,
                            at_hotline=aimed_at_hotline(text) or speaks_to_the_hotline(folded(text)))
        return decision

    def learned_choices(self, decision: Decision, text: str) -> Decision:
        """A single question's choices, nothing found or an answer, read again by the classifier: the entry it names
        first leads the choices, is added to them, or is the button beside another entry's answer
        (bot/answering/learned_choices.py). Asked after e5, on the choices as they would be shown, and before
        `learned_agrees`."""
        if not (self.use_learned and self.use_learned_choices):
            return decision
        text = _read_without_the_wish(decision, text)
        if self.part_lead is not None and may_lead_parts(decision):
            model = shipped_model()
            if model is None:
                return decision
            whole = self._learned_share(text) if self.part_lead_whole else None
            return with_parts_led(decision, self._learned_first, self.kb.entry, model.knows, self.part_lead,
                                  answered=self.part_lead_answered, whole=whole)
        if not may_lead(decision):
            return decision  # the message not read: nothing the classifier names could change it
        named = self._learned_first(text)
        if named is None:
            return decision
        return with_learned_choice(decision, *named, self.kb.entry(named[0]), most=self.settings.max_suggestions)

    def _learned_first(self, text: str) -> tuple[str, float] | None:
        """The class the classifier names first for `text` and its probability (None without its file)."""
        p = self._learned_reading(text)
        if p is None:
            return None
        model = shipped_model()
        assert model is not None
        best = int(np.argmax(p))
        return model.classes[best], float(p[best])

    def _learned_share(self, text: str) -> Callable[[str], float]:
        """The classifier's probability of each entry for `text`, read once, on demand (0 for a class it lacks)."""
        def share(entry_id: str) -> float:
            p = self._learned_reading(text)
            model = shipped_model()
            place = model.place(entry_id) if model is not None else None
            return 0.0 if p is None or place is None else float(p[place])

        return share

    def _learned_reading(self, text: str) -> np.ndarray | None:
        """The classifier's probabilities for `text`, one per class (None without its file), read once for the
        hooks of one message."""
        found = self._reads.learned.get(text)
        if found is None:
            model = shipped_model()
            if model is None:
                return None
            found = self._reads.learned[text] = model.probabilities(self.analyze(text))
        return found

    def learned_agrees(self, decision: Decision, text: str) -> Decision:
        """The final decision for a single question offered among choices is answered when the classifier learned
        from members' messages names its first choice too, surely (bot/answering/learned.py). Asked last, on the
        order the choices are shown in (e5 may have reordered them). A personal matter stays offered. Each question
        of several that is offered is read alone the same way, from `PART_AGREED_PROBABILITY` on."""
        if not self.use_learned:
            return decision
        text = _read_without_the_wish(decision, text)
        if decision.kind == Kind.MULTI and self.parts_agreed is not None:
            least = self.parts_agreed
            parts = tuple(self._agreed(p, " ".join(p.segments), least) if p.segments else p for p in decision.parts)
            return decision if parts == decision.parts else dataclasses.replace(decision, parts=parts)
        return self._agreed(decision, text, AGREED_PROBABILITY)

    def _agreed(self, decision: Decision, text: str, least: float) -> Decision:
        """`decision`, one question offered among choices, answered when the classifier names its first choice at
        `least` or more."""
        if decision.kind != Kind.SUGGEST or decision.personal or not decision.candidates:
            return decision
        first = decision.candidates[0]
        model = shipped_model()
        if model is None or not model.knows(first.entry.id):
            return decision  # an entry added after it learned: never named by it, and the message not read
        read = self._learned_first(text)
        assert read is not None
        named, probability = read
        if named != first.entry.id or probability < least:
            return decision
        if pay_left_unsaid(text, first.entry):
            return decision  # "combien touche un adulte-relais ?": the job's entry gives no pay; it stays offered
        return dataclasses.replace(decision, kind=Kind.ANSWER, entry=first.entry, score=first.score, runner_up=next(
            (c for c in decision.candidates[1:] if c.entry.id != first.entry.id), None))

    def learned_doubts(self, decision: Decision, text: str) -> Decision:
        """The final decision, its sure answers that the classifier learned from members' messages reads otherwise
        offered as choices (bot/answering/learned_doubt.py)."""
        if not self.use_learned or self.doubts is None or decision.kind not in (Kind.ANSWER, Kind.MULTI):
            return decision
        model = shipped_model()
        if model is None or not may_doubt(decision, model.knows):
            return decision  # e.g. entries added after it learned: it has nothing to say of them, the message not read
        text = _read_without_the_wish(decision, text)
        if decision.kind == Kind.ANSWER and decision.entry is not None and _among_phrasings(text, decision.entry):
            return decision  # the knowledge says so in words (the staff taught it, maybe after it learned): no doubt
        p = self._learned_reading(text)
        assert p is not None
        return doubted(decision, p, model.classes, self.kb, self.doubts)

    def _cued_act(self, text: str, acts: tuple[Act, ...], decision: Decision) -> Act | None:
        """"c'est la misère avec vous", "une personne pourrait me joindre ?": no phrase of the acts was recognised,
        the choices are unsure and the message names nothing the knowledge knows once the words of an act are set
        aside; those words tell what it does (bot/answering/act_cues.py)."""
        if set(acts) - {Act.FRUSTRATION} or decision.kind not in (Kind.SUGGEST, Kind.UNKNOWN, Kind.PASSAGE):
            return None
        key = folded(text)
        cued = cued_act(key)
        if cued is None or not names_nothing_else(key) or self.information(without_cues(key)) >= VAGUE_QUESTION_WEIGHT:
            return None
        return cued

    def _asked_despite_anger(self, text: str) -> bool:
        """"cmt je quitte le conseil jen ai marre", "ras le bol, on fait comment pour partir du conseil": weariness
        beside a question of few words that the base answers surely (one verb can name the whole subject:
        "démissionner"). The question is answered; the anger alone is not all that is said."""
        rest = without_complaint(text)
        if not _ASKING.search(fold(rest)):
            return False
        decision = self.understand(split_message(rest), rest)
        return decision.kind == Kind.ANSWER

    def _not_ours_to_say(self, decision: Decision, segments: list[Segment]) -> Decision:
        """"le marché du jeudi il est annulé ?": whether something is called off is no question an entry answers
        surely (the entry on cancelling one's registration shares the verb only); its choices are offered."""
        asked = [s.text for s in segments if s.role == Role.QUESTION and s.text]
        if decision.kind != Kind.ANSWER or not asked or not asks_if_called_off(self.said(asked[-1])):
            return decision
        return self._offered_instead(decision)

    def _pay_not_given(self, decision: Decision, text: str) -> Decision:
        """"Combien gagne un chef de projet politique de la ville ?": what someone earns is no question the entry on
        the job answers surely when it gives no amount; its choices are offered."""
        if decision.kind != Kind.ANSWER or decision.entry is None or not pay_left_unsaid(text, decision.entry):
            return decision
        return self._offered_instead(decision)

    def _offered_instead(self, decision: Decision) -> Decision:
        """A sure answer turned into its choices: the candidates worth offering."""
        offered = tuple(c for c in decision.candidates if c.score >= self.settings.suggest_threshold)
        return dataclasses.replace(decision, kind=Kind.SUGGEST, entry=None, runner_up=None,
                                   candidates=offered[: self.settings.max_suggestions])

    def _asked_beside_the_wait(self, segments: list[Segment], understood: Callable[[], Decision]) -> bool:
        """"Ça fait dix jours que j'ai écrit et personne ne m'a répondu. Combien de temps faut-il attendre en général
        ?": the wait is told in the story, then a question of its own is asked (it names a subject, it asks after no
        question of the member's) and an entry answers it surely. The question is answered; "…toujours rien, c'est
        normal ?" names nothing of its own and still asks where the member's question is."""
        asked = [s.text for s in segments if s.role == Role.QUESTION and s.text]
        told = [s.text for s in segments if s.role != Role.QUESTION and s.text]
        if not asked or not any(Act.STATUS in detect(t) for t in told) or any(detect(q) for q in asked):
            return False
        if all(self.information(q) < VAGUE_QUESTION_WEIGHT for q in asked):
            return False
        return understood().kind == Kind.ANSWER

    def _asked_beside_the_person(self, text: str) -> str:
        """"C'est quoi le FPH ? Je peux parler à quelqu'un ?": the questions asked beside the wish to reach a person,
        with the story told before them ("" when nothing else is asked)."""
        asked = split_questions(text)
        rest = " ".join(part for a in asked if Act.HUMAN not in detect(a.text) for part in (a.context, a.text) if part)
        # The wish may span two clauses (« Parler. A quelqu'un ? »): what is left still asks for a person then.
        if len(asked) < 2 or not rest or Act.HUMAN in detect(rest) or self.information(rest) < VAGUE_QUESTION_WEIGHT:
            return ""
        return rest

    def _answered_beside_the_person(self, asked: str) -> Decision | None:
        """What was asked beside the wish to reach a person, answered when the base is sure of it; the reply then
        offers the person too (`Decision.acts` keeps the wish). None when nothing is surely answered: the person is
        the answer then."""
        decision = self.decide(asked)
        if decision.kind not in (Kind.ANSWER, Kind.GLOSSARY) or decision.acts or decision.personal or (
                decision.entry is not None and decision.entry.id == HUMAN_ENTRY):
            return None
        return decision

    @staticmethod
    def _asks_how_to_reach(text: str) -> bool:
        """"Quels sujets traitez-vous ? Et comment on joint quelqu'un de l'équipe ?": after another question, "how do
        I reach a person" asks how it is done (an entry says it), it does not ask to be put through now. The "how" may
        end the clause as well ("…et si je veux parler à quelqu'un, je fais comment ?")."""
        asked = split_questions(text)
        return len(asked) > 1 and any(
            n > 0 and _HOW_QUESTION.search(fold(a.text)) and Act.HUMAN in detect(a.text) for n, a in enumerate(asked))

    @staticmethod
    def _details_not_given(decision: Decision, text: str) -> Decision:
        """"le numéro de la police municipale": an answer that does not give the office's details (an entry about
        insecurity) is offered, not answered as sure (`contact_asked`)."""
        if decision.kind != Kind.ANSWER or decision.entry is None:
            return decision
        office = office_asked(text)
        if office is None or gives_details(decision.entry, office):
            return decision
        return dataclasses.replace(decision, kind=Kind.SUGGEST, entry=None, runner_up=None)

    def _likened_term(self, decision: Decision, text: str) -> Decision:
        """"un cotech c'est quoi, c'est comme un copil ?": the first thing is asked, the second is the member's point
        of comparison. An answer whose own question names the term asked not (the copil's entry, although its
        alternates compare the two) explains the other one: the glossary explains the term asked."""
        side = likened(text)
        if side is None or decision.kind != Kind.ANSWER or decision.entry is None:
            return decision
        named = {t for t in self.analyze(side).tokens if t in self.terms}
        if len(named) != 1:
            return decision
        term = self.terms[named.pop()]
        if self.terms_asked.about(decision.entry, term):
            return decision
        return dataclasses.replace(decision, kind=Kind.GLOSSARY, term=term, entry=None, score=100.0, runner_up=None)

    def rank(self, analysis: Analysis, limit: int, boost: dict[str, float] | None = None) -> list[Candidate]:
        """The matcher's ranking, once per message for the same words and weights: a part of several questions
        is ranked alone, then for its pool of entries (a weight of 1 is no weight: the same ranking)."""
        key = (analysis.tokens, tuple(sorted((t, w) for t, w in (boost or {}).items() if w != 1.0)))
        found = self._reads.ranked.get(key)
        if found is not None and (found[0] >= limit or len(found[1]) < found[0]):
            return found[1][:limit]  # the first entries of a longer ranking are the shorter one
        longest = max(limit, MULTI_POOL)  # a part's pool, from the ranking that decides it
        ranked = self.matcher.rank(analysis, limit=longest, boost=boost)
        self._reads.ranked[key] = (longest, ranked)
        return ranked[:limit]

    def second_opinion(self, text: str, limit: int) -> list[tuple[str, float]]:
        """BM25's ranking, scored once per message for the same text (the answer rule and the choices each pick
        their own number of entries from the same scores)."""
        if text not in self._reads.opinions:
            self._reads.opinions[text] = self.second.scores(self._as_read(text))
        scores = self._reads.opinions[text]
        return [] if scores is None else self.second.best(scores, limit)

    def _as_read(self, text: str) -> str:
        """The text for BM25: each word it knows as typed, the others as the matcher reads them. An SMS spelling
        or a typo is no word of the base ("kan ya la canicule on fé koi pr les vieux" → "quand il y a la canicule
        on fait quoi pour les vieux"): read raw, BM25 missed the words that make the question and named another
        entry first, and the answer was only offered (realistic dev split, bench/RESULTS.md). A word it knows
        stays as typed, and so does one the matcher reads as typed but for its accents: the matcher's reading may be
        another word of the base ("inscription" read "inscrire"), and BM25 reading "déménager" as "demenager" found
        members' accentless alternates and agreed on wrong entries (3 more confident wrong answers on dev)."""
        return _without_fillers(" ".join(map(self._read_for_bm25, typed_words(clean(text)))))

    def _read_for_bm25(self, typed: str) -> str:
        """One typed word as `_as_read` gives it to BM25. Kept per word (the rankers never change): a message's
        words come back in its parts and questions, and the common ones in every message."""
        found = self._typed.get(typed)
        if found is None:
            read = [c for w in words(typed) for c in self.normalizer.read(w)]
            # "linterconseil" is "l'interconseil" typed without its apostrophe: read so even when some member's
            # alternate holds it glued (BM25 then knows it, and names that one entry whatever it is about).
            if self.second.knows(typed) and not (len(read) == 2 and read[0] in _ELIDED):
                read = []
            found = typed if not read or read == [fold(typed)] else " ".join(read)
            if len(self._typed) >= TYPED_WORDS_KEPT:
                self._typed.clear()  # not kept for ever: a long-running hotline meets new words every day
            self._typed[typed] = found
        return found

    def char_ranking(self, text: str, limit: int) -> list[tuple[str, float]]:
        """The character n-grams' ranking, once per message for the same text (the answer rule, then the choices,
        each with its own limit: the scores are kept, the first `limit` picked from them)."""
        if text not in self._reads.chars:
            self._reads.chars[text] = self.chars.scores(text)
        scores = self._reads.chars[text]
        return [] if scores is None else self.chars.best(scores, limit)

    def _best_passage(self, analysis: Analysis) -> PassageHit | None:
        if analysis.tokens not in self._reads.passages:
            self._reads.passages[analysis.tokens] = self.matcher.best_passage(analysis)
        return self._reads.passages[analysis.tokens]

    def _term_over_unrelated_answer(self, decision: Decision, segments: list[Segment]) -> Decision:
        """"On nous a parlé de l'ANCT hier soir en réunion. C'est quoi ?": the question is the term the story
        names; an entry that never mentions it answers something else (here "soir"). "je comprends pas le mot
        co-construction": the word is asked for; an entry that merely uses it is no definition."""
        if decision.kind == Kind.SUGGEST and decision.candidates:
            analysis, boost = self._weighted(segments)
            return self._entry_on_the_story_term(decision, segments, analysis, boost)
        if decision.kind != Kind.ANSWER or not decision.candidates or decision.candidates[0].entry != decision.entry:
            return decision
        analysis, boost = self._weighted(segments)
        term = self.terms_asked.glossary_term(analysis, boost)
        if term is not None and not self.matcher.mentions(decision.candidates[0].index, slug(term.term)):
            return dataclasses.replace(decision, kind=Kind.GLOSSARY, term=term, entry=None, score=100.0)
        asked = self.terms_asked.asked_term(analysis, boost, candidates=decision.candidates)
        # An entry taught to compare the term with another ("le cotech ça ressemble au copil ?") answers a question
        # naming both; not "c'est quoi un cotech ?" after a story naming the other: that question names the term alone.
        alone = asked is not None and self._asked_alone(segments) is asked
        if asked is not None and decision.entry is not None and not self.terms_asked.about(
                decision.entry, asked, phrasings=not alone):
            return dataclasses.replace(decision, kind=Kind.GLOSSARY, term=asked, entry=None, score=100.0)
        return self._entry_on_the_story_term(decision, segments, analysis, boost)

    def _bare_term_defined(self, decision: Decision, segments: list[Segment]) -> Decision:
        """"Contrat de ville ??": a term and nothing else asks what it is. The entry whose question asks what the
        term is answers it, not one of the entries that name it in short phrasings ("le contrat de ville est
        public ?" drew where to read it)."""
        if decision.kind not in (Kind.ANSWER, Kind.SUGGEST) or not decision.candidates:
            return decision
        analysis, _ = self._weighted(segments)
        named = set(analysis.tokens) - {"quoi"}
        if len(named) != 1 or not named <= self.terms.keys():
            return decision
        term = next(iter(named))

        def others(entry: FaqEntry) -> int | None:  # the other words of an entry's question asking what the term is
            asked = set(self.analyze(entry.question).tokens)
            return len(asked - {term, "quoi"}) if term in asked and "quoi" in asked else None

        defining = [(n, i) for i, c in enumerate(decision.candidates)
                    if c.score >= self.settings.suggest_threshold and (n := others(c.entry)) is not None]
        if not defining:
            return decision
        best = decision.candidates[min(defining)[1]]
        if decision.kind == Kind.ANSWER and decision.entry is best.entry:
            return decision
        return dataclasses.replace(decision, kind=Kind.ANSWER, entry=best.entry, score=best.score, runner_up=None,
                                   candidates=(best, *(c for c in decision.candidates if c is not best)))

    def _asked_alone(self, segments: list[Segment]) -> GlossaryTerm | None:
        """The term the message's one question asks, read alone ("C'est quoi un cotech ?"), if it asks one."""
        questions = [s.text for s in segments if s.role == Role.QUESTION and s.text]
        return self.terms_asked.glossary_term(self.analyze(questions[0]), {}) if len(questions) == 1 else None

    def _entry_on_the_story_term(self, decision: Decision, segments: list[Segment], analysis: Analysis,
                                 boost: dict[str, float]) -> Decision:
        """"…on nous parle de GUSP. C'est quoi ?": a bare "what is" names nothing, so it asks what the one term the
        story names is; the entry written about that term answers it, not an entry the story's other words pull."""
        asked = [s.text for s in segments if s.role == Role.QUESTION and s.text]
        # "…je sais pas ce que c'est. Vous pouvez m'expliquer ?": asking to be explained adds no question of its own.
        questions = [q for q in asked if not asks_to_explain(q)] or asked
        if decision.kind not in (Kind.ANSWER, Kind.SUGGEST) or len(questions) != 1 or not asks_what_it_is(questions[0]):
            return decision
        # "…on parle du contrat de ville, moi je sais pas ce que c'est": the story is told in the question's clause.
        told = told_before_not_knowing(questions[0])
        if not told and any(t in self.terms for t in self.analyze(questions[0]).tokens):
            return decision
        terms = set() if told else {t for t in analysis.tokens if t in self.terms
                                    and boost.get(t, 1.0) >= PROMOTED_CONTEXT_WEIGHT}
        if not told and not terms:
            told = self._story_just_before(segments)
        if told:
            terms = {t for t in self.analyze(told).tokens if t in self.terms}
        if len(terms) != 1:
            return decision
        term = self.terms[next(iter(terms))]
        if decision.entry is not None and self.terms_asked.about(decision.entry, term, phrasings=True):
            return decision
        candidates = decision.candidates
        if told:
            # What is asked is what the term is: the entries that question ranks come before the message's.
            defining = tuple(self.rank(self.analyze(f"c'est quoi {term.term}"), limit=MULTI_POOL))
            seen = {c.entry.id for c in defining}
            candidates = (*defining, *(c for c in candidates if c.entry.id not in seen))
        about_it = [c for c in candidates if c.score >= self.settings.suggest_threshold
                    and self.terms_asked.about(c.entry, term)]
        # The entry whose own question asks what the term is comes before one that only names it ("la fresque de
        # la politique de la ville").
        about = next((c for c in about_it if asks_what_it_is(c.entry.question)), about_it[0] if about_it else None)
        if about is None:
            return decision
        return dataclasses.replace(decision, kind=Kind.ANSWER, entry=about.entry, score=about.score, runner_up=None,
                                   candidates=(about, *(c for c in candidates if c is not about)))

    @staticmethod
    def _story_just_before(segments: list[Segment]) -> str | None:
        """"…tout le monde parle du NPNRU et moi. Je sais toujours pas ce que c'est, j'ose pas demander. Vous pouvez
        m'expliquer ?": the story told just before the first question, if it comes right before it."""
        first = next((n for n, s in enumerate(segments) if s.role == Role.QUESTION and s.text), 0)
        told = [s for s in segments[:first] if s.text]
        return told[-1].text if told and told[-1].role == Role.CONTEXT else None

    def understand(self, segments: list[Segment], text: str = "") -> Decision:
        """The decision for the message's questions: one, several (Kind.MULTI), or none that the base answers."""
        return SeveralQuestions(self).understand(segments, text)

    def second_choices(self, said: str, taken: frozenset[str]) -> tuple[Candidate, ...]:
        """See `SeveralQuestions.second_choices` (bot/answering/several_questions.py)."""
        return SeveralQuestions(self).second_choices(said, taken)

    def information(self, text: str) -> float:
        """How much a clause names: the IDF of the words the knowledge base knows (a glossary term, the
        subject of a "c'est quoi le FPH", is always enough)."""
        tokens = set(self.analyze(text).tokens)
        weight = sum(self.matcher.idf(t) for t in tokens if self.matcher.known(t) or t in self.terms)
        return max(weight, VAGUE_QUESTION_WEIGHT) if tokens & self.terms.keys() else weight

    @staticmethod
    def _asks_of_the_story(segments: list[Segment]) -> bool:
        """A story, then only "le conseil peut faire quelque chose ?": what the council can do is asked of the problem
        told; the question names no subject of its own."""
        asked = [s.text for s in segments if s.role == Role.QUESTION and s.text]
        return bool(asked) and any(s.role == Role.CONTEXT and s.text for s in segments) and all(
            asks_what_the_council_can_do(q) for q in asked)

    def _weighted(self, segments: list[Segment], *, questions_only: bool = False) -> tuple[Analysis, dict[str, float]]:
        """The message as one analysis, each token weighed by the part it comes from: the question clauses
        fully, the story around them less, the self-introduction little, greetings and sign-offs not at all.
        Words the knowledge base never uses weigh even less outside the question ("Dervallières", "peur").
        A question that names nothing ("c'est normal ? qui doit payer ?") leaves its subject to the story,
        and a short phrase just before a question is its subject ("le conseil citoyen, c'est quoi ?").
        Made once per message for the same parts (a decision and the steps after it weigh them again); the
        weights are the caller's own copy."""
        key = (tuple((s.text, s.role) for s in segments), questions_only)
        found = self._reads.weighted.get(key)
        if found is None:
            found = self._reads.weighted[key] = self._weighed(segments, questions_only=questions_only)
        return found[0], dict(found[1])

    def _weighed(self, segments: list[Segment], *, questions_only: bool) -> tuple[Analysis, dict[str, float]]:
        analyses = [self.analyze(s.text) if s.text else None for s in segments]
        roles = [s.role for s in segments]
        for i in range(len(segments) - 1):
            if roles[i] == Role.CONTEXT and roles[i + 1] == Role.QUESTION and len(segments[i].text.split()) <= 5:
                roles[i] = Role.QUESTION
        asked = sum(self.matcher.idf(t) for a, r in zip(analyses, roles, strict=True) if a and r == Role.QUESTION
                    for t in set(a.tokens) if self.matcher.known(t) and t not in self._what_it_is)
        taken_up = self._asks_of_the_story(segments)
        vague = asked < VAGUE_QUESTION_WEIGHT or taken_up
        words_: list[str] = []
        tokens: list[str] = []
        boost: dict[str, float] = {}
        for segment, analysis, role in zip(segments, analyses, roles, strict=True):
            promoted = role == Role.CONTEXT and vague
            if promoted:
                role = Role.QUESTION
            weight = _ROLE_WEIGHTS[role] if role == Role.QUESTION or not questions_only else 0.0
            if promoted and Role.QUESTION in roles:  # just under 1: its terms need not be named by the answer
                weight = PROMOTED_CONTEXT_WEIGHT
            elif taken_up and role == Role.QUESTION:
                weight = TAKEN_UP_WEIGHT
            if not weight or analysis is None:
                continue
            kept = _without_adult_age(analysis.tokens) if role == Role.INTRO else analysis.tokens
            named = self._council_names(segment.text) if role == Role.QUESTION else set()
            for token in kept:
                unknown = (role != Role.QUESTION or token in named) and not self.matcher.known(token) \
                    and token not in self.terms
                w = weight * (UNKNOWN_CONTEXT_WEIGHT if unknown else 1.0)
                boost[token] = max(boost.get(token, 0.0), w)
            words_.extend(analysis.words)
            tokens.extend(kept)
        return Analysis(words=tuple(words_), tokens=tuple(tokens)), boost

    def _council_names(self, text: str) -> set[str]:
        """The tokens of the place a council is named by ("au conseil citoyen de Bellevue", "du conseil des
        Dervallières"): which council, as an introduction says where the member lives, not what is asked."""
        return {t for m in _COUNCIL_NAMED.finditer(text) for t in self.analyze(m.group(1)).tokens}

    def not_for(self, question: str, told: str = "") -> frozenset[str]:
        """The entries that cannot answer this question: the hotline's own when it asks a role as "on" / "nous"
        and neither it nor the story told with it (`told`) names the bot or the member's data ("à quoi on sert nous ?"
        is the council's role)."""
        council = asks_our_role(self.said(question), self.said(told) if told else ())
        return self._bots_own if council else frozenset()

    def decide_segments(self, segments: list[Segment], exclude: frozenset[str] = frozenset(),
                         offer_agreed: bool = False, *, runner_up: bool = True, choices: bool = True) -> Decision:
        """`offer_agreed`: the entry both rankers name is offered even when its score is modest (the whole
        message; one of several questions must be clearer to be offered on its own). `runner_up` and `choices`
        False: the caller drops the entry offered beside an answer, and the choices of an unsure decision (their
        rankings are not read: the n-grams cost a message of several questions up to a millisecond)."""
        analysis, boost = self._weighted(segments)
        if analysis.is_empty:
            analysis, boost = self.analyze(" ".join(s.text for s in segments)), {}
        exclude = exclude | self.not_for(" ".join(s.text for s in segments if s.role == Role.QUESTION and s.text),
                                         " ".join(s.text for s in segments if s.role != Role.QUESTION and s.text))
        used = tuple(s.text for s in segments if s.text and _ROLE_WEIGHTS[s.role])
        limit = max(self.settings.max_suggestions, 3)
        ordering = self.order is not None and self.use_second_opinion
        depth = max(limit, ORDER_POOL) if ordering else limit  # an order of our own reads our first ORDER_POOL
        candidates = [c for c in self.rank(analysis, limit=depth + len(exclude), boost=boost)
                      if c.entry.id not in exclude]
        roles = {s.role for s in segments if s.text}
        # A self-introduction and a question, no story: the other rankers read the question alone too (they weigh
        # every word alike, and "je suis Paul, animateur du conseil citoyen" is who asks, not what is asked).
        introduced = " ".join(s.text for s in segments if s.role == Role.QUESTION and s.text) \
            if Role.QUESTION in roles and Role.INTRO in roles and Role.CONTEXT not in roles else ""
        if Role.INTRO in roles:
            # Who asks is no matter of theirs ("Marc, retraité de la SNCF": the pension's office is not what is
            # asked), story or not: the rest of the message is read as usual.
            introduction = self.said(" ".join(s.text for s in segments if s.role == Role.INTRO))
            rest = self.said(" ".join(s.text for s in segments if s.role != Role.INTRO and s.text))
            matters = personal_matters(rest, self.topics) + personal_matters(introduction, self.topics,
                                                                             introduction=True)
            other_setting = elsewhere(rest, introduction)
            body = another_body((*introduction, *rest))
        else:
            matters = personal_matters(analysis.words, self.topics)
            other_setting = elsewhere(analysis.words)
            body = another_body(analysis.words)
        if Role.QUESTION in roles and roles & {Role.CONTEXT, Role.INTRO} and not self._asks_of_the_story(segments) \
                and self.information(
                " ".join(s.text for s in segments if s.role == Role.QUESTION)) >= FOCUS_MIN_WEIGHT:
            # The question clauses alone, too: a long story lowers every entry's share of the message.
            focus, focus_boost = self._weighted(segments, questions_only=True)
            best = {c.entry.id: c for c in candidates}
            for c in self.rank(focus, limit=depth + len(exclude), boost=focus_boost):
                if c.entry.id in exclude:
                    continue
                known = best.get(c.entry.id)
                if known is None or c.score > known.score:
                    best[c.entry.id] = c if known is None else dataclasses.replace(
                        c, coverage=max(c.coverage, known.coverage),
                        known_coverage=max(c.known_coverage, known.known_coverage))
            candidates = sorted(best.values(), key=lambda c: -c.score)[:depth]
        said = " ".join(s.text for s in segments if s.text and _ROLE_WEIGHTS[s.role])
        read = [len(s.text.split()) for s in segments if s.text and _ROLE_WEIGHTS[s.role]]
        told = sum(len(s.text.split()) for s in segments if s.text and s.role in (Role.CONTEXT, Role.INTRO))
        opinion = [o for o in self.second_opinion(said, limit=3 + len(exclude)) if o[0] not in exclude] \
            if self.use_second_opinion else None
        candidates = _asked_alike(candidates, " ".join(s.text for s in segments if s.role == Role.QUESTION) or said)
        if ordering and self.order is not None and opinion is not None:
            ordered = self.order(candidates, self._first_of(self.second_opinion, said, exclude),
                                 self._first_of(self.char_ranking, said, exclude))[:limit]
            candidates = candidates[:limit]
        else:
            ordered = _second_opinion_order(candidates, opinion, said)
        tie_broken = ordered[:1] != candidates[:1]
        candidates = ordered
        # A daily-life matter ("la CAF", "mon loyer") the best entry never speaks of: no confident answer.
        # One the member says is theirs ("mon loyer", "mes APL") is never answered with confidence.
        # With no entry at all to weigh it against, the daily-life word is the whole matter ("ma voisine fait du
        # bruit": no entry speaks of noise).
        owned = any(owned for _, owned in matters)
        unnamed = bool(matters) and (not candidates or any(
            not all(self.matcher.mentions(candidates[0].index, t) for t in self.analyze(word).tokens)
            for word, _ in matters))
        story = (Role.QUESTION in roles and bool(roles & {Role.CONTEXT, Role.INTRO})) or sum(
            s.role == Role.QUESTION for s in segments) > 1 or (offer_agreed and sum(read) >= LONG_QUESTION_WORDS)

        def decide(personal: bool) -> Decision:
            return self.decide_analysis(analysis, personal=personal, boost=boost, candidates=tuple(candidates[:limit]),
                                        opinion=opinion, story=story, tie_broken=tie_broken,
                                        offer_agreed=offer_agreed, said=said, introduced=introduced, choices=choices,
                                        story_share=told / max(sum(read), 1),
                                        daily_life=bool(personal_matters(analysis.words)),
                                        intro=Role.INTRO in roles)

        # The member's own matter asked about with the council ("mon patron doit me laisser partir pour la réunion
        # du conseil ?", "ma sœur attend un logement, le conseil citoyen peut jouer ?") is council business when
        # the best entry speaks of it and is sure: answered so. Unsure, it stays the member's own matter (who
        # deals with it is told: "mon fils a été exclu du collège, le conseil peut agir ?").
        # A matter nobody says is theirs, asked with the council named ("un habitant se plaint de son voisin
        # bruyant, on peut l'aider en tant que conseil ?"), is asked by a councillor: the council's business.
        council = bool(COUNCIL_WORDS & set(analysis.words))
        # Another body's own workings ("notre amicale de locataires doit avoir un règlement intérieur ?") are not
        # answered by an entry on the council's own ("Le conseil citoyen doit-il avoir un règlement intérieur ?"); an
        # entry any association may use (answering the call for projects) still answers.
        body = body and bool(candidates) and not COUNCIL_WORDS.isdisjoint(self.said(candidates[0].entry.question))
        # Another setting's matter, unless the message names a term of the policy ("au boulot on parle du FPH, ça
        # peut nous aider ?") or the best entry orients whoever's matter it is ("au travail mon chef me fait des
        # remarques racistes": what to do against discrimination).
        other_setting = other_setting and not self.terms.keys() & set(analysis.tokens) and not (
            candidates and ORIENTS in candidates[0].entry.tags)
        decision = decide(owned or (unnamed and not council) or other_setting or body)
        asked = [s.text for s in segments if s.role == Role.QUESTION and s.text]
        # "Mon fils est suivi par tel programme à l'école, c'est quoi ce programme ?": the family's matter is
        # the story; what a thing is, asked of nobody's matter, is council business when the best entry is sure.
        defined = bool(asked) and Role.CONTEXT in roles and all(asks_what_it_is(q) for q in asked) and not any(
            personal_matters(self.said(q)) for q in asked)
        if owned and not unnamed and (council or defined):
            as_council = decide(False)
            if as_council.kind == Kind.ANSWER:
                decision = as_council
        if decision.personal and council and Role.CONTEXT in roles and asked and not any(
                personal_matters(self.said(q)) for q in asked):
            # The matter is told in the story only, the council named ("j'ai été tirée au sort pour le conseil…
            # j'ai trois enfants et je travaille. Si je refuse, j'ai une amende ?"): the question asks council
            # business, answered when the best entry is sure.
            as_council = decide(False)
            if as_council.kind == Kind.ANSWER:
                decision = as_council
        if not decision.personal and len(asked) == 1 and roles & {Role.INTRO, Role.CONTEXT} and decision.kind in (
                Kind.ANSWER, Kind.GLOSSARY, Kind.SUGGEST):
            decision = self._definition_alone(decision, asked[0], exclude)
        if not decision.personal and len(asked) == 1 and Role.CONTEXT in roles and decision.kind != Kind.ANSWER \
                and asks_its_use(asked[0]):
            decision = self._use_of_the_thing_told(decision, segments, asked[0], exclude)
        if len(asked) == 1 and Role.CONTEXT in roles and asks_its_meaning(asked[0]) and (
                decision.kind in (Kind.SUGGEST, Kind.UNKNOWN) or (
                decision.kind == Kind.ANSWER and names_the_word(asked[0]))):
            # What a quoted thing means is nobody's own matter, whatever the story around it (health insurance).
            decision = self._the_quoted_thing(decision, segments, asked[0], exclude)
        if not decision.personal and introduced and decision.kind == Kind.SUGGEST and decision.candidates:
            # A question that says nothing of the one who asks ("qui est le délégué du préfet ?", no "je", "mon")
            # takes up nothing of the introduction: any of our choices the question alone answers surely is
            # answered (a role word, "adulte-relais", may have lifted its own entry first). "Je peux aider pendant ma
            # mission ?", "à mon âge ?" take up who asks (the civic service, the age): our first choice only.
            decision = self._as_asked_alone(decision, [Segment(text=introduced, role=Role.QUESTION)], exclude,
                                            among_choices=not SELF_WORDS & set(words(introduced)))
        elif not decision.personal and Role.INTRO in roles and Role.QUESTION in roles \
                and decision.kind == Kind.SUGGEST and decision.candidates and sum(
                    len(s.text.split()) for s in segments if s.role == Role.CONTEXT) >= STORY_MIN_WORDS:
            # A self-introduction, a story, then the question: the story and the question read without who asks
            # ("Moussa, 55 ans, au conseil depuis 5 ans. Le trafic empire… Que peut faire le conseil ?").
            # Any of our choices, as above, when the question says nothing of who asks.
            decision = self._as_asked_alone(decision, [s for s in segments if s.text and s.role != Role.INTRO],
                                            exclude, among_choices=not SELF_WORDS & set(words(" ".join(asked))))
        elif not decision.personal and roles == {Role.CONTEXT, Role.QUESTION} and decision.kind == Kind.SUGGEST \
                and decision.candidates and not personal_matters(analysis.words):
            # A story, then a question ("On a fait une réunion publique, trois personnes sont venues. Comment on fait
            # venir du monde ?"): the story's words lower every entry's share. Our first choice is answered when the
            # question alone answers that same entry, and surely (a question alone that is merely answered, "vers
            # qui me tourner ?" after a story of racist remarks, is often the story's own matter). A story of daily
            # life ("les voisins font du bruit toute la nuit, on peut porter plainte ?") owns its question.
            decision = self._as_asked_alone(decision, [Segment(text=q, role=Role.QUESTION) for q in asked], exclude,
                                            at_least=self.settings.answer_threshold + MULTI_EXTRA_SCORE)
        if runner_up and decision.kind == Kind.ANSWER and decision.entry is not None and opinion:
            decision = dataclasses.replace(decision, runner_up=self._runner_up(
                decision.entry, candidates, opinion, said, exclude))
        if decision.personal:
            decision = dataclasses.replace(decision, matter=matter_of(analysis.words))
        return dataclasses.replace(decision, segments=used, introduction=tuple(
            s.text for s in segments if s.text and s.role == Role.INTRO and _ROLE_WEIGHTS[s.role]),
            told_then_asked=tuple(asked) if Role.CONTEXT in roles else ())

    @staticmethod
    def _first_of(ranking: Callable[[str, int], list[tuple[str, float]]], said: str,
                  exclude: frozenset[str]) -> list[tuple[str, float]]:
        """Another ranker's first ORDER_POOL entries, for an order of our own; those of other questions left out."""
        return [o for o in ranking(said, ORDER_POOL + len(exclude)) if o[0] not in exclude][:ORDER_POOL]

    def _runner_up(self, answered: FaqEntry, candidates: list[Candidate], opinion: list[tuple[str, float]],
                   said: str, exclude: frozenset[str]) -> Candidate | None:
        """The entry offered beside a sure answer: the one BM25 or the character n-grams name first instead of
        ours, when ours comes close behind it in that ranking (a near tie for that ranker: two entries of one
        subject, such as preparing a steering committee and organising a meeting). A ranker naming ours first,
        or another entry far ahead of it, adds nothing."""
        letters = [o for o in self.char_ranking(said, limit=2 + len(exclude)) if o[0] not in exclude]
        for ranking in (opinion, letters):
            if not ranking or ranking[0][0] == answered.id or ranking[0][1] <= 0:
                continue
            first, best = ranking[0]
            if dict(ranking).get(answered.id, 0.0) < RUNNER_UP_SHARE * best:
                continue
            ours = next((c for c in candidates if c.entry.id == first), None)
            if ours is not None and ours.score >= self.settings.suggest_threshold:
                return ours
        return None

    def _as_asked_alone(self, decision: Decision, asked: list[Segment], exclude: frozenset[str],
                        at_least: float = 0.0, *, among_choices: bool = False) -> Decision:
        """A self-introduction with no story, then one question: who asks ("je travaille au centre social et je
        représente l'association au conseil citoyen") weighs on the rankers' agreement, not on what is asked.
        Our first choice is answered when the question alone answers it (with a score of `at_least`);
        `among_choices`: any of our choices."""
        alone = self.decide_segments(asked, exclude, runner_up=False,
                                      choices=False)  # whether it is answered, and by which entry, only
        offered = [c.entry.id for c in (decision.candidates if among_choices else decision.candidates[:1])]
        if alone.kind != Kind.ANSWER or alone.entry is None or alone.entry.id not in offered \
                or alone.score < at_least:
            return decision
        return dataclasses.replace(decision, kind=Kind.ANSWER, entry=alone.entry)

    def _use_of_the_thing_told(self, decision: Decision, segments: list[Segment], asked: str,
                               exclude: frozenset[str]) -> Decision:
        """"…on m'a parlé du conseil citoyen, ça sert à quoi en vrai ?": "ça" is the last term the story names
        before the question; what it is for is asked of that term ("à quoi sert le conseil citoyen ?"), answered
        when sure (the trade said before it, "en service civique", pulled its own entry)."""
        if any(t in self.terms for t in self.analyze(asked).tokens):
            return decision
        told = [s.text for s in segments if s.role == Role.CONTEXT and s.text]
        named = self._terms_named(told[-1]) if told else []
        if not named:
            return decision
        term = self.terms[named[-1]]
        used = self.decide_segments([Segment(text=f"à quoi sert {term.term} ?", role=Role.QUESTION)], exclude,
                                     runner_up=False, choices=False)
        if used.kind != Kind.ANSWER or used.entry is None or not self.terms_asked.about(used.entry, term):
            return decision
        return dataclasses.replace(decision, kind=Kind.ANSWER, entry=used.entry, score=used.score,
                                   candidates=used.candidates or decision.candidates, runner_up=None)

    def _the_quoted_thing(self, decision: Decision, segments: list[Segment], asked: str,
                          exclude: frozenset[str]) -> Decision:
        """"…La chargée de mission appelle ça le « non-recours ». Ça veut dire quoi ?": a question naming nothing asks
        what the thing the story last quotes is (or is for); the story's other words (a survey, health insurance)
        lowered every entry's share. Asked of that thing alone, an entry that names it and is sure is answered."""
        stories = [s.text for s in segments if s.role == Role.CONTEXT and s.text]
        told = [q for story in stories for q in quoted_things(story)]
        if not told and names_the_word(asked):
            # "Le bailleur emploie le sigle GUSP dans ses courriers. Que recouvre-t-il ?": the glossary's term named
            # last, quoted or not, is the word asked of.
            told = [self.terms[t].term for t in self._terms_named(stories[-1])][-1:]
        if not told:
            return decision
        thing = told[-1]
        question = f"à quoi sert {thing} ?" if asks_its_use(asked) else f"c'est quoi {thing} ?"
        alone = self.decide_segments([Segment(text=question, role=Role.QUESTION)], exclude, runner_up=False,
                                     choices=False)
        if alone.kind == Kind.GLOSSARY and alone.term is not None and slug(alone.term.term) == slug(thing):
            return dataclasses.replace(decision, kind=Kind.GLOSSARY, term=alone.term, entry=None, score=alone.score,
                                       candidates=(), runner_up=None)
        if alone.kind != Kind.ANSWER or alone.entry is None:
            return decision
        named = set(self.analyze(thing).tokens)
        written = self.analyze(" ".join(alone.entry.phrasings)).tokens
        if not named or not named <= set(written):
            return decision  # the entry answers words around the thing, not the thing itself
        return dataclasses.replace(decision, kind=Kind.ANSWER, entry=alone.entry, score=alone.score,
                                   candidates=alone.candidates or decision.candidates, runner_up=None)

    def _terms_named(self, text: str) -> list[str]:
        """The glossary's terms a text names (their folded keys), in order."""
        return [t for t in self.analyze(text).tokens if t in self.terms]

    def _definition_alone(self, decision: Decision, asked: str, exclude: frozenset[str]) -> Decision:
        """"Bonjour, Fernand, 75 ans, habitant de Nantes Nord. C'est quoi un contrat de ville ?": a question asking
        what the one term it names is gets what it gets asked alone, when that is an entry written about the term,
        answered surely. Who asks (a town named, a trade) or the story lowered that entry's share: the glossary line
        came instead, or an entry the other words pull (where to read the contract)."""
        named = self._terms_named(asked)
        if not asks_what_it_is(asked) or len(named) != 1:
            return decision
        alone = self.decide_segments([Segment(text=asked, role=Role.QUESTION)], exclude, runner_up=False,
                                      choices=False)
        if alone.kind != Kind.ANSWER or alone.entry is None or alone.entry == decision.entry or not (
                self.terms_asked.about(alone.entry, self.terms[named[0]])):
            return decision
        return dataclasses.replace(decision, kind=Kind.ANSWER, entry=alone.entry, term=None, score=alone.score,
                                   candidates=alone.candidates or decision.candidates, runner_up=None)

    def decide_after(self, text: str, previous: FaqEntry) -> Decision:
        """A short follow-up ("et pour les jeunes ?") read with the previous question as its context.
        Another entry is preferred: the member has just read the previous one. The entries its authors linked
        to it (`related`) are the likeliest next questions: they weigh a little more, and one that comes first
        so and explains enough of the follow-up is answered ("c'est où ?" after "Qui est RésO Villes ?")."""
        self._reads = _Reads()
        asked, text = text, _ITS_END.sub(" ", text)
        segments = [Segment(text=previous.question, role=Role.CONTEXT), *split_message(text)]
        decision = self.decide_segments(segments, exclude=frozenset({previous.id}))
        analysis, boost = self._weighted(segments)
        ranked = [c for c in self.rank(analysis, limit=FOLLOW_UP_RANKED, boost=boost)
                  if c.entry.id != previous.id]
        related = set(previous.related)
        # "et pour le remboursement des frais ?" after the budget: answered alone with confidence and well ahead
        # of the entries linked to the previous one, the follow-up's own words say which entry it asks for.
        # One word ("et l'adresse ?") leaves its subject to the previous answer: never read alone; nor does a
        # pronoun standing for it ("et qui peut y aller ?" after the interconseil: "y" is the interconseil).
        named = [t for t in self.analyze(text).tokens if self.matcher.known(t)]
        alone = self.decide_segments(split_message(text), exclude=frozenset({previous.id})) \
            if len(named) >= FOLLOW_UP_OWN_WORDS and not leans_back(text) else None
        if alone is not None and alone.kind == Kind.ANSWER and alone.entry is not None:
            linked = max((c.score for c in alone.candidates[1:] if c.entry.id in related), default=0.0)
            if alone.score - linked >= FOLLOW_UP_OWN_LEAD:
                return dataclasses.replace(alone, acts=(Act.FOLLOW_UP,), segments=(previous.question, asked))
        if ranked:
            def weighed(c: Candidate) -> float:
                return c.score * (RELATED_WEIGHT if c.entry.id in related else 1.0)

            best = max(ranked, key=weighed)
            # "et pour partir ?" after the mandate's length: the length of a city contract comes first, pulled by
            # the previous question alone; an entry linked to it that speaks of the follow-up's own words is meant.
            own_words = {t for t in self.analyze(text).tokens if self.matcher.known(t)}
            pulled = bool(own_words) and best.entry.id not in related and not self._names_any(best, own_words)
            if pulled:
                best = max((c for c in ranked if c.entry.id in related and self._names_any(c, own_words)),
                           key=weighed, default=best)
            if (best.entry.id in related and best.score >= self.settings.suggest_threshold
                    and best.known_coverage >= FOLLOW_UP_COVERAGE):
                others = tuple(c for c in ranked if c is not best)[: self.settings.max_suggestions - 1]
                # Another entry as near is as likely ("et je peux les voir ?" after what is kept: see them, or
                # delete them): both are offered rather than one picked by the order of a tie. So is any other
                # when the best names none of the words the follow-up itself uses: the previous question pulled
                # it ("et on peut les consulter ?" after what is kept: deleting them).
                own = {t for t in self.analyze(text).tokens if self.matcher.known(t)}
                unnamed = bool(own) and not any(self.matcher.mentions(best.index, t) for t in own)
                # So is one that ranks higher without the link when the follow-up's own words name it among their
                # nearest and not the best: only the link put the best first ("et pour les jeunes ?" after
                # financing: funding, or the entries on young people).
                nearest = {c.entry.id for c in self.rank(self.analyze(text), limit=FOLLOW_UP_OWN_RANKED)} \
                    if own else set()
                overtaken = best.entry.id not in nearest and any(
                    c.score > best.score and c.entry.id in nearest for c in others)
                # An entry the previous question alone pulled ahead does not tie with one the follow-up names.
                rivals = [c for c in others if not pulled or self._names_any(c, own_words)]
                if not any(weighed(c) >= weighed(best) - FOLLOW_UP_TIE for c in rivals) and not unnamed \
                        and not overtaken:
                    decision = Decision(kind=Kind.ANSWER, entry=best.entry, score=best.score,
                                        candidates=(best, *others))
                elif decision.kind != Kind.ANSWER or decision.entry is None or decision.entry.id == best.entry.id:
                    decision = Decision(kind=Kind.SUGGEST, score=best.score, candidates=(best, *others))
        return dataclasses.replace(decision, acts=(Act.FOLLOW_UP,), segments=(previous.question, asked))

    def _names_any(self, candidate: Candidate, tokens: set[str]) -> bool:
        return any(self.matcher.phrases(candidate.index, t) for t in tokens)

    def decide_after_question(self, text: str, asked: str) -> Decision:
        """A short follow-up right after a question answered by no entry (the agenda: "c'est quand le prochain
        interconseil ?" then "et qui peut y aller ?"), read with that question as its context."""
        self._reads = _Reads()
        decision = self.decide_segments([Segment(text=asked, role=Role.CONTEXT), *split_message(text)])
        # The agenda's question often names an entry by itself ("c'est quand le prochain interconseil" is one of the
        # interconseil's phrasings): an answer must also speak of every word the follow-up adds ("payant").
        own = {t for t in self.analyze(text).tokens if self.matcher.known(t)}
        top = decision.candidates[0] if decision.candidates else None
        if decision.kind == Kind.ANSWER and top is not None and not all(self.matcher.mentions(top.index, t) for t in own):
            decision = dataclasses.replace(decision, kind=Kind.SUGGEST, entry=None)
        # What was read of the member's message is the follow-up alone: e5, which reads the segments, would find the
        # agenda's question copied in the phrasings of the entry it names.
        return dataclasses.replace(decision, acts=(Act.FOLLOW_UP,), segments=(text,))

    def _decide_whole(self, text: str) -> Decision:
        """The previous matcher: the whole message as one question, uncleaned, small talk on the whole message."""
        analysis = self.normalizer.analyze(text)
        if analysis.is_empty:
            return Decision(kind=Kind.EMPTY)
        talk, greeted = self._smalltalk(analysis.words)
        if talk is not None:
            return Decision(kind=Kind.SMALLTALK, smalltalk=talk, score=100.0, words=analysis.words)
        return dataclasses.replace(self.decide_analysis(analysis, greeted=greeted, legacy=True),
                                   words=analysis.words)

    def decide_analysis(self, analysis: Analysis, *, greeted: bool = False, personal: bool = False,
                        legacy: bool = False, boost: dict[str, float] | None = None,
                        candidates: tuple[Candidate, ...] | None = None,
                        opinion: list[tuple[str, float]] | None = None, story: bool = False,
                        tie_broken: bool = False, offer_agreed: bool = False, said: str = "",
                        story_share: float = 0.0, daily_life: bool = False, intro: bool = False,
                        introduced: str = "", choices: bool = True) -> Decision:
        """`choices` False: an unsure decision's choices are ours as ranked, the other rankers' consensus not read
        (for a caller that drops them)."""
        s = self.settings
        if candidates is None:
            candidates = tuple(self.rank(analysis, limit=max(s.max_suggestions, 3), boost=boost))
        top = candidates[0] if candidates else None
        second = candidates[1].score if len(candidates) > 1 else 0.0
        leaned_to: str | None = None
        if opinion is None:  # the previous rule: the score and the lead alone
            sure = bool(top and top.score >= s.answer_threshold and top.score - second >= s.margin)
        else:
            # Never below the level of a suggestion: no right answer on dev scored under it, and the model
            # knows nothing of the weak single-word matches a small base gives.
            # With no second entry at all (a small base), the lead is taken over the level of a suggestion: dev
            # never saw a lone entry, and its whole score as a lead made a weak match look sure.
            lead = top.score - (second if len(candidates) > 1 else s.suggest_threshold) if top else 0.0
            evidence = gathered(self, top, lead, opinion, said or " ".join(analysis.words), tie_broken, story_share,
                                daily_life, analysis, boost, intro, introduced) if (
                top and top.score >= s.suggest_threshold) else None
            sure = evidence is not None and self.rule(evidence)
            if evidence is not None and not sure and leans(evidence):
                leaned_to = evidence.entry
        # A passage that explains the question better than a modest entry is quoted (entries offered beside it). An
        # entry at the level of an answer, or a personal matter, is never set aside for one: no passage is read then.
        modest = not personal and (not top or top.score < s.answer_threshold)
        passage = self._best_passage(analysis) if modest else None
        quoted = (modest and passage is not None and passage.score >= s.passage_threshold
                  and (not top or passage.score > top.score)
                  and (how_many(said or " ".join(analysis.words)) != HowMany.COUNT or holds_a_figure(passage.passage.text)))
        if not personal and top and sure and not quoted and self._covers_terms(analysis, top, boost or {}):
            return Decision(kind=Kind.ANSWER, entry=top.entry, score=top.score, candidates=candidates, greeted=greeted)
        term = self.terms_asked.glossary_term(analysis, boost or {}) or (
            None if legacy else self.terms_asked.what_for(analysis, boost or {}, candidates))
        if (term is None or personal) and not legacy:
            # A personal matter gets a definition only when the word itself is plainly asked for: "ma fille veut
            # aller au PIJ pour un stage, c'est quoi un PIJ ?" asks what the PIJ is, whoever's the stage.
            asked = self.terms_asked.asked_term(analysis, boost or {}, bound_only=personal, candidates=candidates)
            term = term or asked
            personal = personal and asked is None
        if term is not None and not personal:
            return Decision(kind=Kind.GLOSSARY, term=term, score=100.0, candidates=candidates, greeted=greeted)
        # Suggest only entries whose words explain most of the question: "quel temps fera-t-il demain"
        # shares "temps" with "combien de temps pour une réponse", which is no reason to offer it.
        # Coverage counts the words the knowledge base knows ("arnaque", "peur" say nothing of the entry).
        chosen = tuple(c for c in candidates
                       if c.score >= s.suggest_threshold
                       # A short question is judged on all its words ("quel temps fera-t-il demain" shares
                       # only "temps"); a story on the words the base knows.
                       and (c.known_coverage >= MIN_COVERAGE if story and not legacy
                            else c.coverage >= LEGACY_MIN_COVERAGE))[: s.max_suggestions]
        if opinion and top and opinion[0][0] not in {c.entry.id for c in chosen}:
            # The other ranker's choice is offered too, in its place in our ranking (last if ours has it not).
            other = self.kb.entry(opinion[0][0])
            if other is not None and (chosen or (story and top.score >= s.suggest_threshold)):
                extra = candidate_of(other, candidates, top.score)
                order = [c.entry.id for c in candidates]
                chosen = tuple(sorted((*chosen[: s.max_suggestions - 1], extra), key=lambda c: (
                    order.index(c.entry.id) if c.entry.id in order else len(order))))
        if chosen and opinion is not None and not personal and not legacy and choices:
            chosen = self._consensus(chosen, candidates, analysis, boost or {}, opinion, said or " ".join(analysis.words))
        if quoted and passage is not None:
            return Decision(kind=Kind.PASSAGE, passage=passage, score=passage.score, candidates=chosen,
                            greeted=greeted)
        if (offer_agreed and story and not chosen and top and opinion and opinion[0][0] == top.entry.id
                and top.score >= AGREED_SUGGESTION):
            # Both rankers name the same entry: it is relevant enough to be offered, however long the story.
            chosen = (top,)
        if (not chosen and offer_agreed and not personal and not daily_life and opinion and top
                and top.score >= OFFER_MIN_SCORE):
            chosen = self._offer_when_unsure(candidates, analysis, boost or {}, opinion, said or " ".join(analysis.words))
        if personal:
            # Beside the orientation, a fiche is offered only when it is clearly about the message: at the level
            # of choices, "ma voiture a été enlevée par la fourrière" met cancelling a registration.
            chosen = tuple(c for c in chosen if c.score >= PERSONAL_OFFER_SCORE)
        if chosen:
            return Decision(kind=Kind.SUGGEST, score=top.score if top else 0.0, candidates=chosen, greeted=greeted,
                            personal=personal, leaned_to=leaned_to)
        return Decision(kind=Kind.UNKNOWN, score=top.score if top else 0.0, candidates=candidates, greeted=greeted,
                        personal=personal, leaned_to=leaned_to)

    def _offer_when_unsure(self, candidates: tuple[Candidate, ...], analysis: Analysis, boost: dict[str, float],
                           opinion: list[tuple[str, float]], said: str) -> tuple[Candidate, ...]:
        """Nothing is worth offering by our own ranking, yet an entry may still help: one that two of the three
        rankers name among their first few, one of them first. Out-of-scope questions share words with entries
        too ("le marché du jeudi est annulé ?"), so it is offered only when the question clauses use no word the
        base never uses ("piscine", "poux") and the entry uses each rare word of them (one the phrasings of one
        entry at most use points to that entry, or to something the base does not cover). A garbled or SMS spelling
        the base does not know ("kelkechoz", neither a French word nor a name) is no such word: it says nothing of
        the subject (blind batches 10 and 11 before their tuning: helped 89.9 → 90.9 and 91.0 → 92.8 %)."""
        asked = {t for t in analysis.tokens if boost.get(t, 1.0) >= 1.0}
        unknown = {t for t in asked if not self.matcher.known(t) and t not in self.terms}
        garbled = unknown - self._worded(analysis.words, said)
        if unknown - garbled:
            return ()
        # IDF over the entries' phrasings: above that of a word the phrasings of OFFER_RARE_ENTRIES + 1 entries use.
        rare_idf = math.log(1 + len(self.kb.faq) / (OFFER_RARE_ENTRIES + 1))
        rare = {t for t in asked - garbled if self.matcher.idf(t) > rare_idf}
        ours = candidates[:OFFER_RANKED]
        letters = self.char_ranking(said, limit=OFFER_RANKED)
        named = [[c.entry.id for c in ours], [e for e, _ in opinion[:OFFER_RANKED]], [e for e, _ in letters]]
        return tuple(c for c in ours if sum(c.entry.id in n for n in named) >= 2  # two rankers name it…
                     and any(n[:1] == [c.entry.id] for n in named)  # …one of them first
                     and all(self.matcher.mentions(c.index, t) for t in rare))

    def _worded(self, seq: tuple[str, ...], said: str) -> set[str]:
        """The tokens that French words or names of the message give ("piscine", "Rezé": a subject the base does
        not cover), not those of garbled or SMS spellings ("kelkechose", "mle", "jcp": they say nothing of it)."""
        lemmas = french_lemmas()
        names: list[str] = []
        where = False  # the name just before said where the member lives or who they are
        before = ""
        for w in said.split():
            if w[:1].isupper():
                where = fold(before).replace("’", "'").strip(",.;:!?") in _WHERE_OR_WHO or where
                if not where:
                    names.append(w)
            else:
                where = False
            before = w
        return {t for w in (*(w for w in seq if w not in STOPWORDS and fold(w) in lemmas), *names)
                for t in self.analyze(w).tokens}

    def _consensus(self, chosen: tuple[Candidate, ...], candidates: tuple[Candidate, ...], analysis: Analysis,
                   boost: dict[str, float], opinion: list[tuple[str, float]], said: str) -> tuple[Candidate, ...]:
        """The choices shown when no entry is sure: an entry two of the three rankers name among their first
        few takes the place of one only ours names ("C'est moi qui dois organiser la prochaine réunion…":
        ours puts "organiser une réunion" fourth, BM25 second, the character n-grams first). With no choice at
        all, none is made up this way: out-of-scope questions then got unrelated ones (bench/RESULTS.md)."""
        s = self.settings
        ours = [*candidates, *[c for c in self.rank(analysis, limit=CONSENSUS_OURS, boost=boost)
                               if c.entry.id not in {k.entry.id for k in candidates}]][:CONSENSUS_OURS]
        named = [{c.entry.id for c in ours}, {e for e, _ in opinion[:CONSENSUS_BM25]},
                 {e for e, _ in self.char_ranking(said, limit=CONSENSUS_CHARS)}]

        def votes(entry_id: str) -> int:
            return sum(entry_id in n for n in named)

        agreed = [c for c in ours if votes(c.entry.id) >= 2 and c.score >= s.suggest_threshold]
        shown = list(chosen)
        for c in agreed:
            if any(k.entry.id == c.entry.id for k in shown):
                continue
            if len(shown) < s.max_suggestions:
                shown.append(c)
                continue
            # Our first choice keeps its place: it is the one a tidy question most often needs.
            weakest = next((k for k in reversed(shown[1:]) if votes(k.entry.id) < 2), None)
            if weakest is None:
                break
            shown[shown.index(weakest)] = c
        # Shown in our order: the one a part of several questions offers is the first ("Le président veut qu'on
        # devienne une association… on est obligés ?": BM25's choice, drawn by "je comprends pas", came first).
        order = [c.entry.id for c in ours]
        shown.sort(key=lambda c: order.index(c.entry.id) if c.entry.id in order else len(order))
        return tuple(shown)

    def _covers_terms(self, analysis: Analysis, candidate: Candidate, boost: dict[str, float]) -> bool:
        """An acronym or glossary term the question names is its subject: an entry that never mentions it
        is not a confident answer ("c'est quoi la TFPB" is not answered by "c'est quoi un conseil citoyen")."""
        return all(self.matcher.mentions(candidate.index, token) for token in analysis.tokens
                   if token in self.terms and boost.get(token, 1.0) >= 1.0)

    @staticmethod
    def _smalltalk(seq: tuple[str, ...]) -> tuple[Smalltalk | None, bool]:
        """Small talk when the message is nothing else; also whether it opened with a greeting."""
        greeted = bool(seq) and seq[0] in GREETINGS
        content = [w for w in seq if w not in STOPWORDS or w in GREETINGS or w in THANKS]
        if not content:
            return (Smalltalk.GREETING if greeted else None), greeted
        for phrase in HELP_PHRASES:
            rest = [w for w in seq if w not in GREETINGS]
            if tuple(rest) == phrase:
                return Smalltalk.HELP, greeted
        if all(w in GREETINGS for w in content):
            return Smalltalk.GREETING, greeted
        if "merci" in content and all(w in THANKS or w in GREETINGS or w in BYES for w in content):
            return Smalltalk.THANKS, greeted
        if all(w in BYES for w in content) and ("revoir" in content or "bye" in content or "bientot" in content
                                                or "ciao" in content or "tchao" in content or "journee" in content
                                                or "soiree" in content or "nuit" in content):
            return Smalltalk.BYE, greeted
        if all(w in THANKS for w in content) and not any(w in ("bien", "bon", "c", "est", "ca") for w in content[:1]) \
                and any(w not in _NOT_THANKS_ALONE for w in content):
            return Smalltalk.THANKS, greeted
        return None, greeted


@dataclass
class _Reads:
    """What the rankers said about the parts of one message (a message asks the same thing several ways)."""

    ranked: dict[tuple[tuple[str, ...], tuple[tuple[str, float], ...]], tuple[int, list[Candidate]]] = field(
        default_factory=dict)
    opinions: dict[str, np.ndarray | None] = field(default_factory=dict)  # each entry's BM25 score, by text
    chars: dict[str, np.ndarray | None] = field(default_factory=dict)  # each entry's cosine, by text
    passages: dict[tuple[str, ...], PassageHit | None] = field(default_factory=dict)
    said: dict[str, tuple[str, ...]] = field(default_factory=dict)  # `Answerer.said` of texts not analysed
    # `Answerer._weighted`'s analysis and weights, by the parts' texts and roles (and whether the questions alone).
    weighted: dict[tuple[tuple[tuple[str, Role], ...], bool], tuple[Analysis, dict[str, float]]] = field(
        default_factory=dict)
    learned: dict[str, np.ndarray] = field(default_factory=dict)  # the classifier's probabilities, by text


# "Qui peut entrer au conseil ?" against "comment entrer dans le conseil" and "ki peut etre dans le conseil": the word
# that opens a question says what is asked (who, how, how much, when, why); of our first two this close, the one
# whose phrasing opens on the member's own word comes first.
_OPENERS = frozenset({"qui", "comment", "combien", "quand", "pourquoi"})
OPENER_GAP = 5.0


def _among_phrasings(text: str, entry: FaqEntry) -> bool:
    """Whether `text` is one of `entry`'s phrasings, as the hotline reads both (folded words, SMS spellings mapped)."""
    said = words(text)
    return any(words(p) == said for p in entry.phrasings)


@lru_cache(maxsize=4096)
def _without_fillers(text: str) -> str:
    """The discourse adverbs the matcher reads as nothing, taken out of BM25's text too (every run the matcher drops,
    "je fais partie" among them, answered one dev message wrongly)."""
    said = text.split()
    whole = fold(text)  # each word's folded form is a part of it: an adverb none of whose words it holds is absent
    if not any(all(w in whole for w in p) for p in DISCOURSE_ADVERBS):
        return " ".join(said)
    folded = [fold(w) for w in said]
    kept, i = [], 0
    while i < len(said):
        n = next((len(p) for p in DISCOURSE_ADVERBS if tuple(folded[i : i + len(p)]) == p), 0)
        if n:
            i += n
            continue
        kept.append(said[i])
        i += 1
    return " ".join(kept)


def _opener(text: str) -> str | None:
    return next((w for w in words(text)[:2] if w in _OPENERS), None)


def _asked_alike(candidates: list[Candidate], asked: str) -> list[Candidate]:
    if len(candidates) < 2 or candidates[0].score - candidates[1].score > OPENER_GAP:
        return candidates
    # Each phrasing read only when the one before left the question open (most questions open on no such word).
    ours = _opener(asked)
    if ours is None or _opener(candidates[1].phrasing) != ours or _opener(candidates[0].phrasing) in (None, ours):
        return candidates
    return [candidates[1], candidates[0], *candidates[2:]]


TOPIC_MIN_ENTRIES = 2  # a daily-life word the phrasings of one entry use ("un ticket de bus") is no council topic


def _topics(kb: KnowledgeBase, vocabulary: frozenset[str]) -> frozenset[str]:
    """The base's words that are council business: those the phrasings of TOPIC_MIN_ENTRIES entries use, or its
    answers, glossary and synonyms use. "le bus passe plus dans le quartier": one member's alternate about a bus
    ticket made "bus" a council word, and the timetable got an entry's answer."""
    read = [_words_of(entry.question, entry.alternates, entry.answer) for entry in kb.faq]
    seen = Counter(chain.from_iterable(phrasings for phrasings, _ in read))
    said_elsewhere = set(chain.from_iterable(answer for _, answer in read)) | {
        w for t in kb.glossary for w in words(f"{t.term} {t.meaning} {' '.join(t.synonyms)}")}
    return frozenset(w for w in vocabulary if seen.get(w, 0) >= TOPIC_MIN_ENTRIES or w not in seen
                     or w in said_elsewhere)


@lru_cache(maxsize=1 << 16)
def _words_of(question: str, alternates: tuple[str, ...], answer: str) -> tuple[frozenset[str], frozenset[str]]:
    """An entry's words: of its phrasings, of its answer. Kept, so that a learning action, which builds the
    answerer again for one changed entry, reads only that entry's text (reading all took 0.75 s at 10k entries)."""
    return frozenset(w for p in (question, *alternates) for w in words(p)), frozenset(words(answer))


def _second_opinion_order(candidates: list[Candidate], opinion: list[tuple[str, float]] | None,
                          said: str) -> list[Candidate]:
    """Our ranking, with a near tie between our first two broken by the other ranker's choice; not towards an entry
    asking how long when the member's "combien" asks how many, as ours first does ("on est combien au conseil ?"
    is no question about the mandate's length), nor the other way round."""
    if not opinion or len(candidates) < 2 or candidates[0].score - candidates[1].score >= TIE_MARGIN:
        return candidates
    if candidates[1].entry.id != opinion[0][0]:
        return candidates
    asked = how_many(said)
    if asked is not None and how_many(candidates[0].entry.question) == asked and how_many(
            candidates[1].entry.question) not in (None, asked):
        return candidates
    return [candidates[1], candidates[0], *candidates[2:]]


ADULT_AGE = 18  # an adult's age in a self-introduction says who asks; a minor's is a question of its own
AGE_UNITS = frozenset({"ans", "an"})


def _without_adult_age(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """"Lina, 24 ans, …": an adult's age says who asks, not what is asked (young people's entries are no topic of
    it); "j'ai 16 ans" stays (whether a minor may sit on a council is one)."""
    dropped = {i + k for i, (a, b) in enumerate(pairwise(tokens))
               if a.isdigit() and int(a) >= ADULT_AGE and b in AGE_UNITS for k in (0, 1)}
    return tuple(t for i, t in enumerate(tokens) if i not in dropped)
