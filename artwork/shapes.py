"""Our own line drawings, as SVG fragments: people, objects and signs drawn in a 100 x 100 box.

One style for every card: strong black strokes with round ends, white or light grey fills,
no words. Every fragment uses the stroke width of the group it is placed in (see `place`),
so strokes are the same thickness on every card whatever the size of the drawing.
"""

from __future__ import annotations

INK = "#000"
TINT = "#d9d9d9"  # a light grey that survives a photocopier as light grey, or disappears cleanly
WATER = "#cfe3f3"


def place(fragment: str, x: float, y: float, size: float, stroke: float = 6) -> str:
    """Put a 100 x 100 fragment with its top-left corner at (x, y), `size` wide, strokes `stroke` thick."""
    s = size / 100
    return (f'<g transform="translate({x:g} {y:g}) scale({s:g})" stroke-width="{stroke / s:.3g}">'
            f"{fragment}</g>")


def mirror(fragment: str) -> str:
    return f'<g transform="translate(100 0) scale(-1 1)">{fragment}</g>'


# --- People --------------------------------------------------------------------------------
# A person stands in the box with feet at y=100 and the head near the top; 60 units wide.

HAIR = {
    "short": '<path d="M40,15 Q40,4 50,4 Q60,4 60,15 Q55,9 50,10 Q45,9 40,15 Z" fill="#000"/>',
    "long": '<path d="M40,14 Q41,5 50,5 Q59,5 60,14 Q50,9 40,14 Z" fill="#000"/>',
    "bun": '<circle cx="50" cy="3" r="5" fill="#000"/><path d="M40,14 Q41,5 50,5 Q59,5 60,14 Q50,8 40,14 Z" fill="#000"/>',
    "scarf": '<path d="M36,34 L38,14 Q40,2 50,2 Q60,2 62,14 L64,34 Z" fill="#fff"/>',
    "cap": '<path d="M40,12 Q41,3 50,3 Q59,3 60,12 Z" fill="#000"/><path d="M58,11 L68,12" />',
    "grey": '<path d="M40,15 Q40,6 50,6 Q60,6 60,15" fill="none" stroke-dasharray="2 3"/>',
    "none": "",
}


def person(hair: str = "short", body: str = "trousers", arms: str = "down", beard: bool = False,
           cane: bool = False, fill: str = "#fff") -> str:
    """A standing person, front view. hair: short, long, bun, scarf, cap, grey, none;
    body: trousers, dress, robe; arms: down, out, up, chest, wave, left, right."""
    parts = []
    if hair == "scarf":
        parts.append(HAIR["scarf"])
    if body == "dress":
        parts.append(f'<path d="M42,30 L58,30 L68,76 L32,76 Z" fill="{fill}"/>')
        parts.append('<path d="M44,76 L44,98 M56,76 L56,98 M44,98 L39,98 M56,98 L61,98" fill="none"/>')
    elif body == "robe":
        parts.append(f'<path d="M42,30 L58,30 L64,96 L36,96 Z" fill="{fill}"/>')
        parts.append('<path d="M42,96 L40,99 M58,96 L60,99" fill="none"/>')
    else:
        parts.append(f'<path d="M42,30 L58,30 L59,62 L41,62 Z" fill="{fill}"/>')
        parts.append('<path d="M44,62 L43,97 L37,98 M56,62 L57,97 L63,98 M50,62 L50,66" fill="none"/>')
    arm_paths = {
        "down": "M43,33 L35,62 M57,33 L65,62",
        "out": "M43,33 L18,48 M57,33 L82,48",
        "up": "M43,33 L30,8 M57,33 L70,8",
        "chest": "M43,33 L35,60 M57,33 L64,46 L52,40",
        "wave": "M43,33 L35,62 M57,33 L72,20 L74,8",
        "left": "M43,33 L18,48 M57,33 L65,62",
        "right": "M43,33 L35,62 M57,33 L82,48",
    }
    parts.append(f'<path d="{arm_paths[arms]}" fill="none"/>')
    if arms == "chest":
        parts.append('<path d="M50,37 Q50,35 52,35 L56,36 Q58,38 56,41 L51,42 Z" fill="#000"/>')
    if hair == "long":  # hair falling behind the head to the shoulders
        parts.append('<path d="M39,17 Q38,3 50,4 Q62,3 61,17 L62,32 L38,32 Z" fill="#000"/>')
    parts.append(f'<circle cx="50" cy="17" r="{9 if hair == "scarf" else 11}" fill="#fff"/>')
    if hair != "scarf":
        parts.append(HAIR[hair])
    if beard:
        parts.append('<path d="M41,20 Q43,32 50,33 Q57,32 59,20 Q50,26 41,20 Z" fill="#000"/>')
    if cane:
        parts.append('<path d="M66,60 L70,99 M66,60 Q63,55 60,58" fill="none"/>')
    return '<g stroke="#000" stroke-linecap="round" stroke-linejoin="round">' + "".join(parts) + "</g>"


