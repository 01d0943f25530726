"""``python -m qcdc_demo`` is ``qcdc demo``."""

from qcdc_demo.cli import main

raise SystemExit(main())
