"""Where the package's data and templates live: one place, so modules in any subpackage find them."""

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
DATA = PACKAGE / "data"
TEMPLATES = PACKAGE / "templates"