def group_of_people() -> str:
    """Three people of different ages and dress, side by side."""
    return (place(person("scarf", "dress"), 0, 10, 52) + place(person("grey", "trousers", beard=True, cane=True), 48, 6, 56)
            + place(person("bun", "robe"), 25, 38, 34))


# --- Things ----------------------------------------------------------------------------------

def _g(body: str) -> str:
    return f'<g stroke="{INK}" stroke-linecap="round" stroke-linejoin="round" fill="none">{body}</g>'


def eye() -> str:
    return _g('<path d="M8,50 Q50,10 92,50 Q50,90 8,50 Z" fill="#fff"/><circle cx="50" cy="50" r="16"/>'
              '<circle cx="50" cy="50" r="7" fill="#000"/>')


def ear() -> str:
    return _g('<path d="M38,78 Q30,94 44,92 Q52,90 54,78 Q72,62 72,40 Q72,12 48,12 Q26,12 26,38" fill="#fff"/>'
              '<path d="M40,40 Q40,26 50,26 Q60,27 59,40 Q58,50 50,55"/>')


def mouth_speaking() -> str:
    return _g('<path d="M20,50 Q40,34 60,50 Q40,68 20,50 Z" fill="#fff"/><path d="M24,50 L56,50"/>'
              '<path d="M72,36 L86,28 M74,50 L92,50 M72,64 L86,72"/>')


def open_hand(x: float = 0) -> str:
    """One open hand, palm up, fingers to the right."""
    return _g(f'<path d="M{10+x},62 Q{10+x},48 {26+x},48 L{70+x},44 Q{78+x},44 {78+x},50 Q{78+x},55 {70+x},55 '
              f'L{52+x},56 L{84+x},54 Q{92+x},56 {84+x},62 L{52+x},64 L{80+x},66 Q{88+x},70 {78+x},73 L{26+x},74 '
              f'Q{10+x},74 {10+x},62 Z" fill="#fff"/>')


def open_hands() -> str:
    """Two open hands, palms up, side by side."""
    hand = ('<path d="M6,70 Q4,56 16,50 L46,48 Q50,52 46,56 L30,58 M16,50 L10,30 Q12,24 18,28 L24,48 '
            'M24,48 L22,24 Q26,18 30,24 L32,48 M32,48 L34,26 Q38,22 41,27 L40,48 M6,70 Q20,80 44,74 L46,56" fill="#fff"/>')
    return _g(hand + f'<g transform="translate(100 0) scale(-1 1)">{hand}</g>')


def hands_pressing() -> str:
    """Two palms pressed together, fingers up."""
    return _g('<path d="M50,16 Q40,16 38,30 L34,80 L50,86 L66,80 L62,30 Q60,16 50,16 Z" fill="#fff"/>'
              '<path d="M50,18 L50,84"/><path d="M34,80 L30,96 M66,80 L70,96"/>'
              '<path d="M26,44 L18,40 M74,44 L82,40 M24,58 L14,58 M76,58 L86,58"/>')


def heart(fill: str = "#fff") -> str:
    return _g(f'<path d="M50,86 Q14,60 12,38 Q12,18 30,16 Q44,16 50,30 Q56,16 70,16 Q88,18 88,38 Q86,60 50,86 Z" fill="{fill}"/>')


def house() -> str:
    return _g('<path d="M14,46 L50,16 L86,46" /><path d="M22,40 L22,88 L78,88 L78,40" fill="#fff"/>'
              '<path d="M42,88 L42,62 L58,62 L58,88"/><rect x="28" y="50" width="10" height="10"/>'
              '<rect x="62" y="50" width="10" height="10"/>')


