import sys

from sco_analysis.cli import main

sys.exit(main())
