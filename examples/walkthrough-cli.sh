#!/usr/bin/env bash
# A whole incident run from the command line alone — no hand-written state file: opened from
# flags, every kind of field set and changed, a wrong start time fixed, a correction edited and
# withdrawn, approvals of what was read, resolved, reopened when the fix did not hold, resolved
# again; then a maintenance window announced and completed. CI runs it (.ci/run).
#
# CHORUS_NOW plays the clock on a fixed timeline, and CHORUS_REPLAY=1 lets writes take it
# (they are marked as replayed in the journal). Times are typed as people type them: 13:58,
# -10m, +30m, "2026-11-25 02:00".
set -euo pipefail
cd "$(dirname "$0")/.."
chorus() { ${CHORUS:-swift run -q chorus} "$@"; }
step() { printf '\n## %s\n' "$*"; }
# Runs chorus and checks its exit status (the convention: 0 ok, 1 problems, 2 could not, 3 stale, 64 usage).
expect() {
    local want=$1; shift
    set +e; chorus "$@"; local got=$?; set -e
    if [ "$got" -ne "$want" ]; then echo "walkthrough-cli: expected exit $want from: chorus $*, got $got" >&2; exit 1; fi
}
# The fingerprint chorus render prints for an audience's draft (what the approver read).
fingerprint() { chorus render --incident "$1" --audience "$2" 2>&1 >/dev/null | sed -n "s/^$2: fingerprint \([0-9a-f]*\).*/\1/p"; }

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export TMPDIR="$scratch"   # chorus edit keeps a refused edit there; it goes with the scratch folder
export CHORUS_STORE="$scratch/.chorus" CHORUS_AUTHOR="Dana Kim" CHORUS_REPLAY=1

step "14:12 — open from flags; it started at 13:58 (the most recent 13:58, not tomorrow's)"
export CHORUS_NOW=2026-11-24T14:12:00Z
chorus open INC-4100 --title "Card payments failing at checkout" --severity sev1 \
  --impact "Some customers cannot complete checkout when paying by card." \
  --affected "Customers paying by card on the web and in the apps" \
  --lead "Dana Kim" --comms "Priya Raman" --started 13:58 --detected 14:03 --next-update +30m
expect 64 update INC-4100 --next-update 11:00          # 11:00 has passed today: tomorrow is more than 12 hours away

step "every kind of field: text, lists, records, numbers, times"
chorus set INC-4100 roles.escalation "#payments-oncall" businessImpact "About 18,000 EUR of orders an hour are not completing."
chorus add INC-4100 roles.responders --name "Marco Silva" --doing "Reading payment-callback logs"
chorus add INC-4100 impact.canDo "Pay with PayPal or a gift card"
chorus add INC-4100 impact.cannotDo "Pay by card at checkout"
chorus add INC-4100 impact.segments "EU merchants"
chorus add INC-4100 components --internal-name payments-callback --public-name Checkout --status partial_outage
chorus add INC-4100 quantifiedImpact --metric "failed card checkouts" --value 412 --as-of -5m
chorus add INC-4100 facts --text "The payment-callback error rate rose from 0.2% to 38% at 13:58." --source monitoring --at 14:06
chorus add INC-4100 hypotheses --text "A change to the callback signature check rejects valid callbacks."
chorus add INC-4100 steps --text "Compare callback payloads before and after 13:58" --owner "Marco Silva" --state in_progress
chorus add INC-4100 links --title "Payments dashboard" --url https://grafana.example.com/d/payments
chorus add INC-4100 asks "Approve a goodwill credit for merchants affected past 15:00 UTC"
chorus set INC-4100 quantifiedImpact.1.value 530 workaround "Customers can pay with PayPal or a gift card."
chorus get INC-4100 quantifiedImpact
expect 64 set INC-4100 impact.sumary "typo"             # did you mean impact.summary?
expect 1 set INC-4100 lastUpdatedAt now                # kept by Chorus: every change sets it

step "14:20 — a wrong start time fixed: errors began at 13:41, not 13:58"
export CHORUS_NOW=2026-11-24T14:20:00Z
chorus update INC-4100 --started 13:41
chorus set INC-4100 facts.F1.text "The payment-callback error rate rose from 0.2% to 38% from 13:41."

step "a statement corrected, the correction edited, then withdrawn"
chorus retract INC-4100 --said "All card payments are failing." --correct "Some card payments are failing."
expect 1 retract INC-4100 --said "All card payments are failing." --correct "Again"   # corrected once
chorus retract INC-4100 --edit 1 --correct "About a third of card payments are failing."
chorus get INC-4100 corrections
chorus retract INC-4100 --withdraw 1 --reason "The first statement was never published."

