#!/usr/bin/env bash
# Installs the system packages the project needs, from Debian/Ubuntu packages, when they are missing.
#   system-deps.sh              Chromium (HTML -> PDF), pdftoppm (PDF checks), DejaVu fonts: for the report
#   system-deps.sh venv PYTHON  python3-venv, when PYTHON cannot create a virtualenv (fresh Debian)
# As root it runs apt-get; otherwise it prints the apt-get line to run and exits 1.
set -euo pipefail
missing=()
if [ "${1:-}" = venv ]; then
  python=${2:-python3}
  "$python" -c 'import ensurepip, venv' >/dev/null 2>&1 || missing+=(python3-venv)
else
  [ -x /usr/lib/chromium/chromium ] || command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
  # Read fc-list's whole output before matching: `fc-list | grep -q` under pipefail fails at random
  # when grep stops early and fc-list dies of SIGPIPE. Without fontconfig, look for the font files.
  if command -v fc-list >/dev/null 2>&1; then
    fonts=$(fc-list 2>/dev/null || true)
    grep -qi dejavu <<<"$fonts" || missing+=(fonts-dejavu-core)
  else
    compgen -G '/usr/share/fonts/truetype/dejavu/DejaVuSans*.ttf' >/dev/null || missing+=(fonts-dejavu-core)
  fi
fi
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "missing system packages: ${missing[*]}" >&2
  echo "install them with: sudo apt-get install ${missing[*]}  (Debian/Ubuntu), or your system's equivalent" >&2
  exit 1
fi
