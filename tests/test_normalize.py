"""French as members write it becomes the same tokens as French as the FAQ writes it."""

from __future__ import annotations

from bot.answering.normalize import Normalizer, fold, words


def test_fold_removes_case_accents_and_ligatures() -> None:
    assert fold("Comité ŒUVRE Élu") == "comite oeuvre elu"


def test_elisions_are_split() -> None:
    assert words("l'interconseil d'hiver qu'on aime") == ["l", "interconseil", "d", "hiver", "qu", "on", "aime"]


def test_sms_spellings_are_spelled_out() -> None:
    assert words("koi pr ki cmt jsp") == ["quoi", "pour", "qui", "comment", "je", "ne", "sais", "pas"]
    assert words("on fé coment g pa compri pb") == ["on", "fait", "comment", "j", "ai", "pas", "compris", "probleme"]


def test_idioms_for_what_is_become_one_token() -> None:
    normalizer = Normalizer({}, [])
    assert normalizer.analyze("Qu'est-ce que le copil ?").tokens == normalizer.analyze("c'est quoi le copil").tokens


def test_glossary_phrases_become_one_token_even_in_the_plural() -> None:
    normalizer = Normalizer({"qpv": ["quartier prioritaire"]}, [])
    assert normalizer.analyze("les quartiers prioritaires").tokens == ("qpv",)
    assert normalizer.analyze("QPV").tokens == ("qpv",)


def test_typos_are_corrected_against_the_known_vocabulary() -> None:
    normalizer = Normalizer({}, ["interconseil", "renouvellement"])
    assert normalizer.analyze("interconseill").tokens == normalizer.analyze("interconseil").tokens
    assert normalizer.analyze("renouvelement").tokens == normalizer.analyze("renouvellement").tokens


def test_short_or_unknown_words_are_left_alone() -> None:
    normalizer = Normalizer({}, ["interconseil"])
    assert normalizer.correct("meteo") == "meteo"


def test_folding_is_the_plain_definition_on_every_text_of_the_knowledge() -> None:
    """Lower case, NFKD, combining marks dropped: the fast path gives exactly that."""
    import unicodedata

    from bench.common import shipped
    from bot.answering.normalize import fold

    def plain(text: str) -> str:
        text = text.casefold().replace("œ", "oe").replace("æ", "ae")
        return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))

    _, kb = shipped()
    texts = [t for e in kb.faq for t in (*e.phrasings, e.answer)] + [p.text for p in kb.passages]
    texts += ["Ça C'EST ÉTÉ", "naïve cœur Æ", "ﬁ ﬂ ² ½ Å ñ ǅ", "émoji 😀 ẞ straße", "x\u0301\u0327y"]
    for text in texts:
        assert fold(text) == plain(text)


def test_analysis_is_the_plain_longest_phrase_first_reading_on_every_text_of_the_knowledge() -> None:
    """Idioms and glossary phrases are looked up by their first word (faster): the tokens are those of
    trying every idiom in order and every phrase length, longest first, at each word."""
    from bench.common import load_eval, shipped
    from bot.answering import normalize
    from bot.answering.answerer import build_normalizer
    from bot.answering.french import IDIOMS, LEMMA_STOPWORDS, STOPWORDS

    _, kb = shipped()
    normalizer = build_normalizer(kb)
    longest = max(len(k) for k in normalizer._phrases)

    def plain(text: str) -> tuple[str, ...]:
        seq = normalize._discrimination(normalize._what_it_does(
            [c for w in normalize.words(text) for c in normalizer.read(w)]))
        out: list[str] = []
        i = 0
        while i < len(seq):
            for pattern, replacement in IDIOMS:
                if tuple(seq[i : i + len(pattern)]) == pattern:
                    out += replacement.split()
                    i += len(pattern)
                    break
            else:
                out.append(seq[i])
                i += 1
        joins = {"et", "ou", "mais", "ni"}
        stems = ["&" if w in joins else normalize.stem(w) for w in out
                 if w in joins or (w not in STOPWORDS and normalize.lemma(w) not in LEMMA_STOPWORDS)]
        tokens: list[str] = []
        i = 0
        while i < len(stems):
            if stems[i] == "&":
                i += 1
                continue
            for length in range(min(longest, len(stems) - i), 0, -1):
                canonical = normalizer._phrases.get(tuple(stems[i : i + length]))
                if canonical is not None:
                    tokens.append(canonical)
                    i += length
                    break
            else:
                tokens.append(stems[i])
                i += 1
        return tuple(tokens)

    texts = [t for e in kb.faq for t in (*e.phrasings, e.answer)] + [p.text for p in kb.passages]
    texts += [q.q for q in load_eval() if q.split == "dev"]
    texts += ["qu'est-ce que le comité de pilotage du contrat de ville", "c'est quoi la maison du projet ?"]
    for text in texts:
        assert normalizer.analyze(text).tokens == plain(text)


