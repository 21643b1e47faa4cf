"""The ``kg`` command line: a thin layer over the library (see README for every command)."""
from __future__ import annotations

import click

from kg import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="kg")
def main() -> None:
    """kg: a knowledge graph of Korean regional news.

    \b
    Example:
      kg build seeds/ && kg query partners-of --param institution=STEPI
    """


# Command modules register themselves here; each module defines click commands named in its __all__.
COMMAND_MODULES = [
    "kg.commands_extract",
    "kg.commands_graph",
    "kg.commands_cypher",
    "kg.commands_viz",
    "kg.commands_load",
    "kg.commands_lexicon",
]


def _register() -> None:
    import importlib

    for modname in COMMAND_MODULES:
        mod = importlib.import_module(modname)
        for name in mod.__all__:
            main.add_command(getattr(mod, name))


_register()

if __name__ == "__main__":
    main()
