"""Today's inbound calls per hour, answered and missed, as an SVG drawn here.

Only numbers go into it (counts and hours), so it carries no text from the UCM or the CRM and
needs no script: the page shows it as an ``<img>``.
"""

from __future__ import annotations

from collections.abc import Sequence

WIDTH, HEIGHT = 720, 260
LEFT, RIGHT, TOP, BOTTOM = 36, 12, 28, 30
ANSWERED, MISSED, GRID, TEXT = "#3fb950", "#f85149", "#30363d", "#8b949e"


def _nice_top(most: int) -> int:
    """The axis' top: a multiple of 4, so that its four steps are whole numbers."""
    for top in (4, 8, 12, 16, 20, 40, 60, 80, 100, 200, 400, 600, 800, 1000, 2000, 4000):
        if most <= top:
            return top
    return -(-most // 4000) * 4000


def hours_svg(hours: Sequence[Sequence[int]], current_hour: int) -> bytes:
    """24 pairs of bars (answered, missed); the current hour's label is brighter."""
    top = _nice_top(max([1, *(max(a, m) for a, m in hours)]))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / 24
    bar = slot * 0.36
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
             f'width="{WIDTH}" height="{HEIGHT}" role="img" '
             'aria-label="Calls per hour today, answered and missed" '
             'font-family="sans-serif" font-size="12">',
             f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#0d1117"/>',
             f'<rect x="{LEFT}" y="6" width="10" height="10" fill="{ANSWERED}"/>'
             f'<text x="{LEFT + 14}" y="15" fill="{TEXT}">answered</text>'
             f'<rect x="{LEFT + 90}" y="6" width="10" height="10" fill="{MISSED}"/>'
             f'<text x="{LEFT + 104}" y="15" fill="{TEXT}">missed</text>']
    for step in range(5):
        value = top * step // 4
        y = TOP + plot_h - plot_h * step / 4
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" '
                     f'stroke="{GRID}"/><text x="{LEFT - 6}" y="{y + 4:.1f}" fill="{TEXT}" '
                     f'text-anchor="end">{value}</text>')
    for hour, (answered, missed) in enumerate(hours[:24]):
        x = LEFT + hour * slot + slot * 0.12
        for offset, count, colour, what in ((0.0, answered, ANSWERED, "answered"),
                                            (bar, missed, MISSED, "missed")):
            if count > 0:
                h = plot_h * min(count, top) / top
                parts.append(f'<rect class="{what}" data-hour="{hour}" data-count="{count}" '
                             f'x="{x + offset:.1f}" y="{TOP + plot_h - h:.1f}" '
                             f'width="{bar:.1f}" height="{h:.1f}" fill="{colour}">'
                             f'<title>{hour:02d}:00 {count} {what}</title></rect>')
        if hour % 2 == 0 or hour == current_hour:
            colour = "#e6edf3" if hour == current_hour else TEXT
            parts.append(f'<text x="{x + bar:.1f}" y="{HEIGHT - 10}" fill="{colour}" '
                         f'text-anchor="middle">{hour:02d}</text>')
    parts.append("</svg>")
    return "".join(parts).encode()
