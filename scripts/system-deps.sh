#!/usr/bin/env bash
# Debian packages the project needs: WeasyPrint's libraries, fonts with Vietnamese glyphs
# (Liberation Serif is metric-compatible with Times New Roman), gettext, and for the tests
# Debian's Chromium. Installs only what is missing; needs root (or sudo) the first time.
set -euo pipefail
packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation fonts-dejavu-core gettext)
if [ "${1:-}" = "--test" ]; then
  packages+=(chromium chromium-driver poppler-utils)
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
