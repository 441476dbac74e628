#!/usr/bin/env bash
# tools/setup.sh — install and prepare everything the build and the tests need, once.
#
# Idempotent and quick when already done: every step first checks (dpkg-query, files, a stamp) and
# only then acts. Steps:
#   1. apt packages (one `apt-get update` at most, and only when something must be fetched);
#   2. a deb-src entry mirroring the system's Debian entry, so `apt-get source` works;
#   3. the Debian sources of Dear ImGui 1.86 and SDL2, unpacked into .cache/;
#   4. SDL2 built for Emscripten into .cache/sdl2-em (pitfall 2: Debian's emscripten has no ports);
#   5. `npm ci` when node_modules is missing or package-lock.json changed.
# Needs root (or sudo) only when packages or the deb-src entry are missing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${ROOT}/.cache"
export DEBIAN_FRONTEND=noninteractive

log() { printf 'setup: %s\n' "$*" >&2; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

APT_UPDATED=0
apt_update_once() {
    if [ "${APT_UPDATED}" -eq 0 ]; then
        log "apt-get update"
        ${SUDO} apt-get update -qq
        APT_UPDATED=1
    fi
}

# ---------------------------------------------------------------------------------------------
# 1. apt packages
PACKAGES=(emscripten binaryen cmake ninja-build g++ clang clang-14 libclang-rt-14-dev doctest-dev nlohmann-json3-dev fonts-noto-core fonts-dejavu-core
          chromium fonttools brotli dpkg-dev python3 xz-utils ca-certificates)
command -v node >/dev/null 2>&1 || PACKAGES+=(nodejs)
command -v npm >/dev/null 2>&1 || PACKAGES+=(npm)

missing_packages() {
    local p status
    for p in "$@"; do
        status="$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null || true)"
        case "$status" in ii*) ;; *) printf '%s\n' "$p" ;; esac
    done
}

mapfile -t MISSING < <(missing_packages "${PACKAGES[@]}")
if [ "${#MISSING[@]}" -gt 0 ]; then
    log "installing: ${MISSING[*]}"
    apt_update_once
    ${SUDO} apt-get install -y -qq --no-install-recommends "${MISSING[@]}"
fi

