import shutil
import subprocess
import sys
from pathlib import Path

import polib

import loket

PACKAGE = Path(loket.__file__).parent
CATALOGUE = PACKAGE / "locale" / "nl" / "LC_MESSAGES"


def msgids(catalogue) -> set[str]:
    return {entry.msgid for entry in catalogue if not entry.obsolete}


def test_the_dutch_catalogue_translates_every_string():
    catalogue = polib.pofile(str(CATALOGUE / "django.po"))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert (untranslated, fuzzy) == ([], [])


def test_the_compiled_catalogue_matches_the_source():
    source = polib.pofile(str(CATALOGUE / "django.po"))
    compiled = polib.mofile(str(CATALOGUE / "django.mo"))

    def translations(catalogue):
        return {(e.msgid, e.msgstr, tuple(sorted(e.msgstr_plural.items()))) for e in catalogue if e.msgid}

    assert translations(compiled) == translations(source)


def test_every_translatable_string_in_the_code_is_in_the_catalogue(tmp_path):
    copy = tmp_path / "loket"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "static"))
    result = subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "nl", "--no-location", "-i", "*/migrations/*"],
        cwd=copy,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin:/usr/local/bin", "DJANGO_SETTINGS_MODULE": ""},
    )
    assert result.returncode == 0, result.stderr
    fresh = polib.pofile(str(copy / "locale" / "nl" / "LC_MESSAGES" / "django.po"))
    committed = polib.pofile(str(CATALOGUE / "django.po"))
    assert msgids(fresh) == msgids(committed)
