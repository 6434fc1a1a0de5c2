#!/usr/bin/env bash
# Regenerate tests/tax/fixtures/policyengine-2026.json from PolicyEngine-US.
#
# Uses the interpreter ORACLE_PYTHON names, if set, as it is; otherwise creates
# .venv-oracle at the repository root and installs requirements.txt into it.
# Arguments go to make_fixture.py (for example --batch 200 --check 20).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"

if [[ -n "${ORACLE_PYTHON:-}" ]]; then
    if [[ ! -x "$ORACLE_PYTHON" ]]; then
        echo "ORACLE_PYTHON=$ORACLE_PYTHON is not an interpreter" >&2
        exit 1
    fi
    python="$ORACLE_PYTHON"
else
    venv="$root/.venv-oracle"
    if [[ ! -x "$venv/bin/python" ]]; then
        python3 -m venv "$venv"
    fi
    python="$venv/bin/python"
fi

"$python" -m pip install --quiet -r "$here/requirements.txt"
"$python" "$here/make_fixture.py" "$@"
"$python" "$here/apply_corrections.py"
