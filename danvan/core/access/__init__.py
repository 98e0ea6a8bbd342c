"""Who may see and do what: capabilities and roles (caps), unit paths (paths), the scoping frame of every
visible_to (scope) and the capability checks of every write (checks).

Import as `from danvan.core import access`.
"""

from .caps import ROLE_CAPS, Cap, Role
from .checks import caps_at, has_cap, require
from .paths import PATH_ALPHABET, SEGMENT_WIDTH, encode_segment, prefix_upper_bound, subtree_q
from .scope import Grant, ScopedQuerySet, forget, scope_paths, scoped, sees_everything

__all__ = [
    "PATH_ALPHABET",
    "ROLE_CAPS",
    "SEGMENT_WIDTH",
    "Cap",
    "Grant",
    "Role",
    "ScopedQuerySet",
    "caps_at",
    "encode_segment",
    "forget",
    "has_cap",
    "prefix_upper_bound",
    "require",
    "scope_paths",
    "scoped",
    "sees_everything",
    "subtree_q",
]
