"""Questions that ask for a model ("un modèle de courrier pour le préfet ?") become the documents' decision.

A hook on the decider (bot/core/decider.py), after the agenda's, apart from the feature's handlers: deciding
needs only the templates' keywords, so `hotline ask` uses it without the rest of the application.
"""

from __future__ import annotations

import dataclasses

from bot.answering.answerer import Answerer
from bot.answering.decision import Decision, Kind
from bot.answering.scope import Matter, personal_matters
from bot.core.answers import CurrentAnswerer
from bot.core.replies import Sender
from bot.documents.service import DocumentService

RENDER = "documents"  # the renderer a decision names when a question asks for a model
MODELS_ENTRY = "crpv-modeles-documents"  # the FAQ entry about the models: its reply carries the list's buttons
# One question of several asks for a model: the parts (by index) the documents answer, beside the others' answers.
BESIDE = "beside"
# Matters that are always a person's own: the council writes no letter about them.
ONES_OWN = frozenset({Matter.LAW, Matter.WORK, Matter.BENEFITS, Matter.TAXES, Matter.PAPERS, Matter.HEALTH,
                      Matter.SCHOOL, Matter.VOTING})


class DocumentsHook:
    def __init__(self, service: DocumentService, answers: CurrentAnswerer) -> None:
        self.service = service
        self.answers = answers

    def __call__(self, sender: Sender, text: str, decision: Decision) -> Decision:
        if decision.kind in (Kind.EMPTY, Kind.SMALLTALK):
            return decision
        answerer = self.answers.get()
        if decision.personal and (decision.matter in ONES_OWN or any(
                owned for _, owned in personal_matters(answerer.analyze(text).words, answerer.topics))):
            # "un modèle de lettre de résiliation pour mon assurance": a letter about a matter the member says is
            # theirs is no council document; it keeps its orientation ("une lettre type pour le bailleur, l'ascenseur
            # est en panne" is a building's, which the council writes). A fine, a job, an allowance, taxes, papers,
            # health or school are always a person's own ("un modèle pour contester une amende").
            return decision
        intent = self.service.intent(decision.words or answerer.analyze(text).words)
        if intent is None:
            return decision
        documents = {"render": RENDER, "documents": ",".join(intent.document_ids)}
        if decision.kind == Kind.MULTI:
            # "Comment préparer un copil ? Vous avez un modèle ?": the model answers its own question only; the
            # others keep their answers. Which document comes from the whole message (the copil's sheet).
            # That question is answered by the models' entry (logged and counted so); the documents show it.
            asking = [self._asks(answerer, part) for part in decision.parts]
            entry = answerer.kb.entry(MODELS_ENTRY)
            if any(asking) and not all(asking) and entry is not None:
                parts = tuple(dataclasses.replace(part, kind=Kind.ANSWER, entry=entry, score=100.0) if asks else part
                              for part, asks in zip(decision.parts, asking, strict=True))
                where = ",".join(str(i) for i, asks in enumerate(asking) if asks)
                return dataclasses.replace(decision, parts=parts, extras={**decision.extras, **documents,
                                                                          BESIDE: where})
        if not intent.explicit and decision.kind == Kind.ANSWER and decision.entry is not None:
            # "un exemple de charte ?": the FAQ's answer stays (and is logged), the document comes with it.
            return dataclasses.replace(decision, extras={**decision.extras, **documents, "with_answer": "1"})
        # Logged as an answer, by the models' FAQ entry when there is one: the statistics count it as answered.
        entry = answerer.kb.entry(MODELS_ENTRY)
        return dataclasses.replace(decision, kind=Kind.ANSWER, entry=entry, score=100.0, candidates=(), term=None,
                                   passage=None, agenda_kind=None, extras=documents, runner_up=None)

    def _asks(self, answerer: Answerer, part: Decision) -> bool:
        """One of several questions asks, in its own words, for a model ("vous avez un modèle ?")."""
        intent = self.service.intent(answerer.analyze(" ".join(part.segments)).words) if part.segments else None
        return intent is not None and intent.explicit
