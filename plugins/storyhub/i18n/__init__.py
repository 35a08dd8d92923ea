"""Every user-visible string, per language, through one :class:`Translator`."""

from storyhub.i18n.translator import Translator, base_language

__all__ = ["Translator", "base_language"]
