"""Upload options as profiles keep them (defaults) and as one upload asks for them (flags).

A profile's ``upload_defaults`` is a JSON dict with ``content_type``, ``metadata`` and the fields
of ``ObjectOptions``. The command line merges its flags over it (flags win; tags and metadata
merge name by name); the window shows the defaults prefilled and sends what the user leaves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from engine.objectopts import ObjectOptions, OptionError, parse_pair, parse_sse
from engine.store import TransferRow

#: Names ``--upload-default NAME=VALUE`` takes; ``tag`` and ``meta`` take ``k=v`` as the value.
DEFAULT_NAMES = (
    "content-type",
    "cache-control",
    "content-disposition",
    "content-encoding",
    "acl",
    "tag",
    "meta",
    "sse",
)


@dataclass(frozen=True)
class Chosen:
    """The options of one upload, after defaults and flags are merged."""

    content_type: str = ""
    metadata: dict[str, str] = field(default_factory=dict)
    object: ObjectOptions = field(default_factory=ObjectOptions)


def chosen_from(d: dict[str, Any]) -> Chosen:
    meta = {str(k): str(v) for k, v in dict(d.get("metadata") or {}).items()}
    return Chosen(str(d.get("content_type", "")), meta, ObjectOptions.from_dict(d))


def to_dict(c: Chosen) -> dict[str, Any]:
    out = c.object.to_dict()
    if c.content_type:
        out["content_type"] = c.content_type
    if c.metadata:
        out["metadata"] = dict(c.metadata)
    return out


def merge(defaults: dict[str, Any], flags: dict[str, Any]) -> dict[str, Any]:
    """``flags`` over ``defaults``: a flag set wins, tags and metadata merge by name."""
    out = {**defaults, **{k: v for k, v in flags.items() if v and k not in ("tags", "metadata")}}
    for name in ("tags", "metadata"):
        both = {**dict(defaults.get(name) or {}), **dict(flags.get(name) or {})}
        if both:
            out[name] = both
    if flags.get("sse"):
        # A new encryption choice replaces the default's key id (and customer key MD5) with its own.
        for k in ("kms_key_id", "sse_c_md5"):
            out.pop(k, None)
            if flags.get(k):
                out[k] = flags[k]
    return out


def apply_default(defaults: dict[str, Any], text: str) -> dict[str, Any]:
    """One ``--upload-default NAME=VALUE``; an empty VALUE removes NAME (``tag=k=`` a tag)."""
    name, value = parse_pair("--upload-default", text)
    name = name.lower()
    if name not in DEFAULT_NAMES:
        raise OptionError(f"--upload-default {name!r} is not one of: {', '.join(DEFAULT_NAMES)}")
    out = dict(defaults)
    if name in ("tag", "meta"):
        field_name = "tags" if name == "tag" else "metadata"
        k, v = parse_pair(f"--upload-default {name}=", value)
        group = dict(out.get(field_name) or {})
        if v:
            group[k] = v
        else:
            group.pop(k, None)
        out[field_name] = group
        if not group:
            del out[field_name]
    elif name == "sse":
        out.pop("sse", None)
        out.pop("kms_key_id", None)
        if value:
            mode, key_id = parse_sse(value)
            if mode == "c":
                raise OptionError(
                    "--upload-default sse=c: a customer key is given per upload, never kept; "
                    "pass --sse c with --sse-c-key-file on each upload"
                )
            out["sse"] = mode
            if key_id:
                out["kms_key_id"] = key_id
    else:
        attr = name.replace("-", "_")
        if value:
            out[attr] = value
        else:
            out.pop(attr, None)
    chosen_from(out)  # validates what is kept (raises OptionError)
    return out


def applied(row: TransferRow) -> dict[str, Any]:
    """The options a transfer was queued with, as the ``--json`` summary shows them."""
    out: dict[str, Any] = {"content_type": row.content_type}
    if row.storage_class:
        out["storage_class"] = row.storage_class
    meta = {k: v for k, v in row.metadata.items() if not k.startswith("skylift-")}
    if meta:
        out["metadata"] = meta
    out.update(row.options)
    return out
