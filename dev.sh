#!/usr/bin/env bash
# Set up everything museum_app needs on a Debian or Ubuntu machine, then launch it or test it.
#   bash dev.sh launch [ARGS...]   install, then open the app (ARGS go to museum-app)
#   bash dev.sh test               install, then run every check: ruff, mypy, layers, pytest
# Afterwards the command line is .venv/bin/museum-app (or `source .venv/bin/activate`).
set -euo pipefail
cd "$(dirname "$0")"

# What the window needs from the system, as "package what-shows-it-is-there": a library is
# looked up in the linker's cache, a path must exist, anything else is a command on PATH.
# Checking the files (not dpkg) is fast and holds when a package is renamed (Ubuntu's ...t64).
LAUNCH_NEEDS=(
    # Qt's widgets, on any platform plugin (the tests run offscreen)
    "libgl1 libGL.so.1"
    "libegl1 libEGL.so.1"
    "libxkbcommon0 libxkbcommon.so.0"
    "libfontconfig1 libfontconfig.so.1"
    "libdbus-1-3 libdbus-1.so.3"
    "libglib2.0-0 libglib-2.0.so.0"
    # Qt's xcb platform plugin, which draws the window on X11 (and XWayland)
    "libxcb-cursor0 libxcb-cursor.so.0"
    "libxcb-icccm4 libxcb-icccm.so.4"
    "libxcb-image0 libxcb-image.so.0"
    "libxcb-keysyms1 libxcb-keysyms.so.1"
    "libxcb-randr0 libxcb-randr.so.0"
    "libxcb-render-util0 libxcb-render-util.so.0"
    "libxcb-shape0 libxcb-shape.so.0"
    "libxcb-shm0 libxcb-shm.so.0"
    "libxcb-sync1 libxcb-sync.so.1"
    "libxcb-xfixes0 libxcb-xfixes.so.0"
    "libxcb-xkb1 libxcb-xkb.so.1"
    "libxkbcommon-x11-0 libxkbcommon-x11.so.0"
    "libx11-xcb1 libX11-xcb.so.1"
    # glyphs for the Chinese names and titles
    "fonts-wqy-microhei /usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
)
TEST_NEEDS=(
    "desktop-file-utils desktop-file-validate"  # checks the menu entry
    "xvfb Xvfb"                                 # a virtual screen: the xcb plugin is tested on it
)
VENV=${MUSEUM_APP_VENV:-.venv}
STAMP="$VENV/.museum-app-installed"
PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null || PYTHON=python3

fail() {
    echo "dev.sh: $*" >&2
    exit 1
}

missing_packages() {
    # Print the packages of the needs given as arguments that are not met here.
    local cache need package what
    cache=$( (command -v ldconfig >/dev/null && ldconfig -p || /sbin/ldconfig -p) 2>/dev/null || true)
    for need in "$@"; do
        package=${need%% *} what=${need#* }
        case $what in
            *.so.*) [[ $cache == *$'\t'"$what ("* ]] || echo "$package" ;;
            /*) [ -e "$what" ] || echo "$package" ;;
            *) command -v "$what" >/dev/null || echo "$package" ;;
        esac
    done
}

venv_package() {
    # Debian and Ubuntu ship Python without ensurepip; venv comes in a package of its own.
    "$PYTHON" -c 'import ensurepip, venv' 2>/dev/null && return 0
    if [ "$(readlink -f "$(command -v "$PYTHON")")" = "$(readlink -f "$(command -v python3)")" ]; then
        echo python3-venv
    else
        "$PYTHON" -c 'import sys; print(f"python{sys.version_info[0]}.{sys.version_info[1]}-venv")'
    fi
}

apt_install() {
    # Install packages as root (or with password-free sudo); fetch the lists once if apt has none.
    local as=()
    [ "$(id -u)" -eq 0 ] || as=(sudo -n)
    "${as[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" \
        || { "${as[@]}" apt-get update -q \
            && "${as[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"; }
}

system_packages() {
    # Install what is missing when we may; otherwise print the one line that would, and stop.
    local command=$1 missing
    shift
    missing=$( { venv_stamped || venv_package; missing_packages "$@"; } | tr '\n' ' ')
    missing=${missing% }
    [ -n "$missing" ] || return 0
    if command -v apt-get >/dev/null \
        && { [ "$(id -u)" -eq 0 ] || { command -v sudo >/dev/null && sudo -n true 2>/dev/null; }; }; then
        echo "dev.sh: installing the system packages museum_app needs: $missing"
        # shellcheck disable=SC2086  # one word per package
        apt_install $missing || fail "apt-get could not install: $missing"
        return 0
    fi
    echo "dev.sh: these system packages are missing, and only root can install them; as root, run" >&2
    echo "    sudo apt-get install --no-install-recommends $missing" >&2
    echo "then again: bash dev.sh $command" >&2
    exit 1
}

# What the installed environment was made from: pip runs again only when this changes.
REQUIREMENTS=$(cat pyproject.toml setup.py | sha256sum)

venv_stamped() {
    [ -x "$VENV/bin/python" ] && [ -f "$STAMP" ] && [ "$(<"$STAMP")" = "$REQUIREMENTS" ]
}

python_environment() {
    venv_stamped && return 0
    "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
        || fail "museum_app needs Python 3.11 or newer; $PYTHON is older"
    # A venv made while ensurepip was missing has a python but no pip: make it anew.
    [ -x "$VENV/bin/pip" ] || "$PYTHON" -m venv --clear "$VENV"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e ".[test]"
    echo "$REQUIREMENTS" >"$STAMP"
}

command -v "$PYTHON" >/dev/null || fail "museum_app needs Python 3.11 or newer: apt-get install python3"

case "${1:-}" in
    launch)
        shift
        system_packages launch "${LAUNCH_NEEDS[@]}"
        python_environment
        exec "$VENV/bin/museum-app" "$@"
        ;;
    test)
        system_packages test "${LAUNCH_NEEDS[@]}" "${TEST_NEEDS[@]}"
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
