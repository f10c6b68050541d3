"""A bank's accounts platform as a product manager writes it: 8 consumers, 9 stakeholders,
8 problems, 6 goals, 4 dimensions and 5 decisions, one entity per file.

Its lint holds a few findings of practice on purpose (an undecided conflict on
`notification`, a flywheel imbalance, goals without a metric): a mistake made in a copy must add
its one finding and take none of these away.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import NamedTuple

from bpstrat.findings import Finding
from bpstrat.lint.linter import lint

TODAY = dt.date(2026, 11, 20)

CONFIG = """\
# The accounts platform: the one source of account data for every channel of the bank.
product:
  id: accounts-platform
  name: Accounts Platform
  vision: Every channel shows the same account, the moment it changes.
  phase: attention
  owner: petra-schulz
  sponsor: cto-martin
  sides: [retail, business]
  value_chain: [onboarding, service, payments, lending]
  currency: EUR
lint:
  max_key_goals: 3
  stale_after_days: 90
"""

FILES: dict[str, str] = {
    "consumers/mobile-banking.yaml": """\
kind: consumer
id: mobile-banking
name: Mobile Banking
side: retail
importance: 5
owner: lea-hoffmann
strategy:
  summary: Moving every screen to live balances and push notifications in 2027.
  sources: [https://wiki.example.com/mobile-banking/roadmap-2027]
  reviewed: 2026-10-20
demands:
  - dimension: interface
    option: rest-json
    strength: must
    problem: stale-balances
  - dimension: notification
    option: events
    strength: must
    problem: missed-alerts
  - dimension: auth
    option: oauth2
    strength: must
    problem: login-friction
  - dimension: freshness
    option: realtime
    strength: must
    problem: stale-balances
""",
    "consumers/web-banking.yaml": """\
kind: consumer
id: web-banking
name: Web Banking
side: retail
importance: 4
owner: lea-hoffmann
strategy:
  summary: Rebuilding the web front end on the mobile app's API layer.
  sources: [https://wiki.example.com/web-banking/roadmap-2027]
  reviewed: 2026-10-20
demands:
  - dimension: interface
    option: rest-json
    strength: must
    problem: stale-balances
  - dimension: notification
    option: webhooks
    strength: should
    problem: missed-alerts
  - dimension: auth
    option: oauth2
    strength: must
    problem: login-friction
  - dimension: freshness
    option: realtime
    strength: should
    problem: stale-balances
""",
    "consumers/branch-desk.yaml": """\
kind: consumer
id: branch-desk
name: Branch Desk
side: retail
importance: 3
owner: jonas-weber
strategy:
  summary: Keeps its desktop client until the branch network is renewed in 2028.
  sources: [https://wiki.example.com/branch-desk/roadmap-2027]
  reviewed: 2026-10-20
demands:
  - dimension: interface
    option: soap-xml
    strength: must
    problem: duplicate-customers
  - dimension: auth
    option: mtls
    strength: should
    problem: login-friction
  - dimension: freshness
    option: hourly
    strength: could
    problem: stale-balances
""",
    "consumers/call-center.yaml": """\
kind: consumer
id: call-center
name: Call Center
side: retail
importance: 3
owner: jonas-weber
strategy:
  summary: Replacing its CRM screens in 2027; until then reads customer data over SOAP.
  sources: [https://wiki.example.com/call-center/roadmap-2027]
  reviewed: 2026-10-20
demands:
  - dimension: interface
    option: soap-xml
    strength: should
    problem: duplicate-customers
  - dimension: notification
    option: polling
    strength: could
    problem: missed-alerts
""",
    "consumers/fraud-scoring.yaml": """\
kind: consumer
id: fraud-scoring
name: Fraud Scoring
side: retail
importance: 4
owner: amira-nasser
strategy:
  summary: Scores every payment in real time; needs events within a second.
  sources: [https://wiki.example.com/fraud-scoring/roadmap-2027]
  reviewed: 2026-10-20
demands:
  - dimension: notification
    option: events
    strength: must
    problem: late-fraud-signals
  - dimension: freshness
    option: realtime
    strength: must
    problem: late-fraud-signals
  - dimension: auth
    option: mtls
    strength: must
    problem: late-fraud-signals
""",
    "consumers/loan-origination.yaml": """\
kind: consumer
id: loan-origination
name: Loan Origination
side: business
importance: 3
owner: tobias-klein
strategy:
  summary: Moving credit checks to a nightly risk batch owned by the risk office.
  sources: [https://wiki.example.com/loan-origination/roadmap-2027]
  reviewed: 2026-10-20
demands:
  - dimension: interface
    option: rest-json
    strength: should
    problem: slow-loan-checks
  - dimension: freshness
    option: nightly
    strength: must
    problem: slow-loan-checks
  - dimension: auth
    option: mtls
    strength: must
    problem: slow-loan-checks
""",
    "consumers/business-banking.yaml": """\
kind: consumer
id: business-banking
name: Business Banking
side: business
importance: 4
owner: tobias-klein
strategy:
  summary: Serving SMEs with bulk payments and daily reconciliation files.
  sources: [https://wiki.example.com/business-banking/roadmap-2027]
  reviewed: 2026-10-20
demands:
  - dimension: interface
    option: grpc
    strength: should
    problem: manual-reconciliation
  - dimension: notification
    option: webhooks
    strength: must
    problem: manual-reconciliation
  - dimension: freshness
    option: nightly
    strength: must
    problem: manual-reconciliation
""",
    "consumers/open-banking-gateway.yaml": """\
kind: consumer
id: open-banking-gateway
name: Open Banking Gateway
side: business
importance: 3
owner: sara-lind
strategy:
  summary: Exposes accounts to licensed third parties under PSD2.
  sources: [https://wiki.example.com/open-banking-gateway/roadmap-2027]
  reviewed: 2026-10-20
demands:
  - dimension: interface
    option: rest-json
    strength: must
    problem: partner-onboarding
  - dimension: auth
    option: oauth2
    strength: must
    problem: partner-onboarding
  - dimension: notification
    option: webhooks
    strength: should
    problem: partner-onboarding
""",
    "stakeholders/petra-schulz.yaml": """\
kind: stakeholder
id: petra-schulz
name: Petra Schulz
role: Head of Accounts Platform
faction: engineering
power: 3
interest: 5
engagement: {current: leading, desired: leading}
reviewed: 2026-11-02
""",
    "stakeholders/cto-martin.yaml": """\
kind: stakeholder
id: cto-martin
name: Martin Brandt
role: CTO
faction: engineering
power: 5
interest: 4
engagement: {current: supportive, desired: leading}
plan:
  channel: quarterly steering committee
  next_step: Ask him to name the accounts API the only way to read balances.
reviewed: 2026-11-02
""",
    "stakeholders/cfo-ines.yaml": """\
kind: stakeholder
id: cfo-ines
name: Ines Vogt
role: CFO
faction: finance
power: 5
interest: 3
engagement: {current: neutral, desired: supportive}
plan:
  channel: monthly 1:1
  next_step: Show what the duplicate customer records cost in write-offs.
reviewed: 2026-11-02
""",
    "stakeholders/lea-hoffmann.yaml": """\
kind: stakeholder
id: lea-hoffmann
name: Lea Hoffmann
role: Head of Digital Channels
faction: digital
power: 4
interest: 5
engagement: {current: supportive, desired: supportive}
consumers: [mobile-banking, web-banking]
reviewed: 2026-11-02
""",
    "stakeholders/jonas-weber.yaml": """\
kind: stakeholder
id: jonas-weber
name: Jonas Weber
role: Head of Branch Operations
faction: operations
power: 4
interest: 3
engagement: {current: neutral, desired: supportive}
plan:
  channel: operations board
  next_step: Agree how long SOAP/XML stays for the branch desk.
consumers: [branch-desk, call-center]
reviewed: 2026-11-02
""",
    "stakeholders/amira-nasser.yaml": """\
kind: stakeholder
id: amira-nasser
name: Amira Nasser
role: Head of Fraud Prevention
faction: risk
power: 4
interest: 4
engagement: {current: supportive, desired: supportive}
consumers: [fraud-scoring]
reviewed: 2026-11-02
""",
    "stakeholders/tobias-klein.yaml": """\
kind: stakeholder
id: tobias-klein
name: Tobias Klein
role: Head of Business Banking
faction: business
power: 4
interest: 4
engagement: {current: neutral, desired: supportive}
plan:
  channel: business banking weekly
  next_step: Walk through the nightly file and the webhook plan.
consumers: [loan-origination, business-banking]
reviewed: 2026-11-02
""",
    "stakeholders/sara-lind.yaml": """\
kind: stakeholder
id: sara-lind
name: Sara Lind
role: Product Manager, Open Banking
faction: digital
power: 2
interest: 4
engagement: {current: supportive, desired: supportive}
consumers: [open-banking-gateway]
reviewed: 2026-11-02
""",
    "stakeholders/noah-fischer.yaml": """\
kind: stakeholder
id: noah-fischer
name: Noah Fischer
role: Lead Architect
faction: engineering
power: 3
interest: 4
engagement: {current: resistant, desired: neutral}
plan:
  channel: architecture board
  next_step: Review the event schema together before the board in January.
reviewed: 2026-11-02
""",
    "problems/stale-balances.yaml": """\
kind: problem
id: stale-balances
title: Balances shown in the apps are up to ten minutes old
value_chain: service
impact: 5
evidence: ["14% of app complaints are about a wrong balance"]
consumers: [mobile-banking, web-banking, branch-desk]
""",
    "problems/missed-alerts.yaml": """\
kind: problem
id: missed-alerts
title: Customers learn about card payments only from their statement
value_chain: service
impact: 3
evidence: ["2,300 requests for payment alerts a month"]
consumers: [mobile-banking, call-center]
""",
    "problems/login-friction.yaml": """\
kind: problem
id: login-friction
title: Every channel builds its own login and consent flow
value_chain: onboarding
impact: 3
evidence: [Four login flows in four teams]
consumers: [mobile-banking, web-banking, open-banking-gateway]
""",
    "problems/duplicate-customers.yaml": """\
kind: problem
id: duplicate-customers
title: The same customer exists up to four times across systems
value_chain: onboarding
impact: 4
evidence: ["7% of customers have more than one record"]
consumers: [branch-desk, call-center]
""",
    "problems/late-fraud-signals.yaml": """\
kind: problem
id: late-fraud-signals
title: Fraud scoring sees account changes only in the next batch
value_chain: payments
impact: 5
evidence: [EUR 1.2 million lost to account takeovers last year]
consumers: [fraud-scoring]
""",
    "problems/slow-loan-checks.yaml": """\
kind: problem
id: slow-loan-checks
title: Loan checks wait a day for account history
value_chain: lending
impact: 4
evidence: [Median time to a loan offer is 3 days]
consumers: [loan-origination]
""",
    "problems/manual-reconciliation.yaml": """\
kind: problem
id: manual-reconciliation
title: Business customers reconcile payments by hand
value_chain: payments
impact: 3
evidence: [SMEs spend 6 hours a week on reconciliation]
consumers: [business-banking]
""",
    "problems/partner-onboarding.yaml": """\
kind: problem
id: partner-onboarding
title: Licensed third parties take months to connect
value_chain: onboarding
impact: 2
evidence: [Nine partners waited more than 90 days]
consumers: [open-banking-gateway]
""",
    "goals/live-balances.yaml": """\
kind: goal
id: live-balances
title: Balances in every channel are never older than five seconds
key: true
category: capability
problems: [stale-balances]
consumers: [mobile-banking, web-banking]
metric:
  name: p95 balance age in the apps
  unit: s
  baseline: 600
  target: 5
  by: 2027-09-30
  influence: direct
  since: 2026-07-01
  measurements:
    - {date: 2026-09-30, value: 420}
    - {date: 2026-11-10, value: 300}
""",
    "goals/real-time-fraud.yaml": """\
kind: goal
id: real-time-fraud
title: Fraud scoring sees every account change within a second
key: true
category: data
problems: [late-fraud-signals]
consumers: [fraud-scoring]
metric:
  name: p95 delay from change to fraud score
  unit: s
  baseline: 86400
  target: 1
  by: 2027-12-31
  influence: direct
  since: 2026-07-01
  measurements:
    - {date: 2026-10-31, value: 3600}
""",
    "goals/one-customer.yaml": """\
kind: goal
id: one-customer
title: Every customer has exactly one record
key: false
category: data
problems: [duplicate-customers]
consumers: [branch-desk, call-center]
metric:
  name: share of customers with more than one record
  unit: '%'
  baseline: 7
  target: 0.5
  by: 2028-06-30
  influence: shared
  since: 2026-07-01
""",
    "goals/one-login.yaml": """\
kind: goal
id: one-login
title: One login and consent flow for every channel
key: false
category: capability
problems: [login-friction, partner-onboarding]
consumers: [open-banking-gateway]
""",
    "goals/same-day-loans.yaml": """\
kind: goal
id: same-day-loans
title: Loan offers on the day of the application
key: false
category: ways-of-working
problems: [slow-loan-checks]
consumers: [loan-origination]
""",
    "goals/no-manual-reconciliation.yaml": """\
kind: goal
id: no-manual-reconciliation
title: Business customers reconcile payments automatically
key: false
category: capability
problems: [manual-reconciliation, missed-alerts]
consumers: [business-banking]
""",
    "dimensions/interface.yaml": """\
kind: dimension
id: interface
name: Interface style
choose: 1
options:
  - {id: rest-json, name: REST/JSON, cost: 2}
  - {id: soap-xml, name: SOAP/XML, cost: 3}
  - {id: grpc, name: gRPC, cost: 3}
""",
    "dimensions/notification.yaml": """\
kind: dimension
id: notification
name: Notifications
choose: 1
options:
  - {id: events, name: Account events, cost: 4}
  - {id: webhooks, name: Webhooks, cost: 3}
  - {id: polling, name: Polling, cost: 1}
""",
    "dimensions/auth.yaml": """\
kind: dimension
id: auth
name: Authentication
choose: 2
options:
  - {id: oauth2, name: OAuth 2.0, cost: 3}
  - {id: mtls, name: Mutual TLS, cost: 2}
  - {id: api-key, name: API keys, cost: 1}
""",
    "dimensions/freshness.yaml": """\
kind: dimension
id: freshness
name: Data freshness
choose: 1
options:
  - {id: realtime, name: Real time, cost: 5}
  - {id: hourly, name: Hourly, cost: 3}
  - {id: nightly, name: Nightly file, cost: 1}
""",
    "decisions/interface-2026.yaml": """\
kind: decision
id: interface-2026
dimension: interface
choice: [soap-xml]
status: superseded
date: 2026-03-01
rationale: SOAP/XML for everyone, as the branch desk and the call center speak it.
""",
    "decisions/interface-2027.yaml": """\
kind: decision
id: interface-2027
dimension: interface
choice: [rest-json]
status: accepted
date: 2026-10-15
rationale: >
  The channels carry most of the weight; the branch desk and the call center
  translate SOAP/XML at their edge.
decided_by: cto-martin
consulted: [petra-schulz, jonas-weber, noah-fischer]
supersedes: interface-2026
revisit: 2027-06-30
accommodations:
  - consumer: branch-desk
    option: soap-xml
    via: a SOAP/XML adapter run by the branch team
    until: 2027-12-31
  - consumer: call-center
    option: soap-xml
    via: the same SOAP/XML adapter
    until: 2027-12-31
""",
    "decisions/auth-2026.yaml": """\
kind: decision
id: auth-2026
dimension: auth
choice: [oauth2, mtls]
status: accepted
date: 2026-09-01
rationale: OAuth 2.0 for channels and partners, mutual TLS between back-end services.
decided_by: cto-martin
consulted: [petra-schulz, amira-nasser]
""",
    "decisions/freshness-2026.yaml": """\
kind: decision
id: freshness-2026
dimension: freshness
choice: [realtime]
status: accepted
date: 2026-10-01
rationale: >
  Real-time balances for the channels and fraud; business banking gets a nightly
  file written from the same events.
decided_by: cto-martin
consulted: [petra-schulz, tobias-klein]
revisit: 2027-09-30
accommodations:
  - consumer: business-banking
    option: nightly
    via: a nightly file written from the event stream
  - consumer: loan-origination
    option: nightly
    via: the same nightly file
""",
    "decisions/notification-draft.yaml": """\
kind: decision
id: notification-draft
dimension: notification
choice: [events]
status: proposed
date: 2026-11-05
rationale: Events first; webhooks as a bridge for partners and business banking.
decided_by: petra-schulz
consulted: [lea-hoffmann, tobias-klein]
""",
}


def write(base: Path) -> Path:
    """The strategy below `base` (made when missing)."""
    base.mkdir(parents=True, exist_ok=True)
    (base / "bpstrat.yaml").write_text(CONFIG, encoding="utf-8")
    for rel, text in FILES.items():
        target = base / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return base


def copy(base: Path, target: Path) -> Path:
    """A copy of the strategy written at `base`, to make one mistake in."""
    shutil.copytree(base, target)
    return target


def edit(root: Path, rel: str, old: str, new: str) -> None:
    """Replace the one `old` in the file `rel` by `new` (the mistake)."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in {rel}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def shown(finding: Finding) -> tuple[str, str, int, int, str]:
    return (finding.code, finding.path, finding.line, finding.column, finding.message)


class Changes(NamedTuple):
    """What a mistake changed in lint's findings: the findings it added and those it took
    away, each as (code, path, line, column, message)."""

    added: list[tuple[str, str, int, int, str]]
    removed: list[tuple[str, str, int, int, str]]


def changes(base: list[Finding], root: Path) -> Changes:
    """The findings of `root` against the `base` findings of the strategy it copies."""
    before = [shown(f) for f in base]
    after = [shown(f) for f in lint(root, TODAY).findings]
    return Changes([f for f in after if f not in before], [f for f in before if f not in after])
