#!/usr/bin/env bash
# test-translations.sh: every translation in po/ is valid, complete and up to date with the
# sources, and keeps the mnemonics of the English text. TAP output, one line per check.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-translations.sh SOURCE_ROOT
# Needs gettext's xgettext, msgfmt, msgcmp and msgcat, and awk. A po only counts when po/LINGUAS names
# it: the build compiles nothing else.

set -uo pipefail

top=$1
po_dir=$top/po

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

n=0
failed=0

# ok CONDITION_STATUS DESCRIPTION [DIAGNOSTICS]
ok () {
  n=$((n + 1))
  if [ "$1" -eq 0 ]; then
    echo "ok $n - $2"
  else
    failed=1
    echo "not ok $n - $2"
    [ -n "${3:-}" ] && sed 's/^/# /' <<<"$3"
  fi
}

# The template from today's sources, with the keywords of po/meson.build (gettext's glib preset),
# so that a string added to the code without a translation fails here, not in front of a user.
if ! xgettext --package-name=widerspruch --from-code=UTF-8 --add-comments \
       --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
       --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
       -D "$top" -f "$po_dir/POTFILES.in" -o "$tmp/widerspruch.pot" 2>"$tmp/xgettext.err"; then
  echo "Bail out! xgettext failed: $(cat "$tmp/xgettext.err")"
  exit 1
fi

mapfile -t languages < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' -e '/^$/d' "$po_dir/LINGUAS")

ok $(( ${#languages[@]} > 0 ? 0 : 1 )) "po/LINGUAS names at least one language"

# A po that LINGUAS forgets is never built or installed.
for file in "$po_dir"/*.po; do
  lang=$(basename "$file" .po)
  found=1
  for l in "${languages[@]}"; do
    [ "$l" = "$lang" ] && found=0
  done
  ok $found "po/$lang.po is listed in po/LINGUAS"
done

for lang in "${languages[@]}"; do
  file=$po_dir/$lang.po

  if [ ! -f "$file" ]; then
    ok 1 "$lang: po/$lang.po exists"
    continue
  fi

  # Valid (formats, plural forms, header) and nothing untranslated or fuzzy.
  stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$file" 2>&1)
  [[ "$stats" =~ ^[0-9]+\ translated\ messages?\.$ ]]
  ok $? "$lang: msgfmt --check passes, every message translated" "$stats"

  # Every message of today's sources, not only of the template the po was made from.
  missing=$(LC_ALL=C msgcmp -N "$file" "$tmp/widerspruch.pot" 2>&1)
  ok $? "$lang: translates every message in the sources" "$missing"

  grep -qF "\"Language: $lang\\n\"" "$file"
  ok $? "$lang: header says Language: $lang"

  # A mnemonic in the English text needs one in the translation (and no extra ones): the
  # same number of underscores, as "pt_BR" or "alpha_2" stay as they are.
  wrong=$(msgcat --no-wrap --no-location "$file" | awk '
    function count (s) { return gsub (/_/, "", s) }
    function check () {
      if (id != "")
        for (k in str)
          if (count (id) != count (str[k]))
            print id " -> " str[k]
      id = ""; delete str
    }
    /^msgid "/        { check (); field = "id" }
    /^msgid_plural "/ { field = "plural" }
    /^msgstr(\[[0-9]+\])? "/ { field = "str" ++nstr }
    /^msgctxt "/      { check (); field = "ctxt" }
    /^"/ || /^msg/ {
      text = $0
      sub (/^[^"]*"/, "", text); sub (/"$/, "", text)
      if (field == "id") id = id text
      else if (field ~ /^str/) str[field] = str[field] text
    }
    END { check () }')
  [ -z "$wrong" ]
  ok $? "$lang: mnemonics kept" "$wrong"

  # Doubled full stops, or one after a space: what joining two sentences leaves behind (the
  # messages put together at run time are checked by test-records).
  doubled=$(msgcat --no-wrap --no-location "$file" |
              grep -E '^msgstr.*([^.]\.\.([^.]|$)|\. \.| \.("|[[:space:]]))' || true)
  [ -z "$doubled" ]
  ok $? "$lang: no doubled punctuation" "$doubled"

  # A translation that is its own text twice: what a bad merge of two po files leaves behind.
  repeated=$(msgcat --no-wrap --no-location "$file" | awk '
    /^msgstr/ { text = $0; sub (/^[^"]*"/, "", text); sub (/"$/, "", text)
                half = length (text) / 2
                if (half > 2 && length (text) % 2 == 0 &&
                    substr (text, 1, half) == substr (text, half + 1))
                  print text }')
  [ -z "$repeated" ]
  ok $? "$lang: no translation repeats itself" "$repeated"
done

echo "1..$n"
exit $failed
