"""Is a free question about *when* something happens? Then the agenda answers it, not the FAQ.

"c'est quand le prochain interconseil ?", "quels webinaires bientôt ?", "la date de la prochaine
réunion" go to the agenda; "c'est quoi l'interconseil ?" or "qui peut venir à l'interconseil ?" stay
FAQ questions. A question needs a subject (an event kind, "événement / rencontre / réunion", or the name
of an event: "la participation sur le grill") and a time word ("quand", "ce mois-ci", "avant l'été");
weak time words ("programme", "jour") do not count in a "what is" question. The words of events are in
`event_words`, those of time in `time_words`. "Qu'est-ce qui est prévu la
semaine prochaine ?" asks for the agenda without a subject.

How-to questions that mention an event are not agenda questions: "comment annuler mon inscription à la
journée de mars", "je veux voir que les webinaires dans l'agenda", "organiser la prochaine réunion"; nor
is time off work for a meeting ("congé … quand on est salarié").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.answering.french import STOPWORDS
from bot.answering.scope import PERSONAL_WORDS, SHARED_WORDS
from bot.events.event_words import GENERIC, KIND_ALIASES, KIND_WORDS
from bot.events.periods import QUARTER_WORDS
from bot.events.time_words import MONTHS, PAST, SPAN_WORDS, STRONG_TIME, WEAK_TIME, names_a_stretch

# "Qu'est-ce qui est prévu … ?", "il se passe quoi … ?", "vous organisez quoi … ?": the agenda, with a time.
EVENT_QUESTIONS: tuple[tuple[str, ...], ...] = (
    ("de", "prevu"), ("est", "prevu"), ("sont", "prevus"), ("sont", "prevues"), ("se", "passe"), ("vous", "organisez"),
    ("organisez", "vous"), ("quoi", "de", "neuf"), ("y", "a", "quoi"), ("de", "programme"), ("au", "programme"),
    ("quelque", "chose"), ("vous", "faites"), ("faites", "vous"),
    # "qu'est-ce qu'il y a cet hiver ?", "vous avez quoi au 2e trimestre ?": what there is, or what the centre has.
    ("qu", "il", "y", "a"), ("qu", "y", "a"), ("vous", "avez", "quoi"), ("avez", "vous", "quoi"),
    # "vous avez prévu des choses cet été ?", "qu'est-ce que vous prévoyez pour la rentrée", "des choses prévues en
    # avril": what the centre has planned.
    ("avez", "prevu"), ("vous", "prevoyez"), ("prevoyez", "vous"), ("choses", "prevues"), ("trucs", "prevus"),
    ("chose", "prevue"),
    # "ke ce passe til en avril": "se passe" written as heard.
    ("ce", "passe"),
)
# "y a des trucs en mai ?", "il y a des choses en avril ?": "des trucs", "des choses" are the spoken "quelque chose",
# when something is said to exist ("y a", or "il y a", which reading drops: the question opens on them), or the
# centre is asked to have it ("vous avez des trucs en juin ?").
VAGUE_THINGS: tuple[tuple[str, ...], ...] = (("des", "trucs"), ("des", "choses"), ("un", "truc"))
VAGUE_THING_NOUNS = frozenset({"truc", "trucs", "chose", "choses", "machin"})
_FORMATS = (("en", "ligne"), ("sur", "place"), ("en", "presentiel"), ("a", "distance"))
# Online or not ("en visio" is read "distance").
ONLINE_OR_NOT: tuple[tuple[str, ...], ...] = (*_FORMATS, ("en", "visio"), ("par", "visio"))
WHICH_DAYS: tuple[tuple[str, ...], ...] = (("quels", "jours"), ("quel", "jour"), ("quelle", "journee"), ("quels", "soirs"),
                                          ("quel", "soir"))
# "c'est où l'interconseil ?", "la journée GUSP, ça se passe où ?": where a named event takes place is on its card.
PLACE_ASKED: tuple[tuple[str, ...], ...] = (
    ("c", "est", "ou"), ("c", "ou"), ("ca", "est", "ou"), ("se", "passe", "ou"), ("ou", "se", "passe"),
    ("a", "lieu", "ou"), ("ou", "a", "lieu"), ("aura", "lieu", "ou"), ("auront", "lieu", "ou"),
    ("ou", "se", "deroule"), ("se", "deroule", "ou"), ("quel", "lieu"),
    ("quelle", "adresse"), ("quelle", "ville"), ("dans", "quelle", "ville"),
    # "l'interconseil c'est en ligne ou sur place ?": online or not is where it takes place ("visio" is left out: it
    # names webinars, and the council's own meetings by video are its practice).
    *((a, b, "ou") for a, b in _FORMATS), *(("ou", a, b) for a, b in _FORMATS))
# "vous organisez des trucs pour les habitants ?", "organisez-vous des rencontres ?": whether the centre holds
# events at all, asked with an indefinite article after the verb (a yes-or-no question the agenda answers). "Quelles
# journées vous organisez en 2026" asks what they are about (an entry). "vous faites" and "vous avez" say it of
# events or things only ("vous faites des formations ?" may ask whether the centre trains members).
OFFERED: dict[tuple[str, ...], bool] = {("vous", "organisez"): True, ("organisez", "vous"): True,
                                        ("vous", "proposez"): True, ("proposez", "vous"): True,
                                        ("vous", "faites"): False, ("faites", "vous"): False,
                                        ("vous", "avez"): False, ("avez", "vous"): False}
_INDEFINITE = frozenset({"des", "un", "une", "de", "d"})
# "je peux venir au webinaire sur le vieillissement ?", "je voudrais participer à la prochaine journée": the member's
# wish to attend an event of a kind asks for it (its card shows when and how to register). Not who may come, how,
# with whom, nor what one cannot attend ("je peux pas venir au webinaire, on peut le revoir ?").
_WISH = frozenset({"peux", "peut", "voudrais", "veux", "aimerais", "souhaite", "souhaiterais", "compte", "pourrais"})
_ATTEND = frozenset({"venir", "assister", "participer", "aller"})
_NOT_A_WISH = frozenset({"qui", "comment", "pourquoi", "avec", "pas", "pa", "plus", "jamais", "combien"})
# Doing something about an event is a how-to question ("comment annuler mon inscription à la journée de mars"),
# unless the member asks when as well.
HOW_TO = frozenset({"comment", "organiser", "preparer", "annuler", "desinscrire", "filtrer", "trier", "afficher",
                    "seulement", "uniquement", "complet", "complete", "complets",
                    # "…des documents pour le copil de la semaine prochaine, je n'y comprends rien, au secours"
                    "comprends", "comprend", "secours",
                    # what the hotline does around an event: "un rappel pour le prochain ?", "le revoir en replay"
                    "rappel", "rappels", "replay", "replays", "revoir", "rediffusion",
                    # "recevra-t-on une notification avant ?", "le bot va me prévenir avant ?": a reminder too
                    "notification", "notifications", "prevenir", "prevenu", "prevenue", "prevenus", "previent"})
# "ya plus de place pour la formation du mois prochain, je peux être sur une liste d'attente": a full event.
# "…la préfecture ne donne aucun rendez-vous le mois prochain, je fais quoi ?": what the member is to do.
HOW_TO_PHRASES: tuple[tuple[str, ...], ...] = (("voir", "que"), ("pas", "le", "reste"), ("par", "quoi"),
                                              ("que", "faire"), ("plus", "de", "place"),
                                              ("plus", "de", "places"), ("liste", "d", "attente"),
                                              ("je", "fais", "quoi"), ("dois", "faire"), ("je", "fais", "comment"),
                                              # "c'était complet, il peut faire quelque chose ?": what can be done
                                              *((can, "faire", "quelque", "chose")
                                                for can in ("peut", "peux", "pouvons", "pouvez", "peuvent")),
                                              # "on peut faire des réunions en visio ?": holding the council's own
                                              # meetings, as "organiser", not asking for the centre's events
                                              *(("faire", det, noun) for det in ("des", "une", "la", "les", "nos", "notre")
                                                for noun in ("reunion", "reunions")))
# "des conseils pour préparer la réunion" asks for advice (a how-to question); "les réunions des conseils citoyens"
# names councils: "conseils" followed by what kind of council it is is the plural of "conseil", not advice.
ADVICE = ("des", "conseils")
COUNCIL_KINDS = frozenset({"citoyen", "citoyens", "municipal", "municipaux", "communautaire", "communautaires",
                           "metropolitain", "metropolitains", "departemental", "departementaux", "regional",
                           "regionaux", "syndical", "syndicaux", "local", "locaux", "quartier", "quartiers"})
COUNCIL_OF = frozenset({"quartier", "quartiers", "administration", "citoyens", "jeunes", "enfants", "sages"})
ASKED_WHEN = frozenset({"quand", "date", "dates", "heure", "horaire", "horaires"})
# "je voudrais recevoir seulement les dates des réunions", "juste les horaires dans les annonces": what the bot sends,
# narrowed to one kind of message, is a setting of the announcements (a FAQ); "les dates" there name what is to be
# sent, not a date asked for.
RECEIVED = frozenset({"recevoir", "recois", "recoit", "recevrai", "recevez", "annonce", "annonces", "notification",
                      "notifications", "message", "messages"})
ONLY = frozenset({"seulement", "uniquement", "juste"})
# "la date de l'interconseil est à confirmer, ça veut dire quoi ?" (read "… quoi"): what the label "à confirmer" means,
# said of a date even apart from it, is asked (an entry explains it); no date is asked unless "quand" is. "le prochain
# café citoyen est à confirmer ?" still asks the agenda, which shows it.
TO_CONFIRM: tuple[tuple[str, ...], ...] = (("a", "confirmer"), ("a", "confirme"), ("a", "confirmee"),
                                          # "la mention d'une date non arrêtée", "date pas encore fixée"
                                          *((no, fixed) for no in ("non", "pas", "encore")
                                            for fixed in ("arretee", "fixee", "definie", "definitive")))
# "que faut-il en comprendre ?", "ça signifie quoi ?": the label's meaning asked.
MEANING = frozenset({"comprendre", "signifie", "signifient", "signifier", "mention"})
# Time off work for a meeting is the employer's business (a FAQ), whatever the date.
WORK = frozenset({"conge", "conges", "salarie", "salariee", "salaries", "patron", "patronne", "employeur", "absenter",
                  "absence", "travail", "boulot", "rtt", "chef"})
DEFINITION = frozenset({"quoi", "pourquoi", "combien", "role", "sert"})
# "Dois-je payer pour la journée du 24 septembre ?" asks about the price (a FAQ), not for the agenda.
PRICE = frozenset({"payer", "paye", "prix", "tarif", "tarifs", "gratuit", "gratuite", "coute", "cout", "payant",
                   "payante"})
# "je voudrais voir l'agenda", "vous pouvez m'envoyer le programme ?": asking to be shown it is asking for it.
STANDALONE = frozenset({"agenda", "calendrier", "programme", "planning", "evenements", "evenement", "prochains", "liste",
                        "dates",
                        "prochaines", "quels", "quelles", "rendez", "vous", "rdv", "a", "venir", "quoi", "prevu",
                        "prevus", "de", "en", "voir", "consulter", "avoir", "recevoir", "envoyer", "montrer",
                        "donner", *MONTHS})
# "Mettre la date dans mon calendrier" asks how to add an event to one's phone (a FAQ), not for dates.
ADD_TO_CALENDAR = frozenset({"mettre", "ajouter", "ajoute", "synchroniser", "exporter", "enregistrer"})
NEXT_WORDS = frozenset({"prochain", "prochaine"})
# "ma fille peut venir à la prochaine réunion ?", "au prochain copil qui représente le conseil ?", "le prochain
# copil on doit dire quoi": "prochain" only says which meeting; what is asked is who, whether, what to say.
ASKS_OTHER = frozenset({"qui", "comment", "pourquoi", "peut", "peux", "pouvez", "peuvent", "pourra", "pourrai",
                        "pourrait", "pourrons", "doit", "dois", "doivent", "devons", "devez", "faut", "dire"})
# "On a une réunion avec le bailleur mardi": the member's own meeting is the story around a question, not a
# request for the centre's agenda; nor is a time that looks back ("en panne depuis un mois").
OWN_MEETING: tuple[tuple[str, ...], ...] = (("on", "a"), ("nous", "avons"), ("j", "ai"), ("notre",), ("nos",))
# "je rate la réunion", "je vais manquer la rencontre": a meeting the member will miss is her own story too.
MISSING = frozenset({"rate", "rater", "raterai", "manque", "manquer", "manquerai", "loupe", "louper", "louperai",
                     "sauter"})
# "y a bientôt quelque chose sur…", "organisez-vous bientôt des choses…": something soon, said to exist or asked of
# the centre, with "soon" in between.
_SOON_WORDS = frozenset({"bientot", "prochainement"})
_THERE_ARE: tuple[tuple[str, ...], ...] = (("y", "a"), *OFFERED)
# "hier en réunion", "venir à toutes les réunions", "à chaque réunion": a meeting past, or all of them (the council's
# routine).
_ROUTINE_MEETING: tuple[tuple[str, ...], ...] = (("hier",), ("toutes", "les"), ("tous", "les"), ("chaque",))
# "on se réunit une fois tous les deux mois", "une fois par mois": how often is told, a practice (a FAQ).
_UNITS = frozenset({"jours", "semaines", "mois", "ans", "trimestres", "semaine", "an", "trimestre"})
# "à cause de mes horaires": the member's own hours, not a time asked.
_OWN_HOURS = frozenset({"horaire", "horaires", "heures"})
_POSSESSIVES = frozenset({"mes", "mon", "ma", "nos", "notre", "leurs", "leur", "ses", "son", "sa"})
# "à quelle heure les réunions sont censées avoir lieu ?", "d'habitude on se réunit quand ?": the usual time of
# the council's own meetings is its practice (a FAQ), not a request for the centre's coming events.
HABITUAL = frozenset({"cense", "censee", "censes", "censees", "habitude", "habituellement", "generalement",
                      "normalement", "regulierement", "rythme", "frequence"})
# "la préfecture ne donne pas de rendez-vous avant le mois prochain", "mon rdv à la CAF": a meeting said beside a
# matter of one's own life (papers, benefits, health…) is the member's appointment at an office, not an event.
DAILY_LIFE = (PERSONAL_WORDS - SHARED_WORDS) | {"prefecture"}
SOON = frozenset({"prochain", "prochaine", "prochains", "prochaines", "bientot", "prochainement"})
LOOKING_BACK = frozenset({"depuis"})
_OTHER = frozenset({"autre", "autres"})
# "…rembourser l'essence quand on va aux réunions": inside a sentence, "quand" before its subject opens a
# condition ("whenever we go"), not a question about a date. At the start ("quand on a le prochain webinaire ?")
# or after "c'est" it still asks when.
_SUBJECTS = frozenset({"on", "je", "j", "il", "ils", "elle", "elles", "nous", "vous", "tu", "ca", "c"})
# "vous savez quand il a lieu ?", "pouvez-vous m'indiquer quand elle commence ?": after knowing or telling, "quand"
# opens the question asked. "Dire" only when told to the member ("me dire quand"): "je ne sais pas quoi dire quand je
# représente les habitants" says when she is lost for words.
_KNOWING = frozenset({"sais", "sait", "savez", "savoir", "indiquer", "preciser", "connaitre"})
_TOLD_TO = frozenset({"me", "m", "nous"})
_ASKING_BEFORE = frozenset({"est", "c", "sera", "serait", "et", "mais", "alors", "donc", "bonjour", "salut", "bonsoir",
                            *_KNOWING})
# "…mais quand mon collègue a voulu s'inscrire c'était complet": "quand" before a possessive tells what happened,
# even after "et" or "mais"; only "c'est quand mon…" asks it.
_ASKING_OF_ONES_OWN = frozenset({"est", "c", "sera", "serait", *_KNOWING})
# "avant la date de la rencontre", "après la réunion": an event or a date as a point of reference.
_AROUND = frozenset({"avant", "apres"})
_ARTICLES = frozenset({"la", "le", "les", "l"})


@dataclass(frozen=True, kw_only=True)
class AgendaIntent:
    kind: str | None  # an event kind, or None for "any event"
    next_only: bool  # "le prochain interconseil": show that one event


def agenda_intent(words: Sequence[str], names: Sequence[frozenset[str]] = (), *,
                  names_one: bool = False) -> AgendaIntent | None:
    """`names`: the words of each event's name ("participation", "grill"); a message holding all of one
    names that event. `names_one`: the message names an event by words that set it apart (bot/events/naming.py)."""
    # "ordre du jour", "date à confirmer": labels, not questions about dates.
    seq = _without(_without(list(words), ("ordre", "du", "jour")), ("date", "a", "confirmer"))
    present = set(seq)
    if "quand" in present and all(_conditional(seq, i) or _concessive(seq, i)
                                  for i, w in enumerate(seq) if w == "quand"):
        present.discard("quand")
    if present & ADD_TO_CALENDAR and present & {"calendrier", "agenda", "portable", "telephone"}:
        return None
    if present & PRICE and not present & {"quand", "date", "dates"}:
        return None
    if present & WORK:
        return None
    present -= {b for a, b in itertools.pairwise(seq) if a in _POSSESSIVES and b in _OWN_HOURS}
    # "à un autre horaire", "une autre date": another time is wished for, none asked for ("quand" still asks).
    present -= {b for a, b in itertools.pairwise(seq) if a in _OTHER and b in ASKED_WHEN}
    # "une notification quelques jours avant la date de la rencontre": a date as a point of reference, none asked.
    present -= {c for a, b, c in zip(seq, seq[1:], seq[2:], strict=False)
                if a in _AROUND and b in _ARTICLES and c in ASKED_WHEN - {"quand"}}
    how_to = bool(present & HOW_TO) or any(_has(seq, phrase) for phrase in HOW_TO_PHRASES) or _advice(seq)
    if present & RECEIVED and _chosen_among(seq):
        return None
    # (Read in the words as written: "« date à confirmer »" is dropped from `seq` as a label.)
    if any(_has(list(words), phrase) for phrase in TO_CONFIRM) and present & (DEFINITION | MEANING) \
            and "quand" not in present:
        return None
    if how_to and not present & ASKED_WHEN:
        return None
    kind = _kind_of(seq, present)
    named = names_one or any(name and name <= present for name in names) or any(
        a in NEXT_WORDS and b in VAGUE_THING_NOUNS for a, b in itertools.pairwise(seq))
    if _year_programme(seq, present, kind) and not named:
        return None
    if _role_asked(seq) and not present & ASKED_WHEN:
        return None
    window = names_a_stretch(seq)
    exists = any(tuple(seq[:2]) == thing or _has(seq, ("y", "a", *thing)) or _has(seq, ("vous", "avez", *thing))
                 for thing in VAGUE_THINGS) or _something_soon(seq)
    if window and (exists or any(_has(seq, phrase) for phrase in EVENT_QUESTIONS if not (
            phrase == ("quelque", "chose") and _or_something(seq)))):
        return AgendaIntent(kind=None, next_only=False)
    if (present & HABITUAL or _how_often_told(seq)) and kind is None and not named and not present & SOON \
            and not window:
        return None
    place = any(_has(seq, phrase) for phrase in PLACE_ASKED)
    generic = [i for i, w in enumerate(seq) if w in GENERIC and not _owned(seq, i)]
    if kind is None and not named and present & DAILY_LIFE:
        generic = []
    # "y a un truc sur la laïcité bientôt ?": something said to exist, soon, is an event.
    soon = bool(present & _SOON_WORDS) or any(a == "a" and b == "venir" for a, b in itertools.pairwise(seq))
    subject = kind is not None or bool(generic) or named or (exists and soon)
    # "j'aimerais participer à la soirée pour le livre": an event named by its own words needs no kind after the verb.
    # "je peux aller au copil ?" asks who may sit on the town's steering committee (an entry), not for a seat at an
    # event of the centre's.
    if (kind is not None or names_one) and kind != "copil" and _wishes_to_attend(seq, anything=names_one) \
            and not present & _NOT_A_WISH and not how_to:
        return AgendaIntent(kind=kind, next_only=bool(present & NEXT_WORDS))
    if _offered(seq, kind is not None) and not definitional_of(seq, present):
        return AgendaIntent(kind=kind, next_only=False)
    if (exists_somewhere(seq) or exists_on_a_theme(seq)) and not present & ASKS_OTHER:
        return AgendaIntent(kind=kind, next_only=False)
    a_venir = any(a == "a" and b == "venir" for a, b in itertools.pairwise(seq))
    # "ils tombent quels jours ?": which days asks when.
    which_days = any(_has(seq, phrase) for phrase in WHICH_DAYS)
    # "les webinaires sur les discriminations sont en visio ?": whether an event named by its own words is online.
    online = names_one and (any(_has(seq, phrase) for phrase in ONLINE_OR_NOT) or "distance" in present)
    strong = bool(present & STRONG_TIME) or a_venir or window or which_days or (place and (kind is not None or named)) \
        or online
    # (Without a time word, what makes it strong is a place or which days: "c'est en ligne ou faut se déplacer ?")
    if strong and present & STRONG_TIME and present & STRONG_TIME <= NEXT_WORDS and not (a_venir or window) and \
            present & ASKS_OTHER:
        strong = False  # "the next meeting" names the meeting; the question asks something else
    weak = any(w in WEAK_TIME and not LOOKING_BACK & set(seq[max(0, i - 3) : i]) and not PAST & set(seq[i + 1 : i + 2])
               for i, w in enumerate(seq))
    definitional = bool(present & DEFINITION) or _has(seq, ("qu", "est", "ce"))
    content = [w for w in seq if w not in STOPWORDS]
    # "c koi l'agenda du mois prochain": the agenda for a stretch of time ahead is the agenda too.
    allowed = STANDALONE | (STRETCH_WORDS if window else frozenset()) | {w for w in seq if _YEAR.fullmatch(w)}
    standalone = bool(content) and set(content) <= allowed and bool(
        present & {"agenda", "calendrier", "programme", "planning", "evenements", "prevu", "prevus", "dates"})
    standalone = standalone or whats_on(seq)
    if standalone or (subject and (strong or (weak and not definitional))):
        return AgendaIntent(kind=kind, next_only=kind is not None and bool(present & NEXT_WORDS))
    return None


def _kind_of(seq: list[str], present: set[str]) -> str | None:
    """The kind of event a question names ("le prochain webinaire"), or None; "c'est quand le prochain truc pour les
    conseillers ?" names the next event of any kind (`named` in `agenda_intent`)."""
    kind = next((k for k, vocabulary in KIND_WORDS.items() if present & vocabulary), None)
    if kind == "interconseil" and "inter" in present and "interconseil" not in present and not any(
            a == "inter" and b.startswith("conseil") for a, b in itertools.pairwise(seq)):
        kind = None  # "inter" alone is not "inter conseil"
    if kind is None and _councils_meet(seq):
        kind = "interconseil"
    if kind == "copil" and "pilotage" in present and "copil" not in present and "comite" not in present:
        kind = None
    if kind == "cafe_citoyen" and "citoyen" not in present and "citoyens" not in present:
        kind = None
    return kind


