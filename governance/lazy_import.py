"""Modules imported on first use: what a command module names at its top but only
some of its commands need (the services, and the ORM models behind them).

A listing of a command module then does not pay for the imports of the
module's commands that change something (issue 11 point 19). The standard
library's :class:`importlib.util.LazyLoader`: the module object exists at
once, its code runs when an attribute of it is first read.
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType


def lazy_module(name: str) -> ModuleType:
    """Module *name*, loaded when first used (at once if it is loaded already)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError(name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module
