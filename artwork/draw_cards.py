"""Draw the picture cards of the sessions into curriculum/assets/images/cards/.

    .venv/bin/python artwork/draw_cards.py

Each card is what its session's low-literacy adaptation describes, drawn with our own shapes
(artwork/shapes.py) on an 800 x 600 card, without words. The SVG files are the content: they can
also be edited by hand, but a change made here and re-run replaces them.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from shapes import (TINT, WATER, _g, anchor, arrow_to_house, basket_with_heart, book, calendar, chest_breathing,  # noqa: E402
                    cloud, compass, cooking_pot, door_open, drum, ear, empty_box, empty_circle, eye, face, feet,
                    finger_on_lips, fish, footprint, footprints, fork_in_path, group_of_people, hand_holding_thought,
                    hand_with_coins, hands_pressing, heart, hoe, hook, house, joined_hands, leaf, lock, mirror,
                    moon, mouth_speaking, needle_and_thread, open_hands, path_going_back, person, phone, place,
                    rain_cloud, seed, shield, speech_bubble, stone, storm_cloud, sun, thought_cloud, tree_with_roots,
                    umbrella_over_person)

OUT = Path(__file__).resolve().parent.parent / "curriculum" / "assets" / "images" / "cards"
W, H = 800, 600


def card(title: str, body: str) -> str:
    """A whole card: white, a rounded frame, the drawing. `title` names the card for assistive tools
    (pages give the full description as alt text, in the reader's language)."""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" role="img">\n'
            f"  <title>{title}</title>\n"
            f'  <rect x="0" y="0" width="{W}" height="{H}" fill="#fff"/>\n'
            f'  <rect x="12" y="12" width="{W - 24}" height="{H - 24}" rx="28" fill="none" stroke="#000" stroke-width="4"/>\n'
            f'  <g stroke-width="6">{body}</g>\n</svg>\n')


def row(icons, y: float, size: float, boxes: float = 0, gap: float | None = None) -> str:
    """Icons side by side, centred; with `boxes`, an empty box of that height under each to draw in."""
    n = len(icons)
    gap = gap if gap is not None else min(40, (W - 80 - n * size) / max(n - 1, 1))
    x = (W - (n * size + (n - 1) * gap)) / 2
    out = []
    for icon in icons:
        out.append(place(icon, x, y, size))
        if boxes:
            out.append(place(empty_box(100, 100 * boxes / size), x, y + size + 20, size))
        x += size + gap
    return "".join(out)


def waves(y: float, x0: float = 30, x1: float = 770, step: float = 60, depth: float = 14) -> str:
    d = f"M{x0},{y}" + "".join(f" q{step / 4},{-depth} {step / 2},0 q{step / 4},{depth} {step / 2},0"
                                for _ in range(int((x1 - x0) / step)))
    return f'<path d="{d}" fill="none" stroke="#000" stroke-width="6" stroke-linecap="round"/>'


def holding_hands(x: float, y: float, h: float, kinds=(("scarf", "dress"), ("short", "trousers"))) -> str:
    """Two people side by side holding hands."""
    (h1, b1), (h2, b2) = kinds
    return place(person(h1, b1, "right"), x, y, h) + place(person(h2, b2, "left"), x + h * 0.6, y, h)


# --- The cards -------------------------------------------------------------------------------

def being_present() -> str:
    boat = ('<path d="M250,210 L550,210 L500,270 L300,270 Z" fill="#fff"/><path d="M400,210 L400,70"/>'
            '<path d="M400,80 L490,190 L400,190 Z" fill="#fff"/><path d="M470,240 Q520,300 540,330"/>')
    water = (f'<path d="M30,250 Q90,226 150,250 T270,250 T390,250 T510,250 T630,250 T770,250 L770,360 L30,360 Z" fill="{WATER}" stroke="none"/>'
             + waves(250) + waves(300, 60, 740))
    return (_g(water + boat)
            + place(anchor(), 505, 300, 80)
            + row([thought_cloud(), feet(), eye()], 420, 140, gap=90))


def bringing_it_together() -> str:
    icons = [anchor(), open_hands(), hook(), _sky(), compass(), footprints(), person("bun", "dress", "chest")]
    spots = [(40, 40), (40, 230), (40, 420), (330, 30), (620, 40), (620, 230), (620, 420)]
    out = place(fork_in_path(), 250, 180, 300) + place(person("short", "trousers"), 350, 340, 100)
    for icon, (x, y) in zip(icons, spots):
        out += place(icon, x, y, 140)
    return out


def _sky() -> str:
    return place(sun(), 0, 0, 60) + place(cloud(), 30, 30, 70)