# "quels webinaires vous faites cette année ?", "vous avez des formations pour les élus en 2026 ?", "le programme des
# conférences en ligne de l'année": the year's programme of a kind of event, which an entry describes (its themes,
# its public). Asked with a date ("les dates des journées 2026"), a topic ("un webinaire sur le vieillissement cette
# année"), the next ones ("les prochains webinaires") or a shorter stretch ("en avril"), it is the agenda's.
YEARLY_KINDS = frozenset({"webinaire", "formation", "journee"})
_THE_YEAR: tuple[tuple[str, ...], ...] = (("cette", "annee"), ("l", "annee"), ("l", "an", "prochain"),
                                          ("an", "prochain"), ("annee", "prochaine"))
_ONLINE = (("en", "ligne"), ("a", "distance"))
# "sur la GUSP", "autour de la laïcité", "concernant les discriminations": what an event is about ("sur quels
# thèmes" asks it, names none).
_ABOUT = frozenset({"sur", "autour", "concernant"})
_THEME_OPENING = _ARTICLES | {"des", "du", "de", "d", "un", "une"}


def _year_programme(seq: list[str], present: set[str], kind: str | None) -> bool:
    """The year's programme of a kind of event (`YEARLY_KINDS`, online events being webinars), with no date, topic,
    next one or other stretch of time asked."""
    rest = [w for w in seq if not _YEAR.fullmatch(w)]
    for phrase in _THE_YEAR:
        rest = _without(rest, phrase)
    if len(rest) == len(seq) or names_a_stretch(rest) or set(rest) & (ASKED_WHEN | SOON):  # "l'an prochain" is the year
        return False
    online = any(w in GENERIC and tuple(seq[i + 1 : i + 3]) in _ONLINE for i, w in enumerate(seq))
    if kind not in YEARLY_KINDS and not (kind is None and online):
        return False
    return not any(_has(seq, phrase) for phrase in WHICH_DAYS) and not _theme_told(seq)


