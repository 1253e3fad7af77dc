#!/usr/bin/env bash
# Install the Debian packages Receipts needs, only those missing.
# better-sqlite3 compiles from source here (python3, make, g++); media needs ffmpeg.
set -euo pipefail
need=()
command -v python3 >/dev/null || need+=(python3)
command -v make >/dev/null || need+=(make)
command -v g++ >/dev/null || need+=(g++)
# ffmpeg and ffprobe: probing, shot cuts, clips and GIFs (src/media).
{ command -v ffmpeg >/dev/null && command -v ffprobe >/dev/null; } || need+=(ffmpeg)
# gifsicle: the GIF size budget's lossless and lossy re-encodes (src/media/gifsicle.ts).
command -v gifsicle >/dev/null || need+=(gifsicle)
# fontconfig's fc-list and fc-match: checking --font (src/media/fonts.ts).
command -v fc-list >/dev/null || need+=(fontconfig)
# Liberation fonts: caption text burnt into GIFs.
[ -d /usr/share/fonts/truetype/liberation2 ] || need+=(fonts-liberation2)
# Chromium: the workbench's browser tests (test/e2e, playwright-core drives /usr/bin/chromium).
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
echo "Installing Debian packages: ${need[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
