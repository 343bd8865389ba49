"""``python -m policytext``."""

from policytext.cli import main

raise SystemExit(main())
