# The bookkeeping of scripts/test, sourced by it (and by its own test, tests/suite/runner.rs):
# every stage ends as passed, failed or skipped, and the last line counts them.
#
#   suite_passed NAME | suite_failed NAME | suite_skipped "WHAT: HOW TO ENABLE IT"
#   summary        prints the skips again, then `suites: P passed, F failed, S skipped`;
#                  returns non-zero if anything failed. Under CI=true a skip is a failure.

passed=0
failed=()
skipped=()

suite_passed() { passed=$((passed + 1)); }
suite_failed() { failed+=("$1"); }
suite_skipped() {
  echo "!!!!! SKIPPED: $1" >&2
  if [ "${CI:-}" = "true" ]; then
    failed+=("skipped under CI: $1")
  else
    skipped+=("$1")
  fi
}

summary() {
  echo
  local item
  for item in "${skipped[@]}"; do echo "skipped: $item"; done
  for item in "${failed[@]}"; do echo "FAILED: $item" >&2; done
  echo "suites: $passed passed, ${#failed[@]} failed, ${#skipped[@]} skipped"
  [ ${#failed[@]} -eq 0 ]
}
