"""A small hand-drawn SVG chart of the benchmark: CPU time (wall time is noisy on shared cores) and peak memory against sessions, per language count.

No plotting library: the benchmark needs nothing beyond the project's own dependencies.
"""

from __future__ import annotations

from html import escape

COLOURS = {1: "#00796b", 3: "#e65100", 4: "#6a1b9a", 6: "#1565c0"}
SERIES = (("site", "minga build --no-pdf", ""), ("hooks", "mkdocs + our hooks", "6 3"), ("plain", "plain mkdocs + i18n", "2 3"))


def svg(rows) -> str:
    panels = [_panel(rows, "cpu", "CPU time (s)", 0), _panel(rows, "peak_mb", "Peak memory (MB)", 1)]
    legend = _legend(sorted({r.languages for r in rows}))
    width, height = 920, 420
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
            f'font-family="sans-serif" font-size="12">\n<rect width="100%" height="100%" fill="white"/>\n'
            + "".join(panels) + legend + "</svg>\n")


def _panel(rows, measure: str, title: str, index: int) -> str:
    left, top, w, h = 60 + index * 450, 30, 360, 300
    points = [r for r in rows if r.step in {s for s, _, _ in SERIES}]
    if not points:
        return ""
    max_x = max(r.sessions for r in points)
    max_y = max(getattr(r, measure) for r in points) * 1.1 or 1
    out = [f'<text x="{left}" y="{top - 10}" font-weight="bold">{escape(title)} against sessions</text>',
           f'<line x1="{left}" y1="{top + h}" x2="{left + w}" y2="{top + h}" stroke="#444"/>',
           f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + h}" stroke="#444"/>']
    for i in range(5):
        value = max_y * i / 4
        y = top + h - h * i / 4
        out.append(f'<text x="{left - 6}" y="{y + 4:.0f}" text-anchor="end">{value:.0f}</text>')
        out.append(f'<line x1="{left}" y1="{y:.0f}" x2="{left + w}" y2="{y:.0f}" stroke="#ddd"/>')
    for sessions in sorted({r.sessions for r in points}):
        x = left + w * sessions / max_x
        out.append(f'<text x="{x:.0f}" y="{top + h + 16}" text-anchor="middle">{sessions}</text>')
    out.append(f'<text x="{left + w / 2}" y="{top + h + 34}" text-anchor="middle">sessions</text>')
    for step, _, dash in SERIES:
        for langs in sorted({r.languages for r in points}):
            line = sorted((r.sessions, getattr(r, measure)) for r in points if r.step == step and r.languages == langs)
            if not line:
                continue
            coords = " ".join(f"{left + w * x / max_x:.1f},{top + h - h * y / max_y:.1f}" for x, y in line)
            colour = COLOURS.get(langs, "#333")
            out.append(f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="2"'
                       + (f' stroke-dasharray="{dash}"' if dash else "") + "/>")
            out += [f'<circle cx="{left + w * x / max_x:.1f}" cy="{top + h - h * y / max_y:.1f}" r="3" fill="{colour}"/>'
                    for x, y in line]
    return "\n".join(out) + "\n"


def _legend(langs: list[int]) -> str:
    out, y = [], 395
    x = 60
    for count in langs:
        out.append(f'<rect x="{x}" y="{y - 9}" width="12" height="12" fill="{COLOURS.get(count, "#333")}"/>'
                   f'<text x="{x + 16}" y="{y + 1}">{count} language{"s" if count > 1 else ""}</text>')
        x += 110
    for _, label, dash in SERIES:
        out.append(f'<line x1="{x}" y1="{y - 3}" x2="{x + 28}" y2="{y - 3}" stroke="#333" stroke-width="2"'
                   + (f' stroke-dasharray="{dash}"' if dash else "") + f'/><text x="{x + 34}" y="{y + 1}">{escape(label)}</text>')
        x += 60 + 7 * len(label)
    return "\n".join(out) + "\n"