def _theme_told(seq: Sequence[str]) -> bool:
    """"un webinaire sur la GUSP", "autour de la laïcité": a topic told after "sur", "autour", "concernant"."""
    return any(w in _ABOUT and seq[i + 1 : i + 2] and (seq[i + 1] in _THEME_OPENING or w == "concernant")
               for i, w in enumerate(seq))


# "quel est son rôle et ce qu'on peut lui demander": what someone does is asked, not when ("rôle" after an article or
# a possessive; the reading also makes "role" of "on fait quoi", as in "on fait quoi le mois prochain ?").
_ROLE_OPENING = _ARTICLES | _POSSESSIVES | {"quel", "un", "du", "des"}


def _role_asked(seq: Sequence[str]) -> bool:
    return any(a in _ROLE_OPENING and b == "role" for a, b in itertools.pairwise(seq))


# The words of a stretch of time ahead, the quarter's ordinal among them ("le programme du 3e trimestre").
STRETCH_WORDS = SPAN_WORDS | QUARTER_WORDS.keys()
_YEAR = re.compile(r"20\d\d")  # "le programme 2026 svp"
_AMONG = frozenset({"entre", "des", "de", "d", "tous", "toutes", "les"})
# "un rassemblement des conseils citoyens", "des échanges entre conseils": what several councils hold together.
_GATHERINGS = GENERIC | {"rassemblement", "rassemblements", "echange", "echanges", "retrouvailles", "regroupement"}
# "quand est-ce qu'on se retrouve entre conseils ?": councils meeting, said with a verb.
_MEET = frozenset({"retrouve", "retrouver", "retrouvent", "reunit", "reunir", "reunissent", "rencontre", "rencontrer",
                   "rencontrent", "voit", "voir", "croise", "croiser"})


