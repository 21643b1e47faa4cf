"""kg: a knowledge graph of Korean regional news (cities, officials, institutions, events, policies, themes)."""
__version__ = "0.1.0"
