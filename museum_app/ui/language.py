"""The window's language: chosen from the command line, the settings or the system locale."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from museum_app import paths
from museum_app.core.date_words import DateWords, date_words
from museum_app.core.domain import BASE_LANGUAGE
from museum_app.core.language import supported, system_language

# Every language the window ships, each named in itself (so anyone can find their own).
LANGUAGES = (("en", "English"), ("zh_CN", "简体中文"))
DEFAULT = BASE_LANGUAGE


def choose(override: str | None, remembered: str | None) -> str:
    """Pick the window's language: --lang first, then the person's last choice, then the system."""
    return supported(override) or supported(remembered) or system_language()


class Translation:
    """The translators installed for one language; switching one sends every widget LanguageChange."""

    def __init__(self) -> None:
        self.language = DEFAULT
        self._translators: list[QTranslator] = []

    def use(self, language: str) -> None:
        """Install the app's and Qt's own translations for a language (none for English)."""
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("the Qt application must exist before its language is set")
        for translator in self._translators:
            app.removeTranslator(translator)
        self._translators = []
        self.language = supported(language) or DEFAULT
        QLocale.setDefault(QLocale(self.language))
        if self.language != DEFAULT:
            self._install(app)
        # Now, not at the next turn of the event loop: the window reads as switched at once.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)

    def _install(self, app: QCoreApplication) -> None:
        """Load and install the translations of the language chosen."""
        folders = (
            (str(paths.resources_dir() / "translations"), "museum_app"),
            (QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), "qtbase"),
        )
        for folder, name in folders:
            translator = QTranslator(app)
            if translator.load(f"{name}_{self.language}", folder):
                app.installTranslator(translator)
                self._translators.append(translator)


TRANSLATION = Translation()  # one per application, as Qt's translators are


def words() -> DateWords:
    """Return the date words of the window's language."""
    return date_words(TRANSLATION.language)
