# Sourced by the scripts: installs Debian packages (as root or through sudo) that a fresh machine lacks.
debian_install() {
  if [ ! -f /etc/debian_version ] || ! command -v apt-get >/dev/null; then
    echo "$(basename "$0"): needs $* (Debian package names); install them and run again" >&2
    exit 1
  fi
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "$(basename "$0"): installing $* (Debian packages)" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
