"""The window's language: Bahasa Indonesia or English, from the ``language`` setting or the
system's, and the locale its dates and times are written in.

Every word of the window goes through Qt's translator: the window's own strings (``tr()``), the
core's messages (context ``messages``, see :mod:`app.ui.wording`) and the few of Qt's own a
cashier meets (dialog buttons, a field's context menu, the file dialog). English is the source
text, so English needs no translation file; Indonesian is ``resources/translations/
stamps_pos_id.qm``, built from the ``.ts`` in git by ``make``.

Dates and times follow the chosen language as it is written in Indonesia (``id_ID`` or
``en_ID``: ``25 Des 14.02`` / ``25 Dec 14.02``); money is ``Rp 100.000`` in both
(``format_rupiah``), and a count of stamps ``10.000 stamp`` (``format_count``). The command line
stays English whatever is chosen here.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from app.ui.resources import resources_root

log = logging.getLogger(__name__)

#: What the ``language`` setting may say; ``auto`` follows the system's preferred languages.
LanguageSetting = Literal["auto", "id", "en"]
Language = Literal["id", "en"]
LANGUAGE_SETTINGS: tuple[LanguageSetting, ...] = ("auto", "id", "en")

#: ``stamps_pos_<language>.qm`` under ``resources/translations/``.
CATALOGUE = "stamps_pos"
#: Each language as written in Indonesia: its month names and time separator (``14.02``).
LOCALES: dict[Language, str] = {"id": "id_ID", "en": "en_ID"}

# The one translator installed; Qt keeps only a pointer to it, so Python must hold the object
# for as long as it is installed (a collected QTranslator would leave the window in English).
_installed: QTranslator | None = None
_chosen: Language = "en"


def translation_file(language: str) -> Path:
    """Where the compiled translation of ``language`` is (it may not be built yet)."""
    return resources_root() / "translations" / f"{CATALOGUE}_{language}.qm"


def system_language(ui_languages: Iterable[str] | None = None) -> Language:
    """The first of the system's preferred languages the till speaks (English if none is):
    ``["id-ID", "en-US"]`` is Indonesian, ``["en-US", "id"]`` English, ``["fr-FR"]`` English."""
    preferred = QLocale.system().uiLanguages() if ui_languages is None else ui_languages
    for tag in preferred:
        code = tag.replace("_", "-").split("-")[0].lower()
        if code in ("id", "in"):  # "in" is Indonesian's old ISO 639 code, still sent by some
            return "id"
        if code == "en":
            return "en"
    return "en"


def resolve(setting: str, ui_languages: Iterable[str] | None = None) -> Language:
    """The language a setting means: ``id`` and ``en`` as said, ``auto`` the system's."""
    if setting == "id":
        return "id"
    if setting == "en":
        return "en"
    if setting == "auto":
        return system_language(ui_languages)
    raise ValueError(f"language must be one of {', '.join(LANGUAGE_SETTINGS)}, not {setting!r}")


def install(setting: str = "auto", app: QCoreApplication | None = None) -> Language:
    """Put the window in the language ``setting`` means, before any widget is built: install its
    translator (replacing one installed before) and make its locale the default. Returns the
    language now in use; without its translation file (not built) that is English, logged."""
    global _installed, _chosen
    application = app or QCoreApplication.instance()
    if application is None:
        raise RuntimeError("install the language after the QApplication is created")
    language = resolve(setting)
    if _installed is not None:
        application.removeTranslator(_installed)
        _installed = None
    if language != "en":
        translator = QTranslator(application)
        path = translation_file(language)
        if translator.load(str(path)):
            application.installTranslator(translator)
            _installed = translator
        else:
            log.warning(
                "no translation for %r at %s (make builds it): the window stays in English",
                language,
                path,
            )
            language = "en"
    QLocale.setDefault(QLocale(LOCALES[language]))
    _chosen = language
    return language


def current() -> Language:
    """The language the window speaks now."""
    return _chosen
