"""The hostile-input corpus: what members (and strangers) may send, and what the hotline must do with it.

Each case says whether the input gets a clear French reply (`REPLY`) or is ignored on purpose
(`IGNORED`, with the reason). Placeholders in button data and commands are filled by the runner:
{event} an event id, {other_ticket} / {other_log} a ticket / logged question of ANOTHER member,
{huge} a number beyond 64-bit integers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

REPLY, IGNORED = "reply", "ignored"
LONG = "conseil citoyen quartier " * 220  # 5,500 characters


@dataclass(frozen=True)
class Case:
    id: str
    kind: str  # text, command, button, media, name, escalate, raw
    expect: str = REPLY
    text: str | None = None
    data: str | None = None
    first_name: str = "Awa"
    last_name: str | None = None
    chat: str = "private"  # private, group, staff
    content: dict[str, Any] = field(default_factory=dict)
    raw: Callable[[int, int], dict[str, Any]] | None = None  # (user id, message id) -> update body
    why: str = ""


def _text_cases() -> list[Case]:
    texts: dict[str, str] = {
        "whitespace": "   ", "newlines": "\n\n\n", "tabs": "\t \t", "one-dot": ".", "one-letter": "a",
        "punctuation": "?!?!?!", "digits": "0000000000", "long-5000": "a" * 5000, "long-words": LONG,
        "long-10000-accents": "é" * 10_000, "long-newlines": "\n".join(["ligne"] * 3000),
        "long-4096": "q" * 4096, "long-emoji": "😀" * 3000, "long-html": "<b>" * 2000,
        "emoji": "😀", "emoji-thumbs": "👍👍👍", "emoji-flag": "🇫🇷", "emoji-family": "👨‍👩‍👧‍👦",
        "emoji-hearts": "❤️" * 50, "emoji-question": "🤔❓", "zw-inside": "c\u200best quoi un Q\u200bPV",
        "zw-only": "\u200b", "zw-all": "\u200b\u200c\u200d\u2060\ufeff", "zw-bom-question": "\ufeffc'est quoi un QPV",
        "rtl-override": "\u202eVPQ nu iouq tse'c", "rtl-arabic": "مرحبا كيف حالك", "rtl-hebrew": "שלום",
        "rtl-marks": "\u200fQPV\u200f", "rtl-mixed": "c'est quoi \u202bun QPV\u202c ?",
        "combining": "e\u0301\u0301\u0301\u0301" * 50, "zalgo": "c̷̢̛͓o̵̧͝n̸̨̛s̶̡̛e̷̢͝i̵̧͝l̸̨̛", "cjk": "你好，议会是什么",
        "html-bold": "<b>gras</b>", "html-close": "</b>", "html-script": "<script>alert(1)</script>",
        "html-link": "<a href='javascript:alert(1)'>clic</a>", "html-entity": "&lt;b&gt;", "html-amp": "&",
        "html-amp-word": "Q&A du conseil", "html-lt": "<", "html-gt": ">", "html-lt-gt": "a < b > c",
        "html-pre": "<pre>", "html-code": "<code>x", "html-comment": "<!-- c'est quoi un QPV -->",
        "html-spoiler": "<tg-spoiler>secret</tg-spoiler>", "html-misnested": "<b><i>x</b></i>",
        "html-quotes": "\"'\"'", "html-nul-entity": "&#0;", "html-big-entity": "&#x110000;",
        "html-img": "<img src=x onerror=alert(1)>", "html-qpv": "c'est quoi un <b>QPV</b> ?",
        "md-bold": "*gras*", "md-italic": "_italique_", "md-code": "`code`", "md-block": "```\ncode\n```",
        "md-link": "[lien](http://example.com)", "md-spoiler": "||spoiler||", "md-escape": "\\*\\_",
        "md-v2-specials": "_*[]()~`>#+-=|{}.!", "md-mention": "@admin @hotline_test_bot",
        "sql-drop": "'; DROP TABLE member; --", "sql-or": "1 OR 1=1", "sql-quote-or": "\" OR \"\"=\"",
        "sql-percent": "%", "sql-underscore": "_", "sql-backslash": "\\", "sql-union":
        "' UNION SELECT * FROM questionlog --", "sql-bobby": "Robert'); DROP TABLE Students;--",
        "sql-null": "NULL", "sql-like": "%' OR text LIKE '%", "sql-comment": "/* */ SELECT 1",
        "format-braces": "{centre} {0} {}", "format-percent": "%s%s%s%n", "log4j": "${jndi:ldap://x/a}",
        "path": "../../../../etc/passwd", "crlf": "bonjour\r\nSet-Cookie: x=y", "ansi": "\x1b[31mrouge\x1b[0m",
        "bell": "\x07\x07", "nul": "c'est quoi\x00 un QPV", "control": "\x01\x02\x03\x04",
        "url": "https://example.com/?q=<b>&x=1", "email": "moi@example.com", "phone": "06 00 00 00 00",
        "json": '{"ok": true, "result": []}', "only-accents": "éàèùç", "upper": "C'EST QUOI UN QPV",
        "sms": "c koi 1 qpv stp", "number-huge": "9" * 400, "greeting": "bonjour", "thanks": "merci",
        "slash-alone": "/", "slash-space": "/ aide", "question-team": "je voudrais parler à quelqu'un",
    }
    return [Case(id=f"text:{name}", kind="text", text=value) for name, value in texts.items()]


def _command_cases() -> list[Case]:
    commands = [
        "/inconnue", "/START", "/Aide", "/start@hotline_test_bot", "/aide plein d'arguments <b>",
        "/start ev_999999", "/start ev_", "/start ev_<b>", "/start ev_../../x", "/start " + "x" * 5000,
        "/start inconnu_42", "/start _", "/glossaire", "/glossaire <b>QPV</b>", "/glossaire " + "A" * 5000,
        "/glossaire &amp;", "/agenda", "/agenda <i>webinaires</i>", "/agenda " + "z" * 3000, "/mesinscriptions",
        "/abonnements", "/confidentialite", "/mesdonnees", "/supprimer_mes_donnees", "/ÉTÉ",
        "/" + "tres_longue_commande" * 10, "/repondre 1 coucou", "/prendre 1", "/clore 1", "/questions",
        "/fiche 1", "/rattacher 1 cc-definition", "/stats", "/export x", "/inscrits", "/nouvel_evenement",
        "/modifier_evenement 1", "/annuler_evenement 1", "/recharger_agenda", "/annonce <b>Tous</b>",
        "/annonces", "/abonnes", "/repondre {other_ticket} je réponds à la place de l'équipe",
        "/clore {other_ticket}", "/prendre {huge}", "/start ev_{huge}", "/glossaire %s{}",
        "/start ev_²", "/start ev_١٢", "/prendre ²", "/clore ١",
    ]
    cases = [Case(id=f"command:{text[:40]}", kind="command", text=text) for text in commands]
    cases.append(Case(id="command:other-bot", kind="command", text="/start@another_bot", expect=IGNORED,
                      why="a command addressed to another bot"))
    return cases


def _button_cases() -> list[Case]:
    data = [
        "", ":", "::::", "faq", "faq:", "faq:inexistant", "faq:<b>", "faq:cc-definition:abc", "fb:1", "fb:x:1",
        "fb:999999:1", "fb:1:2", "fb:-1:1", "fb:" + "9" * 50 + ":1", "fb:{huge}:0", "team:", "team:abc",
        "team:-5", "team:{huge}", "more:", "more:inexistant", "full:", "full:inexistant", "full:<b>:{huge}",
        "ag:next:x", "rephrase:extra", "inconnu:1", "ev:reg:999999",
        "ev:reg:-1", "ev:reg:abc", "ev:inconnu:1", "ev:reg", "ev:reg:{huge}", "ev:card:0", "ag:x:0", "ag::",
        "ag:-:-999999999", "ag:-:{huge}", "pf:c:x", "pf:ok", "pf:stop", "pf:r:inconnu", "tk:take:1",
        "tk:take:{huge}", "tk:close:{other_ticket}", "tk:reply:{other_ticket}", "tk:link:1:x", "mt:done:1",
        "mt:answer:abc", "mt:done:{huge}", "st:x", "st:del:1", "an:x", "an:send:1", "ab:t:inexistant",
        "ab:c:<b>", "ab:recent:x", "pv:erase:0", "pv:erase:99999999999999", "pv:erase:{huge}", "pv:keep:x",
        "x" * 64, "é" * 32, "%s", "{}", "\u202eev:reg:1", "ev:reg:1\u200b",
        # Someone else's records: the registrations of another member, their ticket, their question.
        "mt:done:{other_ticket}", "mt:answer:{other_ticket}", "mt:cancel:{other_ticket}",
        "fb:{other_log}:1", "fb:{other_log}:0", "team:{other_log}", "faq:cc-definition:{other_log}",
        "ev:unreg:{event}", "ev:ics:{event}", "ev:reg:{event}",
        # Digits that str.isdigit() accepts but int() or the database refuse.
        "ev:reg:²", "fb:²:1", "team:١٢", "mt:done:³", "tk:take:١", "pv:erase:²", "ag:-:²",
    ]
    return [Case(id=f"button:{value[:40]}", kind="button", data=value) for value in data]


def _media_cases() -> list[Case]:
    photo = [{"file_id": "p", "file_unique_id": "p", "width": 10, "height": 10}]
    audio = {"file_id": "a", "file_unique_id": "a", "duration": 3}
    video = {"file_id": "v", "file_unique_id": "v", "width": 10, "height": 10, "duration": 3}
    document = {"file_id": "d", "file_unique_id": "d", "file_name": "<b>notes</b>.pdf"}
    contents: dict[str, dict[str, Any]] = {
        "photo": {"photo": photo}, "photo-caption-html": {"photo": photo, "caption": "<b>c'est quoi</b> & ça"},
        "voice": {"voice": audio}, "audio": {"audio": audio}, "video": {"video": video},
        "video-note": {"video_note": {"file_id": "n", "file_unique_id": "n", "length": 10, "duration": 3}},
        "animation": {"animation": {**video, "file_name": "gif.mp4"}, "document": document},
        "sticker": {"sticker": {"file_id": "s", "file_unique_id": "s", "type": "regular", "width": 1, "height": 1,
                                "is_animated": False, "is_video": False}},
        "location": {"location": {"latitude": 47.21, "longitude": -1.55}},
        "venue": {"venue": {"location": {"latitude": 47.21, "longitude": -1.55}, "title": "<b>Mairie</b>",
                            "address": "Nantes"}, "location": {"latitude": 47.21, "longitude": -1.55}},
        "document": {"document": document}, "document-caption": {"document": document, "caption": "&" * 1000},
        "contact": {"contact": {"phone_number": "+33600000000", "first_name": "<i>Moi</i>"}},
        "poll": {"poll": {"id": "1", "question": "Oui ?", "options": [{"text": "a", "voter_count": 0, "persistent_id": "0"}],
                          "total_voter_count": 0, "is_closed": False, "is_anonymous": True, "type": "regular",
                          "allows_multiple_answers": False, "allows_revoting": False, "members_only": False}},
        "dice": {"dice": {"emoji": "🎲", "value": 3}},
        "empty-text": {"text": ""},
    }
    cases = [Case(id=f"media:{name}", kind="media", content=content) for name, content in contents.items()]
    cases += [Case(id=f"group-media:{name}", kind="media", chat="group", content=contents[name], expect=IGNORED,
                   why="in groups the hotline speaks only when called by a command")
              for name in ("photo", "voice", "sticker", "location")]
    return cases


def _name_cases() -> list[Case]:
    """Names show in the staff chat's ticket post: the question goes to the team under each name."""
    names: list[tuple[str, str | None]] = [
        ("<b>Awa</b>", None), ("</pre>", "</b>"), ("&amp;", "&"), ("Awa & Co", "<Diallo>"), ("<script>", "x"),
        ("*gras*", "_it_"), ("'; DROP TABLE member; --", None), ("😀" * 32, "🇫🇷" * 16), ("\u202eawA", "\u202c"),
        ("\u200b", "\u200b"), ("a" * 64, "b" * 64), ("<a href=\"x\">", "</a>"), ("{centre}", "%s"),
        ("\x00Nul", None), ("Ω≈ç√∫", "ăîșț"),
    ]
    return [Case(id=f"name:{first[:20]}|{last}", kind="escalate", text="quel temps fera-t-il demain à Nantes",
                 first_name=first, last_name=last) for first, last in names]


