from viz.app import main

raise SystemExit(main())
