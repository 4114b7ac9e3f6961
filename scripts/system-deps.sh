#!/usr/bin/env bash
# Debian packages the project needs: WeasyPrint's libraries, Liberation Serif 2
# (fonts-liberation2: metric-compatible with Times New Roman and, unlike 1.x, with every
# Vietnamese letter), gettext, and for the tests Debian's Chromium, poppler (pdffonts,
# pdftotext) and LibreOffice Writer (headless, to check the Word files); for `make bench`, wrk. Installs only what
# is missing; needs root (or sudo) the first time.
set -euo pipefail
packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation2 fonts-dejavu-core gettext)
if [ "${1:-}" = "--test" ]; then
  packages+=(chromium chromium-driver poppler-utils libreoffice-writer-nogui)
fi
if [ "${1:-}" = "--bench" ]; then
  packages+=(wrk)  # the HTTP load tool of bench/news_load.py (it falls back to its own client)
fi
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing Debian packages: ${missing[*]}"
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
