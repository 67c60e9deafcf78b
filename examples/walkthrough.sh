#!/usr/bin/env bash
# The README's walkthrough, runnable: open -> facts -> render -> approve -> pull -> update ->
# stale pull -> resolve. CI runs it. CHORUS_NOW plays the clock forward so every step, and the
# monitoring period before resolve, happen on a fixed timeline.
set -euo pipefail
cd "$(dirname "$0")/.."
chorus() { ${CHORUS:-swift run -q chorus} "$@"; }

export CHORUS_STORE="${CHORUS_STORE:-$(mktemp -d)/.chorus}"   # a scratch store; the default is ./.chorus
export CHORUS_AUTHOR="Dana Kim"                                # every write names its author
export CHORUS_REPLAY=1   # writes take CHORUS_NOW (a fixed timeline) instead of the real clock; entries are marked replayed

export CHORUS_NOW=2026-11-24T09:05:00Z
chorus open INC-3001 --title "Invoices page not loading" --severity sev2 \
  --impact "Some customers cannot open their invoices page. Payments are not affected." \
  --affected "Customers on the Business plan" --lead "Dana Kim" --next-update +30m
chorus component INC-3001 billing-web --public "Invoices" --status partial_outage
chorus fact INC-3001 "Support has six tickets about the invoices page since 09:00." --source support
chorus hypothesis INC-3001 "The new PDF renderer times out on large invoices."
chorus step INC-3001 "Compare renderer timings before and after the 08:40 release" --owner "Ravi Patel" --state in_progress

chorus show INC-3001
chorus render --incident INC-3001 --audience customer
chorus approve INC-3001 customer --yes
chorus publish INC-3001 customer      # to its channel, the public status page
chorus approve INC-3001 support --yes
chorus pull INC-3001 support
chorus pull INC-3001 support --part reply   # just the reply an agent pastes

export CHORUS_NOW=2026-11-24T09:20:00Z
chorus confirm INC-3001 H1
chorus update INC-3001 --status identified --next-update +30m \
  --workaround "Download invoices from the Billing > History page."
set +e
chorus pull INC-3001 support          # the state moved on: prints the text, says stale, exits 3
status=$?
set -e
[ "$status" -eq 3 ] || { echo "expected a stale pull (exit 3), got $status" >&2; exit 1; }
chorus approve INC-3001 support --yes
chorus publish INC-3001 support --channel "support desk"
chorus note INC-3001 "Ravi is rolling back the 08:40 release; the renderer fix follows separately."

export CHORUS_NOW=2026-11-24T09:35:00Z
chorus component INC-3001 billing-web --status operational
chorus update INC-3001 --status monitoring --next-update 10:15 --fix "We undid the 08:40 release; invoices open again." \
  --past-impact "Some customers could not open their invoices page."
chorus follow-up INC-3001 "Add a timeout test with a 500-line invoice" --owner "Ravi Patel" --due 2026-12-04
if chorus resolve INC-3001; then echo "resolve should wait for the monitoring period" >&2; exit 1; fi

export CHORUS_NOW=2026-11-24T10:10:00Z
chorus fact INC-3001 "No new invoice tickets since 09:40." --source support
chorus resolve INC-3001
chorus render --incident INC-3001 --audience customer --format text   # the resolved update (the README shows it)
chorus approve INC-3001 customer --yes
chorus publish INC-3001 customer
chorus render --incident INC-3001 --audience review --format text     # the review, from the journal (the README shows it)
chorus log INC-3001
chorus verify INC-3001                # every line intact: hash chain, numbering, approvals