def feet() -> str:
    """Two bare feet seen from above, standing on a line of ground."""
    foot = '<path d="M30,30 Q40,28 42,44 L42,74 Q40,86 32,84 Q24,82 24,70 L22,44 Q22,32 30,30 Z" fill="#fff"/>'
    toes = '<circle cx="27" cy="22" r="3.5"/><circle cx="34" cy="20" r="3.5"/><circle cx="41" cy="23" r="3"/>'
    return _g(foot + toes + f'<g transform="translate(100 0) scale(-1 1)">{foot}{toes}</g>' + '<path d="M6,94 L94,94"/>')


def footprint() -> str:
    return _g('<path d="M46,34 Q60,32 60,54 Q60,86 46,88 Q34,88 34,66 Q34,36 46,34 Z" fill="#000"/>'
              '<circle cx="38" cy="24" r="4" fill="#000"/><circle cx="47" cy="20" r="4" fill="#000"/>'
              '<circle cx="56" cy="23" r="4" fill="#000"/><circle cx="63" cy="29" r="3.5" fill="#000"/>')


def footprints() -> str:
    """A trail of small footprints walking up and to the right."""
    out = []
    for i, (x, y) in enumerate(((6, 62), (26, 46), (46, 36), (66, 16))):
        out.append(place(footprint(), x, y, 30, stroke=0.1) if i % 2 == 0 else place(mirror(footprint()), x, y + 14, 30, stroke=0.1))
    return "".join(out)


def anchor() -> str:
    return _g('<circle cx="50" cy="16" r="8" fill="#fff"/><path d="M50,24 L50,88 M34,36 L66,36"/>'
              '<path d="M16,58 Q20,88 50,88 Q80,88 84,58"/><path d="M10,66 L16,56 L24,64 M90,66 L84,56 L76,64"/>')


def cloud(fill: str = "#fff") -> str:
    return _g(f'<path d="M22,70 Q6,70 8,56 Q10,44 24,46 Q24,28 42,28 Q54,28 58,38 Q64,30 74,34 Q86,38 84,50 '
              f'Q96,54 92,64 Q90,70 80,70 Z" fill="{fill}"/>')


def thought_cloud() -> str:
    return cloud() + _g('<circle cx="30" cy="82" r="5" fill="#fff"/><circle cx="22" cy="93" r="3" fill="#fff"/>')


def sun() -> str:
    rays = "".join(f'<path d="M50,50 m{dx},{dy} l{ex},{ey}"/>' for dx, dy, ex, ey in (
        (0, -26, 0, -14), (0, 26, 0, 14), (-26, 0, -14, 0), (26, 0, 14, 0),
        (18, -18, 10, -10), (-18, -18, -10, -10), (18, 18, 10, 10), (-18, 18, -10, 10)))
    return _g('<circle cx="50" cy="50" r="18" fill="#fff"/>' + rays)


def moon() -> str:
    return _g('<path d="M60,12 Q26,16 26,50 Q26,84 60,88 Q38,74 38,50 Q38,26 60,12 Z" fill="#000"/>')


def rain_cloud() -> str:
    return cloud(TINT) + _g('<path d="M30,78 L26,90 M50,78 L46,90 M70,78 L66,90"/>')


def storm_cloud() -> str:
    return cloud("#999") + _g('<path d="M52,66 L42,82 L54,82 L46,98"/>')


def compass(heart_at_top: bool = False) -> str:
    top = ('<path d="M50,4 Q44,-2 40,4 Q38,10 50,18 Q62,10 60,4 Q56,-2 50,4 Z" fill="#000"/>' if heart_at_top
           else '<path d="M44,10 L50,2 L56,10" />')
    return _g('<circle cx="50" cy="54" r="40" fill="#fff"/><circle cx="50" cy="54" r="4" fill="#000"/>'
              '<path d="M50,22 L58,54 L50,86 L42,54 Z"/><path d="M50,22 L58,54 L42,54 Z" fill="#000"/>' + top)


def hook() -> str:
    return _g('<path d="M50,0 L50,58 Q50,78 34,78 Q20,78 20,62 L28,66"/>')


def fish(fill: str = "#fff") -> str:
    return _g(f'<path d="M14,50 Q40,22 72,44 L90,30 L88,70 L72,56 Q40,78 14,50 Z" fill="{fill}"/>'
              '<circle cx="30" cy="46" r="3.5" fill="#000"/><path d="M46,40 Q52,50 46,60"/>')


def leaf() -> str:
    return _g('<path d="M10,60 Q30,20 90,30 Q70,78 10,60 Z" fill="#fff"/><path d="M10,60 Q50,44 90,30"/>')