# ---------------------------------------------------------------------------------------------
# 2. deb-src entry (only when the system has none at all)
have_deb_src() {
    grep -Eqs '^[[:space:]]*deb-src[[:space:]]' /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
        && return 0
    grep -Eqs '^[[:space:]]*Types:.*deb-src' /etc/apt/sources.list.d/*.sources && return 0
    return 1
}

add_deb_src() {
    local deb822=/etc/apt/sources.list.d/debian.sources
    if [ -f "$deb822" ] && grep -Eq '^[[:space:]]*Types:.*\bdeb\b' "$deb822"; then
        # Same stanzas, Types rewritten; only stanzas that are `deb` entries are kept.
        log "adding deb-src entries (from $deb822)"
        awk '
            BEGIN { RS = ""; ORS = "\n\n" }
            {
                n = split($0, lines, "\n"); out = ""; isdeb = 0
                for (i = 1; i <= n; i++) {
                    line = lines[i]
                    if (line ~ /^[[:space:]]*#/) continue
                    if (line ~ /^[[:space:]]*Types:/) {
                        if (line ~ /(^|[[:space:]:])deb([[:space:]]|$)/) isdeb = 1
                        line = "Types: deb-src"
                    }
                    out = out line "\n"
                }
                if (isdeb) { sub(/\n$/, "", out); print out }
            }' "$deb822" | ${SUDO} tee /etc/apt/sources.list.d/crb-deb-src.sources >/dev/null
    elif [ -f /etc/apt/sources.list ] && grep -Eq '^[[:space:]]*deb[[:space:]]' /etc/apt/sources.list; then
        log "adding deb-src entries (from /etc/apt/sources.list)"
        sed -nE 's/^[[:space:]]*deb([[:space:]])/deb-src\1/p' /etc/apt/sources.list \
            | ${SUDO} tee /etc/apt/sources.list.d/crb-deb-src.list >/dev/null
    else
        log "ERROR: no Debian apt entry found to derive a deb-src entry from"
        exit 1
    fi
    APT_UPDATED=0  # the new entry needs its index
}

# ---------------------------------------------------------------------------------------------
# 3. Dear ImGui and SDL2 sources (Debian source packages, orig tarballs unpacked in .cache/)
SRC_DIR="${CACHE}/src"
IMGUI_DIR_GLOB="${CACHE}/imgui-1.86"
SDL_SRC="${CACHE}/SDL2-2.26.5"

fetch_sources() {
    mkdir -p "${SRC_DIR}"
    local need=()
    compgen -G "${SRC_DIR}/imgui_1.86*.orig.tar.*" >/dev/null || need+=(imgui)
    compgen -G "${SRC_DIR}/libsdl2_2.26.5*.orig.tar.*" >/dev/null || need+=(libsdl2)
    if [ "${#need[@]}" -gt 0 ]; then
        have_deb_src || add_deb_src
        if ! apt-cache showsrc "${need[0]}" 2>/dev/null | grep -q '^Package:'; then
            APT_UPDATED=0
        fi
        [ "${APT_UPDATED}" -eq 1 ] || apt_update_once
        log "apt-get source --download-only ${need[*]}"
        (cd "${SRC_DIR}" && apt-get source -qq --download-only "${need[@]}" 2>&1 \
            | grep -v 'unsandboxed as root' >&2 || true)
        compgen -G "${SRC_DIR}/imgui_1.86*.orig.tar.*" >/dev/null \
            || { log "ERROR: imgui 1.86 orig tarball not downloaded"; exit 1; }
        compgen -G "${SRC_DIR}/libsdl2_2.26.5*.orig.tar.*" >/dev/null \
            || { log "ERROR: libsdl2 2.26.5 orig tarball not downloaded"; exit 1; }
    fi
    if [ ! -f "${IMGUI_DIR_GLOB}/imgui.cpp" ]; then
        log "unpacking imgui"
        rm -rf "${IMGUI_DIR_GLOB}.tmp" && mkdir -p "${IMGUI_DIR_GLOB}.tmp"
        tar -xf "$(compgen -G "${SRC_DIR}/imgui_1.86*.orig.tar.*" | head -n1)" \
            -C "${IMGUI_DIR_GLOB}.tmp" --strip-components=1
        rm -rf "${IMGUI_DIR_GLOB}" && mv "${IMGUI_DIR_GLOB}.tmp" "${IMGUI_DIR_GLOB}"
    fi
    if [ ! -f "${SDL_SRC}/CMakeLists.txt" ]; then
        log "unpacking SDL2"
        rm -rf "${SDL_SRC}.tmp" && mkdir -p "${SDL_SRC}.tmp"
        tar -xf "$(compgen -G "${SRC_DIR}/libsdl2_2.26.5*.orig.tar.*" | head -n1)" \
            -C "${SDL_SRC}.tmp" --strip-components=1
        rm -rf "${SDL_SRC}" && mv "${SDL_SRC}.tmp" "${SDL_SRC}"
    fi
}
fetch_sources

# ---------------------------------------------------------------------------------------------
# 4. SDL2 for Emscripten (static, video + events + timers only), flags from docs/toolchain.md
SDL_PREFIX="${CACHE}/sdl2-em"
if [ ! -f "${SDL_PREFIX}/.complete" ]; then
    # shellcheck disable=SC1091
    . "${ROOT}/emsdk.env"
    log "building SDL2 for Emscripten into ${SDL_PREFIX} (configure takes a few minutes, once)"
    rm -rf "${CACHE}/sdl2-build" "${SDL_PREFIX}"
    emcmake cmake -S "${SDL_SRC}" -B "${CACHE}/sdl2-build" -G Ninja -Wno-dev \
        -DCMAKE_BUILD_TYPE=MinSizeRel -DCMAKE_C_FLAGS=-DSDL_LEAN_AND_MEAN=1 \
        -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF -DSDL2_DISABLE_SDL2MAIN=ON \
        -DSDL2_DISABLE_UNINSTALL=ON -DSDL_AUDIO=OFF -DSDL_JOYSTICK=OFF -DSDL_HAPTIC=OFF \
        -DSDL_HIDAPI=OFF -DSDL_POWER=OFF -DSDL_SENSOR=OFF -DSDL_THREADS=OFF -DSDL_PTHREADS=OFF \
        -DSDL_RENDER=OFF -DSDL_LOCALE=OFF -DSDL_MISC=OFF -DSDL_FILESYSTEM=OFF -DSDL_CCACHE=OFF \
        -DSDL_DUMMYVIDEO=OFF -DSDL_OFFSCREEN=OFF -DSDL_DISKAUDIO=OFF -DSDL_DUMMYAUDIO=OFF \
        -DCMAKE_INSTALL_PREFIX="${SDL_PREFIX}" >"${CACHE}/sdl2-configure.log" 2>&1 \
        || { tail -n 40 "${CACHE}/sdl2-configure.log" >&2; exit 1; }
    ninja -C "${CACHE}/sdl2-build" -j "$(nproc)" >"${CACHE}/sdl2-build.log" 2>&1 \
        && ninja -C "${CACHE}/sdl2-build" install >>"${CACHE}/sdl2-build.log" 2>&1 \
        || { tail -n 40 "${CACHE}/sdl2-build.log" >&2; exit 1; }
    [ -f "${SDL_PREFIX}/lib/libSDL2.a" ] || { log "ERROR: libSDL2.a not installed"; exit 1; }
    touch "${SDL_PREFIX}/.complete"
    log "SDL2 ready"
fi

# ---------------------------------------------------------------------------------------------
# 5. npm packages (playwright-core for browser tests, closure compiler for the web build)
if [ -f "${ROOT}/package-lock.json" ]; then
    lock_hash="$(sha256sum "${ROOT}/package-lock.json" | cut -d' ' -f1)"
    stamp="${ROOT}/node_modules/.crb-lock-sha256"
    if [ ! -f "${stamp}" ] || [ "$(cat "${stamp}")" != "${lock_hash}" ]; then
        log "npm ci"
        (cd "${ROOT}" && npm ci --no-audit --no-fund --loglevel=error >&2)
        printf '%s\n' "${lock_hash}" >"${stamp}"
    fi
fi
