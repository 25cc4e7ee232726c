#!/usr/bin/env bash
# Sets up the nbstripout git filter that .gitattributes names for notebooks, in this checkout's git
# config: what git stores of a notebook has no outputs, execution counts or run metadata, so working
# in JupyterLab (which autosaves outputs) never shows the notebooks as changed.
#   git-filters.sh NBSTRIPOUT   (make lab runs it with the venv's nbstripout)
set -euo pipefail
nbstripout=${1:?usage: git-filters.sh PATH_TO_NBSTRIPOUT}
git rev-parse --git-dir >/dev/null 2>&1 || exit 0  # not a git checkout: nothing to keep clean
# Cell ids are authored (01-00, 01-01, ...) and kept; the kernel's language details are dropped.
keys="metadata.language_info.codemirror_mode metadata.language_info.file_extension metadata.language_info.mimetype"
keys="$keys metadata.language_info.nbconvert_exporter metadata.language_info.pygments_lexer metadata.language_info.version"
command="'$nbstripout' --keep-id --extra-keys '$keys'"
git config filter.nbstripout.clean "$command"
git config filter.nbstripout.smudge cat
git config diff.ipynb.textconv "$command -t"
