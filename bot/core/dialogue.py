"""What the hotline says to a dialogue act, and to a message that asks several questions.

A thank-you gets a short close (never a ticket offer), anger a calm reply that offers a person, a
request for a human the ticket offer with its button at once, "plus simple svp" a simpler version
of the last answer, several questions one answer (or one choice) each.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from bot.answering.decision import Decision, Kind
from bot.answering.dialogue import simpler
from bot.core import texts
from bot.core.replies import Button, Reply, esc, rows, short
from bot.knowledge.model import FaqEntry, KnowledgeBase

EntryReply = Callable[[FaqEntry, int | None], Reply]


def team_button(log_id: int) -> Button:
    return Button(label=texts.ASK_TEAM_BUTTON, data=f"team:{log_id}")


def human(log_id: int, reach: str, *, beside_an_answer: bool = False) -> list[Reply]:
    """"Je veux parler à un humain": the offer and its button, at once; after the answer to a question asked
    with it, the same offer worded to follow that answer."""
    how = texts.HUMAN_REACH.format(how=esc(reach)) if reach else ""
    offer = texts.HUMAN_BESIDE if beside_an_answer else texts.HUMAN_OFFER
    return [Reply(text=offer.format(reach=how), buttons=rows(team_button(log_id)))]


def frustration(log_id: int, *, at_hotline: bool = True) -> list[Reply]:
    """Anger or an insult: calm, sorry, a person offered; no lecture. Anger at the landlord or plain weariness
    ("j'en ai marre", "tant pis") is heard without the hotline apologising for what it did not do."""
    text = texts.FRUSTRATION if at_hotline else texts.VENTING
    return [Reply(text=text, buttons=rows(
        team_button(log_id), Button(label=texts.REPHRASE_BUTTON, data="rephrase")))]


def simpler_reply(entry: FaqEntry | None, kb: KnowledgeBase, log_id: int) -> list[Reply]:
    """The last answer again, shorter, with its terms in plain words; or how to be helped when there was none."""
    if entry is None:
        return [Reply(text=texts.SIMPLER_NOTHING)]
    version = simpler(entry, kb)
    lines = [texts.SIMPLER.format(question=esc(entry.question), text=esc(version.text))]
    if version.terms:
        lines.append(texts.SIMPLER_WORDS)
        lines += [f"• <b>{esc(t.term)}</b> : {esc(t.meaning)}" for t in version.terms]
    return [Reply(text="\n".join(lines), buttons=rows(
        Button(label=texts.SIMPLER_FULL_BUTTON, data=f"faq:{entry.id}"), team_button(log_id)))]


def several(decision: Decision, log_id: int, entry_reply: EntryReply) -> list[Reply]:
    """"Vous posez deux questions": an answer for each question understood, a choice for each other one."""
    answered = [p.entry for p in decision.parts if p.kind == Kind.ANSWER and p.entry is not None]
    # A question not surely understood may carry a second choice (bot/answering/answerer.py, PART_RANKED).
    offered = list({c.entry.id: c.entry for p in decision.parts if p.kind != Kind.ANSWER
                    for c in p.candidates[:2]}.values())
    asked = decision.asked or len(decision.parts)
    count = texts.COUNT.get(asked, str(asked))
    # An answer's related-question links leave out the other questions' answers and choices: each shown once.
    given = {f"faq:{e.id}" for e in answered}
    if not offered:
        return [Reply(text=texts.SEVERAL_ANSWERED.format(n=count)),
                *(_without_links(entry_reply(e, log_id), given) for e in answered)]
    buttons = [Button(label=short(e.question), data=f"faq:{e.id}:{log_id}") for e in offered]
    buttons.append(Button(label=texts.NONE_OF_THESE, data=f"team:{log_id}"))
    if not answered:
        return [Reply(text=texts.SEVERAL_CHOOSE.format(n=count), buttons=rows(*buttons))]
    # The member is told first that each question was heard, then gets the answers, then the choices.
    unsure = sum(p.kind != Kind.ANSWER for p in decision.parts)
    ask = texts.SEVERAL_SOME if unsure > 1 else texts.SEVERAL_SOME_ONE if len(offered) == 1 else texts.SEVERAL_ONE_CHOICES
    chosen = {f"faq:{e.id}" for e in offered} | given
    return [Reply(text=texts.SEVERAL_FOUND.format(n=count)),
            *(_without_links(entry_reply(e, log_id), chosen) for e in answered), Reply(text=ask, buttons=rows(*buttons))]


def _without_links(reply: Reply, links: set[str]) -> Reply:
    """An answer without its related-question links to what the reply already gives (shown once)."""
    return replace(reply, buttons=tuple(row for row in reply.buttons if not any(b.data in links for b in row)))


def personal(decision: Decision, log_id: int) -> list[Reply]:
    """A daily-life matter (CAF, logement, cantine…): not for the FAQ. Who usually deals with it, in general
    terms, and the team, who can point to the right office. Entries that may still help ("à qui signaler un
    problème de propreté") come after that line, as choices: the orientation is never left out for them."""
    where = texts.ORIENT[decision.matter.value]
    if decision.kind == Kind.SUGGEST and decision.candidates:
        offered = [Button(label=short(c.entry.question), data=f"faq:{c.entry.id}:{log_id}")
                   for c in decision.candidates]
        return [Reply(text=texts.PERSONAL_WITH_ENTRIES.format(where=where),
                      buttons=rows(*offered, team_button(log_id)))]
    return [Reply(text=texts.PERSONAL.format(where=where), buttons=rows(team_button(log_id)))]
