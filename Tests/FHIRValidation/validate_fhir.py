"""Validates twitchcheck's FHIR output with a real FHIR library: the R4 (4.0.1) models of
fhir.resources 6.1.x. Run by .ci/steps/60-service.sh with the built binaries:

    python validate_fhir.py TWITCHCHECK_BINARY FIXTURES_DIR

Each case runs `twitchcheck check ... --format fhir`, parses the output as an R4 Bundle (every
entry's resource is validated against its own model: DetectedIssue, OperationOutcome), and
checks what a receiving EHR relies on: one DetectedIssue per finding of `--format json`, the
severity mapping, and `implicated` references back to the input resources for FHIR input.
"""
import json
import subprocess
import sys

import fhir.resources
from fhir.resources.bundle import Bundle
from fhir.resources.detectedissue import DetectedIssue
from fhir.resources.operationoutcome import OperationOutcome

assert fhir.resources.__fhir_version__ == "4.0.1", fhir.resources.__fhir_version__

binary, fixtures = sys.argv[1], sys.argv[2]
SEVERITY = {"contraindicated": "high", "major": "high", "moderate": "moderate", "minor": "low"}

cases = [
    ["sertraline", "tramadol", "sertralin"],
    ["phenelzine", "Zoloft 50 mg", "haloperidol", "lithium"],
    ["amoxicillin"],
    ["--file", f"{fixtures}/bundle.json"],
]
failures = 0
for args in cases:
    fhir_out = subprocess.run([binary, "check", *args, "--format", "fhir"], check=True, capture_output=True, text=True).stdout
    report = json.loads(subprocess.run([binary, "check", *args, "--format", "json"], check=True, capture_output=True, text=True).stdout)
    bundle = Bundle.parse_raw(fhir_out)  # raises on anything R4 does not allow
    issues = [e.resource for e in bundle.entry or [] if e.resource.resource_type == "DetectedIssue"]
    outcomes = [e.resource for e in bundle.entry or [] if e.resource.resource_type == "OperationOutcome"]
    problems = []
    if bundle.type != "collection":
        problems.append(f"bundle type {bundle.type}")
    if len(issues) != len(report["findings"]):
        problems.append(f"{len(issues)} DetectedIssue for {len(report['findings'])} findings")
    for issue, finding in zip(issues, report["findings"]):
        assert isinstance(issue, DetectedIssue)
        if issue.status != "final" or issue.severity != SEVERITY[finding["severity"]]:
            problems.append(f"status/severity {issue.status}/{issue.severity} for {finding['severity']}")
        if not issue.mitigation or issue.mitigation[0].action.text != finding["management"]:
            problems.append("mitigation is not the management text")
        cited = [d.identifier.value for e in issue.evidence or [] for d in e.detail or []]
        if cited != finding["sources"]:
            problems.append(f"evidence {cited} != sources {finding['sources']}")
        if args[0] == "--file" and not all(r.reference for r in issue.implicated or []):
            problems.append("implicated without a reference to the input resource")
    if report["unrecognized"]:
        if len(outcomes) != 1 or len(outcomes[0].issue) != len(report["unrecognized"]):
            problems.append("names not checked are not all in the OperationOutcome")
        assert isinstance(outcomes[0], OperationOutcome)
    elif outcomes:
        problems.append("an OperationOutcome although every name was checked")
    status = "ok" if not problems else "FAIL: " + "; ".join(problems)
    print(f"check {' '.join(args)} --format fhir: {len(issues)} DetectedIssue, {len(outcomes)} OperationOutcome: {status}")
    failures += bool(problems)
sys.exit(1 if failures else 0)