def stone() -> str:
    return _g(f'<path d="M12,80 Q10,50 34,42 Q56,34 76,46 Q92,56 88,80 Z" fill="{TINT}"/>')


def door_open() -> str:
    return _g('<rect x="24" y="8" width="52" height="88" fill="#fff"/><path d="M24,8 L8,16 L8,98 L24,96 Z" fill="#fff"/>'
              '<circle cx="14" cy="56" r="2.5" fill="#000"/>')


def speech_bubble() -> str:
    return _g('<path d="M14,16 L86,16 Q92,16 92,22 L92,60 Q92,66 86,66 L40,66 L22,86 L26,66 L14,66 Q8,66 8,60 '
              'L8,22 Q8,16 14,16 Z" fill="#fff"/><path d="M24,34 L76,34 M24,48 L60,48"/>')


def hand_with_coins() -> str:
    return _g('<circle cx="40" cy="30" r="10" fill="#fff"/><circle cx="62" cy="24" r="10" fill="#fff"/>'
              '<path d="M36,30 L44,30 M58,24 L66,24"/>') + open_hand(0)


def seed() -> str:
    return _g('<path d="M6,88 L94,88"/><path d="M36,88 Q36,74 50,72 Q64,74 64,88" fill="#000"/>'
              '<path d="M50,72 L50,30"/><path d="M50,46 Q30,44 22,26 Q42,24 50,46 Z" fill="#fff"/>'
              '<path d="M50,36 Q66,30 76,12 Q56,14 50,36 Z" fill="#fff"/>')


def calendar() -> str:
    cells = "".join(f'<rect x="{18 + 18 * c}" y="{44 + 16 * r}" width="10" height="8" fill="{"#000" if (r, c) == (1, 2) else "#fff"}"/>'
                    for r in range(3) for c in range(4))
    return _g('<rect x="8" y="16" width="84" height="80" fill="#fff"/><path d="M8,34 L92,34"/>'
              '<path d="M28,6 L28,24 M72,6 L72,24"/>' + cells)


def lock() -> str:
    return _g('<path d="M30,46 L30,30 Q30,10 50,10 Q70,10 70,30 L70,46"/><rect x="20" y="46" width="60" height="46" rx="6" fill="#fff"/>'
              '<circle cx="50" cy="66" r="6" fill="#000"/><path d="M50,66 L50,80"/>')


def shield() -> str:
    return _g('<path d="M50,6 L86,18 Q86,70 50,94 Q14,70 14,18 Z" fill="#fff"/><path d="M50,18 L74,26 Q74,62 50,80 Q26,62 26,26 Z" fill="#d9d9d9"/>')


def basket_with_heart() -> str:
    return _g('<path d="M12,46 L88,46 L78,92 L22,92 Z" fill="#fff"/><path d="M18,60 L82,60 M20,76 L80,76 M36,46 L38,92 M64,46 L62,92"/>'
              '<path d="M26,46 Q50,6 74,46"/>') + place(heart("#000"), 38, 14, 24)


def needle_and_thread() -> str:
    return _g('<path d="M20,84 L78,20"/><path d="M74,18 Q82,12 84,20 Q84,26 76,26" fill="#fff"/>'
              '<path d="M80,22 Q96,44 70,56 Q44,68 60,88 Q70,98 86,90"/><path d="M10,70 L30,90 M16,66 L34,84" stroke-dasharray="5 7"/>')


def umbrella_over_person() -> str:
    return (place(person("long", "dress"), 20, 30, 70)
            + _g('<path d="M8,34 Q50,-6 92,34 Q82,26 71,34 Q61,26 50,34 Q39,26 29,34 Q18,26 8,34 Z" fill="#fff"/>'
                 '<path d="M50,34 L50,46"/><path d="M26,44 L22,54 M76,44 L80,54 M12,52 L8,62 M88,50 L92,60"/>'))


def drum() -> str:
    return _g('<ellipse cx="50" cy="30" rx="32" ry="10" fill="#fff"/><path d="M18,30 L26,88 Q50,96 74,88 L82,30"/>'
              '<path d="M22,40 L50,88 L78,40 M26,62 L74,62"/>')


def cooking_pot() -> str:
    return _g('<path d="M14,42 L86,42 L80,84 Q50,94 20,84 Z" fill="#fff"/><path d="M6,42 L94,42 M14,50 L4,48 M86,50 L96,48"/>'
              '<path d="M40,30 Q36,22 42,14 M54,30 Q50,22 56,14"/>')


