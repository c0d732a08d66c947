"""Several questions in one message, each decided on its own words: answered when clearly understood, else
offered as a choice; a later question that names nothing read with the one before; the same question asked again
in other words kept as one ("Un élu peut-il être membre ? Et un agent de la mairie ?").

The answerer (bot/answering/answerer.py) ranks and decides one question; this reads a message's questions one
after the other with it. Made at each use, not kept by the answerer: kept, it would make a reference cycle, and a
learning action's replaced answerer must be freed by reference counting.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Protocol

from bot.answering.bare_question import names_no_thing, names_nothing
from bot.answering.decision import Decision, Kind
from bot.answering.demonstrative import taken_up
from bot.answering.matcher import Candidate, Matcher
from bot.answering.normalize import Analysis, words
from bot.answering.question_forms import flat_text
from bot.answering.questions import (
    Asked,
    asks_its_use,
    asks_what_it_is,
    has_pronoun_subject,
    is_elliptic,
    named_thing,
    points_back,
    refers_back,
    split_questions,
    stands_for_before,
    stands_for_the_story,
    things_told,
)
from bot.answering.same_subject import shared
from bot.answering.segment import UNSURE, Role, Segment
from bot.answering.terms_asked import TermsAsked
from bot.config import AnsweringSettings
from bot.knowledge.model import FaqEntry, GlossaryTerm

VAGUE_QUESTION_WEIGHT = 6.0  # IDF of known words under which a question clause names no subject
MULTI_NEEDS_ONE_SURE = False  # True (no choices-only answer to several questions) lost multi messages on dev
MULTI_EXTRA_SCORE = 25.0  # one of several questions is answered at once above answer_threshold + this (15: 1.6 % wrong)
MULTI_POOL = 10  # entries a part's own words rank, for the rest of the message to choose among
MULTI_CONTEXT_WEIGHT = 0.3  # the rest of the message, when it orders a part's entries
MULTI_POOL_GAP = 15.0  # the rest of the message reorders only the entries this close to the part's best
OWN_LEAD = 5.0  # a later question's own first entry this far ahead of one taken before is not pulled back to it
SUBJECT_GAP = 20.0  # a later question naming no subject: its entries this close may be the earlier subject's…
SUBJECT_RANKED = 5  # …among its own first this many
PART_RANKED = 3  # one of several questions offered: a second choice named by two rankers among their first this many
STORY_MIN_WORDS = 4  # a story told before a doubt in the same run, at least this long, says what the doubt is about
STORY_LEAN = 2.0  # one of several questions is read with the story before it when the story names this × more


class OneQuestion(Protocol):
    """What reading several questions needs of the answerer: one question's analysis, rankings and decision."""

    settings: AnsweringSettings
    matcher: Matcher
    terms: dict[str, GlossaryTerm]  # the glossary's terms, by their folded name

    @property
    def terms_asked(self) -> TermsAsked: ...

    def analyze(self, text: str) -> Analysis: ...

    def rank(self, analysis: Analysis, limit: int, boost: dict[str, float] | None = None) -> list[Candidate]: ...

    def second_opinion(self, text: str, limit: int) -> list[tuple[str, float]]: ...

    def char_ranking(self, text: str, limit: int) -> list[tuple[str, float]]: ...

    def information(self, text: str) -> float: ...

    def decide_segments(self, segments: list[Segment], exclude: frozenset[str] = frozenset(),
                         offer_agreed: bool = False, *, runner_up: bool = True, choices: bool = True) -> Decision: ...