step "the state in \$EDITOR: an invalid edit writes nothing"
EDITOR="sed -i 's/\"sev1\"/\"sev9\"/'" expect 1 edit INC-4100
EDITOR="sed -i 's/Card payments failing at checkout/Card payments failing at checkout for some customers/'" chorus edit INC-4100

step "approve what was read: a change in between is refused with the difference"
read=$(fingerprint INC-4100 customer)
chorus set INC-4100 workaround "Customers can pay with PayPal, a gift card or a bank transfer." --as "Marco Silva"
expect 1 approve INC-4100 customer --fingerprint "$read"
chorus approve INC-4100 customer --fingerprint "$(fingerprint INC-4100 customer)"
chorus approve INC-4100 --all --yes
chorus publish INC-4100 --all

step "14:45 — identified, a confirmed ETA, a cause with its five whys"
export CHORUS_NOW=2026-11-24T14:45:00Z
chorus update INC-4100 --status identified --next-update 15:15 --eta 15:30 --eta-confidence confirmed \
  --root-cause "A change to the callback signature check rejected callbacks signed with the previous key."
chorus set INC-4100 hypotheses.H1.state confirmed
chorus add INC-4100 rootCause.whys "Callbacks signed with the previous key were rejected."
chorus add INC-4100 rootCause.whys "The key rotation did not keep the previous key valid."
expect 3 pull INC-4100 support                          # approved before the change: stale

step "15:05 — fixed; monitoring"
export CHORUS_NOW=2026-11-24T15:05:00Z
chorus set INC-4100 components.payments-callback.status operational steps.S1.state done
chorus update INC-4100 --status monitoring --next-update 15:40 --eta none \
  --fix "The previous signing key is accepted again; the callbacks that failed were replayed." \
  --past-impact "Some customers could not complete checkout when paying by card."
chorus add INC-4100 followUps --text "Keep the previous signing key valid during rotation" --owner "Marco Silva" --due 2026-12-04
chorus add INC-4100 whatWentWell "Support flagged the failures within five minutes."
expect 1 resolve INC-4100                              # monitoring has not held for 30 minutes

step "15:36 — resolved"
export CHORUS_NOW=2026-11-24T15:36:00Z
chorus add INC-4100 facts --text "No new card checkout failures since 15:10." --source support
chorus resolve INC-4100

step "15:52 — the fix did not hold: reopened, then resolved again"
export CHORUS_NOW=2026-11-24T15:52:00Z
expect 64 reopen INC-4100 --reason "Card checkout failures returned." --impact-returned 15:30 --next-update +20m   # before it was resolved (15:36)
chorus reopen INC-4100 --reason "Card checkout failures returned at 15:48." --impact-returned 15:48 --next-update +20m
chorus render --incident INC-4100 --audience customer --format text
chorus set INC-4100 components.payments-callback.status partial_outage
export CHORUS_NOW=2026-11-24T16:05:00Z
chorus set INC-4100 components.payments-callback.status operational
chorus update INC-4100 --status monitoring --next-update +40m \
  --fix "Both signing keys are accepted on every callback server; one had an old configuration."
export CHORUS_NOW=2026-11-24T16:40:00Z
chorus add INC-4100 facts --text "No new card checkout failures since 16:08." --source support
chorus resolve INC-4100
chorus render --incident INC-4100 --audience review --format text
chorus get INC-4100 > "$scratch/INC-4100.json"
chorus validate "$scratch/INC-4100.json"

step "a maintenance window announced from flags and completed"
export CHORUS_NOW=2026-11-24T16:45:00Z
chorus open MNT-0400 --kind maintenance --title "Scheduled maintenance: reporting upgrade" \
  --impact "Reports and exports are paused during the window." --affected "Everyone who runs reports" \
  --lead "Noor Haddad" --window-start "2026-11-25 02:00" --window-end "2026-11-25 04:00"
chorus add MNT-0400 components --internal-name reporting-db --public-name "Reports and exports" --status operational
chorus approve MNT-0400 customer --yes
export CHORUS_NOW=2026-11-25T02:00:00Z
chorus update MNT-0400 --status in_progress --next-update 04:00
chorus set MNT-0400 components.reporting-db.status under_maintenance
export CHORUS_NOW=2026-11-25T03:40:00Z
chorus set MNT-0400 components.reporting-db.status operational
chorus update MNT-0400 --status completed
chorus show MNT-0400
chorus log INC-4100