def choice_point() -> str:
    grass = "".join(f'<path d="M{x},{y} l-8,-44 M{x + 10},{y} l2,-52 M{x + 20},{y} l12,-40"/>'
                    for x, y in ((60, 330), (110, 300), (150, 350), (90, 380), (180, 300)))
    return (place(fork_in_path(), 200, 150, 400)
            + place(person("scarf", "dress"), 345, 380, 110)
            + place(storm_cloud(), 320, 40, 160)
            + _g(grass)
            + place(sun(), 640, 30, 120)
            + place(house(), 600, 170, 150)
            + place(person("short", "trousers", "wave"), 530, 260, 70)
            + place(person("bun", "dress"), 700, 300, 60))


def doing_what_matters() -> str:
    road = f'<path d="M120,590 Q300,420 400,330 Q520,220 700,120 L760,170 Q560,280 470,360 Q380,460 300,590 Z" fill="{TINT}"/>'
    return (_g(road) + place(footprints(), 200, 420, 130) + place(footprints(), 430, 230, 110)
            + place(stone(), 360, 340, 90)
            + place(person("scarf", "robe", "right"), 560, 150, 140) + place(person("short", "trousers", "left"), 630, 150, 140))


def noticing_self() -> str:
    return (_g(f'<path d="M30,520 L770,520 L770,560 Q400,590 30,560 Z" fill="{TINT}"/>')
            + place(sun(), 60, 40, 160) + place(cloud(), 240, 50, 170) + place(rain_cloud(), 420, 40, 160)
            + place(storm_cloud(), 590, 50, 160)
            + place(person("grey", "robe", "up", beard=True), 330, 300, 220))


def opening_up() -> str:
    arrow = '<path d="M0,50 L30,50 M20,40 L32,50 L20,60"/>'
    out = row([eye(), mouth_speaking(), chest_breathing(), open_hands()], 210, 150)
    for x in (190, 370, 550):
        out += place(_g(arrow), x + 10, 235, 100)
    return out


def unhooking() -> str:
    river = (f'<path d="M30,430 Q200,400 400,430 T770,430 L770,560 Q400,590 30,560 Z" fill="{WATER}" stroke="none"/>')
    return (_g(river) + waves(450, 60, 740)
            + place(hook(), 150, 24, 200)
            # hooked: the fish hangs from the point of the hook by its mouth, pulled up
            + f'<g transform="translate(190 148) rotate(65) scale(1.7) translate(-14 -50)" stroke-width="3.5">{fish()}</g>'
            + place(hook(), 480, 40, 200) + place(fish(), 560, 200, 170)
            + place(leaf(), 120, 470, 90) + place(leaf(), 360, 490, 80) + place(leaf(), 600, 470, 90))


def what_matters() -> str:
    target = "".join(f'<circle cx="400" cy="300" r="{r}" fill="{"#fff" if i % 2 else TINT}"/>' for i, r in enumerate((150, 100, 50)))
    icons = [(house(), 40, 40), (group_of_people(), 620, 40), (hoe(), 40, 420), (book(), 620, 420), (heart(), 330, 460)]
    out = _g(target) + _g('<ellipse cx="420" cy="290" rx="18" ry="12" fill="#000"/>')
    for icon, x, y in icons:
        out += place(icon, x, y, 140)
    return out + place(empty_circle(), 340, 30, 120)


def adapt_pilot_feedback() -> str:
    return row([seed(), house(), group_of_people()], 60, 170) + row([calendar(), ear(), lock()], 330, 170)


def co_designing() -> str:
    return row([heart(), group_of_people(), footprints(), open_hands()], 60, 150, boxes=250)


def listening_and_mapping() -> str:
    return row([ear(), open_hands(), footprints()], 50, 170, boxes=290)


def calm_classroom() -> str:
    return (row([feet(), eye(), ear(), hands_pressing()], 80, 150)
            + place(person("short", "trousers", "down"), 250, 300, 260) + place(person("long", "dress", "down"), 420, 330, 230))


def educator_wellbeing() -> str:
    return row([anchor(), hand_holding_thought(), _two_side_by_side(), heart()], 200, 160)


def _two_side_by_side() -> str:
    return place(person("scarf", "dress"), 0, 0, 100) + place(person("cap", "trousers"), 40, 0, 100)


def flexibility_activities() -> str:
    return (place(compass(heart_at_top=True), 420, 50, 320)
            + place(footprints(), 60, 330, 230) + place(person("short", "trousers", "wave"), 60, 80, 220))


def student_in_distress() -> str:
    return row([eye(), ear(), joined_hands(), _face_with_phone()], 200, 160)


def _face_with_phone() -> str:
    return place(face(), 0, 10, 80) + place(phone(), 50, 30, 70)


def emotions_and_gender() -> str:
    return (place(person("long", "dress", "chest"), 80, 110, 420)
            + place(door_open(), 400, 80, 380)
            + place(cloud(TINT), 470, 200, 170) + place(face("sad"), 525, 245, 60))


