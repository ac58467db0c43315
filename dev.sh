#!/usr/bin/env bash
# Set up everything museum_app needs on a Debian or Ubuntu machine, then launch it or test it.
#   bash dev.sh launch [ARGS...]   install, then open the app (ARGS go to museum-app)
#   bash dev.sh test               install, then run every check: ruff, mypy, layers, pytest
set -euo pipefail
cd "$(dirname "$0")"

QT_LIBS=(libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 fonts-wqy-microhei)
TEST_TOOLS=(desktop-file-utils)  # desktop-file-validate checks the menu entry
# On a real X display Qt's xcb platform needs these too (offscreen tests do not).
DISPLAY_LIBS=(libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0
    libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1)
VENV=${MUSEUM_APP_VENV:-.venv}
PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null || PYTHON=python3

system_libraries() {
    # Qt's widgets need a few system libraries; install the missing ones when we can.
    local missing=()
    for package in "${QT_LIBS[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
        echo "Installing the system libraries Qt needs: ${missing[*]}"
        DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" \
            || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"; }
    elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
        sudo apt-get install -y --no-install-recommends "${missing[@]}"
    else
        echo "Qt needs these system packages, which are missing and cannot be installed without root:" >&2
        echo "    sudo apt-get install ${missing[*]}" >&2
        [ "${1:-}" = "test" ] || exit 1
    fi
}

python_environment() {
    "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
        || { echo "museum_app needs Python 3.11 or newer; $PYTHON is older" >&2; exit 1; }
    [ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e ".[test]"
}

case "${1:-}" in
    launch)
        shift
        QT_LIBS+=("${DISPLAY_LIBS[@]}")
        system_libraries launch
        python_environment
        exec "$VENV/bin/museum-app" "$@"
        ;;
    test)
        QT_LIBS+=("${TEST_TOOLS[@]}")
        system_libraries test
        python_environment
        export QT_QPA_PLATFORM=offscreen
        "$VENV/bin/ruff" check .
        "$VENV/bin/ruff" format --check .
        "$VENV/bin/mypy"
        "$VENV/bin/lint-imports"
        "$VENV/bin/pytest" -q
        ;;
    *)
        echo "usage: bash dev.sh launch [ARGS...] | bash dev.sh test" >&2
        exit 2
        ;;
esac
