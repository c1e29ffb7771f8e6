"""Reading one table of the configuration (``[mail]``, ``[web]``): the values of
the file with ``GREMIUM_<TABLE>_<KEY>`` from the environment over them, each
checked against its field's type.

A module of its own so that the configuration (which checks the tables when it
loads) and the modules owning a table (mail, web) both use it without
importing each other.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any, NoReturn, Protocol

from governance.errors import ConfigurationError, Text


class TableSource(Protocol):
    """What a table reader needs of the settings: where they come from (the file,
    named in every refusal); the tables are attributes named like the table."""

    @property
    def source(self) -> str: ...


def refuse(source: str, problem: str, **params: Any) -> NoReturn:
    """Refuse the configuration read from *source* for *problem* (a ``config.problem.*`` key)."""
    raise ConfigurationError(
        "error.config", file=source, problem=Text(f"config.problem.{problem}", **params)
    )


def read_table(
    settings: TableSource,
    name: str,
    fields: Mapping[str, dataclasses.Field[Any]],
    environ: Mapping[str, str],
    *,
    hidden: tuple[str, ...] = (),
) -> dict[str, Any]:
    """The [*name*] table of *settings* with ``GREMIUM_<NAME>_<KEY>`` from *environ*
    over it, each value as its field's type; an unknown key or a value of the wrong
    type is refused with what is allowed. (*hidden*: fields not named as allowed.)"""
    data: dict[str, Any] = dict(getattr(settings, name))
    for key in fields:
        value = environ.get(f"GREMIUM_{name.upper()}_{key.upper()}")
        if value:
            data[key] = value
    unknown = set(data) - set(fields)
    if unknown:
        refuse(
            settings.source,
            f"unknown_{name}_keys",
            keys=", ".join(sorted(unknown)),
            allowed=", ".join(k for k in fields if k not in hidden),
        )
    values: dict[str, Any] = {}
    for key, value in data.items():
        kind = str(fields[key].type)
        try:
            if "bool" in kind:
                values[key] = boolean(settings.source, f"{name}.{key}", value)
            elif isinstance(value, bool):  # true is no number, though Python says 1
                raise ValueError(value)
            elif "int" in kind:
                values[key] = int(value)
            elif "float" in kind:
                values[key] = float(value)
            else:
                values[key] = str(value)
        except (TypeError, ValueError):
            refuse(settings.source, "number", key=f"{name}.{key}", value=repr(value))
    return values


def boolean(source: str, key: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text not in ("true", "false", "1", "0", "yes", "no"):
        refuse(source, "boolean", key=key, value=value)
    return text in ("true", "1", "yes")
