"""The site of a document: the publisher a page belongs to, from its URL's host (``site_of``).
Site templates are learned per site, and copies are listed by where they appeared."""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

# A URL whose host is plain (lower-case ASCII letters, digits, dots and hyphens) and has no
# port: its host, without urlsplit's cost (checked by _plain_labels).
_PLAIN_HOST = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://([a-z0-9.-]+)(?=[/?#]|$)")
# A label of any other host name: letters of any script (an IDN in its own letters), digits,
# and inner hyphens and underscores (which some hosts have, against the rules).
_HOST_LABEL = re.compile(r"[^\W_](?:[\w-]{0,61}[^\W_])?")
MAX_HOST = 253


def site_of(url: str | None, folder: str) -> str:
    """The publisher a page belongs to: the URL's host without "www.", else its folder (also
    when the URL names no host one could reach: "not a url", "https://exa mple.com",
    "https://-bad-.com": a user's odd URL field did not become a "site" of its own)."""
    if not url:
        return folder
    plain = _PLAIN_HOST.match(url)
    if plain:  # the common URL: its host's site as the last URL of that host gave it
        site = _SITES.get(plain.group(1))
        if site is None:
            if len(_SITES) >= _MAX_SITES:
                _SITES.clear()
            site = _SITES[plain.group(1)] = (host_of(url) or "").removeprefix("www.")
        return site or folder
    host = host_of(url)
    return host.removeprefix("www.") if host else folder


# The sites of the plain hosts met lately (``site_of``): a corpus has far fewer hosts than
# pages, and the host's checks took 0.8 µs a page, twice per run.
_SITES: dict[str, str] = {}
_MAX_SITES = 100_000


def _plain_labels(host: str) -> bool:
    """``host`` (lower-case ASCII letters, digits, dots, hyphens) is dot-separated labels of
    1-63 characters that neither open nor end with a hyphen; one that ends in a digit is an
    IPv4 address (a top-level domain has letters: "999.999.999.999" and "1.2" are no hosts,
    as host_of reads them when a port follows)."""
    if host[-1:].isdigit():
        try:
            ipaddress.IPv4Address(host)
        except ValueError:
            return False
        return True
    return (0 < len(host) <= MAX_HOST and ".." not in host and "-." not in host
            and ".-" not in host and host[0] not in ".-" and host[-1] not in ".-"
            and (len(host) <= 63 or max(map(len, host.split("."))) <= 63))


def host_of(url: str) -> str | None:
    """The host of ``url`` (in lower case, without a final dot; a URL without a scheme is read
    as starting with its host) when it is a host name of two labels or more or an IP address,
    else None."""
    plain = _PLAIN_HOST.match(url)  # the common case
    if plain:
        host = plain.group(1).removesuffix(".")
        return host if _plain_labels(host) and "." in host else None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    except ValueError:  # a malformed URL ("http://[::1")
        return None
    host = host.removesuffix(".")
    if not host or len(host) > MAX_HOST:
        return None
    if ":" in host or host.replace(".", "").isdigit():
        try:
            return str(ipaddress.ip_address(host))
        except ValueError:
            return None
    labels = host.split(".")
    # (one label is no publisher's host: "nan", "null", "N/A" read as the host "n", "example")
    return host if len(labels) > 1 and all(map(_HOST_LABEL.fullmatch, labels)) else None
