"""`python -m unionclerk` (and the frozen bundle's entry point) runs the command line."""

import multiprocessing

from unionclerk.app import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a frozen bundle's worker processes start here
    raise SystemExit(main())
