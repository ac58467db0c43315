"""The store's sentences for the person (notices, file errors) written in the window's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from museum_app.store.messages import Message, message_of


def _templates() -> dict[str, str]:
    """Return each code's sentence in the current language, with the same {fields} as in English."""
    # Every call is written out: lupdate finds only literal translate() calls.
    return {
        "CANNOT_SAVE": QCoreApplication.translate(
            "Messages",
            "Bookmarks cannot be saved: {reason}. Your existing bookmarks are shown, "
            "but changes will not be kept.",
        ),
        "PACK_LEFT_OUT": QCoreApplication.translate("Messages", "A data pack was left out: {problem}"),
        "RECOVERED": QCoreApplication.translate(
            "Messages",
            "Your bookmarks file was damaged. It was moved to {path} and kept; {count} "
            "bookmarks were recovered from it into a new file.",
        ),
        "HELD_ELSEWHERE": QCoreApplication.translate(
            "Messages", "the file {path} is damaged and another window of the app has it open"
        ),
        "NOT_MOVED": QCoreApplication.translate(
            "Messages", "the damaged file {path} cannot be moved ({error})"
        ),
        "FOLDER_NOT_CREATED": QCoreApplication.translate(
            "Messages", "the folder {folder} cannot be created ({error})"
        ),
        "DISK_FULL": QCoreApplication.translate("Messages", "the disk that holds {folder} is full"),
        "FOLDER_READ_ONLY": QCoreApplication.translate("Messages", "the folder {folder} is read-only"),
        "FOLDER_NOT_WRITABLE": QCoreApplication.translate(
            "Messages", "the folder {folder} cannot be written ({error})"
        ),
        "FILE_READ_ONLY": QCoreApplication.translate("Messages", "the file {path} is read-only"),
    }


def _problems() -> dict[str, str]:
    """Return what each SQLite error code means for the person, in the current language."""
    busy = QCoreApplication.translate("Messages", "another program kept the file busy for too long")
    refused = QCoreApplication.translate("Messages", "permission was refused")
    return {
        "SQLITE_BUSY": busy,
        "SQLITE_LOCKED": busy,
        "SQLITE_READONLY": QCoreApplication.translate("Messages", "the file cannot be written"),
        "SQLITE_IOERR": QCoreApplication.translate("Messages", "the disk could not be read or written"),
        "SQLITE_CORRUPT": QCoreApplication.translate("Messages", "the file is damaged"),
        "SQLITE_FULL": QCoreApplication.translate("Messages", "the disk is full"),
        "SQLITE_CANTOPEN": QCoreApplication.translate("Messages", "the file cannot be opened"),
        "SQLITE_NOTADB": QCoreApplication.translate(
            "Messages", "the file is damaged or is not a database"
        ),
        "SQLITE_PERM": refused,
        "SQLITE_PROTOCOL": QCoreApplication.translate("Messages", "the file could not be locked"),
        "SQLITE_NOMEM": QCoreApplication.translate("Messages", "the computer ran out of memory"),
        "SQLITE_AUTH": refused,
    }


def translated(text: str) -> str:
    """Write a store's sentence in the window's language; other text is returned as it is."""
    if not isinstance(text, Message):
        return text
    parts = {
        name: translated(part) if isinstance(part, str) else part for name, part in text.parts.items()
    }
    problems = _problems()
    if text.code in problems:
        problem = problems[text.code]
        return QCoreApplication.translate("Messages", "{path}: {problem} ({error})").format(
            path=parts["path"], problem=problem, error=parts["error"]
        )
    template = _templates().get(text.code)
    return str(text) if template is None else template.format(**parts)


def error_text(error: BaseException) -> str:
    """Write an error's sentence in the window's language, when the store gave it one."""
    return translated(message_of(error))