class SeveralQuestions:
    """A message's questions read one after the other with the answerer."""

    def __init__(self, answerer: OneQuestion) -> None:
        self.answerer = answerer
        self.leaned: set[str] = set()  # entries a later question took for the subject it shares with the one before

    def understand(self, segments: list[Segment], text: str = "") -> Decision:
        """The decision for the message's questions: one, several (Kind.MULTI), or none that the base answers."""
        whole = self.answerer.decide_segments(self._possessor_named(segments), offer_agreed=True)
        asked = split_questions(text or " ".join(s.text for s in segments if s.text))
        if len(asked) < 2:
            return whole
        asked = self._demonstratives_taken_up(asked)
        texts = [a.text for a in asked]
        picks: dict[str, Decision] = {}
        answered_alone: set[str] = set()  # parts the answer rule answered or leaned to, maybe not surely enough to say so
        earlier: FaqEntry | None = None  # the entry the question just before picked
        settled: set[str] = set()  # parts about "ça" that took a next question of the entry before
        merged = False  # a question of what the thing is for, left to its definition
        offered_unsure: set[str] = set()  # parts offered their first entry though the rankers agreed on no choice
        lost: list[int] = []  # questions that name something and that no entry understood on their own words
        at: dict[str, int] = {}  # which question each pick answers
        for n, question in enumerate(asked):
            # "…ce métier, c'est quoi ? Et on me dit que je dois faire la formation VRL, c'est quoi ?": a term the story
            # just before a question names is what it asks; "c'est quoi ?" alone is every definition asked again.
            # (A story naming no term, "j'ai trop peur et je rougis, comment faire ?", tells of the same question.)
            told = question.context if self.answerer.terms.keys() & set(self.answerer.analyze(question.context).tokens) else ""
            if self._asked_again(f"{told} {question.text}", picks.values()):
                continue  # "Un élu peut-il être membre ? Et un agent de la mairie ?": the entry chosen asks it too
            if n > 0 and asks_its_use(question.text) and asks_what_it_is(asked[n - 1].text) and (
                    self.answerer.information(question.text) < VAGUE_QUESTION_WEIGHT):
                merged = True
                continue  # "c'est quoi la TFPB et ça sert à quoi ?": the definition says what it is for
            part = self.defined_by_entry(self._decide_part(question, texts, n, frozenset(picks), earlier,
                                                            asked[n - 1].context if n else ""))
            # "…c'est pareil que le conseil citoyen ? Et il doit être reconnu par le préfet ?": a question whose own
            # first entry scores at the answer threshold is offered it, though the rankers did not agree on a
            # choice, when another question is answered at once (below): beside it, it was lost.
            unsure = part.kind == Kind.UNKNOWN and bool(part.candidates) and (
                part.candidates[0].score >= self.answerer.settings.answer_threshold)
            top = part.candidates[0] if (part.kind in (Kind.ANSWER, Kind.SUGGEST) or unsure) and part.candidates else None
            if top is not None and earlier is not None and n > 0 and refers_back(question.text) and (
                    top.entry.id in earlier.related):
                settled.add(top.entry.id)
            earlier = top.entry if top is not None else None
            if top is not None and top.entry.id in picks:
                top = self._other_than_taken(part, question, frozenset(picks))
                part = part if top is None else dataclasses.replace(part, kind=Kind.SUGGEST, entry=None)
            if top is None and part.kind == Kind.UNKNOWN and (
                    self.answerer.information(question.text) >= VAGUE_QUESTION_WEIGHT):
                lost.append(n)
            if top is None or top.entry.id in picks:
                continue  # not understood, or the same question again in other words ("…? il faut voter ?")
            # A part is answered at once only when it is clearly understood; otherwise it becomes a choice.
            sure = part.kind == Kind.ANSWER and part.entry is not None and part.entry.id == top.entry.id and (
                self.answerer.information(f"{question.context} {question.text}") >= VAGUE_QUESTION_WEIGHT) and not (
                n > 0 and names_nothing(question.text)) and (
                part.score >= self.answerer.settings.answer_threshold + MULTI_EXTRA_SCORE
                or (whole.kind == Kind.ANSWER and whole.entry is not None and whole.entry.id == top.entry.id))
            if unsure:
                offered_unsure.add(top.entry.id)
            if (part.kind == Kind.ANSWER and part.entry is not None and part.entry.id == top.entry.id) or (
                    part.leaned_to == top.entry.id):
                answered_alone.add(top.entry.id)
            at[top.entry.id] = n
            picks[top.entry.id] = dataclasses.replace(
                part, kind=Kind.ANSWER if sure else Kind.SUGGEST, entry=top.entry if sure else None,
                candidates=(top,), segments=(question.text,), runner_up=None)
        picks = self._doubts_about_the_story(picks, at, [(n, asked[n]) for n in lost], whole.personal)
        if merged and len(picks) == 1 and (only := next(iter(picks.values()))).kind == Kind.ANSWER and (
                whole.kind != Kind.ANSWER):
            # "c'est quoi le contrat de ville et ça nous sert à quoi ?": the definition, sure on its own, answers
            # both (the whole message's "à quoi ça sert" pulls the entries on roles).
            return dataclasses.replace(whole, kind=Kind.ANSWER, entry=only.entry, score=only.score, runner_up=None)
        if not any(p.kind == Kind.ANSWER for p in picks.values()):
            # With no question answered at once, an unsure one is no second question beside it ("la DSU c'est de
            # l'argent pour nous ? c'est quoi ce sigle": one term asked about).
            picks = {k: p for k, p in picks.items() if k not in offered_unsure}
        settled |= self.leaned  # taken for the question before: the whole message's answer is not theirs either
        if len(picks) < 2 or (MULTI_NEEDS_ONE_SURE and not any(p.kind == Kind.ANSWER for p in picks.values())):
            return self._later_question_offered(whole, picks, at)
        if whole.kind == Kind.ANSWER and whole.entry is not None and whole.entry.id not in picks:
            # The message as a whole clearly asks for an entry no part picked: it answers the part whose
            # own words rank it among their nearest ("un élu peut être membre ?"), or it is one question.
            answered = whole.entry
            owner = next((k for k, p in picks.items() if p.kind != Kind.ANSWER and k not in answered_alone | settled and any(
                c.entry.id == answered.id for c in self.answerer.rank(self.answerer.analyze(p.segments[0]), limit=MULTI_POOL)
                if c.score >= p.score - MULTI_POOL_GAP)), None)
            # Each question names its subject and is answered on its own words ("Faut-il assurer notre fête ? Et qui
            # gère l'argent de la buvette ?"): the whole message's entry (the fête) is neither's.
            if owner is None:
                # "un adulte-relais c'est qui, et ça peut nous aider pour… ?": the subject of a question opened by a
                # pronoun is what the question before named; the whole message's answer is that question's when the
                # entry of the question before lists it as a next question.
                order = list(picks)
                owner = next((k for i, k in enumerate(order) if i > 0 and picks[k].kind != Kind.ANSWER
                              and k not in answered_alone | settled and has_pronoun_subject(picks[k].segments[0])
                              and answered.id in picks[order[i - 1]].candidates[0].entry.related), None)
            # A question about "ça" that took a next question of the entry before is settled too.
            if owner is None and (set(picks) - answered_alone - settled or any(
                    self.answerer.information(a.text) < VAGUE_QUESTION_WEIGHT for a in asked)):
                return whole
            picks = picks if owner is None else {(answered.id if k == owner else k): (dataclasses.replace(
                p, kind=Kind.ANSWER, entry=answered, score=whole.score, candidates=whole.candidates[:1])
                if k == owner else p) for k, p in picks.items()}
        chosen = tuple(self._with_alternative(p, set(picks)) if p.kind == Kind.SUGGEST else p for p in picks.values())
        return Decision(kind=Kind.MULTI, parts=chosen, score=min(p.score for p in chosen),
                        candidates=whole.candidates, segments=tuple(texts), personal=whole.personal)

    def _later_question_offered(self, whole: Decision, picks: dict[str, Decision], at: dict[str, int]) -> Decision:
        """"…jsais pas si c pour les jeunes, et c payé ou pas ?": the first question understood by none of its words
        alone, the whole message offers its choices; the one later question understood on its own is offered beside
        them, in the last place, rather than lost."""
        if whole.kind != Kind.SUGGEST or len(picks) != 1:
            return whole
        (entry_id, pick), = picks.items()
        limit = self.answerer.settings.max_suggestions
        if at.get(entry_id, 0) == 0 or any(c.entry.id == entry_id for c in whole.candidates[:limit]):
            return whole
        return dataclasses.replace(whole, candidates=(*whole.candidates[: limit - 1], *pick.candidates[:1]))

    def _doubts_about_the_story(self, picks: dict[str, Decision], at: dict[str, int], lost: list[tuple[int, Asked]],
                                personal: bool) -> dict[str, Decision]:
        """"on est 4 et les autres sont partis on sait pas si on a encore le droit de se réunir… et au passage comment
        on trouve des membres": not knowing whether, said right after a story in the same run, doubts about what the
        story tells. When the doubt's own words understand nothing (here: the right to meet, to give one's opinion),
        the story's words say what is asked (few members left: the council's renewal); its first entry no other
        question took is offered, never answered. Each question keeps its place."""
        if not lost or not picks or personal:
            return picks
        out, where = dict(picks), dict(at)
        for n, question in lost:
            doubt = UNSURE.search(flat_text(question.text))
            story = question.text[: doubt.start()] if doubt is not None else ""
            if len(words(story)) < STORY_MIN_WORDS:
                continue
            read = self.answerer.decide_segments([Segment(text=story, role=Role.QUESTION)], exclude=frozenset(out),
                                                 runner_up=False, choices=False)
            first = read.candidates[0] if read.kind in (Kind.ANSWER, Kind.SUGGEST) and read.candidates else None
            if first is None or read.personal:
                continue
            where[first.entry.id] = n
            out[first.entry.id] = Decision(kind=Kind.SUGGEST, score=first.score, candidates=(first,),
                                           segments=(question.text,))
        return dict(sorted(out.items(), key=lambda item: where[item[0]]))

    def _demonstratives_taken_up(self, asked: list[Asked]) -> list[Asked]:
        """"…a parlé du contrat de ville… C'est quoi ce contrat et à quoi on sert dedans ?": each question with the
        things its demonstratives take up named whole, from the story and the questions before it."""
        out: list[Asked] = []
        for question in asked:
            before = " ".join(f"{a.context} {a.text}" for a in out) + f" {question.context}"
            out.append(dataclasses.replace(question, text=taken_up(question.text, before.strip(), self._one_term)))
        return out

    def _one_term(self, thing: str) -> bool:
        """Whether a thing named reads as one term of the glossary ("contrat de ville", not "copil de décembre")."""
        tokens = self.answerer.analyze(thing).tokens
        return len(tokens) == 1 and tokens[0] in self.answerer.terms

    def _possessor_named(self, segments: list[Segment]) -> list[Segment]:
        """"on a une réunion avec le préfet la semaine prochaine c'est quoi son rôle": "son" is someone the story just
        before named; of the things it names, the last one the glossary knows is read with the question ("une
        réunion" pulled the entry on preparing the copil)."""
        out = list(segments)
        for i in range(1, len(out)):
            story, question = out[i - 1], out[i]
            if story.role != Role.CONTEXT or question.role != Role.QUESTION or not stands_for_the_story(question.text):
                continue
            named = [t for t in things_told(story.text) if self.answerer.terms.keys() & set(self.answerer.analyze(t).tokens)]
            if named:
                out[i] = Segment(text=f"{question.text} {self._term_of(named[-1])}", role=Role.QUESTION)
        return out

    def _term_of(self, thing: str) -> str:
        """The term a thing told opens with ("un copil jeudi" is the copil: "jeudi" says when, and drew the entry
        on preparing one), else the thing whole."""
        said = thing.split()
        return next((" ".join(said[:n]) for n in range(len(said), 0, -1) if self._one_term(" ".join(said[:n]))), thing)

    def _asked_again(self, text: str, picks: Iterable[Decision]) -> bool:
        """A later question whose every word the base knows is in the question of an entry an earlier one chose ("…
        peut nous aider à monter une enquête ? et c'est payant ?" after "… une enquête ? Est-ce payant ?") asks what
        that entry already answers: one question, not two."""
        said = {t for t in self.answerer.analyze(text).tokens if self.answerer.matcher.known(t)}
        return bool(said) and any(said <= set(self.answerer.analyze(p.candidates[0].entry.question).tokens)
                                  for p in picks if p.candidates)

    def _other_than_taken(self, part: Decision, question: Asked, taken: frozenset[str]) -> Candidate | None:
        """"c'est complet, je fais quoi ? et on est prévenu si une place se libère ou juste un rappel": a question
        that names its own subject, whose first entry an earlier question took, is offered its next entry when it
        comes close and BM25 names it among its first too. A short question that names little is the same question
        again in other words ("…? il faut voter ?")."""
        text = question.text
        if self.answerer.information(text) < 2 * VAGUE_QUESTION_WEIGHT or has_pronoun_subject(text) or refers_back(text) or (
                names_nothing(text)):
            return None
        first = part.candidates[0].score
        bm25 = [e for e, _ in self.answerer.second_opinion(text, PART_RANKED)[:PART_RANKED]]
        return next((c for c in part.candidates[1:] if c.entry.id not in taken and c.entry.id in bm25
                     and c.score >= max(self.answerer.settings.suggest_threshold, first - MULTI_POOL_GAP)), None)

    def defined_by_entry(self, part: Decision) -> Decision:
        """"Qu'est-ce que le contrat de ville ? Et on peut le lire où ?": one of several questions asking what a
        term means is offered the entry written about that term (its question or phrasings name it), ranked
        first; the glossary line alone has no place among the answers and choices of several questions."""
        top = part.candidates[0] if part.candidates else None
        if part.kind != Kind.GLOSSARY or part.term is None or top is None or not self.answerer.terms_asked.about(
                top.entry, part.term, phrasings=True):
            return part
        return dataclasses.replace(part, kind=Kind.SUGGEST, term=None, score=top.score)

    def _with_alternative(self, part: Decision, taken: set[str]) -> Decision:
        """One of several questions offered, not answered: a second choice beside ours when the three rankers
        disagree on it ("…on a combien de temps de mandat et on peut partir quand on veut ?": ours offers the end of
        RésO Villes' support, the character n-grams name resigning). The second is an entry two of the three rankers
        name among their first PART_RANKED for the question's own words, one of them first."""
        said = part.segments[0]
        first = part.candidates[0].entry.id
        ours = self.answerer.rank(self.answerer.analyze(said), limit=PART_RANKED)
        bm25 = [e for e, _ in self.answerer.second_opinion(said, PART_RANKED)[:PART_RANKED]]
        if bm25[:1] == [first]:
            return part  # another ranker backs ours: its choice stands alone
        # The n-grams are read only when a second choice could come of it.
        free = [c for c in ours if c.entry.id not in taken and c.score >= self.answerer.settings.suggest_threshold]
        letters = [e for e, _ in self.answerer.char_ranking(said, PART_RANKED)] if free else []
        if letters[:1] == [first]:
            return part
        named = [[c.entry.id for c in ours], bm25, letters]
        other = next((c for c in free if sum(c.entry.id in n for n in named) >= 2
                      and any(n[:1] == [c.entry.id] for n in named)), None)
        return part if other is None else dataclasses.replace(part, candidates=(*part.candidates[:1], other))

    def second_choices(self, said: str, taken: frozenset[str]) -> tuple[Candidate, ...]:
        """One of several questions offered with a single choice: the entries of its own words that could stand
        beside it, our first PART_RANKED that BM25 or the character n-grams name among their first PART_RANKED
        too, within MULTI_POOL_GAP of our first, none already taken. Which one, if any, is shown is e5's call
        (bot/answering/semantic_opinion.py): alone, these pairs were as often unrelated as not."""
        ours = self.answerer.rank(self.answerer.analyze(said), limit=PART_RANKED)
        if not ours:
            return ()
        named = [[c.entry.id for c in ours], [e for e, _ in self.answerer.second_opinion(said, PART_RANKED)[:PART_RANKED]],
                 [e for e, _ in self.answerer.char_ranking(said, PART_RANKED)]]
        floor = max(self.answerer.settings.suggest_threshold, ours[0].score - MULTI_POOL_GAP)
        return tuple(c for c in ours if c.entry.id not in taken and c.score >= floor
                     and sum(c.entry.id in n for n in named) >= 2)

    def _borrowed(self, question: str, questions: list[str]) -> str:
        """The glossary terms the other questions name and this one does not."""
        own = set(self.answerer.analyze(question).tokens)
        terms = [self.answerer.terms[t].term for q in questions if q != question for t in self.answerer.analyze(q).tokens
                 if t in self.answerer.terms and t not in own]
        return " ".join(dict.fromkeys(terms))

    def _on_same_thing(self, back: Decision, earlier: FaqEntry | None, taken: frozenset[str]) -> Decision:
        """"…et qui je contacte si j'ai un souci avec ça ?": "ça" is what the question before asked about, so of the
        entries this close, the one the earlier question's entry links as a next question comes first."""
        if earlier is None or not back.candidates:
            return back
        floor = max(self.answerer.settings.suggest_threshold, max(c.score for c in back.candidates) - MULTI_POOL_GAP)
        linked = next((c for c in back.candidates if c.entry.id in earlier.related and c.entry.id not in taken
                       and c.score >= floor), None)
        if linked is None or linked is back.candidates[0]:
            return back
        return dataclasses.replace(back, candidates=(linked, *[c for c in back.candidates if c is not linked]))

    def _on_the_subject(self, pool: list[Candidate], earlier: FaqEntry, taken: frozenset[str]) -> Decision | None:
        """"Qu'est-ce qu'un café citoyen ? Et c'est payant d'y aller ?": a later question naming no subject of its own
        ranks every entry about a price alike (being a member, RésO Villes' prices, its events); it asks about the
        subject of the question before, which that question's entry stands for. Of the entries its own words rank
        among their first SUBJECT_RANKED and within SUBJECT_GAP of their first, the one sharing most of that entry's
        subject (`same_subject.shared`; the first of them on a tie) is offered first, never answered at once: it
        names nothing. Its own first keeps its place when it shares that subject too, unless another shares a tag
        or a link more."""
        if pool[0].entry.id == earlier.id or pool[0].entry.id in taken:
            return None  # "… ? il faut voter ?": its own words ask the question before again
        floor = max(self.answerer.settings.suggest_threshold, pool[0].score - SUBJECT_GAP)
        near = [c for c in pool[:SUBJECT_RANKED] if c.score >= floor and c.entry.id not in taken
                and c.entry.id != earlier.id]
        best = max(near, key=lambda c: shared(c.entry, earlier), default=None)  # the first of the most shared
        most, own = (shared(best.entry, earlier), shared(pool[0].entry, earlier)) if best is not None else (0.0, 0.0)
        if best is None or not most:
            return None
        if own and most < own + 1:
            best = pool[0]  # about that subject too, as much or nearly ("vos tarifs ? comment on vous contacte ?")
        return Decision(kind=Kind.SUGGEST, score=best.score, candidates=(best, *[c for c in pool if c is not best]))

    def _nearly_even_on_subject(self, ranked: list[Candidate], earlier: FaqEntry | None,
                                taken: frozenset[str]) -> Candidate | None:
        """"Comment effacer mes données ? Et vous les donnez à la mairie ?": the second question goes on with the
        subject of the first. Of its entries within OWN_LEAD of its first (none taken, not the earlier one), the one
        sharing most of the earlier question's entry (`same_subject.shared`: tags, links, section) is offered first
        when it shares more than its own first (the entry on photos' data came 4 points ahead of the one on sharing
        the member's data). A first entry already taken is the question asked again: left as it is."""
        top = ranked[0]
        if earlier is None or top.entry.id in taken:
            return None
        even = [c for c in ranked if c.score >= top.score - OWN_LEAD and c.entry.id not in taken
                and c.entry.id != earlier.id]
        best = max(even, key=lambda c: shared(c.entry, earlier), default=None)
        return best if best is not None and shared(best.entry, earlier) > shared(top.entry, earlier) else None

    def _sure_alone(self, text: str) -> bool:
        """"et il y a des webinaires cette année ?": a question naming a thing of its own that its own words answer
        surely borrows no term from the question before (the interconseil would pull it to the entry taken)."""
        alone = self.answerer.decide_segments([Segment(text=text, role=Role.QUESTION)], runner_up=False, choices=False)
        return alone.kind == Kind.ANSWER and alone.score >= self.answerer.settings.answer_threshold + MULTI_EXTRA_SCORE

    def _decide_part(self, question: Asked, questions: list[str], n: int, taken: frozenset[str] = frozenset(),
                     earlier: FaqEntry | None = None, told_before: str = "") -> Decision:
        """One of several questions. Its own words choose the entries that may answer it; the rest of the
        message (the story before it, the other questions) orders them: "comment vous contacter ?" after
        "combien coûte l'adhésion à RésO Villes" asks for RésO Villes' contact. "c'est quoi le FPH et comment
        on fait un dossier" names its subject once, so a clause that names nothing borrows the others' terms."""
        text = question.text
        thing = named_thing(questions[n - 1], text) if n > 0 and stands_for_before(text) else ""
        text = f"{text} {thing}" if thing else text
        borrowed = self._borrowed(text, questions[:n])  # a later question would pull this one its way
        vague = self.answerer.information(text) < VAGUE_QUESTION_WEIGHT
        if borrowed and vague and (names_no_thing(text) or not self._sure_alone(text)):
            text = f"{text} {borrowed}"
        # "c'est quoi ce copil" asks what the term it names is, whatever the story says of it.
        defines = asks_what_it_is(text) and bool(self.answerer.terms.keys() & set(self.answerer.analyze(text).tokens))
        leaning = bool(question.context) and not defines and (
            self.answerer.information(question.context) >= STORY_LEAN * self.answerer.information(text))
        if (vague or leaning) and question.context:
            # "Il y a des conflits entre nous. Que faire ?": the story just before says what is asked. So it does
            # when it names much more than the question ("La mairie propose une convention pour une salle. On doit
            # accepter ?": alone, "accepter" is the entry on refusing the draw).
            told_with = self.answerer.decide_segments([Segment(text=question.context, role=Role.CONTEXT),
                                          Segment(text=text, role=Role.QUESTION)], runner_up=False)
            if told_with.kind in (Kind.ANSWER, Kind.SUGGEST):
                return told_with
            # "On vient de relancer notre conseil et on est 7. On est combien normalement dans un conseil ?": a story
            # that leaves the question with no entry at all tells where the member stands, not what is asked; the
            # question's own words are read.
        if n > 0 and names_nothing(text) and (not vague or not self._sure_alone(text)):
            # "comment on quitte le conseil ? je dois prévenir qui ?": a person, a verb and a question word name no
            # subject, however rare the verb ("prévenir" alone is the entry on telling one's absence) or common
            # ("faut le dire à qui ?"): it asks about what the question before named, read with it; the entry that
            # question took may answer both. A verb its entry answers surely alone is its subject ("…le mandat et
            # comment on fait pour démissionner").
            along = self.answerer.decide_segments([Segment(text=f"{told_before} {questions[n - 1]}".strip(), role=Role.CONTEXT),
                                           Segment(text=text, role=Role.QUESTION)], runner_up=False)
            return dataclasses.replace(along, kind=Kind.SUGGEST if along.kind == Kind.ANSWER else along.kind,
                                       entry=None)
        if n > 0 and (refers_back(text) or (vague and points_back(text))):
            # "Comment on supprime mes données ? Et à qui je m'adresse si j'ai un souci avec ça ?": "ça" is the
            # question before; read together, never answered at once on its own words.
            back = self.answerer.decide_segments([Segment(text=questions[n - 1], role=Role.CONTEXT),
                                          Segment(text=text, role=Role.QUESTION)], exclude=taken)
            return dataclasses.replace(self._on_same_thing(back, earlier, taken),
                                       kind=Kind.SUGGEST if back.kind == Kind.ANSWER else back.kind, entry=None)
        if n > 0 and is_elliptic(text):
            # "…c'est qui ? et le chef de projet ?": the question before, asked about something else.
            follow = self.answerer.decide_segments([Segment(text=questions[n - 1], role=Role.CONTEXT),
                                            Segment(text=text, role=Role.QUESTION)], exclude=taken,
                                           runner_up=False)
            return dataclasses.replace(follow, kind=Kind.SUGGEST if follow.kind == Kind.ANSWER else follow.kind,
                                       entry=None)
        # A part is never offered with a second entry beside an answer (`understand` drops it): no runner-up.
        pool = self.answerer.rank(self.answerer.analyze(text), limit=MULTI_POOL)
        context = f"{told_before} {question.context} {' '.join(questions[:n])}".strip()  # what comes before it
        # Its own choices are read where they are kept: a part with nothing before it, or no entry at all, is
        # decided alone. Otherwise it keeps them only when it is answered (an answer has no choices to read) or
        # offers nothing (read again below): the pool ordered by the rest of the message gives its choices.
        read_choices = not pool or not context
        alone = self.answerer.decide_segments([Segment(text=text, role=Role.QUESTION)], runner_up=False,
                                      choices=read_choices)
        if not pool or not context or (
                alone.kind == Kind.ANSWER and alone.score >= self.answerer.settings.answer_threshold + MULTI_EXTRA_SCORE
                and not vague and not has_pronoun_subject(text) and not refers_back(text)):
            # "Comment créer une association ? Faut-il aussi une structure porteuse ?": a question that names its
            # own subject and that its own words answer surely is not pulled by the one before to an entry sharing
            # the earlier words (grants for associations).
            return alone
        best = pool[0].score
        # "… qui paie le fonctionnement du conseil et si les membres sont remboursés de leurs frais": the rest of the
        # message does not pull a question whose own words clearly rank another entry first to the entry taken
        # before it ("c'est qui ? c'est la mairie ?", its words nearly even, or "… ? Il faut voter ?", naming nothing,
        # asks the first question again).
        # A pronoun for a thing of the question before asks something new about it: the entry that question took is
        # not this one's unless its own words put it first.
        ahead = {c.entry.id for c in pool if c.entry.id in taken and c.score <= best - OWN_LEAD} if not vague or thing \
            else set()
        ranked = [c for c in pool if c.score >= best - MULTI_POOL_GAP and c.entry.id not in ahead]
        if len(ranked) > 1:  # one entry this close has nothing to be ordered against: no ranking with the rest
            own, around = self.answerer.analyze(text), self.answerer.analyze(context)
            boost = {t: MULTI_CONTEXT_WEIGHT for t in around.tokens} | {t: 1.0 for t in own.tokens}
            # Only the scores are read (a ranking for this part alone: not shared with the others).
            near = self.answerer.matcher.scores(Analysis(words=own.words + around.words, tokens=own.tokens + around.tokens),
                                       limit=3 * MULTI_POOL, boost=boost)
            ranked.sort(key=lambda c: -near.get(c.entry.id, 0.0))
        top = ranked[0]
        leaning_to = self._nearly_even_on_subject(ranked, earlier, taken) if n > 0 else None
        if leaning_to is not None:
            self.leaned.add(leaning_to.entry.id)
            return dataclasses.replace(alone, kind=Kind.SUGGEST, entry=None, score=leaning_to.score,
                                       candidates=(leaning_to, *[c for c in pool if c is not leaning_to]))
        if vague and not borrowed and earlier is not None and names_no_thing(text) and top.entry.id not in taken:
            # Unless the rest of the message reads it as the question before again ("…une asso ? on est obligés ?").
            on_subject = self._on_the_subject(pool, earlier, taken)
            if on_subject is not None:
                return on_subject
        if alone.kind == Kind.ANSWER and alone.entry is not None and alone.entry.id == top.entry.id:
            return alone
        if top.score < self.answerer.settings.suggest_threshold:
            if not read_choices:  # its rankings are kept: only the choices are read now
                alone = self.answerer.decide_segments([Segment(text=text, role=Role.QUESTION)], runner_up=False)
            return dataclasses.replace(alone, kind=Kind.UNKNOWN, entry=None)
        return dataclasses.replace(alone, kind=Kind.SUGGEST, entry=None, score=top.score,
                                   candidates=(top, *[c for c in pool if c is not top]))