def _offered(seq: Sequence[str], has_kind: bool) -> bool:
    """"vous organisez des trucs pour les habitants ?": the centre asked whether it holds events (`OFFERED`), an
    indefinite article right after the verb, an event or a vague thing within the next three words; or "quelque chose"
    organised or proposed ("vous organisez quelque chose sur la laïcité ?")."""
    for i in range(len(seq) - 2):
        any_subject = OFFERED.get(tuple(seq[i : i + 2]))
        if any_subject is None or (seq[i + 2] not in _INDEFINITE and seq[i + 2 : i + 4] != ["quelque", "chose"]):
            continue
        ahead = set(seq[i + 3 : i + 6])
        if (any_subject and seq[i + 2] == "quelque") or ahead & (GENERIC | VAGUE_THING_NOUNS) or (
                any_subject and has_kind and ahead & KIND_ALIASES.keys()):
            return True
    return False


# "y a un événement à Rennes ?", "vous avez des formations en ligne ?": an event (or a vague "truc") said to exist
# somewhere, a town or online, with nothing after the place, asks the agenda, which says where each one is. Not what
# it is about ("à propos de…", "sur la laïcité"), nor what to do there ("des choses à faire").
_THERE_IS = frozenset({("y", "a"), ("vous", "avez"), ("avez", "vous"), ("y", "aura"), ("il", "y")})
_AT = frozenset({"a", "au", "aux", "en", "pres", "vers", "dans", "cote"})
_NOT_A_PLACE = frozenset({"propos", "sujet", "cause", "faire", "dire", "savoir", "lire", "voir", "signer", "payer",
                          "remplir", "preparer", "rendre", "ce", "cette", "ces", "cours"})
