"""Build hook: the wheel carries data/ and resources/ inside the package."""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithData(build_py):
    """Copy the shipped data and resources into the built package."""

    def run(self) -> None:
        """Build the package, then add data/ and resources/ to it."""
        super().run()
        for name in ("data", "resources"):
            shutil.copytree(name, Path(self.build_lib) / "museum_app" / name, dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildWithData})
