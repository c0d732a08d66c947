"""A message that goes on from the last answer: "et pour les jeunes ?", "c'est où ?", "qui peut y aller ?". It has no
subject of its own; the previous answer holds it."""

from __future__ import annotations

from bot.answering.acts.closing import closing
from bot.answering.acts.reading import folded
from bot.cache import compiled

_FOLLOW_UP_START = compiled(r"^(?:et|mais|et pour|et si|et les|et la|et le|et en|et dans|et avec|et sinon|sinon|"
                           r"et ca|et sa|et combien|et quand|et ou|et qui|et comment|aussi|pareil)\b")
_FOLLOW_UP_ALONE = compiled(r"^(?:c est|ca|sa|ca se|ils|elles|il|elle|on|y)? ?(?:ou|quand|combien|qui|comment)"
                           r"(?: ca| sa| c est| ca coute| ca se passe| on s inscrit| le trouver| les trouver)?$|"
                           r"^(?:ca|sa|c|ce|il|elle) (?:coute|coute combien|se passe ou|se passe quand|est ou|"
                           r"est quand|est combien|dure combien|dure)\b|^c est (?:ou|quand|combien|payant|gratuit)\b|"
                           r"^(?:combien|quand|ou|qui) (?:ca|sa|c est)\b|"
                           r"^(?:vous etes|vous vous trouvez|vous etes situes?|c est situe|ca se trouve) ou$|"
                           # "c'est obligatoire ?": a property of what was just answered ("…non ?" asks the same)
                           r"^(?:c est|ca reste|c est quand meme|est ce) (?:obligatoire|possible|payant|gratuit|"
                           r"long|loin|grave|normal|legal|interdit|autorise|permis|ouvert|complique|cher|"
                           r"necessaire|utile|valable|pareil|different|rembourse|accessible)"
                           r"(?: non| ou pas| ou non| quand meme)?$")
FOLLOW_UP_MAX_WORDS = 7
# A pronoun standing for a place or a thing just named: "qui peut y aller ?", "on peut en parler ?", "c'est loin
# là-bas ?". Not "il y a", "y a-t-il", "il y en a", "y compris" ("y" with "avoir" says that something exists), nor
# "en" as a preposition ("on se voit en ligne", "en mars"): "en" is a pronoun after its subject or a modal verb.
_MONTH = r"janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre"
_BACK_REFERENCE = compiled(
    r"(?:^|\s)(?:la bas|labas)(?=\s|$)"
    r"|(?:^|\s)y (?!(?:a|as|aura|aurait|avait|aurai|ait|compris|en a|en aura|en avait|est)(?:\s|$))\w"
    r"|(?:^|\s)(?:j|je|tu|il|elle|on|nous|vous|ils|elles|n|ne|peut|peux|pouvez|peuvent|dois|doit|devez|faut|veux|veut|"
    r"voulez) en (?!(?:ligne|plus|cas|ce|fait|effet|general|moyenne|tant|face|retard|avance|attendant|train|cours|"
    r"reunion|direct|personne|visio|" + _MONTH + r")(?:\s|$))[a-z]")
FOLLOW_UP_MAX_WORDS_WITH_ET = 10  # "et comment je sais si ma rue est dedans ?": "et" ties it to the last answer


def opens_on_a_property(text: str) -> bool:
    """"c'est obligatoire non ? qu'est-ce qu'on peut faire ?": the first question has no subject of its own, it asks a
    property of what was just answered, and the next one goes on about the same thing."""
    first, _, rest = text.partition("?")
    return 0 < len(folded(rest).split()) <= FOLLOW_UP_MAX_WORDS_WITH_ET and bool(_FOLLOW_UP_ALONE.match(folded(first)))


# "ok et pour les jeunes ?", "super, et comment on le demande ?": the last answer acknowledged, then the sequel tied
# to it by "et". "ok mais c'est quand le prochain interconseil" is a question of its own: after an acknowledgement,
# "mais" opens a reservation or a new question.
_ACKNOWLEDGED = compiled(r"^(?:(?:ok+|okay|oki|d accord|dac+|daccord|oui|ouais|ah|bon|ben|bah|super|merci|top|parfait|"
                         r"tres bien|entendu|ca marche|je vois) )+(?=et )")


def goes_on(text: str) -> bool:
    """Whether a short message is shaped as a sequel ("et pour les jeunes ?", "c'est où ?", "c'est obligatoire non ?
    et on fait quoi ?"): it has no subject of its own. "qui peut y aller ?" is a whole question whose "y" stands for
    what was just said (`leans_back`)."""
    key = folded(text)
    acknowledged = _ACKNOWLEDGED.sub("", key)
    if acknowledged != key and not closing(text, key):  # "ok merci et bonne journée" closes
        key = acknowledged
    n_words = len(key.split())
    return (n_words <= FOLLOW_UP_MAX_WORDS and bool(_FOLLOW_UP_START.match(key) or _FOLLOW_UP_ALONE.match(key))) or (
        n_words <= FOLLOW_UP_MAX_WORDS_WITH_ET and bool(_FOLLOW_UP_START.match(key)) and key.startswith(("et ", "mais "))
    ) or opens_on_a_property(text)


def leans_back(text: str) -> bool:
    """Whether the message holds a pronoun standing for what was just said ("qui peut y aller ?"): its subject is in
    the previous answer, not in its own words."""
    return bool(_BACK_REFERENCE.search(folded(text)))


def follows_up(text: str, key: str) -> bool:
    """Whether the message (`key`: folded) is a sequel of the last answer, short, and no thanks or ok."""
    return goes_on(text) or (len(key.split()) <= FOLLOW_UP_MAX_WORDS and leans_back(text) and not closing(text, key))
