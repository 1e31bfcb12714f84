#!/bin/sh
# The same calls with curl (docs/tutorial/11-api-keys.md):
#   NOTES_API_KEY=nsk_… sh examples/api-key/notes.sh
set -eu
: "${NOTES_API_KEY:?Set NOTES_API_KEY to a key made on the app API keys page}"
API_URL="${API_URL:-http://localhost:3000}"

# #region curl
# Add a note (needs the notes:write scope)...
curl --fail-with-body --silent --show-error \
  --header "Authorization: Bearer $NOTES_API_KEY" \
  --json '{"title": "From curl", "body": "Hello"}' \
  "$API_URL/api/notes"
echo

# ...and read the newest five (notes:read).
curl --fail-with-body --silent --show-error \
  --header "Authorization: Bearer $NOTES_API_KEY" \
  "$API_URL/api/notes?limit=5"
echo
# #endregion curl