def hoe() -> str:
    return _g('<path d="M20,92 L76,14"/><path d="M70,10 L92,26 L80,36 Z" fill="#000"/>')


def book() -> str:
    return _g('<path d="M50,24 Q30,14 8,18 L8,80 Q30,76 50,86 Q70,76 92,80 L92,18 Q70,14 50,24 Z" fill="#fff"/>'
              '<path d="M50,24 L50,86 M18,34 L40,36 M18,48 L40,50 M60,36 L82,34 M60,50 L82,48"/>')


def phone() -> str:
    return _g('<rect x="30" y="8" width="40" height="84" rx="8" fill="#fff"/><rect x="36" y="20" width="28" height="50"/>'
              '<circle cx="50" cy="80" r="4" fill="#000"/>')


def face(mouth: str = "smile") -> str:
    mouths = {"smile": "M36,62 Q50,74 64,62", "sad": "M36,68 Q50,56 64,68", "straight": "M36,64 L64,64"}
    return _g(f'<circle cx="50" cy="50" r="40" fill="#fff"/><circle cx="36" cy="42" r="4" fill="#000"/>'
              f'<circle cx="64" cy="42" r="4" fill="#000"/><path d="{mouths[mouth]}"/>')


def finger_on_lips() -> str:
    return _g('<circle cx="50" cy="46" r="38" fill="#fff"/><circle cx="36" cy="38" r="4" fill="#000"/>'
              '<circle cx="64" cy="38" r="4" fill="#000"/><path d="M36,62 L64,62"/>'
              '<path d="M46,98 L46,50 Q50,44 54,50 L54,98" fill="#fff"/>')


def arrow_to_house() -> str:
    return _g('<path d="M2,70 L34,70"/><path d="M26,60 L38,70 L26,80"/>') + place(house(), 38, 22, 62)


def joined_hands() -> str:
    """Two forearms meeting in a handshake-like clasp, from left and right."""
    return _g('<path d="M2,62 L30,50 M2,78 L32,70" /><path d="M98,62 L70,50 M98,78 L68,70"/>'
              '<path d="M30,50 Q40,42 54,46 L66,52 Q70,56 66,60 L56,58 M32,70 Q40,78 54,76 L70,70 L70,50" fill="#fff"/>'
              '<path d="M44,56 Q52,60 60,64 M42,64 Q50,68 58,70"/>')


def hand_holding_thought() -> str:
    return (place(person("short", "trousers", "right"), 0, 20, 80)
            + place(thought_cloud(), 56, 0, 44))


def path_going_back() -> str:
    return _g('<path d="M86,88 Q86,40 50,40 Q20,40 20,64"/><path d="M10,54 L20,68 L32,56"/>'
              '<path d="M76,96 L96,96" />')


def fork_in_path() -> str:
    return _g(f'<path d="M24,98 Q38,76 44,60 Q28,44 4,38 L8,26 Q34,32 50,48 Q64,30 92,20 L96,32 Q70,42 58,60 '
              f'Q64,78 78,98 Z" fill="{TINT}"/>')


def tree_with_roots() -> str:
    return _g('<path d="M42,96 L44,58 L56,58 L58,96"/>'
              '<path d="M44,96 Q30,98 18,92 M50,96 L50,100 M56,96 Q70,98 82,92 M46,97 Q36,100 30,100 M54,97 Q64,100 70,100"/>'
              '<path d="M50,60 Q14,64 14,40 Q12,18 34,16 Q40,4 54,6 Q70,4 76,18 Q92,24 88,42 Q86,62 50,60 Z" fill="#fff"/>'
              '<path d="M8,96 L92,96" stroke-dasharray="4 6"/>')


def empty_box(w: float = 100, h: float = 100) -> str:
    return _g(f'<rect x="2" y="2" width="{w - 4}" height="{h - 4}" rx="6" fill="#fff" stroke-dasharray="10 7"/>')


def empty_circle() -> str:
    return _g('<circle cx="50" cy="50" r="44" fill="#fff" stroke-dasharray="10 7"/>')


def chest_breathing() -> str:
    """A chest and shoulders, with a soft wave of breath inside."""
    return _g('<path d="M6,96 Q8,52 32,46 Q40,44 42,30 L58,30 Q60,44 68,46 Q92,52 94,96" fill="#fff"/>'
              '<circle cx="50" cy="16" r="12" fill="#fff"/><path d="M24,74 Q37,62 50,74 Q63,86 76,74"/>')