def test_belonging_to_the_council_is_no_leaving_it() -> None:
    normalizer = Normalizer({"demissionner": ["partir du conseil"]}, [])
    assert normalizer.analyze("je fais partie du conseil").tokens == normalizer.analyze("je suis du conseil").tokens
    assert normalizer.analyze("on peut partir du conseil").tokens == ("demissionner",)


def test_what_a_body_does_is_its_role_whatever_names_it() -> None:
    normalizer = Normalizer({}, [])
    role = set(normalizer.analyze("le rôle du conseil").tokens)
    assert set(normalizer.analyze("je voudrais savoir ce que le conseil fait").tokens) == role
    assert set(normalizer.analyze("ce que fait le conseil").tokens) == role


def test_a_job_is_no_building_works() -> None:
    normalizer = Normalizer({}, [])
    job = set(normalizer.analyze("mon travail me prend mes soirées").tokens)
    works = set(normalizer.analyze("les travaux de l'immeuble").tokens)
    assert not job & works
    assert works == set(normalizer.analyze("des travaux dans l'immeuble").tokens)


def test_a_term_is_never_read_across_an_and() -> None:
    normalizer = Normalizer({"conseil_de_quartier": ["conseil de quartier"]}, [])
    assert "conseil_de_quartier" not in normalizer.analyze("je parle au conseil et dans le quartier").tokens
    assert "conseil_de_quartier" not in normalizer.analyze("le conseil ou bien le quartier ?").tokens
    assert normalizer.analyze("et le conseil de quartier ?").tokens == ("conseil_de_quartier",)


def test_a_term_with_its_own_and_is_read_with_or_without_it() -> None:
    normalizer = Normalizer({"dreets": ["direction de l'emploi, du travail et des solidarités"]}, [])
    assert normalizer.analyze("la direction de l'emploi du travail et des solidarites").tokens == ("dreets",)
    assert normalizer.analyze("la direction de l'emploi du travail des solidarites").tokens == ("dreets",)


def test_a_word_read_again_is_read_as_the_first_time_even_by_a_normaliser_read_back_from_disk() -> None:
    import pickle

    normalizer = Normalizer({}, ["interconseil", "anru"])
    typed = ["interconseill", "lanru", "linterconseil", "bonjour", "xqzt"]
    first = [normalizer.read(w) for w in typed]
    assert first == [normalizer._read_afresh(w) for w in typed]
    assert [normalizer.read(w) for w in typed] == first
    read_back = pickle.loads(pickle.dumps(normalizer))
    assert "_read" not in normalizer.__getstate__()  # rebuilt as words come, not stored with the answerer
    assert [read_back.read(w) for w in typed] == first


def test_a_name_after_je_m_appelle_or_moi_c_est_is_left_as_typed() -> None:
    normalizer = Normalizer({}, ["francais"])
    assert normalizer.analyze("je m'appelle francoise").words[-1] == "francoise"
    assert normalizer.analyze("moi c est francoise").words[-1] == "francoise"
    assert normalizer.analyze("c est francoise").words[-1] != "francoise"
