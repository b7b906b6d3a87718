"""Draw the six skills of psychological flexibility (the "hexaflex") with their names in each language.

    .venv/bin/python artwork/draw_hexaflex.py

Writes curriculum/assets/images/hexaflex.svg and one copy per language (hexaflex.es.svg...):
pages and PDFs in that language use their copy, as with the choice point. Arabic PDFs get the
picture through resvg, which shapes the letters (minga/pdf/fetcher.py).
"""

from __future__ import annotations

import sys
from html import escape
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from shapes import anchor, cloud, compass, footprints, hook, open_hands, person, place, sun  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "curriculum" / "assets" / "images"
# Clockwise from the top, as the skills are usually drawn: present moment, values, action,
# the noticing self, unhooking, opening up. Names as the ACT sessions are called in each language.
LABELS = {
    "en": ("The six skills of psychological flexibility",
           ["Being present", "What matters", "Doing what|matters", "The noticing|self", "Unhooking", "Opening up"]),
    "es": ("Las seis habilidades de la flexibilidad psicológica",
           ["Estar presente", "Lo que importa", "Hacer lo que|importa", "El yo que|observa", "Desengancharse", "Abrirse"]),
    "ar": ("المهارات الست للمرونة النفسية",
           ["أن نكون حاضرين", "ما يهمّنا", "القيام بما|يهمّنا", "الذات|الملاحِظة", "فك الارتباط", "الانفتاح"]),
    "sw": ("Stadi sita za unyumbufu wa kisaikolojia",
           ["Kuwa hapa na sasa", "Kinachojalisha", "Kutenda|kinachojalisha", "Nafsi|inayotambua", "Kujinasua", "Kuzipa nafasi|hisia"]),
}
NODES = [(400, 92), (590, 200), (590, 400), (400, 500), (210, 400), (210, 200)]


def sky() -> str:
    return place(sun(), 0, 0, 60) + place(cloud(), 30, 30, 70)


ICONS = [anchor(), compass(), footprints(), sky(), hook(), open_hands()]


def hexaflex(lang: str) -> str:
    title, labels = LABELS[lang]
    font = "Noto Sans Arabic, Noto Sans, sans-serif" if lang == "ar" else "Noto Sans, sans-serif"
    ring = " ".join(f"{x},{y}" for x, y in NODES)
    body = [f'<polygon points="{ring}" fill="none" stroke="#000" stroke-width="4" stroke-dasharray="2 10" stroke-linecap="round"/>']
    body += [f'<path d="M400,300 L{x},{y}" stroke="#000" stroke-width="3" stroke-dasharray="2 10" stroke-linecap="round"/>'
             for x, y in NODES]
    body.append(place(person("scarf", "dress", "up"), 350, 230, 100))
    for (x, y), icon, label in zip(NODES, ICONS, labels):
        body.append(f'<circle cx="{x}" cy="{y}" r="52" fill="#fff" stroke="#000" stroke-width="5"/>')
        body.append(place(icon, x - 36, y - 36, 72))
        lines = label.split("|")
        top = y + 80
        width = max(len(line) for line in lines) * 14 + 16
        # white under the words, so that the dotted lines never run through them
        body.append(f'<rect x="{x - width / 2:g}" y="{top - 24}" width="{width}" height="{len(lines) * 28 + 6}" fill="#fff"/>')
        for i, line in enumerate(lines):
            body.append(f'<text x="{x}" y="{top + i * 28}" font-family="{font}" font-size="24" font-weight="bold" '
                        f'text-anchor="middle" fill="#000">{escape(line)}</text>')
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="800" height="640" viewBox="0 0 800 640" role="img">\n'
            f"  <title>{escape(title)}</title>\n"
            '  <rect x="0" y="0" width="800" height="640" fill="#fff"/>\n'
            '  <g stroke-width="6">' + "".join(body) + "</g>\n</svg>\n")


def main() -> None:
    for lang in LABELS:
        name = "hexaflex.svg" if lang == "en" else f"hexaflex.{lang}.svg"
        (OUT / name).write_text(hexaflex(lang), encoding="utf-8")
    print(f"Wrote {len(LABELS)} hexaflex pictures to {OUT}")


if __name__ == "__main__":
    main()
