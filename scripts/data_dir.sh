# Sourced by the benchmarks: sets $data to the folder of the shared data sets,
# $DOSSIER_DATA or else ../shared/data beside the checkout ($root must be set), and
# require_data PATH WHAT stops with one clear line when a data set is missing.
data="${DOSSIER_DATA:-$(dirname "$root")/shared/data}"
require_data() {
  if [ ! -e "$1" ]; then
    echo "$(basename "$0"): $2 not found at $1: put the data sets in ../shared/data beside" \
      "the checkout or set DOSSIER_DATA to their folder" >&2
    exit 2
  fi
}
