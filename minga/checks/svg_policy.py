"""Pictures drawn as SVG may hold drawing and nothing else: no script, no event handler, no
reference to another file or website. An SVG opened on its own runs on the site's origin, and
resvg (the PDF step) would read the files it names, so a picture outside this list is refused.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

SVG_NS = "{http://www.w3.org/2000/svg}"
ELEMENTS = frozenset({
    "svg", "g", "defs", "symbol", "use", "title", "desc", "path", "rect", "circle", "ellipse", "line",
    "polyline", "polygon", "text", "tspan", "textPath", "linearGradient", "radialGradient", "stop",
    "clipPath", "mask", "pattern", "marker",
})
# Presentation attributes and geometry: names made of letters, digits and hyphens, and no others.
ATTRIBUTE_NAME = re.compile(r"[a-zA-Z][a-zA-Z0-9-]{0,40}")
FORBIDDEN_ATTRIBUTE = re.compile(r"^on|^(style|href|src|begin|end|to|from|values|attributeName)$", re.I)
LOCAL_REFERENCE = re.compile(r"#[\w.-]{1,100}")
# url(...) in paint or filters may only point inside the picture itself.
URL_VALUE = re.compile(r"url\(\s*['\"]?([^)'\"]*)", re.I)
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
MAX_BYTES = 1024 * 1024


def svg_problems(data: bytes) -> list[str]:
    """What is wrong with this SVG, in plain words; empty when it is only a drawing."""
    if len(data) > MAX_BYTES:
        return ["the picture is larger than 1 MB"]
    text = data.decode("utf-8", "replace")
    if re.search(r"<!(DOCTYPE|ENTITY)", text, re.I):
        return ["it declares a DOCTYPE or entities"]
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        return [f"it is not valid SVG ({exc})"]
    problems = []
    for element in root.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        name = tag[len(SVG_NS):] if tag.startswith(SVG_NS) else None
        if name not in ELEMENTS:
            problems.append(_element_problem(name or _local(tag), element))
            continue
        for attribute, value in element.attrib.items():
            reason = _attribute_reason(attribute, value)
            if reason:
                problems.append(f"<{name} {_local(attribute)}=\"{value[:40]}\">: {reason}")
    return problems


# Where an exported drawing fetches something: url(...) in a stylesheet, or a picture's href.
REMOTE = re.compile(r"(?:url\(\s*['\"]?|href=['\"])((?:https?:)?//[^'\")\s]{1,200}|[\w./-]{1,200}\.(?:woff2?|ttf|otf|png|jpe?g|gif|webp|svg|css))", re.I)


def _element_problem(name: str, element) -> str:
    """The element that cannot be published; for a stylesheet or a picture, what it would fetch."""
    if name == "style":
        text = "".join(element.itertext())
        fetched = REMOTE.search(f"{text}")
        if fetched:
            return (f"its <style> loads '{fetched.group(1)}' from outside the picture (drawing programs such as "
                    "Excalidraw add their fonts this way)")
        return "the element <style> is not allowed"
    if name == "image":
        href = element.get(XLINK_HREF) or element.get("href") or ""
        if href.startswith("data:"):
            return "the element <image> embeds a bitmap, which is not allowed in an SVG (it may be blank in print)"
        if href:
            return f"the element <image> loads '{href[:80]}' from outside the picture"
    return f"the element <{name}> is not allowed"


def _attribute_reason(attribute: str, value: str) -> str | None:
    if attribute == XLINK_HREF or attribute == "href":
        return None if LOCAL_REFERENCE.fullmatch(value) else "links may only point inside the picture (#name)"
    if attribute.startswith("{"):
        return "attributes from other vocabularies are not allowed"
    if not ATTRIBUTE_NAME.fullmatch(attribute) or FORBIDDEN_ATTRIBUTE.search(attribute):
        return "this attribute is not allowed (scripts, styles, animation)"
    for target in URL_VALUE.findall(value):
        if not LOCAL_REFERENCE.fullmatch(target.strip()):
            return "url(...) may only point inside the picture"
    if "javascript:" in value.lower().replace(" ", ""):
        return "scripts are not allowed"
    return None


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]
