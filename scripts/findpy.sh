#!/usr/bin/env bash
# Print the path of the newest Python >= 3.12 on this machine, or explain what to install.
# pyenv puts shims such as python3.13 on PATH that fail unless that version is active,
# so every candidate is actually run before it is accepted.
set -u
candidates=(python3.14 python3.13 python3.12)
for root in "${PYENV_ROOT:-}" "$HOME/.pyenv" /opt/pyenv /usr/local/pyenv; do
  [ -n "$root" ] && [ -d "$root/versions" ] || continue
  while IFS= read -r p; do candidates+=("$p"); done < <(ls -d "$root"/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV)
done
candidates+=(/usr/local/bin/python3 /usr/bin/python3 python3)
for c in "${candidates[@]}"; do
  p=$(command -v "$c" 2>/dev/null) || continue
  if "$p" -c 'import sys, venv; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
    echo "$p"
    exit 0
  fi
done
cat >&2 <<'MSG'
CCHC cần Python 3.12 trở lên (khuyến nghị 3.13), nhưng máy này không có.
CCHC needs Python 3.12 or newer (3.13 preferred) and none was found.
Install one, for example:
  Debian/Ubuntu:  sudo apt-get install python3.13 python3.13-venv   (or a newer release's python3)
  pyenv:          pyenv install 3.13
Then run the command again.
MSG
exit 1
