"""The open licences a module may carry: SPDX ids, the name people read, and where the text is.

Open means that anyone may reuse and adapt the session (the Open Definition): no 'non-commercial'
or 'no derivatives' licences, since community groups must be free to adapt and share sessions.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class License:
    id: str  # SPDX identifier, as written in front matter
    name: str  # as people read it
    url: str


OPEN_LICENSES: dict[str, License] = {lic.id: lic for lic in (
    License("CC-BY-SA-4.0", "CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/"),
    License("CC-BY-4.0", "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
    License("CC0-1.0", "CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
    License("CC-BY-SA-3.0", "CC BY-SA 3.0", "https://creativecommons.org/licenses/by-sa/3.0/"),
    License("CC-BY-3.0", "CC BY 3.0", "https://creativecommons.org/licenses/by/3.0/"),
    License("FAL-1.3", "Free Art License 1.3", "https://artlibre.org/licence/lal/en/"),
)}


def aliases() -> tuple[tuple[str, str], ...]:
    """Ways people write these ids ('CC BY 4.0', 'cc-by-4.0'), each with the id they mean."""
    out = []
    for lic in OPEN_LICENSES.values():
        for written in (lic.id, lic.name, lic.id.replace("-", " "), lic.name.replace(" ", "-")):
            out.append((written.casefold(), lic.id))
    return tuple(out)


def license_name(spdx_id: str) -> str:
    """The readable name of a licence id (the id itself when unknown)."""
    found = OPEN_LICENSES.get(spdx_id)
    return found.name if found else spdx_id


def license_url(spdx_id: str) -> str | None:
    found = OPEN_LICENSES.get(spdx_id)
    return found.url if found else None