def inherited_gender_roles() -> str:
    bundle = '<path d="M300,380 Q260,300 340,290 L460,290 Q540,300 500,380 Q400,420 300,380 Z" fill="#fff"/><path d="M370,290 L400,250 L430,290"/>'
    return (place(person("scarf", "robe", "out"), 300, 40, 240) + _g(bundle)
            + place(basket_with_heart(), 40, 380, 170) + place(needle_and_thread(), 320, 420, 160)
            + _g('<path d="M590,540 L770,540"/><path d="M540,440 L600,500 M585,480 L602,502 L578,500"/>')
            + place(stone(), 640, 470, 80))


def responding_to_disclosures() -> str:
    return (row([ear(), open_hands(), fork_in_path()], 60, 180)
            + row([finger_on_lips(), arrow_to_house()], 320, 180, gap=120))


def shifting_beliefs() -> str:
    return (place(footprint(), 60, 200, 180) + holding_hands(260, 150, 260, (("long", "dress"), ("cap", "trousers")))
            + place(umbrella_over_person(), 560, 150, 220))


def awareness_to_action() -> str:
    faces = place(face(), 0, 0, 55) + place(face("straight"), 45, 0, 55) + place(face(), 22, 45, 55)
    sun_moon = place(sun(), 0, 0, 60) + place(moon(), 45, 40, 55)
    return row([compass(), footprints(), faces, sun_moon, shield()], 60, 120, boxes=300)


def culture_circle() -> str:
    return row([eye(), _roots(), house(), joined_hands()], 60, 150, boxes=280)


def _roots() -> str:
    return _g('<path d="M10,20 L90,20" stroke-dasharray="4 6"/><path d="M50,0 L50,30 Q30,50 18,80 M50,30 Q70,50 84,84 '
              'M50,30 L50,92 M36,54 Q24,56 12,52 M64,56 Q78,58 90,54"/>')


def historical_memory() -> str:
    river = f'<path d="M30,250 Q200,220 400,260 T770,250 L770,380 Q560,410 400,370 T30,380 Z" fill="{WATER}"/>'
    return (_g(river) + place(stone(), 180, 270, 70) + place(stone(), 380, 290, 70) + place(stone(), 580, 270, 70)
            + holding_hands(60, 40, 190) + place(cooking_pot(), 330, 90, 120) + place(drum(), 500, 80, 120)
            + place(empty_circle(), 640, 70, 120)
            + place(empty_circle(), 120, 430, 120) + place(empty_circle(), 340, 430, 120) + place(empty_circle(), 560, 430, 120))


def questioning_the_normal() -> str:
    return row([speech_bubble(), hand_with_coins(), path_going_back(), heart(), door_open()], 60, 120, boxes=300)


def roots_of_distress() -> str:
    return (place(tree_with_roots(), 200, 40, 400)
            + place(empty_circle(), 620, 60, 110) + place(empty_circle(), 620, 250, 110) + place(empty_circle(), 620, 410, 110)
            + _g('<path d="M560,120 L615,115 M500,330 L615,305 M500,440 L615,465" stroke-dasharray="6 8"/>')
            + holding_hands(40, 380, 170, (("scarf", "robe"), ("grey", "trousers"))))


CARDS = {
    "being-present": ("Being present", being_present),
    "bringing-it-together": ("Bringing it together", bringing_it_together),
    "choice-point": ("The choice point", choice_point),
    "doing-what-matters": ("Doing what matters", doing_what_matters),
    "noticing-self": ("The noticing self", noticing_self),
    "opening-up": ("Making room", opening_up),
    "unhooking": ("Unhooking", unhooking),
    "what-matters": ("What matters", what_matters),
    "adapt-pilot-feedback": ("Try, listen, adapt", adapt_pilot_feedback),
    "co-designing-a-program": ("Designing together", co_designing),
    "listening-and-mapping": ("Listening and mapping", listening_and_mapping),
    "calm-classroom": ("A calm classroom", calm_classroom),
    "educator-wellbeing": ("Caring for the carer", educator_wellbeing),
    "flexibility-activities-for-students": ("A compass and small steps", flexibility_activities),
    "student-in-distress": ("See, listen, stay, link", student_in_distress),
    "emotions-and-gender": ("Making room for feelings", emotions_and_gender),
    "inherited-gender-roles": ("Keep, change, let go", inherited_gender_roles),
    "responding-to-disclosures": ("Listen, believe, help", responding_to_disclosures),
    "shifting-beliefs-together": ("My step, my ally, my safety", shifting_beliefs),
    "awareness-to-action": ("Our plan", awareness_to_action),
    "culture-circle": ("See, ask why, act together", culture_circle),
    "historical-memory": ("Our river", historical_memory),
    "questioning-the-normal": ("Questions we ask", questioning_the_normal),
    "roots-of-distress": ("The tree", roots_of_distress),
}


def main(only: list[str]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, (title, draw) in CARDS.items():
        if only and name not in only:
            continue
        (OUT / f"{name}.svg").write_text(card(title, draw()), encoding="utf-8")
    print(f"Wrote {len(only) or len(CARDS)} card(s) to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1:])