PLACE_WORDS = 3  # "à Saint-Nazaire", "près de Nantes", "en ligne"
_OPENING = frozenset({"des", "un", "une", "quels", "quelles", "quel", "quelle"})


def exists_somewhere(seq: Sequence[str]) -> bool:
    """An event said to exist ("y a", "vous avez", an indefinite article), or asked for at once ("des rencontres…",
    "quelles rencontres…"), and a place right after it, ending the message."""
    for n in _said_to_exist(seq):
        noun, after = seq[n], seq[n + 1 :]
        if after and (noun in GENERIC or noun in KIND_ALIASES or noun in VAGUE_THING_NOUNS) and after[0] in _AT \
                and 1 < len(after) <= PLACE_WORDS + 1 and not set(after) & (_NOT_A_PLACE | MONTHS | SPAN_WORDS):
            return True
    return False


def _said_to_exist(seq: Sequence[str]) -> list[int]:
    """Where the noun is after "y a", "vous avez" (or "y a-t-il") and an indefinite article, or after an opening
    "des", "quels"…"""
    nouns = [i + 3 for i in range(len(seq) - 3) if tuple(seq[i : i + 2]) in _THERE_IS and seq[i + 2] in _INDEFINITE]
    nouns += [i + 5 for i in range(len(seq) - 5) if tuple(seq[i : i + 4]) == ("y", "a", "t", "il")
              and seq[i + 4] in _INDEFINITE]
    nouns += [1] if seq[:1] and seq[0] in _OPENING else []
    return [n for n in nouns if n < len(seq)]  # "quels ?", "y a un": no noun after the opening


