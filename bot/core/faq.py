"""Answering free questions: the decision, showing entries, feedback, the glossary.

This is the hotline's own job rather than one feature among others, so it lives in core: the hotline sends
it every free text, and the features plug into it (events and documents add decisions, renderers and entry
buttons; the desk takes the questions it cannot answer). Features may not import each other, so what they
all extend has to sit below them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from sqlmodel import Session

from bot.answering.acts import Act
from bot.answering.answerer import Answerer
from bot.answering.decision import Decision, Kind, Smalltalk
from bot.answering.normalize import MAX_CHARS, fold
from bot.core import dialogue, texts
from bot.core.decider import Decider
from bot.core.members import touch_member
from bot.core.replies import Button, Reply, Sender, esc, rows, short
from bot.core.router import Router
from bot.knowledge.model import FaqEntry, GlossaryTerm, KnowledgeBase
from bot.storage.models import QuestionLog

MAX_LOGGED_CHARS = 4096
# "1", "2.": a number alone picks among numbered choices; with none waiting it asks nothing.
_CHOICE_NUMBER = re.compile(r"^\s*\d{1,3}\s*[.)]?\s*$")
# "Bonsoir, je m'appelle Josiane…": the hotline greets back with the member's own word.
_EVENING = re.compile(r"^\W*(?:bonsoir|bsr)\b")
MAX_ROWS = 6  # rows of buttons under an answer: related questions give way first
Renderer = Callable[[Sender, Decision, int], list[Reply]]
# Hands a logged question to a person (the desk opens a ticket): (sender, log id, "button" or "auto").
Escalate = Callable[[Sender, int, str], list[Reply]]


def runner_up_of(decision: Decision) -> FaqEntry | None:
    """The close second entry an answer offers beside it (bot/answering/answerer.py, RUNNER_UP_SHARE)."""
    return decision.runner_up.entry if decision.kind == Kind.ANSWER and decision.runner_up is not None else None


def how_to_reach(kb: KnowledgeBase) -> str:
    """"au 02… ou à contact@…" for the centre's team, or "" when the knowledge gives no way."""
    contact = kb.contact("crpv") or (kb.contacts[0] if kb.contacts else None)
    if contact is None or not (contact.phone or contact.email):
        return ""
    return " ou ".join(p for p in (contact.phone and f"au {contact.phone}", contact.email and f"à {contact.email}") if p)


