"""Questions about the programme ("c'est quand le prochain interconseil ?") become the agenda's decision.

A hook on the decider (bot/core/decider.py), apart from the feature's handlers: deciding needs neither the
database nor the registrations, so `hotline ask` uses it without them.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from bot.answering.acts import Act
from bot.answering.answerer import Answerer
from bot.answering.decision import Decision, Kind
from bot.answering.normalize import words
from bot.answering.questions import split_questions
from bot.clock import Clock
from bot.core.answers import CurrentAnswerer
from bot.core.decider import AFTER_AGENDA
from bot.core.replies import Sender
from bot.events.event_words import GENERIC, KIND_ALIASES, event_names
from bot.events.intent import ASKED_WHEN, PRICE, WHICH_DAYS, AgendaIntent, agenda_intent, whats_on
from bot.events.meant import event_in_period, event_named
from bot.events.naming import EventNames, one_of
from bot.events.periods import asked_period
from bot.events.time_words import STRONG_TIME, names_a_stretch
from bot.knowledge.model import KnowledgeBase

# "Comment j'annule ?": the how-to answer, with the member's own registrations under it (bot/events/handlers.py).
CANCEL_ENTRY = "event-annuler"
# "Je veux m'inscrire au webinaire sur la participation": the how-to answer, with the events meant under it.
REGISTER_ENTRIES = {"event-sinscrire": None, "event-inscription-webinaire": "webinaire"}  # entry → kind it is about

# extras: the one event a question names to register for it (its id in the knowledge), shown as its card.
AGENDA_EVENT = "agenda_event"
# Registering or asking for places: "m'inscrire", "réserver", "il reste de la place", "c'est complet".
TO_REGISTER = frozenset({"inscrire", "inscris", "inscrit", "inscrite", "inscription", "inscriptions", "reserver",
                         "reserve", "place", "places", "complet", "complete"})
# extras: the entries for a question asked beside the agenda's ("…? et je peux venir avec ma voisine ?").
AGENDA_ALSO = "agenda_also"
ALSO_OFFERED = 2  # choices offered for it when none is sure
# An other question naming events or a time, or counting them ("il y en a combien ?"), is about the agenda too.
_ABOUT_EVENTS = KIND_ALIASES.keys() | STRONG_TIME | GENERIC | {"en"}
# "c'est quoi un café citoyen, et c'est quand le prochain ?", "qui peut venir à l'interconseil, c'est quand ?": the
# other question names the event but asks what it is, who may come or how, which an entry answers, not the agenda.
ASKS_OF_IT = frozenset({"comment", "quoi", "pourquoi", "qui"})
# "l'interconseil c'est tous les combien ?", "à quelle fréquence", "combien de fois par an": how often an event comes
# back is asked of the event (an entry says it), not of the agenda's dates.
_HOW_OFTEN = (("tous", "les", "combien"), ("toutes", "les", "combien"), ("quelle", "frequence"), ("combien", "de", "fois"))
# A question asking how or what, which a FAQ entry answers surely, is not asking for the agenda. "role" is what the
# reading makes of a "quoi" asking what something does or what to do ("on fait quoi"), "que dire" of one asking what
# to say ("je dis quoi"; "vous pouvez me dire la date" asks for the date).
HOW_OR_WHAT = frozenset({"comment", "quoi", "combien", "pourquoi", "role"})
WHAT_TO_SAY = (("que", "dire"), ("quoi", "dire"))
# Unless it asks what the programme itself holds for a stretch of time: "c'est quoi le programme de janvier".
THE_PROGRAMME = frozenset({"programme", "programmes", "agenda", "calendrier", "planning"})


class AgendaHook:
    def __init__(self, answers: CurrentAnswerer, *, clock: Clock, tz: ZoneInfo, centre: str = "") -> None:
        self.answers = answers
        self.centre = centre  # the programme's organiser: its name names no event
        self.clock, self.tz = clock, tz
        self._names: tuple[KnowledgeBase | None, tuple[frozenset[str], ...]] = (None, ())  # events' names, by base
        self._series: EventNames = EventNames((), words)

    def __call__(self, sender: Sender, text: str, decision: Decision) -> Decision:
        if decision.kind == Kind.ACT and decision.act == Act.HUMAN and decision.asked_beside:
            # "c'est quand le prochain interconseil ? je peux parler à quelqu'un ?": the dates asked beside the wish
            # are shown, and the person offered under them (bot/core/faq.py).
            asked = decision.asked_beside
            beside = self(sender, asked, self.answers.get().decide(asked))
            return dataclasses.replace(beside, acts=decision.acts) if beside.kind == Kind.AGENDA else decision
        if decision.kind in (Kind.EMPTY, Kind.SMALLTALK, Kind.ACT):
            return decision
        answerer = self.answers.get()
        kb = answerer.kb
        if self._names[0] is not kb:  # the knowledge was reloaded: its events may have new names
            self._names = (kb, event_names([event.title for event in kb.events], words))
            self._series = EventNames(kb.events, words, organiser=self.centre,
                                      usual=[(e.question, *e.alternates) for e in kb.faq])
        # Several questions: only what they ask routes, not the story around them ("le copil du mois prochain").
        asked = " ".join(decision.segments) if decision.kind == Kind.MULTI else ""
        asked_words = answerer.analyze(asked).words if asked else decision.words or answerer.analyze(text).words
        today = self.clock.now().astimezone(self.tz).date()
        before = decision.extras.get(AFTER_AGENDA)
        own = answerer.analyze(text).words
        if before and asked_period(own, today) is not None and not set(own) & KIND_ALIASES.keys():
            # "et en avril ?" right after "c'est quand le prochain interconseil ?": the same question for that month.
            intent = agenda_intent(answerer.analyze(before).words, self._names[1])
            intent = dataclasses.replace(intent, next_only=False) if intent is not None else None
            asked_words = own
            series = None
        else:
            # "J'ai entendu parler d'une soirée pour un livre… C'est quel jour ?": the event may be named in the
            # story, the date asked in the question.
            series = self._series.named(own)
            intent = agenda_intent(asked_words, self._names[1], names_one=series is not None)
        period = asked_period(asked_words, today)
        named = None
        if intent is None and _to_register(asked_words):
            named = event_named(kb.events, asked_words, organiser=self.centre)
            if named is None and series is not None and not HOW_OR_WHAT & set(asked_words):
                # "inscris-moi au webinaire sur la laïcité": the event named by its own words, its card to register.
                # "c'est quoi le grill et comment on s'inscrit ?" asks what it is and how (entries answer both).
                intent = AgendaIntent(kind=None, next_only=False)
            if named is None and period is not None and period.is_quarter:
                # "l'inter-conseil du deuxième trimestre": the programme titles its quarterly events by quarter.
                # A month names no one event ("plus de place pour la formation du mois prochain, je peux être sur
                # une liste d'attente ?" asks how the waiting list works).
                named = event_in_period(kb.events, asked_words, period)
        if intent is None and series is not None and PRICE & set(asked_words) and any(
                event.price for event in kb.events if event.id in series.ids):
            # "le grill c'est payant ?": the card says its price when the programme gives one (else an entry
            # answers what events cost).
            intent = AgendaIntent(kind=None, next_only=False)
        if named is not None:
            # "je voudrais m'inscrire à la soirée pour le livre", "il reste de la place pour la journée Data &
            # Quartiers ?": one event named by its title, to register or for its places: its card.
            intent = AgendaIntent(kind=named.kind, next_only=False)
        if intent is None:
            return decision
        if decision.kind == Kind.MULTI and named is None and not self._one_asks_dates(
                decision, answerer, names_one=series is not None):
            return decision
        to_say = any(pair in WHAT_TO_SAY for pair in itertools.pairwise(asked_words))
        if (decision.kind == Kind.ANSWER or (to_say and decision.kind == Kind.SUGGEST)) and (
                HOW_OR_WHAT & set(asked_words) or to_say) and not (
                THE_PROGRAMME & set(asked_words) and names_a_stretch(asked_words)) and not _asks_when(asked_words) \
                and not whats_on(asked_words):
            # "quand c'est complet on fait comment": a sure answer to a how-to question stays; what to say at next
            # week's meeting asks no date, whether its entry is sure or offered among choices.
            return decision

        extras = {**decision.extras, **({"agenda_kind": intent.kind} if intent.kind else {}),
                  **({"agenda_next": "1"} if intent.next_only else {}),
                  **({AGENDA_EVENT: named.id} if named is not None else {})}
        if named is None and series is not None:
            # The event named by its own words: its card, or the cards of its series (the handler puts the next
            # one first).
            extras[AGENDA_EVENT] = ",".join(one_of(series, asked_words))
        # "ya quoi en décembre": the month the question names, as a period marker ("2026-12")
        if period is not None:
            extras["agenda_period"] = period.marker
        also = self._also_asked(text, answerer)
        if also is not None:
            extras[AGENDA_ALSO] = also
        return dataclasses.replace(decision, kind=Kind.AGENDA, agenda_kind=intent.kind, entry=None, score=100.0,
                                   extras=extras)

    def _one_asks_dates(self, decision: Decision, answerer: Answerer, *, names_one: bool) -> bool:
        """Several questions ask the agenda when one of them does alone, or asks a date or a day ("c'est quel
        jour ?"): "l'interconseil c'est tous les combien ? et vous faites des visios cette année ?" asks two
        entries, though its words together name an event and a stretch of time."""
        read = [answerer.analyze(segment).words for segment in decision.segments]
        return any(set(said) & ASKED_WHEN or any(pair in WHICH_DAYS for pair in itertools.pairwise(said))
                   or agenda_intent(said, self._names[1], names_one=names_one) is not None for said in read)

    def _also_asked(self, text: str, answerer: Answerer) -> str | None:
        """"C'est quand le prochain interconseil ? et je peux venir avec ma voisine ?": beside the agenda, the entry
        for another question that asks for no date, read with the agenda's question as its context (ids, the first
        one answered at once when its id ends with "!")."""
        asked = split_questions(text)
        read = [answerer.analyze(a.text).words for a in asked]
        dated = next((n for n, said in enumerate(read) if agenda_intent(said, self._names[1]) is not None), None)
        if dated is None:
            # "qui peut venir à l'interconseil, c'est quand le prochain ?": the event is named in the other question,
            # the date asked in this one.
            dated = next((n for n, said in enumerate(read) if "quand" in said), None)
        if dated is None:
            return None
        for other, said in zip(asked, read, strict=True):
            if other is asked[dated] or agenda_intent(said, self._names[1]) is not None or (
                    set(said) & _ABOUT_EVENTS and not set(said) & ASKS_OF_IT and not _asks_how_often(said)):
                continue  # "il y a un interconseil bientôt ? c'est quand" asks for the agenda twice
            after = answerer.decide_after_question(other.text, asked[dated].text)
            if after.kind == Kind.ANSWER and after.entry is not None:
                return f"{after.entry.id}!"
            if after.kind == Kind.SUGGEST and after.candidates:
                return ",".join(c.entry.id for c in after.candidates[:ALSO_OFFERED])
        return None


def _to_register(words: Sequence[str]) -> bool:
    """Registering or asking for places; "à la place", "à notre place" (instead of us) is no place at an event."""
    return any(w in TO_REGISTER and not (w == "place" and "a" in words[max(0, k - 2) : k]) for k, w in enumerate(words))


def _asks_how_often(words: Sequence[str]) -> bool:
    return any(tuple(words[k:k + len(said)]) == said for said in _HOW_OFTEN for k in range(len(words)))


def _asks_when(words: Sequence[str]) -> bool:
    """"Ça commence quand et il y en a combien ?": a "quand" after its verb asks for a date, whatever else is
    asked; a "quand" opening the question ("quand c'est complet on fait comment") may open a condition."""
    return any(word == "quand" for word in words[1:])