# "y a une rencontre sur la GUSP pendant les chantiers ?", "il y a des ateliers prévus autour de la laïcité ?": an event
# on a topic said to exist asks the agenda, even with no time said. Not a training ("y a une formation sur…" may ask
# whether the centre trains members), nor a study or a document ("une étude sur le vote").
_ON_A_THEME = (GENERIC | KIND_WORDS["webinaire"] | KIND_WORDS["journee"]) - {"rdv", "rendez"}
_PLANNED = frozenset({"prevu", "prevue", "prevus", "prevues", "programme", "programmee", "programmes", "programmees"})


def exists_on_a_theme(seq: Sequence[str]) -> bool:
    """An event said to exist (`_said_to_exist`), its topic told right after it, or after "prévu"."""
    for n in _said_to_exist(seq):
        after = list(seq[n + 1 :])
        if after[:1] and after[0] in _PLANNED:
            after = after[1:]
        if seq[n] in _ON_A_THEME and after[:1] and after[0] in _ABOUT and _theme_told(after[:2]):
            return True
    return False


def _wishes_to_attend(seq: Sequence[str], *, anything: bool = False) -> bool:
    """A wish or a "can I" said of attending, an event kind right after it ("je peux venir au webinaire"), or any
    words when the event is named otherwise (`anything`), "y" standing for it then ("la journée VRL, je peux y
    aller ?"; "le copil, je peux y aller ?" asks who may go to a kind of meeting)."""
    for i, w in enumerate(seq):
        if w not in _WISH:
            continue
        if anything and seq[i + 1 : i + 2] == ["y"] and seq[i + 2 : i + 3] and seq[i + 2] in _ATTEND:
            return True
        if seq[i + 1 : i + 2] and seq[i + 1] in _ATTEND and (anything or set(seq[i + 2 : i + 6]) & KIND_ALIASES.keys()):
            return True
    return False


