#!/usr/bin/env bash
# Keeps one open issue per scheduled check (the weekly review list, the dead source links):
# opens it the first time, edits it on later runs, closes it when there is nothing left to do.
# The label is the issue's identity, so a run never opens a second one.
#
#   tracking-issue.sh open  LABEL TITLE BODY_FILE
#   tracking-issue.sh close LABEL COMMENT
#
# Uses the GitHub CLI, which the runners have; it needs GH_TOKEN (with issues: write) and GH_REPO.
set -euo pipefail

mode=${1:?usage: tracking-issue.sh open LABEL TITLE BODY_FILE | close LABEL COMMENT}
label=${2:?label missing}

# The oldest open issue with the label: if people ever opened a second one by hand, the
# workflow keeps updating the first.
existing=$(gh issue list --label "$label" --state open --limit 100 --json number --jq 'map(.number) | min // empty')

case $mode in
  open)
    title=${3:?title missing}
    body_file=${4:?body file missing}
    if [ -n "$existing" ]; then
      gh issue edit "$existing" --title "$title" --body-file "$body_file"
      echo "Updated issue #$existing."
    else
      # --force: create the label, or leave it as it is when it exists.
      gh label create "$label" --color FBCA04 --description "Kept up to date by a scheduled workflow" --force
      gh issue create --title "$title" --body-file "$body_file" --label "$label"
    fi
    ;;
  close)
    comment=${3:?comment missing}
    if [ -n "$existing" ]; then
      gh issue close "$existing" --comment "$comment"
      echo "Closed issue #$existing."
    else
      echo "No open issue labelled $label: nothing to close."
    fi
    ;;
  *)
    echo "unknown mode: $mode (open or close)" >&2
    exit 2
    ;;
esac
