from ucm_popup.cli import main

raise SystemExit(main())