def definitional_of(seq: Sequence[str], present: set[str]) -> bool:
    """What an event is, why or how much: an entry answers it."""
    return bool(present & (DEFINITION - {"quoi"})) or _has(list(seq), ("qu", "est", "ce"))


def _councils_meet(seq: Sequence[str]) -> bool:
    """"la prochaine rencontre entre conseils citoyens", "la réunion de tous les conseils": several councils meeting
    is the interconseil. One council's own meeting ("la réunion du conseil") is not, nor a meeting for councils
    ("un atelier pour les conseils citoyens")."""
    return any(w in _GATHERINGS and "conseils" in seq[i + 1 : i + 5]
               and set(seq[i + 1 : seq.index("conseils", i + 1)]) <= _AMONG for i, w in enumerate(seq)) or any(
        w in _MEET and seq[i + 1 : i + 3] == ["entre", "conseils"] for i, w in enumerate(seq))


def whats_on(words: Sequence[str]) -> bool:
    """"en février il y a quoi ?" (read "en février quoi"), "y a quoi cet été": a stretch of time ahead and "what"
    (or "there is"), with nothing else of weight, asks what is on then."""
    content = {w for w in words if w not in STOPWORDS}
    # "qu'est-ce qu'il y a cet hiver ?" is read "il y a cet hiver": what there is, then, asks it too.
    asks_what = "quoi" in content or _has(list(words), ("il", "y", "a"))
    return asks_what and names_a_stretch(words) and content <= STANDALONE | STRETCH_WORDS | {"y", "a", "il"}