class FaqService:
    def __init__(self, *, decider: Decider, centre: str, help_text: Callable[[], str],
                 escalate: Escalate | None = None, escalate_unknown: bool = False,
                 status: Callable[[Sender], list[Reply]] | None = None) -> None:
        self.decider = decider  # what a question gets (the features' hooks included): built before the rest
        self.db = decider.db
        self.answers = decider.answers
        self.clock = decider.clock
        self.centre = centre
        self.help_text = help_text
        # What other features render for their own decisions (see `add_decision`): by kind (the agenda), or by
        # the name their decision hook put in extras["render"] (the documents take over some answers).
        self.renderers: dict[str, Renderer] = {}
        # Entries a feature shows its own way, however they are reached (answered, or chosen among suggestions).
        self.entry_renderers: dict[str, Renderer] = {}
        # Buttons a feature adds under a FAQ entry, however it is reached (answer, suggestion, related link).
        self.entry_buttons: dict[str, Callable[[FaqEntry], tuple[tuple[Button, ...], ...]]] = {}
        # What other features answer to a dialogue act (the desk: "où en est ma question ?").
        self.act_renderers: dict[Act, Renderer] = {}
        if status is not None:
            self.act_renderers[Act.STATUS] = lambda sender, decision, log_id: status(sender)
        # "Ask the team": a ticket when the desk is there, else a note with the team's contact.
        self.escalate = escalate
        if escalate is not None and escalate_unknown:
            self.renderers[Kind.UNKNOWN] = lambda sender, decision, log_id: escalate(sender, log_id, "auto")

    @property
    def answerer(self) -> Answerer:
        return self.answers.get()

    def add_decision(self, kind: Kind | str, render: Renderer) -> None:
        """A feature's own kind of answer, which its hook on the decider turns a decision into; `render`
        shows it. A name that is not a `Kind` is found in the decision's extras["render"]."""
        if kind in self.renderers:
            raise ValueError(f"decision {kind} rendered twice")
        self.renderers[kind] = render

    def add_entry_render(self, entry_id: str, render: Renderer) -> None:
        """An entry a feature completes with what it knows ("comment j'annule ?": the member's registrations
        under the how-to); `render` gets an answer's decision, whose words are the member's question."""
        if entry_id in self.entry_renderers:
            raise ValueError(f"entry {entry_id} rendered twice")
        self.entry_renderers[entry_id] = render

    def register(self, router: Router) -> None:
        router.command("glossaire", "Le sens d'un sigle (ex. : /glossaire QPV)", self.glossary_command)
        router.button("faq", self._show_entry_button)
        router.button("more", self._more_button)
        router.button("full", self._full_button)
        router.button("fb", self._feedback_button)
        router.button("team", self._team_button)
        router.button("rephrase", lambda sender, args: [Reply(text=texts.REPHRASE)])

    # --- questions -------------------------------------------------------------------------

    def decide(self, sender: Sender, text: str) -> Decision:
        return self.decider.decide(sender, text)

    def ask(self, sender: Sender, text: str) -> list[Reply]:
        decision = self.decide(sender, text)
        log_id = self._log(sender, text, decision)
        replies = self.render(sender, decision, log_id)
        if Act.HUMAN in decision.acts and decision.kind != Kind.ACT:
            # "c'est quoi le FPH ? je peux parler à quelqu'un ?": answered, and the person asked for offered too.
            replies += dialogue.human(log_id, how_to_reach(self.answerer.kb), beside_an_answer=True)
        if decision.kind == Kind.EMPTY and _CHOICE_NUMBER.match(text):
            replies = [Reply(text=texts.NO_CHOICE_WAITING)]
        if len(text) > MAX_CHARS and decision.kind != Kind.EMPTY and not decision.segments:
            replies.insert(0, Reply(text=texts.TOO_LONG))
        if decision.greeted and replies and decision.kind != Kind.SMALLTALK:
            first = replies[0]
            hello = "Bonsoir ! " if _EVENING.match(fold(text)) else "Bonjour ! "
            replies[0] = Reply(text=hello + first.text, buttons=first.buttons, attachment=first.attachment)
        return replies

    def _log(self, sender: Sender, text: str, decision: Decision) -> int:
        entry = decision.entry or next((p.entry for p in decision.parts if p.entry), None)
        entry_id = entry.id if entry else (
            decision.passage.passage.id if decision.passage else (decision.term.term if decision.term else None))

        def work(session: Session) -> int:
            member = touch_member(session, sender, self.clock)
            row = QuestionLog(member_id=member.id, text=text[:MAX_LOGGED_CHARS], decision=decision.kind.value,
                              entry_id=entry_id, score=decision.score, created_at=self.clock.now())
            session.add(row)
            session.commit()
            assert row.id is not None
            return row.id

        return self.db.write(work, what="logging a question")  # a locked database is waited for, not fatal

    def render(self, sender: Sender, decision: Decision, log_id: int) -> list[Reply]:
        custom = self.renderers.get(decision.extras.get("render", decision.kind))
        if custom is None and decision.kind == Kind.ANSWER and decision.entry is not None:
            custom = self.entry_renderers.get(decision.entry.id)
        if custom is not None:
            return custom(sender, decision, log_id)
        match decision.kind:
            case Kind.ANSWER:
                assert decision.entry is not None
                return [self.entry_reply(decision.entry, log_id, runner_up_of(decision))]
            case Kind.SUGGEST if decision.personal:
                return dialogue.personal(decision, log_id)  # who deals with it first, then the entries
            case Kind.SUGGEST:
                buttons = [Button(label=short(c.entry.question), data=f"faq:{c.entry.id}:{log_id}")
                           for c in decision.candidates]
                buttons.append(Button(label=texts.NONE_OF_THESE, data=f"team:{log_id}"))
                return [Reply(text=texts.SUGGEST, buttons=rows(*buttons))]
            case Kind.GLOSSARY:
                assert decision.term is not None
                return [self.term_reply(decision.term, log_id)]
            case Kind.PASSAGE:
                assert decision.passage is not None
                passage = decision.passage.passage
                body = (f"{texts.PASSAGE.format(title=esc(passage.document_title))}\n\n"
                        f"<b>{esc(passage.heading)}</b>\n{esc(passage.text)}\n\n"
                        f"{texts.ANSWER_SOURCE.format(source=esc(passage.source))}")
                see_also = tuple((Button(label="➡️ " + short(c.entry.question, 55), data=f"faq:{c.entry.id}:{log_id}"),)
                                 for c in decision.candidates)
                return [Reply(text=body, buttons=see_also + self._feedback_rows(log_id))]
            case Kind.SMALLTALK:
                return [self._smalltalk(decision.smalltalk)]
            case Kind.MULTI:
                return dialogue.several(decision, log_id, self.entry_reply)
            case Kind.ACT:
                return self._act(sender, decision, log_id)
            case Kind.UNKNOWN if decision.personal:
                return dialogue.personal(decision, log_id)
            case Kind.EMPTY:
                return [Reply(text=texts.EMPTY)]
            case _:
                return [Reply(text=texts.UNKNOWN, buttons=rows(
                    Button(label=texts.ASK_TEAM_BUTTON, data=f"team:{log_id}"),
                    Button(label=texts.REPHRASE_BUTTON, data="rephrase"),
                ))]

    def _act(self, sender: Sender, decision: Decision, log_id: int) -> list[Reply]:
        custom = self.act_renderers.get(decision.act) if decision.act else None
        if custom is not None:
            return custom(sender, decision, log_id)
        match decision.act:
            case Act.HUMAN:
                return dialogue.human(log_id, how_to_reach(self.answerer.kb))
            case Act.SIMPLER:
                return dialogue.simpler_reply(decision.entry, self.answerer.kb, log_id)
            case Act.STATUS:
                return [Reply(text=texts.STATUS_NONE)]
            case _:
                return dialogue.frustration(log_id, at_hotline=decision.at_hotline)

    def _smalltalk(self, kind: Smalltalk | None) -> Reply:
        if kind == Smalltalk.THANKS:
            return Reply(text=texts.THANKS)
        if kind == Smalltalk.BYE:
            return Reply(text=texts.BYE)
        if kind == Smalltalk.HELP:
            return Reply(text=self.help_text())
        if kind == Smalltalk.OK:
            return Reply(text=texts.OK)
        return Reply(text=texts.GREETING)

    # --- rendering entries -----------------------------------------------------------------

    def _feedback_rows(self, log_id: int | None) -> tuple[tuple[Button, ...], ...]:
        if log_id is None:
            return ()
        return ((Button(label=texts.USEFUL_BUTTON, data=f"fb:{log_id}:1"),
                 Button(label=texts.NOT_USEFUL_BUTTON, data=f"fb:{log_id}:0")),)

    def entry_reply(self, entry: FaqEntry, log_id: int | None, runner_up: FaqEntry | None = None) -> Reply:
        """The short answer first when the entry has one ("📖 En savoir plus" shows the whole answer), else the
        whole answer as it is written. `runner_up`: a close second entry, offered right under the answer ("Ce
        n'est pas votre question ?"); chosen, it answers the logged question instead."""
        if not entry.short:
            return self._whole_reply(entry, log_id, runner_up)
        text = (f"<b>{esc(entry.question)}</b>\n\n{esc(entry.short)}\n\n"
                f"{texts.ANSWER_SOURCE.format(source=esc(entry.source))}")
        whole = Button(label=texts.MORE_BUTTON, data=f"full:{entry.id}" + (f":{log_id}" if log_id is not None else ""))
        # A feature's buttons (a document to download) come first: they are what the member came for.
        first = [*self._extra_rows(entry), (whole,), *self._runner_up_rows(runner_up, log_id)]
        feedback = self._feedback_rows(log_id)
        related = self._related_rows(entry, runner_up, room=MAX_ROWS - len(first) - len(feedback))
        return Reply(text=text, buttons=(*first, *related, *feedback))

    def _extra_rows(self, entry: FaqEntry) -> list[tuple[Button, ...]]:
        """Buttons a feature adds under this entry (e.g. the document that goes with it)."""
        extra = self.entry_buttons.get(entry.id)
        return list(extra(entry)) if extra is not None else []

    def _whole_reply(self, entry: FaqEntry, log_id: int | None, runner_up: FaqEntry | None = None) -> Reply:
        """The whole answer and its source; details written apart (`more`) behind "En savoir plus", unless the
        member already asked for more (a short answer came first): then they come with it."""
        details = f"\n\n{esc(entry.more.strip())}" if entry.more and entry.short else ""
        text = (f"<b>{esc(entry.question)}</b>\n\n{esc(entry.answer)}{details}\n\n"
                f"{texts.ANSWER_SOURCE.format(source=esc(entry.source))}")
        buttons: list[tuple[Button, ...]] = []
        if entry.more and not entry.short:
            buttons.append((Button(label=texts.MORE_BUTTON, data=f"more:{entry.id}"),))
        buttons.extend(self._runner_up_rows(runner_up, log_id))
        extra, feedback = self._extra_rows(entry), self._feedback_rows(log_id)
        buttons.extend(self._related_rows(entry, runner_up, room=MAX_ROWS - len(buttons) - len(extra) - len(feedback)))
        buttons.extend(extra)
        buttons.extend(feedback)
        return Reply(text=text, buttons=tuple(buttons))

    @staticmethod
    def _runner_up_rows(runner_up: FaqEntry | None, log_id: int | None) -> list[tuple[Button, ...]]:
        if runner_up is None:
            return []
        data = f"faq:{runner_up.id}" + (f":{log_id}" if log_id is not None else "")
        return [(Button(label=texts.RUNNER_UP_BUTTON.format(question=short(runner_up.question, 40)), data=data),)]

    def _related_rows(self, entry: FaqEntry, runner_up: FaqEntry | None = None, *,
                      room: int = 3) -> list[tuple[Button, ...]]:
        """The entries its authors linked to it (the runner-up, when one of them, is shown once, as such), at
        most three and at most `room`: under the models entry, six documents leave no room for them."""
        found = (self.answerer.kb.entry(related_id) for related_id in entry.related[:3])
        shown: list[tuple[Button, ...]] = [
            (Button(label="➡️ " + short(related.question, 55), data=f"faq:{related.id}"),)
            for related in found if related is not None and (runner_up is None or related.id != runner_up.id)]
        return shown[:max(room, 0)]

    def term_reply(self, term: GlossaryTerm, log_id: int | None) -> Reply:
        text = texts.GLOSSARY.format(term=esc(term.term), meaning=esc(term.meaning),
                                     definition=esc(term.definition), source=esc(term.source))
        return Reply(text=text, buttons=self._feedback_rows(log_id))

    # --- buttons and commands --------------------------------------------------------------

    def _show_entry_button(self, sender: Sender, args: list[str]) -> list[Reply]:
        entry = self.answerer.kb.entry(args[0]) if args else None
        if entry is None:
            return [Reply(text=texts.EXPIRED_BUTTON)]
        log_id, asked = self._log_choice(sender, entry, args[1] if len(args) > 1 else None)
        render = self.entry_renderers.get(entry.id)
        if render is not None:  # read with the question it was chosen for
            words = self.answerer.analyze(asked).words if asked else ()
            return render(sender, Decision(kind=Kind.ANSWER, score=100.0, entry=entry, words=words), log_id)
        return [self.entry_reply(entry, log_id)]

    def _log_choice(self, sender: Sender, entry: FaqEntry, log_arg: str | None) -> tuple[int, str | None]:
        """A suggestion or the runner-up chosen: the logged question keeps what the hotline answered and gains
        what the member picked (`chosen_id`: a learning signal, and what a follow-up question leans on).
        Returns the log's id and the member's question it was chosen for, if any."""
        with self.db.session() as session:
            member = touch_member(session, sender, self.clock)
            row = session.get(QuestionLog, int(log_arg)) if log_arg and log_arg.isdigit() else None
            if row is None or row.member_id != member.id:
                row = QuestionLog(member_id=member.id, text=None, decision="browse", entry_id=entry.id,
                                  score=100.0, created_at=self.clock.now())
            else:
                row.chosen_id = entry.id
            session.add(row)
            session.commit()
            assert row.id is not None
            return row.id, row.text

    def _more_button(self, sender: Sender, args: list[str]) -> list[Reply]:
        entry = self.answerer.kb.entry(args[0]) if args else None
        if entry is None or not entry.more:
            return [Reply(text=texts.EXPIRED_BUTTON)]
        return [Reply(text=f"<b>{texts.MORE_BUTTON[2:]}</b> : {esc(entry.question)}\n\n"
                           f"{esc(entry.more)}")]

    def _full_button(self, sender: Sender, args: list[str]) -> list[Reply]:
        """"En savoir plus" under a short answer: the whole answer and its source (feedback stays with the
        member's own question only)."""
        entry = self.answerer.kb.entry(args[0]) if args else None
        if entry is None or len(args) > 2:
            return [Reply(text=texts.EXPIRED_BUTTON)]
        row = self.owned_log(sender, args[1]) if len(args) == 2 else None
        return [self._whole_reply(entry, row.id if row is not None else None)]

    def owned_log(self, sender: Sender, log_arg: str) -> QuestionLog | None:
        """The logged question named by a button, only if it belongs to whoever pressed it."""
        if not log_arg.isdigit():
            return None
        with self.db.session() as session:
            member = touch_member(session, sender, self.clock)
            session.commit()
            row = session.get(QuestionLog, int(log_arg))
            return row if row is not None and row.member_id == member.id else None

    def _feedback_button(self, sender: Sender, args: list[str]) -> list[Reply]:
        if len(args) != 2 or args[1] not in ("0", "1"):
            return [Reply(text=texts.EXPIRED_BUTTON)]
        row = self.owned_log(sender, args[0])
        if row is None:
            return [Reply(text=texts.EXPIRED_BUTTON)]
        with self.db.session() as session:
            stored = session.get(QuestionLog, row.id)
            assert stored is not None
            stored.feedback = 1 if args[1] == "1" else -1
            session.add(stored)
            session.commit()
        if args[1] == "1":
            return [Reply(text=texts.FEEDBACK_THANKS_UP)]
        return [Reply(text=texts.FEEDBACK_THANKS_DOWN, buttons=rows(
            Button(label=texts.ASK_TEAM_BUTTON, data=f"team:{row.id}:fb"),
            Button(label=texts.REPHRASE_BUTTON, data="rephrase"),
        ))]

    def _team_button(self, sender: Sender, args: list[str]) -> list[Reply]:
        row = self.owned_log(sender, args[0]) if args else None
        if row is None or row.id is None:
            return [Reply(text=texts.EXPIRED_BUTTON)]
        if self.escalate is not None:
            return self.escalate(sender, row.id, "button")
        return self._note_for_team(row.id)

    def _note_for_team(self, log_id: int) -> list[Reply]:
        with self.db.session() as session:
            row = session.get(QuestionLog, log_id)
            if row is not None and row.decision not in ("unknown", "escalated"):
                row.decision = "escalated"
                session.add(row)
                session.commit()
        reach = how_to_reach(self.answerer.kb)
        how = f"Pour une réponse rapide, vous pouvez aussi joindre l'équipe {reach}." if reach else ""
        return [Reply(text=texts.QUESTION_NOTED.format(centre=esc(self.centre), contact=esc(how)))]

    def glossary_command(self, sender: Sender, args: str) -> list[Reply]:
        name = args.strip()
        if not name:
            return [Reply(text=texts.GLOSSARY_USAGE)]
        kb = self.answerer.kb
        term = kb.term(name) or next((t for t in kb.glossary if fold(name) in
                                      {fold(s) for s in (t.term, t.meaning, *t.synonyms)}), None)
        if term is not None:
            return [self.term_reply(term, None)]
        from rapidfuzz import fuzz, process

        close = process.extract(fold(name), {t.term: fold(t.term) for t in kb.glossary}, scorer=fuzz.ratio,
                                score_cutoff=60, limit=3)
        suggestion = texts.GLOSSARY_SUGGEST.format(terms=" ou ".join(esc(c[2]) for c in close)) if close else ""
        return [Reply(text=texts.GLOSSARY_UNKNOWN.format(term=esc(short(name, 40)), suggestion=suggestion))]
