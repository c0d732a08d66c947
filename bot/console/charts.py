"""Charts as server-rendered SVG: a picture that needs no script and no library, numbers beside it."""

from __future__ import annotations

from html import escape

from markupsafe import Markup

WIDTH, HEIGHT, PAD, AXIS = 560, 220, 28, 24


def bars(series: list[tuple[str, int]], *, title: str) -> Markup:
    """Vertical bars, one per (label, value), each with its value on top."""
    top = max((v for _, v in series), default=0) or 1
    slot = (WIDTH - 2 * PAD) / max(len(series), 1)
    width = slot * 0.62
    parts = [f'<svg viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(title)}" class="bars">',
             f"<title>{escape(title)}</title>",
             f'<line x1="{PAD}" y1="{HEIGHT - AXIS}" x2="{WIDTH - PAD}" y2="{HEIGHT - AXIS}" stroke="#cbd2d9"/>']
    for index, (label, value) in enumerate(series):
        height = (HEIGHT - AXIS - PAD) * value / top
        x = PAD + index * slot + (slot - width) / 2
        y = HEIGHT - AXIS - height
        parts.append(f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{height:.1f}" rx="3">'
                     f"<title>{escape(label)} : {value}</title></rect>")
        parts.append(f'<text x="{x + width / 2:.1f}" y="{y - 6:.1f}" text-anchor="middle" class="value">{value}</text>')
        parts.append(f'<text x="{x + width / 2:.1f}" y="{HEIGHT - 6}" text-anchor="middle">{escape(label)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def shares(parts: list[tuple[str, int, str]], *, title: str) -> Markup:
    """One horizontal bar split in shares: (label, count, css class)."""
    total = sum(count for _, count, _ in parts) or 1
    out = [f'<svg viewBox="0 0 {WIDTH} 46" role="img" aria-label="{escape(title)}" class="shares">',
           f"<title>{escape(title)}</title>"]
    x = 0.0
    for label, count, css in parts:
        width = WIDTH * count / total
        if width > 0:
            out.append(f'<rect class="bar-{css}" x="{x:.1f}" y="4" width="{width:.1f}" height="30">'
                       f"<title>{escape(label)} : {count}</title></rect>")
            if width > 48:
                out.append(f'<text x="{x + width / 2:.1f}" y="24" text-anchor="middle" class="inside">'
                           f"{round(100 * count / total)} %</text>")
        x += width
    out.append("</svg>")
    return Markup("".join(out))