def _advice(seq: list[str]) -> bool:
    """"des conseils" meaning advice: not "des conseils citoyens", "des conseils de quartier", "des conseils d'administration"."""
    for i in range(len(seq) - 1):
        if (seq[i], seq[i + 1]) != ADVICE:
            continue
        after = seq[i + 2 : i + 4]
        if not after or not (after[0] in COUNCIL_KINDS or (after[0] in ("de", "d", "des") and after[1:] and
                                                           after[1] in COUNCIL_OF)):
            return True
    return False


def _conditional(seq: list[str], i: int) -> bool:
    """Is the "quand" at `i` a "whenever" inside a sentence ("…l'essence quand on va aux réunions", "…quand mon
    collègue a voulu s'inscrire")?"""
    if not 0 < i < len(seq) - 1:
        return False
    told = seq[i - 1] in ("dire", "dites") and i > 1 and seq[i - 2] in _TOLD_TO
    if seq[i + 1] in _POSSESSIVES:
        return seq[i - 1] not in _ASKING_OF_ONES_OWN and not told
    return seq[i + 1] in _SUBJECTS and seq[i - 1] not in _ASKING_BEFORE and not told


def _chosen_among(seq: list[str]) -> bool:
    """A date word narrowed by "seulement", "uniquement" or "juste" ("seulement les dates", "juste les horaires")."""
    return any(w in ONLY and set(seq[i + 1 : i + 3]) & ASKED_WHEN for i, w in enumerate(seq))


def _concessive(seq: list[str], i: int) -> bool:
    """Is the "quand" at `i` the "quand même" of "anyway" ("c'est complet, je peux venir quand même ?"), which asks
    for no date?"""
    return seq[i + 1 : i + 2] == ["meme"]


def _something_soon(seq: Sequence[str]) -> bool:
    """"y a bientôt quelque chose sur…", "organisez-vous bientôt des choses…": a vague thing said to exist or asked of
    the centre, "soon" said between or before."""
    if _SOON_WORDS.isdisjoint(seq):
        return False
    unhurried = [w for w in seq if w not in _SOON_WORDS]
    return any(tuple(unhurried[:2]) == thing or any(_has(unhurried, (*lead, *thing)) for lead in _THERE_ARE)
               for thing in (*VAGUE_THINGS, ("quelque", "chose")))


def _how_often_told(seq: Sequence[str]) -> bool:
    """"une fois tous les deux mois", "tous les mois", "une fois par semaine": a frequency told, not a date asked."""
    return any(seq[i] == "tous" and seq[i + 1] == "les" and (seq[i + 2] in _UNITS or (
        i + 3 < len(seq) and seq[i + 3] in _UNITS and seq[i + 2] != "combien")) for i in range(len(seq) - 2)) or any(
        a == "fois" and b == "par" and c in _UNITS for a, b, c in zip(seq, seq[1:], seq[2:], strict=False))


def _or_something(seq: Sequence[str]) -> bool:
    """"prendre un contrat quelque chose": after a noun, "quelque chose" is "or something", no event asked."""
    return any(seq[i] == "quelque" and i >= 2 and seq[i - 2] in {"un", "une"} and seq[i - 1] not in STOPWORDS
               for i in range(len(seq)) if seq[i + 1 : i + 2] == ["chose"])


def _owned(seq: list[str], i: int) -> bool:
    """Is the meeting at `i` the member's own ("on a une réunion", "notre réunion", "je rate la réunion"), past or all of
    them ("hier en réunion", "toutes les réunions"), or a point of reference in her story ("avant la réunion
    j'aimerais comprendre…", "avant la prochaine réunion")?"""
    before = seq[max(0, i - 3) : i]
    return any(_has(before, phrase) for phrase in (*OWN_MEETING, *_ROUTINE_MEETING)) or bool(set(before) & MISSING) \
        or any(a in _AROUND and b in _ARTICLES for a, b in itertools.pairwise(before))


def _without(seq: list[str], phrase: tuple[str, ...]) -> list[str]:
    for i in range(len(seq) - len(phrase) + 1):
        if tuple(seq[i : i + len(phrase)]) == phrase:
            return seq[:i] + seq[i + len(phrase) :]
    return seq


def _has(seq: list[str], pattern: tuple[str, ...]) -> bool:
    return any(tuple(seq[i : i + len(pattern)]) == pattern for i in range(len(seq) - len(pattern) + 1))