def _escalation_cases() -> list[Case]:
    """Hostile questions that go to the staff: the post in the staff chat must never break."""
    questions = ["<b>urgent</b> & </i> météo", "a" * 5000, "&lt;script&gt; météo", "<pre>" * 100 + "météo",
                 "météo demain " + "😀" * 2000,
                 "\u202e" + "x" * 100, "```sql\nDROP TABLE\n```", "%s {0} ${x}", "quel temps\x00 demain",
                 "\n" * 100 + "météo ?"]
    return [Case(id=f"escalate:{q[:20]!r}", kind="escalate", text=q) for q in questions]


def _chat(chat_id: int, kind: str) -> dict[str, Any]:
    return {"id": chat_id, "type": kind, "title": "Groupe"} if kind != "private" else {
        "id": chat_id, "type": "private", "first_name": "Awa"}


def _user(user_id: int, **extra: Any) -> dict[str, Any]:
    return {"id": user_id, "is_bot": False, "first_name": "Awa", **extra}


def _message(user_id: int, message_id: int, *, chat: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
    return {"message_id": message_id, "date": 1767600000, "chat": chat or _chat(user_id, "private"),
            "from": _user(user_id), **extra}


def _command(text: str) -> dict[str, Any]:
    return {"text": text, "entities": [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]}


GROUP = -100555


def _raw_cases() -> list[Case]:
    ignored: dict[str, Callable[[int, int], dict[str, Any]]] = {
        "edited-text": lambda u, m: {"edited_message": {**_message(u, m, text="c'est quoi un QPV"),
                                                        "edit_date": 1767600100}},
        "edited-command": lambda u, m: {"edited_message": {**_message(u, m, **_command("/aide")),
                                                           "edit_date": 1767600100}},
        "channel-post": lambda u, m: {"channel_post": {"message_id": m, "date": 1767600000, "text": "annonce",
                                                       "chat": {"id": -100999, "type": "channel", "title": "C"}}},
        "channel-post-command": lambda u, m: {"channel_post": {
            "message_id": m, "date": 1767600000, "chat": {"id": -100999, "type": "channel", "title": "C"},
            **_command("/start")}},
        "edited-channel-post": lambda u, m: {"edited_channel_post": {
            "message_id": m, "date": 1767600000, "edit_date": 1767600001, "text": "x",
            "chat": {"id": -100999, "type": "channel", "title": "C"}}},
        "group-text": lambda u, m: {"message": _message(u, m, chat=_chat(GROUP, "supergroup"), text="bonjour")},
        "group-html": lambda u, m: {"message": _message(u, m, chat=_chat(GROUP, "supergroup"), text="<b>x")},
        "group-reply-to-someone": lambda u, m: {"message": _message(
            u, m, chat=_chat(GROUP, "supergroup"), text="oui",
            reply_to_message={"message_id": 1, "date": 1767600000, "chat": _chat(GROUP, "supergroup"),
                              "text": "?"})},
        "group-command-other-bot": lambda u, m: {"message": _message(u, m, chat=_chat(GROUP, "supergroup"),
                                                                     **_command("/aide@another_bot"))},
        "group-new-members": lambda u, m: {"message": _message(u, m, chat=_chat(GROUP, "supergroup"),
                                                               new_chat_members=[_user(u + 1)])},
        "group-left-member": lambda u, m: {"message": _message(u, m, chat=_chat(GROUP, "supergroup"),
                                                               left_chat_member=_user(u + 1))},
        "group-title": lambda u, m: {"message": _message(u, m, chat=_chat(GROUP, "supergroup"),
                                                         new_chat_title="<b>titre</b>")},
        "group-migrate": lambda u, m: {"message": _message(u, m, chat=_chat(GROUP, "group"),
                                                           migrate_to_chat_id=-1009999)},
        "group-anonymous-admin": lambda u, m: {"message": {
            "message_id": m, "date": 1767600000, "chat": _chat(GROUP, "supergroup"), "text": "/aide",
            "sender_chat": _chat(GROUP, "supergroup"), "from": {"id": 1087968824, "is_bot": True,
                                                              "first_name": "Group", "username": "GroupAnonymousBot"},
            "entities": [{"type": "bot_command", "offset": 0, "length": 5}]}},
        "staff-chat-chatter": lambda u, m: {"message": _message(u, m, chat=_chat(-1001234567890, "supergroup"),
                                                                text="on mange à midi ?")},
        "from-a-bot": lambda u, m: {"message": {**_message(u, m, text="bonjour"),
                                                "from": {"id": u, "is_bot": True, "first_name": "Bot"}}},
        "my-chat-member-blocked": lambda u, m: {"my_chat_member": {
            "chat": _chat(u, "private"), "from": _user(u), "date": 1767600000,
            "old_chat_member": {"status": "member", "user": {"id": 4711, "is_bot": True, "first_name": "H"}},
            "new_chat_member": {"status": "kicked", "until_date": 0,
                                "user": {"id": 4711, "is_bot": True, "first_name": "H"}}}},
        "inline-query": lambda u, m: {"inline_query": {"id": str(m), "from": _user(u), "query": "<b>",
                                                       "offset": ""}},
        "poll-state": lambda u, m: {"poll": {"id": "9", "question": "?", "options": [], "total_voter_count": 0,
                                             "is_closed": True, "is_anonymous": True, "type": "regular",
                                             "allows_multiple_answers": False, "allows_revoting": False, "members_only": False}},
        "chat-join-request": lambda u, m: {"chat_join_request": {"chat": _chat(GROUP, "supergroup"),
                                                                 "from": _user(u), "user_chat_id": u,
                                                                 "date": 1767600000}},
        "inline-button-no-message": lambda u, m: {"callback_query": {  # the hotline has no inline mode
            "id": str(m), "from": _user(u), "chat_instance": "c", "inline_message_id": "im", "data": "fb:1:1"}},
        "message-reaction": lambda u, m: {"message_reaction": {
            "chat": _chat(u, "private"), "message_id": 1, "user": _user(u), "date": 1767600000,
            "old_reaction": [], "new_reaction": [{"type": "emoji", "emoji": "👍"}]}},
    }
    answered: dict[str, Callable[[int, int], dict[str, Any]]] = {
        "group-command": lambda u, m: {"message": _message(u, m, chat=_chat(GROUP, "supergroup"),
                                                           **_command("/aide@hotline_test_bot"))},
        "forwarded": lambda u, m: {"message": _message(u, m, text="c'est quoi un QPV", forward_origin={
            "type": "hidden_user", "sender_user_name": "<b>X</b>", "date": 1767600000})},
        "reply-to-unknown-message": lambda u, m: {"message": _message(u, m, text="et donc ?", reply_to_message={
            "message_id": 999999, "date": 1767600000, "chat": _chat(u, "private"), "text": "?"})},
        "game-button-no-data": lambda u, m: {"callback_query": {
            "id": str(m), "from": _user(u), "chat_instance": "c", "game_short_name": "g",
            "message": {"message_id": m, "date": 1767600000, "chat": _chat(u, "private"), "text": "…"}}},
        "text-with-entities": lambda u, m: {"message": _message(u, m, text="c'est quoi un QPV", entities=[
            {"type": "bold", "offset": 0, "length": 5}, {"type": "text_link", "offset": 6, "length": 4,
                                                         "url": "javascript:alert(1)"}])},
        "via-bot": lambda u, m: {"message": _message(u, m, text="bonjour", via_bot={
            "id": 1, "is_bot": True, "first_name": "Other"})},
    }
    return ([Case(id=f"raw:{name}", kind="raw", raw=build, expect=IGNORED, why="not a member talking to the bot")
             for name, build in ignored.items()]
            + [Case(id=f"raw:{name}", kind="raw", raw=build) for name, build in answered.items()])


CORPUS: list[Case] = (_text_cases() + _command_cases() + _button_cases() + _media_cases() + _name_cases()
                      + _escalation_cases() + _raw_cases())
