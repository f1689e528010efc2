#!/bin/sh
# Print the path of the Chromium the e2e tests drive: $KB_CHROMIUM, else
# /usr/bin/chromium, else install Debian's chromium (and CJK fonts, so Chinese
# renders in screenshots) when apt and root are available. Messages go to stderr.
set -e
if [ -n "${KB_CHROMIUM:-}" ]; then
  [ -x "$KB_CHROMIUM" ] || { echo "KB_CHROMIUM=$KB_CHROMIUM is not an executable file." >&2; exit 1; }
  echo "$KB_CHROMIUM"; exit 0
fi
need_fonts() { ! fc-list 2>/dev/null | grep -qi "Noto.*CJK"; }
if [ ! -x /usr/bin/chromium ] || need_fonts; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "Installing Debian's chromium and fonts-noto-cjk ..." >&2
    apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-noto-cjk >&2
  elif [ ! -x /usr/bin/chromium ]; then
    echo "No Chromium found. Install one (Debian: sudo apt-get install chromium fonts-noto-cjk)" >&2
    echo "or point KB_CHROMIUM at a Chromium/Chrome executable, then run make test again." >&2
    exit 1
  fi
fi
echo /usr/bin/chromium
