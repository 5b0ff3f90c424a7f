"""The bundle's entry point (PyInstaller needs a script): the same `main` as the `transformer-viz` command."""

from viz.app import main

raise SystemExit(main())
